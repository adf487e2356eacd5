// `vaxel validate-engine`: the simulator against queueing theory, as a command a planner (or CI) can run to see
// for themselves that the engine is right where theory is exact. Exit status 1 when any interval misses.
#include "sim/cmd_validate_engine.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/cli_common.hpp"
#include "sim/engine_validation.hpp"
#include "sim/workers.hpp"

namespace vaxel::cli {

namespace {

struct ValidateEngineArgs {
  std::vector<std::string> files;
  std::string folder = "scenarios/validation";
  int jobs = 0;
  double days_scale = 1.0;
  bool json = false;
  bool quiet = false;
};

// Shares with four decimals, seconds with two: enough to see a miss, few enough to read.
std::string shown(const sim::ValidationCheck& c, double v) {
  if (!std::isfinite(v)) return "n/a";
  return c.kpi == "mean_wait_s" ? fmt::format("{:.2f}", v) : fmt::format("{:.4f}", v);
}

void print_case(const sim::ValidationCase& vc) {
  const auto& q = vc.queue;
  fmt::print("{}  {}  ({} operator{}, {:.4g} erlangs = load {:.3g}, handle {:g} s{}{}; {} x {} days, {:.1f} s)\n",
             vc.name, vc.model, q.operators, q.operators == 1 ? "" : "s", q.traffic.offered_load_erlangs(),
             q.traffic.offered_load_erlangs() / q.operators, q.traffic.mean_handle_time_s,
             std::isinf(q.mean_patience_s) ? std::string() : fmt::format(", patience {:g} s", q.mean_patience_s),
             vc.lines_matter ? fmt::format(", {} line{}", *q.lines, *q.lines == 1 ? "" : "s") : std::string(),
             vc.options.replications, vc.options.days, vc.seconds);
  fmt::print("  {:<28}{:>11}{:>11}{:>11}   {:<21}{}\n", "KPI", "analytic", "simulated", "± (99 %)", "99 % interval",
             "pass");
  bool exact = false;
  for (const auto& c : vc.checks) {
    exact = exact || !std::isnan(c.exact_bound);
    fmt::print("  {:<28}{:>11}{:>11}{:>11}   {:<21}{}\n", c.label, shown(c, c.analytic), shown(c, c.simulated.mean),
               std::isnan(c.exact_bound) ? shown(c, c.simulated.half_width) : "exact *",
               std::isnan(c.exact_bound) ? fmt::format("[{}, {}]", shown(c, c.low()), shown(c, c.high()))
                                         : fmt::format("[{:.6f}, {:.6f}]", c.low(), c.high()),
               c.passed ? "yes" : "NO");
  }
  if (exact)
    fmt::print("  * not one event in {} replications: the exact binomial 99 % bound over all their calls\n",
               vc.options.replications);
  fmt::print("\n");
}

nlohmann::json case_json(const sim::ValidationCase& vc) {
  const auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  nlohmann::json j;
  j["name"] = vc.name;
  j["source"] = vc.source;
  j["model"] = vc.model;
  j["operators"] = vc.queue.operators;
  j["arrivals_per_second"] = vc.queue.traffic.arrivals_per_second;
  j["handle_time_s"] = vc.queue.traffic.mean_handle_time_s;
  j["offered_load_erlangs"] = vc.queue.traffic.offered_load_erlangs();
  j["patience_s"] = finite(vc.queue.mean_patience_s);
  j["lines"] = vc.queue.lines ? nlohmann::json(*vc.queue.lines) : nlohmann::json(nullptr);
  j["replications"] = vc.options.replications;
  j["days"] = vc.options.days;
  j["warmup_days"] = vc.options.warmup_days;
  j["seed"] = vc.options.seed;
  j["seconds"] = vc.seconds;
  j["passed"] = vc.passed();
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : vc.checks)
    checks.push_back({{"kpi", c.kpi},
                      {"label", c.label},
                      {"analytic", finite(c.analytic)},
                      {"mean", finite(c.simulated.mean)},
                      {"half_width", finite(c.simulated.half_width)},
                      {"low", finite(c.low())},
                      {"high", finite(c.high())},
                      {"exact_bound", finite(c.exact_bound)},
                      {"replications", c.simulated.n},
                      {"passed", c.passed}});
  j["checks"] = checks;
  return j;
}

void run(const ValidateEngineArgs& a) {
  std::vector<std::string> files = a.files;
  if (files.empty()) {
    try {
      files = sim::validation_files(a.folder);
    } catch (const std::runtime_error& e) {
      std::cerr << "vaxel validate-engine: " << e.what() << "\n";
      throw ExitRequest{kExitBadInput};
    }
  }
  // Every file is loaded and shape-checked before anything runs: a typo should not cost a long run first.
  std::vector<model::Scenario> scenarios;
  for (const std::string& f : files) {
    scenarios.push_back(load_scenario_or_exit(f));
    const sim::QueueShape shape = sim::queue_shape(scenarios.back());
    if (!shape.model) {
      std::cerr << f << ": error: not a textbook queue the formulas describe: " << shape.why_not << "\n";
      throw ExitRequest{kExitBadInput};
    }
  }

  sim::ValidationOptions o;
  o.jobs = a.jobs > 0 ? a.jobs : sim::available_cores();
  o.days_scale = a.days_scale;
  o.progress = !a.quiet && !a.json;
  if (!a.json)
    fmt::print("Engine validation: {} scenario{}, simulated KPIs with 99 % confidence intervals over replications\n\n",
               scenarios.size(), scenarios.size() == 1 ? "" : "s");
  nlohmann::json cases = nlohmann::json::array();
  int checks = 0;
  int failed = 0;
  int failed_cases = 0;
  double seconds = 0;
  for (const model::Scenario& s : scenarios) {
    const sim::ValidationCase vc = sim::validate_engine_case(s, o);
    for (const auto& c : vc.checks) {
      ++checks;
      if (!c.passed) ++failed;
    }
    if (!vc.passed()) ++failed_cases;
    seconds += vc.seconds;
    if (a.json)
      cases.push_back(case_json(vc));
    else
      print_case(vc);
  }
  if (a.json) {
    nlohmann::json j;
    j["confidence"] = sim::kValidationConfidence;
    j["days_scale"] = a.days_scale;
    j["cases"] = cases;
    j["checks"] = checks;
    j["failed_checks"] = failed;
    j["passed"] = failed == 0;
    std::cout << j.dump(2) << "\n";
  } else if (failed == 0) {
    fmt::print("All {} checks in {} scenario{} passed ({:.1f} s of simulation).\n", checks, scenarios.size(),
               scenarios.size() == 1 ? "" : "s", seconds);
  } else {
    fmt::print("{} of {} checks FAILED, in {} of {} scenarios ({:.1f} s of simulation).\n", failed, checks,
               failed_cases, scenarios.size(), seconds);
  }
  if (failed > 0) set_exit_status(kExitFailed);
}

}  // namespace

