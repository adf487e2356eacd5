// Engine validation: the simulator against queueing theory where theory is exact. A validation scenario is an
// ordinary scenario file shaped into a textbook queue (scenarios/validation/base/queue.yaml: one queue open
// around the clock, stationary Poisson demand, exponential handling, exponential or no patience, no redials);
// this module reads the M/M/c/K+M model back out of it, refusing any scenario that is not of that shape, runs
// it, and checks that the 99 % confidence interval of each simulated KPI contains the analytic value.
// `vaxel validate-engine` and tests/engine_validation_test.cpp both run through here (docs/validation.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/erlang.hpp"
#include "sim/experiment.hpp"
#include "sim/statistics.hpp"

namespace vaxel::sim {

/// The confidence of the validation intervals (the issue: 99 %).
inline constexpr double kValidationConfidence = 0.99;

/// The queue a validation scenario describes, or why the scenario is not one.
struct QueueShape {
  std::optional<analytic::QueueModel> model;  ///< set when the scenario is a textbook queue
  std::string why_not;                        ///< otherwise the first reason, e.g. "demand.weekday_factor: sun is 0"
};

/// Reads operators (c), arrival rate, handle time, patience and trunk lines (K) from a scenario, after
/// checking that it is the textbook queue the formulas assume.
[[nodiscard]] QueueShape queue_shape(const model::Scenario& scenario);

/// The model's name in queueing notation, e.g. "M/M/6/10+M".
[[nodiscard]] std::string kendall_name(const analytic::QueueModel& model);

/// The analytic KPIs of the model. Unlimited lines when the unlimited queue's chance of ever filling them is
/// below analytic::kTailMass (then Erlang C/A in closed form, what planners recognise), else M/M/c/K+M.
[[nodiscard]] analytic::QueueMetrics analytic_metrics(const analytic::QueueModel& model, double sl_seconds);

/// One KPI compared: the analytic value against the simulated mean and its 99 % interval.
struct ValidationCheck {
  std::string kpi;      ///< the simulator's KPI name (sim/metrics.hpp), e.g. "waited"
  std::string label;    ///< what theory calls it, e.g. "P(wait)"
  double analytic = 0;  ///< converted to the simulator's definition (see docs/validation.md)
  Estimate simulated;   ///< over replications, at kValidationConfidence
  /// When no replication saw a single event (every value exactly 0, or 1 for a service level), the Student-t
  /// interval collapses to a point and says nothing. Then the exact binomial bound on the event's probability
  /// over all the calls of all replications (Clopper-Pearson, kValidationConfidence two-sided) stands in:
  /// with n calls and no event, 1 - (alpha/2)^(1/n), about 5.3 / n. NaN when the t-interval applies.
  double exact_bound = kNaN;
  bool passed = false;                ///< the interval contains the analytic value
  [[nodiscard]] double low() const;   ///< of the interval the check used
  [[nodiscard]] double high() const;  ///< of the interval the check used
};

/// One KPI's values over the replications against theory. `trials` is the number of calls a share KPI was
/// taken over in all replications together (0 for a KPI that is not a share of calls): it gives the exact
/// bound when no replication saw a single event.
[[nodiscard]] ValidationCheck compare_with_theory(std::string kpi, std::string label, double analytic,
                                                  const std::vector<double>& values, double trials);

struct ValidationCase {
  std::string name;           ///< scenario name
  std::string source;         ///< scenario file
  std::string model;          ///< kendall_name, without K when the lines never fill
  bool lines_matter = false;  ///< the trunk lines can all be busy: the M/M/c/K model, P(blocked) checked
  analytic::QueueModel queue;
  analytic::QueueMetrics theory;
  std::vector<ValidationCheck> checks;
  RunOptions options;  ///< what was run
  double seconds = 0;  ///< wall-clock time of the simulation
  [[nodiscard]] bool passed() const;
};

/// How much of each scenario's `run:` to simulate. 1 = as written; smaller scales shorten the measured days
/// (never below one), e.g. for slow sanitized builds. The warm-up and the replications stay as written.
struct ValidationOptions {
  int jobs = 1;
  double days_scale = 1.0;
  bool progress = false;
};

/// Runs one validation scenario and compares. Throws std::invalid_argument with the reason when the scenario
/// is not a textbook queue.
[[nodiscard]] ValidationCase validate_engine_case(const model::Scenario& scenario, const ValidationOptions& options);

/// The validation scenario files directly inside `folder` (*.yaml, not its subfolders, which hold the shared
/// bases), sorted by name. Throws std::runtime_error naming the folder when it is missing or holds none.
[[nodiscard]] std::vector<std::string> validation_files(const std::string& folder);

}  // namespace vaxel::sim
