// Hardening through the real binary and the loader: the same `vaxel run --json` bytes whatever --jobs and on a
// rerun, runs and files beyond the documented limits (docs/scenario.md, "Limits") refused with a message and
// exit status 2 instead of an endless run or an out-of-memory kill, and regressions found by the fuzz targets
// (tests/fuzz).
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "model/scenario_loader.hpp"
#include "run_command.hpp"
#include "sim/route_adapter.hpp"

using namespace vaxel;

namespace {

using vaxel::test::Ran;
using vaxel::test::run;

/// The diagnostics of loading `yaml`, or "" when it loads.
std::string load_error(const std::string& yaml) {
  try {
    (void)model::load_scenario_text(yaml, "test.yaml", VAXEL_SOURCE_DIR "/scenarios");
  } catch (const model::ScenarioError& e) {
    return e.what();
  }
  return "";
}

const std::string kVaxel = VAXEL_BINARY;

}  // namespace

TEST_CASE("vaxel run --json prints the same bytes with -j1, with -j2 and on a rerun") {
  const std::string args = " run -r 4 --days 3 --warmup 1 --seed 5 --json -q --no-db";  // not the user's database
  const Ran one = run(kVaxel + args + " -j1");
  const Ran two = run(kVaxel + args + " -j2");
  const Ran again = run(kVaxel + args + " -j2");
  REQUIRE(one.status == 0);
  REQUIRE(two.status == 0);
  CHECK(one.out.size() > 1000);
  CHECK(one.out == two.out);
  CHECK(two.out == again.out);
}

TEST_CASE("vaxel run: a huge --days on a large scenario is refused with exit 2, before any simulation") {
  const std::string large = std::string(VAXEL_SOURCE_DIR) + "/scenarios/bench/large.yaml";
  const Ran r = run(kVaxel + " run " + large + " --days 3660 -r 1 -q 2>&1");
  CHECK(r.status == 2);
  CHECK(r.out.find("errands") != std::string::npos);
  CHECK(r.out.find("large.yaml") != std::string::npos);
  // The same scenario with its own days is fine as a scenario file.
  CHECK(run(kVaxel + " validate " + large + " > /dev/null 2>&1").status == 0);
}

TEST_CASE("limits: days x calls per weekday beyond the errand limit is refused where run.days is written") {
  const std::string e = load_error("extends: sotenas.yaml\ndemand: {calls_per_weekday: 100000}\nrun: {days: 3000}\n");
  CHECK(e.find("test.yaml:3:") != std::string::npos);
  CHECK(e.find("errands") != std::string::npos);
  // Replications multiply it: within one replication's limit, beyond the run's.
  const std::string r = load_error(
      "extends: sotenas.yaml\ndemand: {calls_per_weekday: 100000}\n"
      "run: {days: 60, replications: 1000}\n");
  CHECK(r.find("replications") != std::string::npos);
}

TEST_CASE("limits: demand factors, times and spreads beyond their ranges are refused with the range") {
  CHECK(load_error("extends: sotenas.yaml\ndemand: {weekday_factor: {mon: 1e300}}\n").find("outside [0, 100]") !=
        std::string::npos);
  CHECK(load_error("extends: sotenas.yaml\ndemand: {summer_factor: 1000}\n").find("test.yaml:2:") != std::string::npos);
  CHECK(load_error("extends: sotenas.yaml\ncallers: {patience_s: 1e300}\n").find("callers.patience_s") !=
        std::string::npos);
  // A coefficient of variation of 1e200 would overflow the lognormal to inf and NaN times in the simulator.
  CHECK(load_error("extends: sotenas.yaml\nswitchboard: {handle_times: {transfer_s: {lognormal: {mean: 35, cv: "
                   "1e200}}}}\n")
            .find("cv") != std::string::npos);
  CHECK(load_error("extends: sotenas.yaml\npolicy: {ring_timeout_s: 1e30}\n").find("ring_timeout_s") !=
        std::string::npos);
}

TEST_CASE("limits: extends and scenario files that are devices or huge are refused, not read forever") {
  CHECK(load_error("extends: /dev/zero\n").find("cannot read the extended file '/dev/zero'") != std::string::npos);
  try {
    (void)model::load_scenario_file("/dev/zero");
    FAIL("/dev/zero loaded");
  } catch (const model::ScenarioError& e) {
    CHECK(std::string(e.what()).find("larger than 16 MiB") != std::string::npos);
  }
}

