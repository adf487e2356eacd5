// How results leave vaxel: the KPI table for people (stdout), one JSON document for machines, and CSV series
// per hour of day, per day and per unit for spreadsheets.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "sim/experiment.hpp"

namespace vaxel::sim {

/// "62.1 %" for shares, "41.3 s" for seconds, "1.38" otherwise.
[[nodiscard]] std::string format_value(const std::string& kpi, double value);

/// The KPI table with confidence intervals and each target met, missed or inconclusive.
void print_table(const ExperimentResult& result, std::ostream& out);

/// Every KPI with its CI, overall and by hour, day, unit and administration, plus scenario hash, seed and
/// version. Deterministic: no clock, keys sorted.
[[nodiscard]] nlohmann::json to_json(const ExperimentResult& result, const model::Scenario& scenario);

/// Writes results.json, by_hour.csv, by_day.csv and by_unit.csv into `dir` (created if missing).
/// Throws std::runtime_error naming the file that could not be written.
void write_outputs(const ExperimentResult& result, const model::Scenario& scenario, const std::string& dir);

}  // namespace vaxel::sim
