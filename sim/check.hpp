// `vaxel check` as a library: a scenario's targets judged against their confidence intervals (met when the whole
// CI is on the right side, missed when it is wholly on the wrong side, otherwise inconclusive), optional
// regression findings against a baseline (sim/comparison.hpp), the pass/fail rule, and the JUnit XML report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/comparison.hpp"
#include "sim/experiment.hpp"

namespace vaxel::sim {

/// One checked scenario.
struct CheckedScenario {
  ExperimentResult result;  ///< its targets are judged in result.targets
  bool judge_targets = true;
  std::optional<std::string> baseline_source;  ///< where the baseline came from; nullopt = no baseline
  bool baseline_paired = false;                ///< the baseline shared random numbers (paired differences)
  std::vector<BaselineFinding> baseline;
};

/// Whether a target's verdict passes: met always, missed never; inconclusive (and no data) unless strict.
[[nodiscard]] bool target_passes(Verdict v, bool strict);

struct CheckSummary {
  int targets = 0;
  int met = 0;
  int missed = 0;
  int inconclusive = 0;  ///< including no data
  int worse = 0;         ///< KPIs significantly worse than their baseline
  int better = 0;
  bool passed = true;  ///< every judged target passes and no KPI is worse
};

[[nodiscard]] CheckSummary summarise(const std::vector<CheckedScenario>& checked, bool strict);

/// "service_level >= 80.0 %".
[[nodiscard]] std::string describe(const model::Target& t);

/// XML text with &, <, >, " and ' escaped.
[[nodiscard]] std::string xml_escape(const std::string& s);

/// JUnit XML: one <testsuite> per scenario, one <testcase> per target ("missed" and, with strict,
/// "inconclusive" are <failure>; inconclusive otherwise <skipped>) and, with a baseline, one per judged KPI
/// (<failure> when significantly worse).
[[nodiscard]] std::string junit_xml(const std::vector<CheckedScenario>& checked, bool strict);

/// The check as one JSON document.
[[nodiscard]] nlohmann::json check_json(const std::vector<CheckedScenario>& checked, bool strict);

}  // namespace vaxel::sim
