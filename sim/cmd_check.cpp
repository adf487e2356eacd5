// `vaxel check`: runs each scenario, judges its targets (sim/check.hpp) and, with --baseline, flags every KPI
// that got significantly worse than a stored result (sim/comparison.hpp); --update-baseline writes the
// baselines instead. Exit 0 when everything passes, 1 when something failed, 2 on bad input.
#include "sim/cmd_check.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/check.hpp"
#include "sim/cli_common.hpp"
#include "sim/comparison.hpp"
#include "sim/experiment.hpp"
#include "vaxel/version.hpp"

namespace vaxel::cli {

namespace {

namespace fs = std::filesystem;

struct CheckArgs {
  std::vector<std::string> files;
  RunFlags flags;
  bool strict = false;
  std::string junit;
  std::string baseline;
  bool update_baseline = false;
  bool no_targets = false;
  double confidence = 0.95;
};

[[noreturn]] void bad_input(const std::string& message) {
  std::cerr << "vaxel check: error: " << message << "\n";
  throw ExitRequest{kExitBadInput};
}

// Where a scenario's baseline file is (or goes): DIR/<name>.json for a folder, the file itself otherwise.
std::string baseline_file_for(const std::string& baseline, const std::string& scenario, bool several) {
  std::error_code ec;
  if (fs::is_directory(baseline, ec)) return (fs::path(baseline) / (scenario + ".json")).string();
  if (several) return "";  // a single file cannot hold several scenarios' baselines
  return baseline;
}

sim::ExperimentResult read_baseline_file(const std::string& path) {
  std::ifstream f(path);
  if (!f) bad_input(fmt::format("cannot read baseline {}", path));
  try {
    return sim::result_from_json(nlohmann::json::parse(f), path);
  } catch (const std::exception& e) {
    bad_input(fmt::format("baseline {}: {}", path, e.what()));
  }
}

void print_scenario(const sim::CheckedScenario& c, bool strict, std::ostream& out) {
  out << fmt::format("{} ({}), hash {}\n", c.result.scenario, c.result.source, c.result.hash);
  if (c.judge_targets) {
    for (const sim::TargetResult& t : c.result.targets) {
      const char* mark = sim::target_passes(t.verdict, strict) ? "  " : "✗ ";
      out << fmt::format("  {}{:<13} {:<34} {}\n", mark, sim::to_string(t.verdict), sim::describe(t.target),
                         sim::format_estimate(t.target.kpi, t.estimate));
    }
    if (c.result.targets.empty()) out << "  (no targets)\n";
  }
  if (c.baseline_source) {
    int worse = 0;
    for (const sim::BaselineFinding& f : c.baseline)
      worse += f.worse ? 1 : 0;
    out << fmt::format("  baseline {} ({}): {}\n", *c.baseline_source,
                       c.baseline_paired ? "paired, common random numbers" : "Welch, independent runs",
                       worse == 0 ? "no KPI significantly worse" : fmt::format("{} KPI(s) significantly worse", worse));
    for (const sim::BaselineFinding& f : c.baseline) {
      if (!f.worse && !f.better) continue;
      out << fmt::format("  {}{:<7} {:<28} now {:>16}  baseline {:>16}  change {}\n", f.worse ? "✗ " : "  ",
                         f.worse ? "WORSE" : "better", f.kpi, sim::format_estimate(f.kpi, f.now),
                         sim::format_estimate(f.kpi, f.baseline), sim::format_difference(f.kpi, f.change));
    }
  }
}

}  // namespace

void add_check_command(CLI::App& root) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd = root.add_subcommand("check", "Judge scenarios' targets against their CIs (and a baseline) for CI");
  cmd->add_option("files", a->files, "Scenario YAML files")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--strict", a->strict, "Count an inconclusive target (CI straddles it) as a failure");
  cmd->add_option("--junit", a->junit, "Write a JUnit XML report: one testcase per scenario and target");
  cmd->add_option("--baseline", a->baseline,
                  "Flag KPIs significantly worse than a baseline: a results JSON file (vaxel run --out, or written "
                  "by --update-baseline), a folder of <scenario name>.json files, or a stored run id");
  cmd->add_flag("--update-baseline", a->update_baseline,
                "Write this run's results as the baseline (file or folder given by --baseline) instead of comparing");
  cmd->add_flag("--no-targets", a->no_targets, "Do not judge targets: only the baseline comparison decides");
  cmd->add_option("--baseline-confidence", a->confidence,
                  "Confidence of the CI of each KPI's change against the baseline (default 0.95)")
      ->check(CLI::Range(0.5, 0.9999));
  add_run_flags(cmd, a->flags);
  add_output_flags(cmd, a->flags);
  add_db_flags(cmd, a->flags);
  cmd->footer(
      "Examples:\n"
      "  vaxel check scenarios/sotenas.yaml --strict --junit check.xml\n"
      "  vaxel check scenarios/*.yaml -r 5 --days 7 --warmup 2 --baseline tests/baselines --no-targets\n"
      "  vaxel check scenarios/sotenas.yaml --baseline 42        # 42 = a stored run (vaxel history)\n"
      "A target is met when its whole 95 % CI is on the right side, missed when wholly on the wrong side, otherwise\n"
      "inconclusive (a failure only with --strict). A KPI is significantly worse than the baseline when the CI of\n"
      "its change lies wholly on the worse side of 0: paired over replications when the baseline has per-replication\n"
      "values and the same seed, replications, days and warm-up; Welch's interval for independent means otherwise.\n"
      "Exit status: 0 all passed, 1 a target failed or a KPI got worse, 2 bad input.");
  cmd->callback([a] {
    if (a->update_baseline && a->baseline.empty()) bad_input("--update-baseline needs --baseline FILE or FOLDER");
    if (a->update_baseline && looks_like_run_id(a->baseline))
      bad_input("--update-baseline writes files: give --baseline a file or folder, not a stored run id");
    std::vector<model::Scenario> scenarios;
    for (const std::string& f : a->files)
      scenarios.push_back(load_scenario_or_exit(f));
    const bool several = scenarios.size() > 1;

    // Resolve every baseline before running anything, so a typo costs nothing.
    std::optional<sim::ExperimentResult> stored;
    std::vector<std::string> baseline_files(scenarios.size());
    if (!a->baseline.empty()) {
      if (looks_like_run_id(a->baseline)) {
        if (several) bad_input("a stored run is the baseline of one scenario: check one file with --baseline RUN_ID");
        stored = load_stored_run_or_exit(a->flags, a->baseline).first;
      } else {
        std::error_code ec;
        if (a->update_baseline && (several || a->baseline.back() == '/') && !fs::exists(a->baseline, ec))
          fs::create_directories(a->baseline, ec);  // a folder of baselines, written for the first time
        if (!a->update_baseline && !fs::exists(a->baseline, ec))
          bad_input(fmt::format("--baseline {}: no such file, folder or stored run", a->baseline));
        for (std::size_t i = 0; i < scenarios.size(); ++i) {
          baseline_files[i] = baseline_file_for(a->baseline, scenarios[i].name, several);
          if (baseline_files[i].empty())
            bad_input(
                fmt::format("--baseline {} is one file but {} scenarios are checked; give a folder of "
                            "<scenario name>.json files",
                            a->baseline, scenarios.size()));
          if (!a->update_baseline && !fs::exists(baseline_files[i], ec))
            bad_input(
                fmt::format("no baseline for scenario {} ({} is missing); write it deliberately with "
                            "--update-baseline",
                            scenarios[i].name, baseline_files[i]));
        }
      }
    }

    std::vector<sim::CheckedScenario> checked;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      const model::Scenario& sc = scenarios[i];
      if (!a->flags.quiet) std::cerr << "checking " << sc.name << " (" << a->files[i] << ")\n";
      sim::CheckedScenario c;
      c.result = sim::run_experiment(sc, run_options(sc, a->flags));
      c.judge_targets = !a->no_targets;
      store_run(a->flags, c.result, sc, "check");
      if (a->update_baseline) {
        std::ofstream out(baseline_files[i]);
        if (!out) bad_input(fmt::format("cannot write baseline {}", baseline_files[i]));
        out << sim::baseline_json(c.result, sc).dump(1) << "\n";
        std::cerr << "wrote baseline " << baseline_files[i] << "\n";
      } else if (!a->baseline.empty()) {
        const sim::ExperimentResult base = stored ? *stored : read_baseline_file(baseline_files[i]);
        c.baseline_source = stored ? "stored run " + a->baseline : baseline_files[i];
        c.baseline_paired = sim::shares_random_numbers(base, c.result);
        c.baseline = sim::compare_to_baseline(base, c.result, a->confidence);
        if (!base.hash.empty() && base.hash != c.result.hash && !a->flags.quiet)
          std::cerr << fmt::format("note: {} changed since its baseline (hash {} -> {})\n", sc.name, base.hash,
                                   c.result.hash);
      }
      checked.push_back(std::move(c));
    }

    const sim::CheckSummary s = sim::summarise(checked, a->strict);
    if (!a->junit.empty()) {
      std::ofstream out(a->junit);
      if (!out) bad_input(fmt::format("cannot write {}", a->junit));
      out << sim::junit_xml(checked, a->strict);
    }
    if (a->flags.json) {
      std::cout << sim::check_json(checked, a->strict).dump(2) << "\n";
    } else {
      const sim::RunOptions& o = checked.front().result.options;
      std::cout << fmt::format(
          "vaxel {} check — seed {}, {} replications x {} days after {} warm-up days; 95 % CIs{}\n\n", kVersion, o.seed,
          o.replications, o.days, o.warmup_days, a->strict ? "; strict: inconclusive fails" : "");
      for (const sim::CheckedScenario& c : checked) {
        print_scenario(c, a->strict, std::cout);
        std::cout << "\n";
      }
      std::cout << fmt::format(
          "{}: {} scenario(s); targets {} met, {} inconclusive, {} missed; {} KPI(s) worse "
          "than baseline\n",
          s.passed ? "PASS" : "FAIL", checked.size(), s.met, s.inconclusive, s.missed, s.worse);
    }
    set_exit_status(s.passed ? kExitOk : kExitFailed);
  });
}

}  // namespace vaxel::cli
