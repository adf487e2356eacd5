// `vaxel run [FILE]`: replications in worker processes, a KPI table (or --json) on stdout, result files with
// --out, one replication's trace with --trace, progress on stderr.
#include "sim/cmd_run.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "model/limits.hpp"
#include "model/scenario.hpp"
#include "sim/cli_common.hpp"
#include "sim/experiment.hpp"
#include "sim/report.hpp"

namespace vaxel::cli {

namespace {
struct RunArgs {
  std::string file;
  RunFlags flags;
  std::string out;
  std::string trace;
  std::string cdr_out;
  std::string cdr_format = "generic";
};
}  // namespace

void add_run_command(CLI::App& root) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* cmd = root.add_subcommand("run", "Simulate a scenario and print its KPIs with 95 % confidence intervals");
  cmd->add_option("file", a->file, "Scenario YAML file; none = the built-in default (scenarios/sotenas.yaml)");
  add_run_flags(cmd, a->flags);
  cmd->add_option("--out", a->out, "Write results.json and CSV series (by hour, day, unit) into this folder");
  cmd->add_option("--trace", a->trace, "Write replication 0's event trace to this file as JSON lines");
  cmd->add_option("--cdr-out", a->cdr_out,
                  "Write replication 0's call detail records to this file (all simulated days; docs/cdr.md)");
  cmd->add_option("--cdr-format", a->cdr_format, "Format of --cdr-out: generic (CSV with a header) or asterisk")
      ->check(CLI::IsMember({"generic", "asterisk"}));
  add_output_flags(cmd, a->flags);
  add_db_flags(cmd, a->flags);
  cmd->footer(
      "Examples:\n"
      "  vaxel run                                    # the built-in Sotenäs-like default\n"
      "  vaxel run scenarios/sotenas.yaml -r 20 --out results/\n"
      "  vaxel run my.yaml --seed 7 --days 5 --trace trace.jsonl --no-db\n"
      "  vaxel run -r 1 --days 60 --cdr-out calls.csv --cdr-format asterisk   # a synthetic call log\n"
      "Same scenario, seed, replications and days give byte-identical results whatever --jobs.\n"
      "Every run is appended to the results database (see `vaxel history`) unless --no-db.");
  cmd->callback([a] {
    const model::Scenario scenario = load_scenario_or_exit(a->file);
    sim::RunOptions o = run_options(scenario, a->flags);
    o.trace_path = a->trace;
    o.cdr_path = a->cdr_out;
    if (!sim::cdr::parse_format(a->cdr_format, o.cdr_format)) o.cdr_format = sim::cdr::Format::Generic;
    // The flags may make a sound scenario too big (--days 3660 on a large municipality): refuse before forking.
    if (const std::string problem = model::run_size_problem(scenario, o.days, o.warmup_days, o.replications);
        !problem.empty()) {
      std::cerr << fmt::format("vaxel run: error: {}: {}\n", scenario.source, problem);
      throw ExitRequest{kExitBadInput};
    }
    const sim::ExperimentResult result = sim::run_experiment(scenario, o);
    if (a->flags.json)
      std::cout << sim::to_json(result, scenario).dump(2) << "\n";
    else
      sim::print_table(result, std::cout);
    if (!a->out.empty()) sim::write_outputs(result, scenario, a->out);
    store_run(a->flags, result, scenario, "run");
  });
}

}  // namespace vaxel::cli
