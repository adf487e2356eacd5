// `vaxel sweep`: --set parsing (ranges, lists, clear errors), the grid's order, grid points as overlays that
// the scenario loader checks, the operators=N pseudo-key, and exit status 2 for bad input.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "model/scenario_loader.hpp"
#include "sim/sweep.hpp"
#include "workflow_fixture.hpp"

using namespace vaxel::sim;

TEST_CASE("--set values: integer ranges include both ends, comma lists keep their order") {
  CHECK(expand_values("1..4", "k") == std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(expand_values("3..3", "k") == std::vector<std::string>{"3"});
  CHECK(expand_values("-1..1", "k") == std::vector<std::string>{"-1", "0", "1"});
  CHECK(expand_values("35, 15,25", "k") == std::vector<std::string>{"35", "15", "25"});
  CHECK(expand_values("0.5", "k") == std::vector<std::string>{"0.5"});
}

TEST_CASE("--set values: commas inside brackets, braces and quotes do not split") {
  CHECK(expand_values(R"({weekly: {mon-fri: ["09:00-10:00", "13:00-14:00"]}},~)", "k") ==
        std::vector<std::string>{R"({weekly: {mon-fri: ["09:00-10:00", "13:00-14:00"]}})", "~"});
  CHECK(expand_values("[colleague, message],[voicemail]", "k") ==
        std::vector<std::string>{"[colleague, message]", "[voicemail]"});
  CHECK(expand_values("\"a,b\",c", "k") == std::vector<std::string>{"\"a,b\"", "c"});
}

TEST_CASE("--set parsing errors say what is wrong and give an example") {
  CHECK_THROWS_WITH_AS(parse_set("policy.ring_timeout_s"),
                       "--set 'policy.ring_timeout_s': expected key=values, e.g. policy.ring_timeout_s=15,25,35 or "
                       "operators=1..4",
                       SweepError);
  CHECK_THROWS_WITH_AS(parse_set("=15"), "--set '=15': no key before '='", SweepError);
  CHECK_THROWS_WITH_AS(parse_set("policy..x=1"), "--set 'policy..x=1': empty part in the key 'policy..x'", SweepError);
  CHECK_THROWS_WITH_AS(parse_set("policy.ring_timeout_s="),
                       "--set policy.ring_timeout_s: no values after '=' (e.g. 1..5 or 15,25,35)", SweepError);
  CHECK_THROWS_WITH_AS(parse_set("operators=5..2"), "--set operators: range '5..2' is empty (write 2..5)", SweepError);
  CHECK_THROWS_WITH_AS(parse_set("operators=a..b"),
                       "--set operators: range 'a..b' must be two whole numbers, e.g. 1..5", SweepError);
  CHECK_THROWS_WITH_AS(parse_set("operators=0,2"), "--set operators: '0' is not a number of operators in 1..1000",
                       SweepError);
  CHECK_THROWS_WITH_AS(parse_set("run.seed=1,2"),
                       "--set run.seed: run settings are the same for every grid point (common random numbers); use "
                       "--seed, -r, --days or --warmup",
                       SweepError);
  CHECK_THROWS_WITH_AS(parse_set("policy.ring_timeout_s=15,,25"),
                       "--set policy.ring_timeout_s: empty value in the list '15,,25'", SweepError);
}

TEST_CASE("sweep grid: every combination, the first --set varying slowest") {
  const auto grid = expand_grid({parse_set("operators=1..2"), parse_set("policy.ring_timeout_s=15,25,35")});
  REQUIRE(grid.size() == 6);
  CHECK(describe(grid[0]) == "operators=1 policy.ring_timeout_s=15");
  CHECK(describe(grid[1]) == "operators=1 policy.ring_timeout_s=25");
  CHECK(describe(grid[3]) == "operators=2 policy.ring_timeout_s=15");
  CHECK(describe(grid[5]) == "operators=2 policy.ring_timeout_s=35");
  CHECK(expand_grid({}).size() == 1);  // no --set: the file itself
}

TEST_CASE("sweep grid: a key given twice or a grid too large is refused") {
  CHECK_THROWS_WITH_AS(expand_grid({parse_set("operators=1"), parse_set("switchboard.operators=2")}),
                       "--set switchboard.operators: the key is given twice; list all its values in one --set",
                       SweepError);
  CHECK_THROWS_AS(expand_grid({parse_set("a=1..100"), parse_set("b=1..100")}, 1000), SweepError);
}

TEST_CASE("sweep point: a YAML overlay on the file, loaded and checked like a scenario file") {
  const std::string file = vaxel::test::sotenas_path();
  const auto s = load_point(file, "sotenas", {{"policy.ring_timeout_s", "15"}, {"switchboard.trunk_lines", "4"}});
  CHECK(s.policy.ring_timeout_s == 15.0);
  CHECK(s.switchboard.trunk_lines == 4);
  CHECK(s.name == "sotenas policy.ring_timeout_s=15 switchboard.trunk_lines=4");
  const auto unit = load_point(file, "sotenas", {{"organisation.units.Bygglov.phone_hours", "~"}});
  CHECK(unit.policy.ring_timeout_s == 25.0);
  // An unknown key is the loader's error, with the --set that caused it.
  try {
    (void)load_point(file, "sotenas", {{"policy.ring_timeout", "15"}});
    FAIL("expected a SweepError");
  } catch (const SweepError& e) {
    const std::string what = e.what();
    CHECK(what.find("--set policy.ring_timeout=15") != std::string::npos);
    CHECK(what.find("ring_timeout") != std::string::npos);
  }
}

TEST_CASE("operators=N keeps the first N operators and repeats the last listed one's shift beyond them") {
  const std::string file = vaxel::test::sotenas_path();
  const auto base = vaxel::model::load_scenario_file(file);
  REQUIRE(base.switchboard.operators.size() == 2);
  const auto one = load_point(file, "sotenas", {{"operators", "1"}});
  REQUIRE(one.switchboard.operators.size() == 1);
  CHECK(one.switchboard.operators[0].name == base.switchboard.operators[0].name);
  const auto four = load_point(file, "sotenas", {{"switchboard.operators", "4"}});
  REQUIRE(four.switchboard.operators.size() == 4);
  CHECK(four.switchboard.operators[2].name == "Telefonist 3");
  CHECK(four.switchboard.operators[3].name == "Telefonist 4");
  CHECK(four.switchboard.operators[3].shift.weekly.days == base.switchboard.operators[1].shift.weekly.days);
}

TEST_CASE("vaxel sweep: bad --set and unknown keys exit 2 with the reason on stderr, before anything runs") {
  vaxel::test::TempDir dir;
  const std::string file = vaxel::test::sotenas_path();
  auto r = vaxel::test::run_vaxel(dir, "sweep " + file + " --set operators=3..1 --no-db -q");
  CHECK(r.status == 2);
  CHECK(r.err.find("range '3..1' is empty") != std::string::npos);
  CHECK(r.out.empty());
  r = vaxel::test::run_vaxel(dir, "sweep " + file + " --set policy.ring_timeout=15,25 --no-db -q");
  CHECK(r.status == 2);
  CHECK(r.err.find("ring_timeout") != std::string::npos);
  CHECK(vaxel::test::run_vaxel(dir, "sweep " + file + " --no-db").status == 2);  // --set is required
}

TEST_CASE("vaxel sweep: one row per grid point, and a CSV with every KPI's mean and CI") {
  vaxel::test::TempDir dir;
  const std::string file = vaxel::test::write_overlay(dir, "small", "");
  const auto r = vaxel::test::run_vaxel(
      dir, "sweep " + file + " --set operators=1..2 --no-db -q -j 2 --json --csv " + dir.file("grid.csv"));
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["points"].size() == 2);
  CHECK(j["points"][0]["settings"]["operators"] == "1");
  // Common random numbers: the second operator raises the service level.
  CHECK(j["points"][1]["kpis"]["service_level"]["mean"].get<double>() >
        j["points"][0]["kpis"]["service_level"]["mean"].get<double>());
  const std::string csv = vaxel::test::read_text(dir.file("grid.csv"));
  CHECK(csv.rfind("operators,scenario_hash,one_call_resolution_mean,", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
}
