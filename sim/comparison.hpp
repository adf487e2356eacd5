// Differences between scenarios, and between a run and a stored baseline, with confidence intervals.
//
// Runs of several scenarios share common random numbers: replication r of every scenario uses stream r (with
// the same seed, replications, days and warm-up), so the per-replication differences other_r - base_r are
// independent across r and their Student-t interval is the CI of the difference (a paired comparison). It is
// far narrower than the two separate CIs suggest, because the shared randomness cancels. A difference is
// significant when its CI excludes 0.
//
// When per-replication values are not available (a results.json of another run) or the runs did not share
// their random numbers (another seed or replication count), the two means are independent and their
// difference gets Welch's interval: se^2 = se_a^2 + se_b^2 with each se recovered from its CI half-width,
// and Welch-Satterthwaite degrees of freedom.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/experiment.hpp"
#include "sim/statistics.hpp"

namespace vaxel::sim {

/// other - base, with its CI, and how it was computed.
struct Difference {
  Estimate diff;
  bool paired = false;  ///< per-replication (common random numbers) rather than Welch
  /// The CI excludes 0 (and there is a CI at all: at least two values).
  [[nodiscard]] bool significant() const;
};

/// CI of the mean of other[r] - base[r]; pairs where either value is NaN (no data) are left out.
[[nodiscard]] Difference paired_difference(const std::vector<double>& base, const std::vector<double>& other,
                                           double confidence = 0.95);

/// CI of other.mean - base.mean for independent estimates given as mean, CI half-width (at `confidence`)
/// and n. With n < 2 on either side the half-width is infinite (nothing can be concluded).
[[nodiscard]] Difference welch_difference(const Estimate& base, const Estimate& other, double confidence = 0.95);

/// Each replication's value of a headline KPI (NaN when it had none).
[[nodiscard]] std::vector<double> kpi_values(const ExperimentResult& r, const std::string& kpi);
/// Each replication's value of replications[*][section][key][index] (by_hour, by_day).
[[nodiscard]] std::vector<double> series_values(const ExperimentResult& r, const std::string& section,
                                                const std::string& key, std::size_t index);
/// Each replication's value of replications[*][section][group][kpi] (by_unit, by_administration).
[[nodiscard]] std::vector<double> group_values(const ExperimentResult& r, const std::string& section,
                                               const std::string& group, const std::string& kpi);

/// True when two runs used common random numbers: same seed, replications, days and warm-up, and both carry
/// their per-replication results.
[[nodiscard]] bool shares_random_numbers(const ExperimentResult& a, const ExperimentResult& b);

/// The difference of one KPI between two runs: paired when they share random numbers, else Welch.
[[nodiscard]] Difference kpi_difference(const ExperimentResult& base, const ExperimentResult& other,
                                        const std::string& kpi, double confidence = 0.95);

/// Which way is better for a KPI: +1 higher, -1 lower, 0 neither (demand, occupancy: not a quality).
[[nodiscard]] int better_direction(const std::string& kpi);

/// A KPI whose change against a baseline is judged.
struct BaselineFinding {
  std::string kpi;
  Estimate baseline;
  Estimate now;
  Difference change;    ///< now - baseline
  bool worse = false;   ///< significantly worse: the whole CI of the change lies on the worse side of 0
  bool better = false;  ///< significantly better
};

/// Every KPI with a direction, judged against the baseline (see the file comment for the rule).
[[nodiscard]] std::vector<BaselineFinding> compare_to_baseline(const ExperimentResult& baseline,
                                                               const ExperimentResult& now, double confidence = 0.95);

/// A baseline or results file (what `vaxel run --out` writes as results.json, or `vaxel check
/// --update-baseline` writes) as an ExperimentResult: KPIs with CIs, options, and per-replication KPI values
/// when the file has them ("per_replication"). Throws std::runtime_error naming what is missing.
[[nodiscard]] ExperimentResult result_from_json(const nlohmann::json& j, const std::string& source);

/// The compact baseline document: scenario, options, KPIs with CIs, targets and per-replication KPI values.
[[nodiscard]] nlohmann::json baseline_json(const ExperimentResult& r, const model::Scenario& scenario);

}  // namespace vaxel::sim

namespace vaxel::sim {

/// "62.1 ± 1.9 %", "41.3 ± 2.0 s", "1.38 ± 0.02"; "-" without data; no "±" with one replication.
[[nodiscard]] std::string format_estimate(const std::string& kpi, const Estimate& e);
/// "+0.9 ± 0.6 pp" (shares in percentage points), "+2.1 ± 1.0 s", "+0.02 ± 0.01"; "-" without data.
[[nodiscard]] std::string format_difference(const std::string& kpi, const Difference& d);
/// {mean, low, high, half_width, n} with null for what is not a number.
[[nodiscard]] nlohmann::json estimate_to_json(const Estimate& e);
/// estimate_to_json plus paired and significant.
[[nodiscard]] nlohmann::json difference_to_json(const Difference& d);

}  // namespace vaxel::sim