void add_validate_engine_command(CLI::App& root) {
  auto a = std::make_shared<ValidateEngineArgs>();
  CLI::App* cmd = root.add_subcommand(
      "validate-engine", "Check the simulator against queueing theory (Erlang B, C, A and M/M/c/K+M), 99 % intervals");
  cmd->add_option("files", a->files, "Validation scenario files; none = every *.yaml directly in --folder");
  cmd->add_option("--folder", a->folder, "Folder of validation scenarios")->capture_default_str();
  cmd->add_option("-j,--jobs", a->jobs, "Worker processes at once (default: all cores)")->check(CLI::Range(0, 256));
  cmd->add_option("--days-scale", a->days_scale,
                  "Simulate this fraction of each scenario's measured days (quicker, wider intervals)")
      ->check(CLI::Range(0.001, 1000.0))
      ->capture_default_str();
  cmd->add_flag("--json", a->json, "Print the results as one JSON document instead of the table");
  cmd->add_flag("-q,--quiet", a->quiet, "No progress line on stderr");
  cmd->footer(
      "Examples:\n"
      "  vaxel validate-engine                         # every case in scenarios/validation\n"
      "  vaxel validate-engine scenarios/validation/mmc-c01-load095.yaml --json\n"
      "  vaxel validate-engine --folder /path/to/vaxel/scenarios/validation -j 2\n"
      "A validation scenario is an ordinary scenario shaped into a textbook queue (docs/validation.md);\n"
      "any other is refused. Exit status: 0 every interval contains the analytic value, 1 some do not,\n"
      "2 bad input (missing folder, invalid file, not a textbook queue).");
  cmd->callback([a] { run(*a); });
}

}  // namespace vaxel::cli
