// `vaxel compare`: every scenario runs with the same seed, replications, days and warm-up, so replication r of
// each uses the same random streams and the per-replication differences give a paired CI (sim/comparison.hpp).
// A stored run id may stand in for a scenario; its options then bind the others.
#include "sim/cmd_compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/cli_common.hpp"
#include "sim/comparison.hpp"
#include "sim/experiment.hpp"
#include "sim/metrics.hpp"
#include "vaxel/version.hpp"

namespace vaxel::cli {

namespace {

struct CompareArgs {
  std::vector<std::string> inputs;
  RunFlags flags;
  std::string by;
  std::vector<std::string> kpis;
};

struct Side {
  std::string input;
  model::Scenario scenario;
  sim::ExperimentResult result;
  bool stored = false;
};

const std::vector<std::string> kDefaultBreakdownKpis = {"one_call_resolution", "repeat_call_rate", "calls_per_day",
                                                        "service_level"};

// One row: a label, each side's estimate, and each other's difference against the base.
struct Row {
  std::string label;
  std::string kpi;
  std::vector<sim::Estimate> values;
  std::vector<sim::Difference> diffs;  ///< one per side after the base
};

std::string describe(const sim::RunOptions& o) {
  return fmt::format("seed {}, {} replications, {} days, {} warm-up days", o.seed, o.replications, o.days,
                     o.warmup_days);
}

// The options every side runs with: the base's (stored, or its run: section and the flags). A side whose own
// run: section disagrees on something no flag set is refused, since its numbers would not be paired.
sim::RunOptions agree_on_options(std::vector<Side>& sides, const RunFlags& flags) {
  const sim::RunOptions base = sides[0].stored ? sides[0].result.options : run_options(sides[0].scenario, flags);
  auto refuse = [&](const std::string& what) {
    std::cerr << "vaxel compare: error: " << what << "\n"
              << "  common random numbers need one seed, replication count, days and warm-up for all; "
                 "pass --seed, -r, --days or --warmup to set them for every scenario\n";
    throw ExitRequest{kExitBadInput};
  };
  for (std::size_t i = 0; i < sides.size(); ++i) {
    const Side& s = sides[i];
    if (s.stored) {
      const sim::RunOptions& o = s.result.options;
      sim::RunOptions wanted = base;  // what the comparison runs with; for a stored base, the flags must agree
      if (i == 0) {
        if (flags.seed) wanted.seed = *flags.seed;
        if (flags.replications) wanted.replications = *flags.replications;
        if (flags.days) wanted.days = *flags.days;
        if (flags.warmup) wanted.warmup_days = *flags.warmup;
      }
      if (o.seed != wanted.seed || o.replications != wanted.replications || o.days != wanted.days ||
          o.warmup_days != wanted.warmup_days)
        refuse(fmt::format("stored run {} was run with {}, but the comparison asks for {}", s.input, describe(o),
                           describe(wanted)));
      if (static_cast<int>(s.result.replications.size()) != o.replications)
        refuse(fmt::format("stored run {} has no per-replication results to pair with", s.input));
      continue;
    }
    if (i == 0) continue;
    const model::RunSpec& run = s.scenario.run;
    if (!flags.seed && run.seed != base.seed)
      refuse(fmt::format("{} has run.seed {} but the base has {}", s.input, run.seed, base.seed));
    if (!flags.replications && run.replications != base.replications)
      refuse(
          fmt::format("{} has run.replications {} but the base has {}", s.input, run.replications, base.replications));
    if (!flags.days && run.days != base.days)
      refuse(fmt::format("{} has run.days {} but the base has {}", s.input, run.days, base.days));
    if (!flags.warmup && run.warmup_days != base.warmup_days)
      refuse(fmt::format("{} has run.warmup_days {} but the base has {}", s.input, run.warmup_days, base.warmup_days));
  }
  return base;
}

std::vector<Row> overall_rows(const std::vector<Side>& sides) {
  std::vector<Row> rows;
  for (const sim::KpiInfo& k : sim::kpi_catalogue()) {
    Row row;
    row.kpi = k.name;
    row.label = std::string(k.label) + (k.clause[0] != '\0' ? fmt::format(" ({})", k.clause) : "");
    for (const Side& s : sides) {
      const sim::Estimate* e = s.result.kpi(k.name);
      row.values.push_back(e != nullptr ? *e : sim::Estimate{});
    }
    for (std::size_t i = 1; i < sides.size(); ++i)
      row.diffs.push_back(sim::kpi_difference(sides[0].result, sides[i].result, k.name));
    rows.push_back(row);
  }
  return rows;
}

// Rows of one KPI by hour of day (hours where some side has data) or by unit.
std::vector<Row> breakdown_rows(const std::vector<Side>& sides, const std::string& by, const std::string& kpi) {
  std::vector<Row> rows;
  auto add = [&](const std::string& label, auto&& values_of) {
    Row row;
    row.kpi = kpi;
    row.label = label;
    std::vector<std::vector<double>> values;
    bool any = false;
    for (const Side& s : sides) {
      values.push_back(values_of(s.result));
      row.values.push_back(sim::estimate(values.back()));
      any = any || row.values.back().n > 0;
    }
    if (!any) return;
    for (std::size_t i = 1; i < sides.size(); ++i)
      row.diffs.push_back(sim::shares_random_numbers(sides[0].result, sides[i].result)
                              ? sim::paired_difference(values[0], values[i])
                              : sim::welch_difference(row.values[0], row.values[i]));
    rows.push_back(row);
  };
  if (by == "hour") {
    for (std::size_t h = 0; h < 24; ++h)
      add(fmt::format("{:02}:00", h),
          [&](const sim::ExperimentResult& r) { return sim::series_values(r, "by_hour", kpi, h); });
  } else {
    std::vector<std::string> units;
    for (const Side& s : sides)
      for (const auto& u : s.scenario.directory.units)
        if (std::find(units.begin(), units.end(), u.name) == units.end()) units.push_back(u.name);
    for (const std::string& u : units)
      add(u, [&](const sim::ExperimentResult& r) { return sim::group_values(r, "by_unit", u, kpi); });
  }
  return rows;
}

// Scenarios are columns A, B, C ... (named in the header lines), so long names do not widen the table.
std::string letter(std::size_t i) {
  return std::string(1, static_cast<char>('A' + static_cast<int>(i % 26)));
}

void print_rows(const std::vector<Side>& sides, const std::vector<Row>& rows, const std::string& first_column,
                std::ostream& out) {
  // The label column fits the longest label (KPI names with their clause, unit names), so none is cut.
  std::size_t label_width = 36;
  for (const Row& row : rows)
    label_width = std::max(label_width, display_width(row.label) + 1);
  constexpr int kCell = 20;
  out << fmt::format("{:<{}}", first_column, label_width);
  for (std::size_t i = 0; i < sides.size(); ++i)
    out << fmt::format(" {:>{}}", letter(i), kCell);
  for (std::size_t i = 1; i < sides.size(); ++i)
    out << fmt::format(" {:>{}}  ", letter(i) + " - A", kCell);
  out << "\n";
  for (const Row& row : rows) {
    out << fmt::format("{:<{}}", row.label, label_width);
    for (const sim::Estimate& e : row.values)
      out << fmt::format(" {:>{}}", sim::format_estimate(row.kpi, e), kCell);
    for (const sim::Difference& d : row.diffs)
      out << fmt::format(" {:>{}} {}", sim::format_difference(row.kpi, d), kCell, d.significant() ? "*" : " ");
    out << "\n";
  }
}

nlohmann::json rows_json(const std::vector<Row>& rows, const char* label_key) {
  nlohmann::json a = nlohmann::json::array();
  for (const Row& row : rows) {
    nlohmann::json j;
    j["kpi"] = row.kpi;
    if (label_key != nullptr) j[label_key] = row.label;
    for (const sim::Estimate& e : row.values)
      j["values"].push_back(sim::estimate_to_json(e));
    j["differences"] = nlohmann::json::array();
    for (const sim::Difference& d : row.diffs)
      j["differences"].push_back(sim::difference_to_json(d));
    a.push_back(j);
  }
  return a;
}

}  // namespace

void add_compare_command(CLI::App& root) {
  auto a = std::make_shared<CompareArgs>();
  CLI::App* cmd = root.add_subcommand(
      "compare",
      "Run scenarios with common random numbers; each KPI per scenario and the paired difference vs the base");
  cmd->add_option("scenarios", a->inputs, "BASE then OTHER...: scenario YAML files or stored run ids (vaxel history)")
      ->required()
      ->expected(2, -1);
  add_run_flags(cmd, a->flags);
  cmd->add_option("--by", a->by, "Break the difference down by hour of day or by unit")
      ->check(CLI::IsMember({"hour", "unit"}));
  cmd->add_option("--kpi", a->kpis,
                  "KPIs for --by (repeatable; default one_call_resolution, repeat_call_rate, calls_per_day, "
                  "service_level)");
  add_output_flags(cmd, a->flags);
  add_db_flags(cmd, a->flags);
  cmd->footer(
      "Examples:\n"
      "  vaxel compare scenarios/sotenas.yaml scenarios/bygglov-phone-hours-extended.yaml\n"
      "  vaxel compare scenarios/sotenas.yaml scenarios/two-operators-all-day.yaml --by hour --kpi service_level\n"
      "  vaxel compare 12 scenarios/no-lunch-cover.yaml --by unit --json    # 12 = a stored run (vaxel history)\n"
      "Every scenario runs with the base's seed, replications, days and warm-up (or the flags'); replication r of\n"
      "each uses random stream r, so the difference's 95 % CI is over per-replication differences (paired).\n"
      "'*' marks a difference whose CI excludes 0. Shares are in %, their differences in percentage points (pp).");
  cmd->callback([a] {
    for (const std::string& k : a->kpis)
      if (sim::find_kpi(k) == nullptr) {
        std::cerr << "vaxel compare: error: --kpi " << k << ": no such KPI (see docs/scenario.md, targets)\n";
        throw ExitRequest{kExitBadInput};
      }
    std::vector<Side> sides;
    for (const std::string& input : a->inputs) {
      Side s;
      s.input = input;
      if (looks_like_run_id(input)) {
        auto [result, scenario] = load_stored_run_or_exit(a->flags, input);
        s.result = std::move(result);
        s.scenario = std::move(scenario);
        s.stored = true;
      } else {
        s.scenario = load_scenario_or_exit(input);
      }
      sides.push_back(std::move(s));
    }
    sim::RunOptions options = agree_on_options(sides, a->flags);
    const sim::RunOptions with_jobs = run_options(sides[0].scenario, a->flags);
    options.jobs = with_jobs.jobs;
    options.progress = with_jobs.progress;
    for (Side& s : sides) {
      if (s.stored) continue;
      if (!a->flags.quiet) std::cerr << "running " << s.scenario.name << " (" << s.input << ")\n";
      s.result = sim::run_experiment(s.scenario, options);
      store_run(a->flags, s.result, s.scenario, "compare");
    }

    const std::vector<Row> overall = overall_rows(sides);
    std::vector<std::pair<std::string, std::vector<Row>>> breakdowns;
    if (!a->by.empty())
      for (const std::string& k : a->kpis.empty() ? kDefaultBreakdownKpis : a->kpis)
        breakdowns.emplace_back(k, breakdown_rows(sides, a->by, k));

    if (a->flags.json) {
      nlohmann::json j;
      j["vaxel_version"] = kVersion;
      j["seed"] = options.seed;
      j["replications"] = options.replications;
      j["days"] = options.days;
      j["warmup_days"] = options.warmup_days;
      j["confidence"] = 0.95;
      for (const Side& s : sides)
        j["scenarios"].push_back(
            {{"name", s.result.scenario}, {"source", s.result.source}, {"hash", s.result.hash}, {"input", s.input}});
      j["kpis"] = rows_json(overall, nullptr);
      if (!a->by.empty()) {
        nlohmann::json b = nlohmann::json::array();
        for (const auto& [k, rows] : breakdowns)
          for (nlohmann::json& r : rows_json(rows, a->by.c_str()))
            b.push_back(r);
        j[a->by == "hour" ? "by_hour" : "by_unit"] = b;
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("vaxel {} compare — {}; common random numbers; 95 % confidence intervals\n", kVersion,
                             describe(options));
    for (std::size_t i = 0; i < sides.size(); ++i)
      std::cout << fmt::format("{}{}: {} ({}), hash {}\n", letter(i), i == 0 ? " (base)" : "", sides[i].result.scenario,
                               sides[i].result.source, sides[i].result.hash);
    std::cout << "\n";
    print_rows(sides, overall, "KPI", std::cout);
    for (const auto& [k, rows] : breakdowns) {
      std::cout << "\n" << sim::find_kpi(k)->label << " by " << a->by << "\n";
      print_rows(sides, rows, a->by, std::cout);
    }
    std::cout << "\n* the difference's 95 % CI excludes 0 (paired over replications with common random numbers)\n";
  });
}

}  // namespace vaxel::cli
