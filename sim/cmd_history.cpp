// `vaxel history`: lists stored runs (id, time, command, scenario, hash, options, headline KPIs) so a planner can
// find an earlier result and use its id with `vaxel compare` or `vaxel check --baseline`.
#include "sim/cmd_history.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "sim/cli_common.hpp"
#include "sim/comparison.hpp"
#include "sim/results_db.hpp"

namespace vaxel::cli {

namespace {
struct HistoryArgs {
  std::string db;
  std::string scenario;
  int limit = 20;
  bool json = false;
  std::int64_t show = 0;
};
}  // namespace

void add_history_command(CLI::App& root) {
  auto a = std::make_shared<HistoryArgs>();
  CLI::App* cmd = root.add_subcommand("history", "List the runs stored in the results database, newest first");
  cmd->add_option("--db", a->db, "Results database (default: " + default_db_path() + ")");
  cmd->add_option("--scenario", a->scenario, "Only runs of this scenario name");
  cmd->add_option("-n,--limit", a->limit, "At most this many runs; 0 = all (default 20)")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("--show", a->show, "Print one stored run's KPIs with their CIs")->check(CLI::PositiveNumber);
  cmd->add_flag("--json", a->json, "Print as JSON");
  cmd->footer(
      "Examples:\n"
      "  vaxel history\n"
      "  vaxel history --scenario sotenas -n 5 --json\n"
      "  vaxel history --show 12\n"
      "A run's id can stand in for a scenario: `vaxel compare 12 other.yaml`, `vaxel check f.yaml --baseline 12`.");
  cmd->callback([a] {
    const std::string path = a->db.empty() ? default_db_path() : a->db;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      std::cerr << "vaxel history: error: no results database at " << path << " (runs are stored there by vaxel run)\n";
      throw ExitRequest{kExitBadInput};
    }
    try {
      const sim::ResultsDb db(path);
      if (a->show > 0) {
        const std::optional<sim::StoredRun> run = db.load(a->show);
        if (!run) {
          std::cerr << "vaxel history: error: no run " << a->show << " in " << path << "\n";
          throw ExitRequest{kExitBadInput};
        }
        if (a->json) {
          nlohmann::json j = {{"id", run->info.id},
                              {"created_at", run->info.created_at},
                              {"command", run->info.command},
                              {"scenario", run->info.scenario},
                              {"hash", run->info.hash},
                              {"seed", run->info.seed},
                              {"replications", run->info.replications},
                              {"days", run->info.days},
                              {"warmup_days", run->info.warmup_days},
                              {"vaxel_version", run->info.version},
                              {"scenario_text", run->scenario_text}};
          for (const auto& [k, e] : run->result.kpis)
            j["kpis"][k] = sim::estimate_to_json(e);
          std::cout << j.dump(2) << "\n";
          return;
        }
        std::cout << fmt::format(
            "run {} — {} {} at {} (vaxel {}), hash {}\nseed {}, {} replications x {} days after {} "
            "warm-up days\n\n",
            run->info.id, run->info.command, run->info.scenario, run->info.created_at, run->info.version,
            run->info.hash, run->info.seed, run->info.replications, run->info.days, run->info.warmup_days);
        for (const auto& [k, e] : run->result.kpis)
          std::cout << fmt::format("{:<28} {:>20}\n", k, sim::format_estimate(k, e));
        return;
      }
      const auto runs = db.list(a->limit, a->scenario);
      if (a->json) {
        nlohmann::json j = nlohmann::json::array();
        for (const sim::StoredRunInfo& r : runs)
          j.push_back({{"id", r.id},
                       {"created_at", r.created_at},
                       {"command", r.command},
                       {"scenario", r.scenario},
                       {"source", r.source},
                       {"hash", r.hash},
                       {"seed", r.seed},
                       {"replications", r.replications},
                       {"days", r.days},
                       {"warmup_days", r.warmup_days},
                       {"vaxel_version", r.version}});
        std::cout << j.dump(2) << "\n";
        return;
      }
      std::cout << fmt::format("{:>5}  {:<20}  {:<8}  {:<36}  {:<16}  {:>6}  {:>4}  {:>4}\n", "id", "time (UTC)",
                               "command", "scenario", "hash", "seed", "reps", "days");
      for (const sim::StoredRunInfo& r : runs)
        std::cout << fmt::format("{:>5}  {:<20}  {:<8}  {:<36}  {:<16}  {:>6}  {:>4}  {:>4}\n", r.id, r.created_at,
                                 r.command, r.scenario.substr(0, 36), r.hash.substr(0, 16), r.seed, r.replications,
                                 r.days);
    } catch (const sim::ResultsDbError& e) {
      std::cerr << "vaxel history: error: " << e.what() << "\n";
      throw ExitRequest{kExitBadInput};
    }
  });
}

}  // namespace vaxel::cli
