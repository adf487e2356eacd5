// `vaxel staff`: seeds each open hour of the week with Erlang A, then simulates whole-week plans and adjusts the
// hours that miss (sim/staffing.hpp); prints the plan as a week grid, the resulting KPIs with CIs and targets,
// and with --write the plan as a scenario overlay to compare or run.
#include "sim/cmd_staff.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "model/scenario.hpp"
#include "sim/cli_common.hpp"
#include "sim/comparison.hpp"
#include "sim/report.hpp"
#include "sim/staffing.hpp"
#include "vaxel/version.hpp"

namespace vaxel::cli {

namespace {
struct StaffArgs {
  std::string file;
  RunFlags flags;
  sim::StaffingOptions staffing;
  std::string write;
};

const char* const kDayNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
}  // namespace

void add_staff_command(CLI::App& root) {
  auto a = std::make_shared<StaffArgs>();
  CLI::App* cmd = root.add_subcommand(
      "staff", "Find the least operators per hour of the week that meet the scenario's queue targets, by simulation");
  cmd->add_option("file", a->file, "Scenario YAML file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--max-iterations", a->staffing.max_iterations, "Simulated plans at most (default 15)")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--max-operators", a->staffing.max_operators, "Operators per hour at most (default 20)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--write", a->write, "Write the plan as a scenario overlay (extends FILE) to this YAML file");
  add_run_flags(cmd, a->flags);
  add_output_flags(cmd, a->flags);
  add_db_flags(cmd, a->flags);
  cmd->footer(
      "Examples:\n"
      "  vaxel staff scenarios/sotenas.yaml\n"
      "  vaxel staff scenarios/sotenas.yaml -r 5 --write scenarios/sotenas-staffed.yaml --json\n"
      "Every open hour of the week must meet the scenario's queue targets (service_level, abandoned, mean_wait_s)\n"
      "on that hour's calls, pooled over replications. The search starts from Erlang A per hour, simulates whole\n"
      "weeks, adds an operator to hours that miss and tries one less in hours that meet, until nothing changes.\n"
      "The final plan is then judged against all targets with 95 % CIs (targets staffing cannot move, such as\n"
      "direct_answer, are reported as they are).");
  cmd->callback([a] {
    const model::Scenario base = load_scenario_or_exit(a->file);
    const sim::RunOptions options = run_options(base, a->flags);
    const sim::StaffingResult r = sim::find_staffing(base, a->file, options, a->staffing, [&](const std::string& line) {
      if (!a->flags.quiet) std::cerr << line << "\n";
    });
    store_run(a->flags, r.result, r.scenario, "staff");
    if (!a->write.empty()) {
      std::ofstream f(a->write);
      if (!f) {
        std::cerr << "vaxel staff: error: cannot write " << a->write << "\n";
        throw ExitRequest{kExitFailed};
      }
      f << "# Staffing found by `vaxel staff " << a->file << "` (seed " << options.seed << ", " << options.replications
        << " replications x " << options.days << " days).\n"
        << sim::plan_overlay_yaml(base, extends_path(a->file, a->write), r.plan);
      if (!a->flags.quiet) std::cerr << "wrote " << a->write << "\n";
    }
    if (a->flags.json) {
      nlohmann::json j = sim::to_json(r.result, r.scenario);
      for (const char* k : {"by_hour", "by_day", "by_unit", "by_administration"})
        j.erase(k);
      j["staffing"]["found"] = r.found;
      j["staffing"]["simulations"] = r.simulations;
      j["staffing"]["queue_targets"] = r.queue_targets;
      j["staffing"]["weekly_operator_hours"] = r.plan.weekly_operator_hours();
      for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h)
          if (r.plan.at(d, h) > 0) j["staffing"]["plan"][kDayNames[d]][fmt::format("{:02}:00", h)] = r.plan.at(d, h);
      j["staffing"]["log"] = r.log;
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << fmt::format("vaxel {} staff — {} ({}); {} simulations; every open hour judged on: {}\n\n", kVersion,
                               base.name, a->file, r.simulations, fmt::join(r.queue_targets, ", "));
      if (!r.found)
        std::cout << "NOT FOUND: no plan met the queue targets in every hour within the limits; the last plan tried:\n";
      int first = 24;
      int last = -1;
      for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h)
          if (r.plan.at(d, h) > 0) {
            first = std::min(first, h);
            last = std::max(last, h);
          }
      std::cout << "operators  ";
      for (int h = first; h <= last; ++h)
        std::cout << fmt::format("{:>4}", fmt::format("{:02}", h));
      std::cout << "\n";
      for (int d = 0; d < 7; ++d) {
        bool any = false;
        for (int h = first; h <= last; ++h)
          any = any || r.plan.at(d, h) > 0;
        if (!any) continue;
        std::cout << fmt::format("{:<11}", kDayNames[d]);
        for (int h = first; h <= last; ++h)
          std::cout << fmt::format("{:>4}", r.plan.at(d, h) > 0 ? std::to_string(r.plan.at(d, h)) : ".");
        std::cout << "\n";
      }
      std::cout << fmt::format("\n{} operator-hours a week (the scenario's own operators: {} listed)\n\n",
                               r.plan.weekly_operator_hours(), base.switchboard.operators.size());
      sim::print_table(r.result, std::cout);
    }
    set_exit_status(r.found ? kExitOk : kExitFailed);
  });
}

}  // namespace vaxel::cli
