// An experiment: R replications of one scenario in worker processes, summarised as 95 % confidence
// intervals (Student t) for every KPI, overall and per hour, day, unit and administration, with the
// scenario's targets judged against the intervals.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/cdr.hpp"
#include "sim/statistics.hpp"

namespace vaxel::sim {

struct RunOptions {
  int replications = 10;
  int jobs = 1;  ///< worker processes at once
  std::uint64_t seed = 1;
  int days = 28;  ///< measured days
  int warmup_days = 7;
  int drain_days = 2;      ///< simulated after the measured days so their errands can end (ReplicationSpec)
  std::string trace_path;  ///< replication 0's event trace as JSON lines; empty = none
  std::string cdr_path;    ///< replication 0's call detail records (docs/cdr.md); empty = none
  cdr::Format cdr_format = cdr::Format::Generic;
  bool progress = true;  ///< a progress line on stderr when it is a terminal
};

/// Options from the scenario's `run:` section.
[[nodiscard]] RunOptions options_from(const model::Scenario& scenario);

/// A target judged against its confidence interval (the whole CI on the right side = met).
enum class Verdict { Met, Missed, Inconclusive, NoData };
[[nodiscard]] const char* to_string(Verdict v);

struct TargetResult {
  model::Target target;
  Estimate estimate;
  Verdict verdict = Verdict::NoData;
};

struct ExperimentResult {
  std::string scenario;  ///< scenario name
  std::string source;    ///< where it was loaded from
  std::string hash;      ///< scenario_hash
  RunOptions options;
  std::vector<nlohmann::json> replications;            ///< each replication's own KPIs (sim/metrics.hpp)
  std::vector<std::pair<std::string, Estimate>> kpis;  ///< catalogue order
  std::vector<TargetResult> targets;

  [[nodiscard]] const Estimate* kpi(const std::string& name) const;
  /// Mean and CI of replications[*][section][key][index] (e.g. "by_hour", "service_level", 10).
  [[nodiscard]] Estimate series(const std::string& section, const std::string& key, std::size_t index) const;
  /// Mean and CI of replications[*][section][group][kpi] (e.g. "by_unit", "Bygglov", "one_call_resolution").
  [[nodiscard]] Estimate group(const std::string& section, const std::string& group, const std::string& kpi) const;
};

/// Runs the experiment. Results are byte-identical for the same scenario and options, whatever `jobs`.
/// Throws std::invalid_argument when the run exceeds the limits of model/limits.hpp.
[[nodiscard]] ExperimentResult run_experiment(const model::Scenario& scenario, const RunOptions& options);

/// Fills result.kpis (mean and CI of each KPI over result.replications) and judges the scenario's targets.
void summarise(ExperimentResult& result, const model::Scenario& scenario);

/// Judges one target against its estimate.
[[nodiscard]] Verdict judge(const model::Target& target, const Estimate& e);

}  // namespace vaxel::sim
