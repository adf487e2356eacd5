// The three workloads of issue 5, each one replication in a worker process of its own, so its peak RSS is
// its own: (a) the reference M/M/6+M model at 1 call/s for 10 days through the scenario file, the routing
// core and SimGrid; (b) a simulated year of the default scenario; (c) a large municipality for a month.
#include "sim/cmd_bench.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "model/scenario_loader.hpp"
#include "sim/cli_common.hpp"
#include "sim/replication.hpp"
#include "sim/workers.hpp"

namespace vaxel::cli {

namespace {
struct BenchCase {
  std::string name;
  std::string file;  ///< empty = the built-in default scenario
  int days = 0;
};

struct BenchArgs {
  std::string dir = "scenarios/bench";
  std::string only;
  double scale = 1.0;
  bool json = false;
};

// Runs in the worker: load, simulate, and report the worker's own wall time and peak RSS.
std::string run_case(const BenchCase& c, double scale) {
  const auto t0 = std::chrono::steady_clock::now();
  const model::Scenario s = c.file.empty() ? model::load_default_scenario() : model::load_scenario_file(c.file);
  const auto t1 = std::chrono::steady_clock::now();
  sim::ReplicationSpec spec;
  spec.seed = s.run.seed;
  spec.warmup_days = 0;
  spec.drain_days = 0;
  spec.days = std::max(1, static_cast<int>(c.days * scale));
  const nlohmann::json result = sim::run_replication(s, spec);
  const auto t2 = std::chrono::steady_clock::now();
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return nlohmann::json{{"case", c.name},
                        {"days", spec.days},
                        {"people", s.directory.people.size()},
                        {"calls", result["counts"]["calls"]},
                        {"load_s", std::chrono::duration<double>(t1 - t0).count()},
                        {"simulate_s", std::chrono::duration<double>(t2 - t1).count()},
                        {"peak_rss_mb", static_cast<double>(usage.ru_maxrss) / 1024.0}}
      .dump();
}
}  // namespace

void add_bench_command(CLI::App& root) {
  auto a = std::make_shared<BenchArgs>();
  CLI::App* cmd = root.add_subcommand("bench", "Measure simulated calls per second and peak memory");
  cmd->add_option("--scenarios", a->dir, "Folder with mmcm.yaml and large.yaml")->capture_default_str();
  cmd->add_option("--only", a->only, "Run one case: mmcm, year or large");
  cmd->add_option("--scale", a->scale, "Multiply every case's simulated days (e.g. 0.1 for a quick look)")
      ->check(CLI::Range(0.001, 100.0));
  cmd->add_flag("--json", a->json, "Print the figures as JSON");
  cmd->footer(
      "Example:\n  vaxel bench                 # all three cases, about a minute\n"
      "  vaxel bench --only mmcm\n"
      "Cases: (a) mmcm: M/M/6+M, 1 call/s, handling 5 s, patience 120 s, 10 days; (b) year: the default\n"
      "scenario for 365 days; (c) large: 50,000 people, 5,000 errands a weekday, 30 days. One process each.");
  cmd->callback([a] {
    namespace fs = std::filesystem;
    std::vector<BenchCase> cases = {{"mmcm", (fs::path(a->dir) / "mmcm.yaml").string(), 10},
                                    {"year", "", 365},
                                    {"large", (fs::path(a->dir) / "large.yaml").string(), 30}};
    if (!a->only.empty()) {
      std::erase_if(cases, [&](const BenchCase& c) { return c.name != a->only; });
      if (cases.empty()) {
        std::cerr << "vaxel bench: error: --only takes mmcm, year or large, not '" << a->only << "'\n";
        throw ExitRequest{kExitBadInput};
      }
    }
    for (const BenchCase& c : cases)
      if (!c.file.empty() && !fs::exists(c.file)) {
        std::cerr << "vaxel bench: error: " << c.file
                  << " not found (run from the repository root or give --scenarios)\n";
        throw ExitRequest{kExitBadInput};
      }
    nlohmann::json all = nlohmann::json::array();
    if (!a->json)
      std::cout << fmt::format("{:<8} {:>6} {:>8} {:>10} {:>10} {:>14} {:>12}\n", "case", "days", "people", "calls",
                               "seconds", "calls/second", "peak RSS");
    for (const BenchCase& c : cases) {
      const auto out = sim::run_in_workers(1, 1, [&](int) { return run_case(c, a->scale); });
      nlohmann::json r = nlohmann::json::parse(out[0]);
      const double calls = r["calls"].get<double>();
      const double secs = r["simulate_s"].get<double>();
      r["calls_per_second"] = secs > 0 ? calls / secs : 0.0;
      all.push_back(r);
      if (!a->json)
        std::cout << fmt::format("{:<8} {:>6} {:>8} {:>10.0f} {:>10.2f} {:>14.0f} {:>9.1f} MB\n", c.name,
                                 r["days"].get<int>(), r["people"].get<int>(), calls, secs,
                                 r["calls_per_second"].get<double>(), r["peak_rss_mb"].get<double>())
                  << std::flush;
    }
    if (a->json) std::cout << all.dump(2) << "\n";
  });
}

}  // namespace vaxel::cli
