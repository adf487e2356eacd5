// `vaxel sweep`: every grid point runs with the file's (or the flags') seed, replications, days and warm-up, so
// replication r of each point uses the same random streams and neighbouring points differ by the setting, not
// by luck. Grid points are YAML overlays on FILE (sim/sweep.hpp).
#include "sim/cmd_sweep.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/cli_common.hpp"
#include "sim/comparison.hpp"
#include "sim/experiment.hpp"
#include "sim/metrics.hpp"
#include "sim/sweep.hpp"
#include "vaxel/version.hpp"

namespace vaxel::cli {

namespace {

struct SweepArgs {
  std::string file;
  std::vector<std::string> sets;
  std::vector<std::string> kpis;
  std::string csv;
  RunFlags flags;
};

const std::vector<std::string> kDefaultKpis = {"service_level",       "abandoned",  "mean_wait_s",
                                               "one_call_resolution", "unanswered", "operator_occupancy"};

struct PointResult {
  sim::SweepPoint point;
  sim::ExperimentResult result;
};

int targets_met(const sim::ExperimentResult& r) {
  int met = 0;
  for (const sim::TargetResult& t : r.targets)
    met += t.verdict == sim::Verdict::Met ? 1 : 0;
  return met;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s)
    q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csv_number(double v) {
  return std::isfinite(v) ? fmt::format("{:.6g}", v) : "";
}

void write_csv(const std::string& path, const std::vector<sim::SweepParameter>& params,
               const std::vector<PointResult>& results) {
  std::ofstream f(path);
  if (!f) {
    std::cerr << "vaxel sweep: error: cannot write " << path << "\n";
    throw ExitRequest{kExitFailed};
  }
  for (const sim::SweepParameter& p : params)
    f << csv_cell(p.key) << ",";
  f << "scenario_hash";
  for (const sim::KpiInfo& k : sim::kpi_catalogue())
    f << fmt::format(",{0}_mean,{0}_low,{0}_high", k.name);
  f << ",targets_met,targets\n";
  for (const PointResult& pr : results) {
    for (const auto& [k, v] : pr.point)
      f << csv_cell(v) << ",";
    f << pr.result.hash;
    for (const auto& [name, e] : pr.result.kpis)
      f << "," << csv_number(e.mean) << "," << csv_number(e.low()) << "," << csv_number(e.high());
    f << "," << targets_met(pr.result) << "," << pr.result.targets.size() << "\n";
  }
}

}  // namespace

void add_sweep_command(CLI::App& root) {
  auto a = std::make_shared<SweepArgs>();
  CLI::App* cmd = root.add_subcommand(
      "sweep", "Run a grid of variants of a scenario (--set key=values) with common random numbers");
  cmd->add_option("file", a->file, "Scenario YAML file to vary")->required()->check(CLI::ExistingFile);
  cmd->add_option("--set", a->sets,
                  "key=values: a dotted scenario key and a comma list or integer range a..b (repeatable; the grid is "
                  "every combination); operators=N keeps the first N operators and repeats the last one's shift")
      ->required();
  cmd->add_option("--kpi", a->kpis,
                  "KPI columns of the table (repeatable; default service_level, abandoned, "
                  "mean_wait_s, one_call_resolution, unanswered, operator_occupancy)");
  cmd->add_option("--csv", a->csv, "Also write every KPI's mean and CI per grid point to this CSV file");
  add_run_flags(cmd, a->flags);
  add_output_flags(cmd, a->flags);
  add_db_flags(cmd, a->flags);
  cmd->footer(
      "Examples:\n"
      "  vaxel sweep scenarios/sotenas.yaml --set operators=1..4\n"
      "  vaxel sweep scenarios/sotenas.yaml --set operators=1..3 --set policy.ring_timeout_s=15,25,35 --csv grid.csv\n"
      "  vaxel sweep scenarios/sotenas.yaml --set 'organisation.units.Bygglov.phone_hours={weekly: {mon-fri: "
      "[\"09:00-10:00\"]}},~'\n"
      "Each grid point is the overlay `extends: FILE` plus the keys set, loaded like any scenario file; values are\n"
      "YAML. operators=N (or switchboard.operators=N) keeps the first N listed operators and, beyond them, repeats\n"
      "the last listed operator's shift. All points share seed, replications, days and warm-up: common random\n"
      "numbers, so differences between points are differences of the settings.");
  cmd->callback([a] {
    std::vector<sim::SweepParameter> params;
    std::vector<sim::SweepPoint> points;
    for (const std::string& k : a->kpis)
      if (sim::find_kpi(k) == nullptr) {
        std::cerr << "vaxel sweep: error: --kpi " << k << ": no such KPI\n";
        throw ExitRequest{kExitBadInput};
      }
    const model::Scenario base = load_scenario_or_exit(a->file);
    std::vector<model::Scenario> scenarios;
    try {
      for (const std::string& s : a->sets)
        params.push_back(sim::parse_set(s));
      points = sim::expand_grid(params);
      for (const sim::SweepPoint& p : points)  // every point is checked before anything runs
        scenarios.push_back(sim::load_point(a->file, base.name, p));
    } catch (const sim::SweepError& e) {
      std::cerr << "vaxel sweep: error: " << e.what() << "\n";
      throw ExitRequest{kExitBadInput};
    }
    const sim::RunOptions options = run_options(base, a->flags);
    std::vector<PointResult> results;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (!a->flags.quiet)
        std::cerr << fmt::format("point {}/{}: {}\n", i + 1, points.size(), sim::describe(points[i]));
      PointResult pr{points[i], sim::run_experiment(scenarios[i], options)};
      store_run(a->flags, pr.result, scenarios[i], "sweep");
      results.push_back(std::move(pr));
    }
    if (!a->csv.empty()) write_csv(a->csv, params, results);

    const std::vector<std::string>& columns = a->kpis.empty() ? kDefaultKpis : a->kpis;
    if (a->flags.json) {
      nlohmann::json j;
      j["vaxel_version"] = kVersion;
      j["file"] = a->file;
      j["seed"] = options.seed;
      j["replications"] = options.replications;
      j["days"] = options.days;
      j["warmup_days"] = options.warmup_days;
      for (const sim::SweepParameter& p : params)
        j["parameters"].push_back({{"key", p.key}, {"values", p.values}});
      j["points"] = nlohmann::json::array();
      for (const PointResult& pr : results) {
        nlohmann::json pj;
        for (const auto& [k, v] : pr.point)
          pj["settings"][k] = v;
        pj["scenario_hash"] = pr.result.hash;
        for (const auto& [name, e] : pr.result.kpis)
          pj["kpis"][name] = sim::estimate_to_json(e);
        pj["targets"] = nlohmann::json::array();
        for (const sim::TargetResult& t : pr.result.targets)
          pj["targets"].push_back({{"kpi", t.target.kpi},
                                   {"op", t.target.op == model::Comparison::AtLeast ? ">=" : "<="},
                                   {"value", t.target.value},
                                   {"verdict", sim::to_string(t.verdict)}});
        j["points"].push_back(pj);
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format(
        "vaxel {} sweep — {} ({}); seed {}, {} replications x {} days after {} warm-up days; common random numbers; "
        "mean ± 95 % CI half-width\n\n",
        kVersion, base.name, a->file, options.seed, options.replications, options.days, options.warmup_days);
    std::vector<std::size_t> widths;
    for (const sim::SweepParameter& p : params) {
      std::size_t w = p.key.size();
      for (const std::string& v : p.values)
        w = std::max(w, v.size());
      widths.push_back(std::min<std::size_t>(w, 40));
    }
    // Each KPI column as wide as its name or its widest cell, two spaces apart: names are never cut.
    const auto cell = [](const PointResult& pr, const std::string& k) {
      const sim::Estimate* e = pr.result.kpi(k);
      return e != nullptr ? sim::format_estimate(k, *e) : std::string("-");
    };
    std::vector<std::size_t> cells;
    for (const std::string& k : columns) {
      std::size_t w = display_width(k);
      for (const PointResult& pr : results)
        w = std::max(w, display_width(cell(pr, k)));
      cells.push_back(w + 2);
    }
    for (std::size_t i = 0; i < params.size(); ++i)
      std::cout << fmt::format("{:<{}}  ", params[i].key, widths[i]);
    for (std::size_t c = 0; c < columns.size(); ++c)
      std::cout << fmt::format("{:>{}}", columns[c], cells[c]);
    std::cout << fmt::format("{:>10}\n", "targets");
    for (const PointResult& pr : results) {
      for (std::size_t i = 0; i < pr.point.size(); ++i)
        std::cout << fmt::format("{:<{}}  ", pr.point[i].second.substr(0, widths[i]), widths[i]);
      for (std::size_t c = 0; c < columns.size(); ++c)
        std::cout << fmt::format("{:>{}}", cell(pr, columns[c]), cells[c]);
      std::cout << fmt::format("{:>10}\n", fmt::format("{}/{} met", targets_met(pr.result), pr.result.targets.size()));
    }
  });
}

}  // namespace vaxel::cli
