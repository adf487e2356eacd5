// `vaxel staff` as a library: the least number of operators for each hour of the week that meets a scenario's
// queue targets, found by simulation.
//
// A staffing plan gives a number of operators for each (weekday, hour) the switchboard is open; operator k works
// every hour whose count is at least k, so a plan is an ordinary `switchboard.operators` list. The search:
//  1. seed every open hour with Erlang A (sim/erlang.hpp find_min_operators) from that hour's offered calls
//     (demand x weekday factor x intraday share x share of calls reaching the switchboard), the intent-weighted
//     mean handle time and the callers' mean patience;
//  2. simulate the whole plan (all replications) and judge every open hour of the week on its own: the queue
//     targets (service_level, abandoned, mean_wait_s) on that hour's calls pooled over replications;
//  3. an hour that misses gets one more operator and is never lowered again; when every hour meets, every hour
//     that may still go lower loses one operator at once, and the next simulation decides which keep it;
//  4. stop when a simulated plan meets everywhere and nothing can be lowered (or at the iteration limit).
// The last plan that met everywhere is the answer; it is then judged as a whole against all targets with CIs.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/experiment.hpp"

namespace vaxel::sim {

/// Operators per weekday (Monday first) and hour of day; 0 where the switchboard is closed.
struct StaffingPlan {
  std::array<std::array<int, 24>, 7> operators{};
  [[nodiscard]] int at(int weekday, int hour) const {
    return operators[static_cast<std::size_t>(weekday)][static_cast<std::size_t>(hour)];
  }
  /// Operator-hours in one week.
  [[nodiscard]] int weekly_operator_hours() const;
  [[nodiscard]] int peak() const;
};

/// Whether the switchboard is open in some minute of (weekday, hour) in its ordinary weekly hours.
[[nodiscard]] bool open_in_hour(const model::Scenario& s, int weekday, int hour);

/// Erlang A's fewest operators for every open hour (at least 1), from the scenario's demand and handle times.
[[nodiscard]] StaffingPlan seed_plan(const model::Scenario& s, int max_operators);

/// The plan as an overlay scenario whose `extends:` says `extends` verbatim (the base as seen from the folder
/// the overlay is loaded from), and the scenario it gives when laid over `file` (the scenario's own file).
[[nodiscard]] std::string plan_overlay_yaml(const model::Scenario& base, const std::string& extends,
                                            const StaffingPlan& plan);
[[nodiscard]] model::Scenario scenario_with_plan(const model::Scenario& base, const std::string& file,
                                                 const StaffingPlan& plan);

struct StaffingOptions {
  int max_iterations = 15;  ///< simulations of candidate plans, at most
  int max_operators = 20;   ///< per hour
};

/// Queue counts of one hour of the week, summed over replications.
struct HourQueue {
  double offered = 0;  ///< calls that reached the switchboard queue
  double answered = 0;
  double answered_in_sl = 0;
  double abandoned = 0;
  double wait_sum_s = 0;  ///< waits of the answered
};

struct StaffingResult {
  StaffingPlan plan;
  bool found = false;  ///< a simulated plan met the queue targets in every open hour
  int simulations = 0;
  model::Scenario scenario;                ///< the base with the plan's operators
  ExperimentResult result;                 ///< the plan's run, targets judged
  std::vector<std::string> queue_targets;  ///< the targets judged hour by hour
  std::vector<std::string> log;            ///< one line per simulation
};

/// Runs the search (see the file comment). `file` is the scenario's path. on_progress gets each log line.
[[nodiscard]] StaffingResult find_staffing(const model::Scenario& base, const std::string& file,
                                           const RunOptions& options, const StaffingOptions& staffing,
                                           const std::function<void(const std::string&)>& on_progress = {});

}  // namespace vaxel::sim
