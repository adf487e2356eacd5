// `vaxel run [FILE]`: replications in worker processes, a KPI table (or --json) on stdout, result files with
// --out, one replication's trace with --trace, progress on stderr.
#include "sim/cmd_run.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

#include "model/limits.hpp"
#include "model/scenario.hpp"
#include "sim/cli_common.hpp"
#include "sim/experiment.hpp"
#include "sim/report.hpp"
#include "sim/workers.hpp"

namespace vaxel::cli {

namespace {
struct RunArgs {
  std::string file;
  std::optional<std::uint64_t> seed;
  std::optional<int> replications;
  std::optional<int> days;
  std::optional<int> warmup;
  int jobs = 0;
  std::string out;
  std::string trace;
  std::string cdr_out;
  std::string cdr_format = "generic";
  bool json = false;
  bool quiet = false;
};
}  // namespace

void add_run_command(CLI::App& root) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* cmd = root.add_subcommand("run", "Simulate a scenario and print its KPIs with 95 % confidence intervals");
  cmd->add_option("file", a->file, "Scenario YAML file; none = the built-in default (scenarios/sotenas.yaml)");
  cmd->add_option("--seed", a->seed, "Random seed (default: the scenario's run.seed)");
  cmd->add_option("-r,--replications", a->replications, "Independent replications (default: run.replications)")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--days", a->days, "Measured days (default: run.days)")->check(CLI::Range(1, 3660));
  cmd->add_option("--warmup", a->warmup, "Warm-up days, simulated and discarded (default: run.warmup_days)")
      ->check(CLI::Range(0, 366));
  cmd->add_option("-j,--jobs", a->jobs, "Worker processes at once (default: all cores)")->check(CLI::Range(0, 256));
  cmd->add_option("--out", a->out, "Write results.json and CSV series (by hour, day, unit) into this folder");
  cmd->add_option("--trace", a->trace, "Write replication 0's event trace to this file as JSON lines");
  cmd->add_option("--cdr-out", a->cdr_out,
                  "Write replication 0's call detail records to this file (all simulated days; docs/cdr.md)");
  cmd->add_option("--cdr-format", a->cdr_format, "Format of --cdr-out: generic (CSV with a header) or asterisk")
      ->check(CLI::IsMember({"generic", "asterisk"}));
  cmd->add_flag("--json", a->json, "Print the results as one JSON document instead of the table");
  cmd->add_flag("-q,--quiet", a->quiet, "No progress line on stderr");
  cmd->footer(
      "Examples:\n"
      "  vaxel run                                    # the built-in Sotenäs-like default\n"
      "  vaxel run scenarios/sotenas.yaml -r 20 --out results/\n"
      "  vaxel run my.yaml --seed 7 --days 5 --trace trace.jsonl\n"
      "  vaxel run -r 1 --days 60 --cdr-out calls.csv --cdr-format asterisk   # a synthetic call log\n"
      "Same scenario, seed, replications and days give byte-identical results whatever --jobs.");
  cmd->callback([a] {
    const model::Scenario scenario = load_scenario_or_exit(a->file);
    sim::RunOptions o = sim::options_from(scenario);
    if (a->seed) o.seed = *a->seed;
    if (a->replications) o.replications = *a->replications;
    if (a->days) o.days = *a->days;
    if (a->warmup) o.warmup_days = *a->warmup;
    o.jobs = a->jobs > 0 ? a->jobs : sim::available_cores();
    o.trace_path = a->trace;
    o.cdr_path = a->cdr_out;
    if (!sim::cdr::parse_format(a->cdr_format, o.cdr_format)) o.cdr_format = sim::cdr::Format::Generic;
    o.progress = !a->quiet;
    // The flags may make a sound scenario too big (--days 3660 on a large municipality): refuse before forking.
    if (const std::string problem = model::run_size_problem(scenario, o.days, o.warmup_days, o.replications);
        !problem.empty()) {
      std::cerr << fmt::format("vaxel run: error: {}: {}\n", scenario.source, problem);
      throw ExitRequest{kExitBadInput};
    }
    const sim::ExperimentResult result = sim::run_experiment(scenario, o);
    if (a->json)
      std::cout << sim::to_json(result, scenario).dump(2) << "\n";
    else
      sim::print_table(result, std::cout);
    if (!a->out.empty()) sim::write_outputs(result, scenario, a->out);
  });
}

}  // namespace vaxel::cli
