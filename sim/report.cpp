// The KPI table, the results JSON and the CSV series.
#include "sim/report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "sim/comparison.hpp"
#include "sim/metrics.hpp"
#include "vaxel/version.hpp"

namespace vaxel::sim {

namespace {
bool is_share(const std::string& kpi) {
  const KpiInfo* k = find_kpi(kpi);
  return k != nullptr && std::string(k->unit) == "share";
}
bool is_seconds(const std::string& kpi) {
  const KpiInfo* k = find_kpi(kpi);
  return k != nullptr && std::string(k->unit) == "s";
}

std::string csv_number(double v) {
  return std::isnan(v) ? "" : fmt::format("{:.6g}", v);
}
}  // namespace

std::string format_value(const std::string& kpi, double value) {
  if (std::isnan(value)) return "-";
  if (is_share(kpi)) return fmt::format("{:.1f} %", 100.0 * value);
  if (is_seconds(kpi)) return fmt::format("{:.1f} s", value);
  return fmt::format("{:.2f}", value);
}

void print_table(const ExperimentResult& r, std::ostream& out) {
  const RunOptions& o = r.options;
  out << fmt::format("vaxel {} — scenario {} ({}), hash {}\n", kVersion, r.scenario, r.source, r.hash);
  out << fmt::format("{} replications x {} days after {} warm-up days, seed {}; 95 % confidence intervals\n\n",
                     o.replications, o.days, o.warmup_days, o.seed);
  out << fmt::format("{:<40} {:>10}  {:<24} {:<14} {}\n", "KPI", "mean", "95 % CI", "target", "");
  for (const auto& [name, e] : r.kpis) {
    const KpiInfo* k = find_kpi(name);
    const std::string label = std::string(k->label) + (k->clause[0] ? fmt::format(" ({})", k->clause) : "");
    std::string target;
    std::string verdict;
    for (const TargetResult& t : r.targets) {
      if (t.target.kpi != name) continue;
      target = fmt::format("{} {}",
                           t.target.op == model::Comparison::AtLeast ? ">=" : "<=", format_value(name, t.target.value));
      verdict = to_string(t.verdict);
    }
    const std::string ci = e.n > 1 && !std::isnan(e.mean)
                               ? fmt::format("[{}, {}]", format_value(name, e.low()), format_value(name, e.high()))
                               : "";
    out << fmt::format("{:<40} {:>10}  {:<24} {:<14} {}\n", label, format_value(name, e.mean), ci, target, verdict);
  }
  int met = 0;
  for (const TargetResult& t : r.targets)
    met += t.verdict == Verdict::Met ? 1 : 0;
  if (!r.targets.empty()) out << fmt::format("\ntargets: {} of {} met\n", met, r.targets.size());
}

nlohmann::json to_json(const ExperimentResult& r, const model::Scenario& scenario) {
  nlohmann::json j;
  j["vaxel_version"] = kVersion;
  j["scenario"] = {{"name", r.scenario}, {"source", r.source}, {"hash", r.hash}};
  j["seed"] = r.options.seed;
  j["replications"] = r.options.replications;
  j["days"] = r.options.days;
  j["warmup_days"] = r.options.warmup_days;
  j["confidence"] = 0.95;
  j["service_level_s"] = scenario.run.service_level_s;
  for (const auto& [name, e] : r.kpis)
    j["kpis"][name] = estimate_to_json(e);
  j["targets"] = nlohmann::json::array();
  for (const TargetResult& t : r.targets)
    j["targets"].push_back({{"kpi", t.target.kpi},
                            {"op", t.target.op == model::Comparison::AtLeast ? ">=" : "<="},
                            {"value", t.target.value},
                            {"verdict", to_string(t.verdict)},
                            {"estimate", estimate_to_json(t.estimate)}});
  for (const KpiInfo& k : kpi_catalogue()) {
    for (std::size_t h = 0; h < 24; ++h)
      j["by_hour"][k.name].push_back(estimate_to_json(r.series("by_hour", k.name, h)));
    for (std::size_t d = 0; d < static_cast<std::size_t>(r.options.days); ++d)
      j["by_day"][k.name].push_back(estimate_to_json(r.series("by_day", k.name, d)));
    for (const auto& u : scenario.directory.units)
      j["by_unit"][u.name][k.name] = estimate_to_json(r.group("by_unit", u.name, k.name));
    for (const auto& a : scenario.directory.administrations)
      j["by_administration"][a.name][k.name] = estimate_to_json(r.group("by_administration", a.name, k.name));
  }
  return j;
}

void write_outputs(const ExperimentResult& r, const model::Scenario& scenario, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create {}: {}", dir, ec.message()));
  auto open = [&](const std::string& name) {
    std::ofstream f(fs::path(dir) / name);
    if (!f) throw std::runtime_error(fmt::format("cannot write {}", (fs::path(dir) / name).string()));
    return f;
  };
  open("results.json") << to_json(r, scenario).dump(2) << "\n";

  auto hours = open("by_hour.csv");
  hours << "kpi,hour,mean,low,high,n\n";
  for (const KpiInfo& k : kpi_catalogue())
    for (std::size_t h = 0; h < 24; ++h) {
      const Estimate e = r.series("by_hour", k.name, h);
      hours << fmt::format("{},{},{},{},{},{}\n", k.name, h, csv_number(e.mean), csv_number(e.low()),
                           csv_number(e.high()), e.n);
    }
  auto days = open("by_day.csv");
  days << "kpi,day,date,mean,low,high,n\n";
  const model::DayNumber first = model::to_day_number(scenario.run.start);
  for (const KpiInfo& k : kpi_catalogue())
    for (int d = 0; d < r.options.days; ++d) {
      const Estimate e = r.series("by_day", k.name, static_cast<std::size_t>(d));
      days << fmt::format("{},{},{},{},{},{},{}\n", k.name, d, model::format_date(model::from_day_number(first + d)),
                          csv_number(e.mean), csv_number(e.low()), csv_number(e.high()), e.n);
    }
  auto units = open("by_unit.csv");
  units << "unit,administration,kpi,mean,low,high,n\n";
  for (const auto& u : scenario.directory.units)
    for (const KpiInfo& k : kpi_catalogue()) {
      const Estimate e = r.group("by_unit", u.name, k.name);
      units << fmt::format("\"{}\",\"{}\",{},{},{},{},{}\n", u.name,
                           scenario.directory.administration(u.administration).name, k.name, csv_number(e.mean),
                           csv_number(e.low()), csv_number(e.high()), e.n);
    }
}

}  // namespace vaxel::sim