TEST_CASE("fuzz finding: a generated unit of 140,000 people loads in seconds, every name distinct") {
  // fuzz_scenario timed out (> 10 s) on the large bench: once the 48 x 48 name combinations were used up, each
  // new person retried "name 2", "name 3", ... from the start, quadratic in the unit's size.
  const auto start = std::chrono::steady_clock::now();
  const model::Scenario s = model::load_scenario_text(
      "extends: bench/large.yaml\n"
      "organisation:\n"
      "  extensions: {first: 100000, last: 399999}\n"
      "  units: {Enhet 001: {generate: {people: 140000}}}\n",
      "big-unit.yaml", VAXEL_SOURCE_DIR "/scenarios");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(s.directory.people.size() == 50'000 - 200 + 140'000);
  std::set<std::string> names;
  for (const auto& p : s.directory.people)
    names.insert(p.name);
  CHECK(names.size() == s.directory.people.size());
  CHECK(seconds < 30.0);  // generous for ASan builds on a busy machine; the growth, not the figure, is the bug
}

TEST_CASE("fuzz finding: a route line with invalid UTF-8 (Latin-1) gets a JSON error reply, not a crash") {
  // fuzz_route: the parse error quotes the bytes it last read, and writing them as JSON threw type_error 316
  // out of handle_line, so `vaxel route` ended on the first Latin-1 line from a PBX.
  sim::RouteAdapter adapter(model::load_default_scenario());
  const std::string latin1 = "{\"type\":\"call\",\"call\":\"c1\",\"person\":\"Soten\xe4s\"}";
  std::string reply;
  REQUIRE_NOTHROW(reply = adapter.handle_line(latin1, 7));
  const nlohmann::json j = nlohmann::json::parse(reply);
  CHECK(j["line"] == 7);
  CHECK(j["error"].get<std::string>().find("line 7") == 0);
  // The adapter goes on answering the next line.
  CHECK(nlohmann::json::parse(adapter.handle_line("{\"type\":\"switchboard\",\"open\":true}", 8))["ok"] == true);
}

TEST_CASE("limits: an alias bomb of a few hundred bytes is refused quickly, not expanded") {
  // Ten aliases of the level below, eight levels deep: 10^8 nodes once expanded. Walking yaml-cpp's shared nodes
  // costs per copy, so seven levels took 54 s and 2.2 GB and eight never ended before aliases were capped by
  // the text's size.
  std::string yaml = "name: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 9; ++level) {
    const std::string below = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int k = 0; k < 10; ++k)
      yaml += (k == 0 ? "" : ", ") + below;
    yaml += "]\n";
  }
  REQUIRE(yaml.size() < 1000);
  const auto start = std::chrono::steady_clock::now();
  const std::string e = load_error(yaml);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(e.find("alias bomb") != std::string::npos);
  CHECK(e.find("test.yaml:") != std::string::npos);
  CHECK(seconds < 30.0);  // well under a second in Release; the bound, not the figure, is the point
  // Anchors used as intended still load: one shift shared by two operators.
  CHECK(load_error("extends: sotenas.yaml\nswitchboard:\n  operators:\n"
                   "    - {name: A, shift: &day {weekly: {mon-fri: [\"08:00-16:00\"]}}}\n"
                   "    - {name: B, shift: *day}\n") == "");
}

TEST_CASE("vaxel erlang: a load no number of operators could answer ends with a message, not an endless solve") {
  // A billion calls an hour with 10 s of patience: following one caller through 2.8 million waiting places
  // step by step would have taken hours; the staffing search now stops with the reason (exit status 1).
  const auto start = std::chrono::steady_clock::now();
  const Ran r = run(kVaxel + " erlang --arrivals-per-hour 1e9 --handle-time 180 --patience 10 --staff 2>&1");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.status == 1);
  CHECK(r.out.find("far beyond what the operators can answer") != std::string::npos);
  CHECK(seconds < 120.0);  // about 20 s in a Debug build on a busy machine; it never ended before
}

TEST_CASE(
    "vaxel calibrate: a call log spanning thousands of years is refused with both dates, not fitted for minutes") {
  // Two rows 8,400 years apart (a mistyped year) made the fit walk every day between: 80 s and 2.3 GB.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "vaxel-hardening-calibrate";
  std::filesystem::create_directories(dir);
  const std::filesystem::path log = dir / "span.csv";
  {
    std::ofstream out(log);
    out << "start,caller,dialled,outcome\n"
           "1600-01-11T08:15:03,0701,0523-664000,voicemail\n"
           "9999-01-11T08:15:03,0702,0523-664000,voicemail\n";
  }
  const auto start = std::chrono::steady_clock::now();
  const Ran r =
      run(kVaxel + " calibrate " + log.string() + " --org " VAXEL_SOURCE_DIR "/scenarios/sotenas.yaml --out " +
          (dir / "fitted.yaml").string() + " 2>&1");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.status == 2);
  CHECK(r.out.find("1600-01-11T08:15:03 (line 2)") != std::string::npos);
  CHECK(r.out.find("9999-01-11T08:15:03 (line 3)") != std::string::npos);
  CHECK(r.out.find("at most 3660 days") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "fitted.yaml"));
  CHECK(seconds < 30.0);
  std::filesystem::remove_all(dir);
}
