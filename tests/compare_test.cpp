// `vaxel compare`: with common random numbers, one operator against two is a significant difference in the
// queue KPIs, identical scenarios differ by exactly zero, and runs that could not be paired are refused.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "model/scenario_loader.hpp"
#include "sim/comparison.hpp"
#include "sim/experiment.hpp"
#include "workflow_fixture.hpp"

using namespace vaxel::sim;

namespace {
RunOptions short_run(const vaxel::model::Scenario& s) {
  RunOptions o = options_from(s);
  o.replications = 5;
  o.days = 5;
  o.warmup_days = 1;
  o.jobs = 2;
  o.progress = false;
  return o;
}
}  // namespace

TEST_CASE("compare: one operator against two all day is a significant, paired difference in service level") {
  vaxel::test::TempDir dir;
  const auto one = vaxel::model::load_scenario_file(vaxel::test::write_overlay(
      dir, "one", "switchboard:\n  operators:\n    - {name: A, shift: {weekly: {mon-fri: [\"08:00-16:00\"]}}}\n"));
  const auto two = vaxel::model::load_scenario_file(vaxel::test::write_overlay(
      dir, "two",
      "switchboard:\n  operators:\n    - {name: A, shift: {weekly: {mon-fri: [\"08:00-16:00\"]}}}\n"
      "    - {name: B, shift: {weekly: {mon-fri: [\"08:00-16:00\"]}}}\n"));
  const ExperimentResult a = run_experiment(one, short_run(one));
  const ExperimentResult b = run_experiment(two, short_run(two));
  REQUIRE(shares_random_numbers(a, b));
  const Difference sl = kpi_difference(a, b, "service_level");
  CHECK(sl.paired);
  CHECK(sl.diff.mean > 0.0);
  CHECK(sl.significant());
  const Difference wait = kpi_difference(a, b, "mean_wait_s");
  CHECK(wait.diff.mean < 0.0);
  CHECK(wait.significant());
}

TEST_CASE("compare: identical scenarios under different names differ by exactly zero in every KPI") {
  vaxel::test::TempDir dir;
  const auto x = vaxel::model::load_scenario_file(vaxel::test::write_overlay(dir, "x", ""));
  const auto y = vaxel::model::load_scenario_file(vaxel::test::write_overlay(dir, "y", ""));
  const ExperimentResult a = run_experiment(x, short_run(x));
  const ExperimentResult b = run_experiment(y, short_run(y));
  for (const auto& [name, e] : a.kpis) {
    CAPTURE(name);
    const Difference d = kpi_difference(a, b, name);
    if (std::isnan(d.diff.mean)) continue;  // a KPI without data in both
    CHECK(d.diff.mean == 0.0);
    CHECK(d.diff.half_width == 0.0);
    CHECK_FALSE(d.significant());
  }
}

TEST_CASE("vaxel compare: table and --by hour, JSON marks significance, mismatched run options are refused") {
  vaxel::test::TempDir dir;
  const std::string base = vaxel::test::write_overlay(dir, "base", "");
  const std::string no_cover = vaxel::test::write_overlay(
      dir, "no-cover",
      "switchboard:\n  operators:\n    - {name: A, shift: {weekly: {mon-fri: [\"08:00-12:00\", \"13:00-16:00\"]}}}\n");
  auto r = vaxel::test::run_vaxel(dir, "compare " + base + " " + no_cover + " --by hour -q -j 2 --no-db");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("B - A") != std::string::npos);
  CHECK(r.out.find("B: no-cover") != std::string::npos);
  CHECK(r.out.find("service level by hour") != std::string::npos);
  CHECK(r.out.find("12:00") != std::string::npos);

  r = vaxel::test::run_vaxel(dir, "compare " + base + " " + no_cover +
                                      " --by unit --kpi one_call_resolution "
                                      "-q -j 2 --no-db --json");
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["scenarios"].size() == 2);
  CHECK(j["kpis"][0]["differences"][0].contains("significant"));
  CHECK(j["by_unit"].size() > 20);

  const std::string other_seed = dir.file("seed7.yaml");
  vaxel::test::write_text(other_seed,
                          "extends: \"" + vaxel::test::sotenas_path() +
                              "\"\nname: seed7\nrun: {seed: 7, replications: 3, days: 3, warmup_days: 1}\n");
  r = vaxel::test::run_vaxel(dir, "compare " + base + " " + other_seed + " -q --no-db");
  CHECK(r.status == 2);
  CHECK(r.err.find("run.seed 7 but the base has 1") != std::string::npos);
  // The flag sets it for all: then they pair.
  CHECK(vaxel::test::run_vaxel(dir, "compare " + base + " " + other_seed + " --seed 3 -q -j 2 --no-db").status == 0);
  CHECK(vaxel::test::run_vaxel(dir, "compare " + base + " -q --no-db").status == 2);  // needs two
}
