// `vaxel staff`: the Erlang A seed covers exactly the open hours, a plan becomes an operators list that the
// scenario loader accepts, and the search returns a plan meeting the queue targets hour by hour.
#include <doctest/doctest.h>

#include <filesystem>

#include "model/scenario_loader.hpp"
#include "sim/staffing.hpp"
#include "workflow_fixture.hpp"

using namespace vaxel::sim;

TEST_CASE("staffing seed: at least one operator in every open hour of the week, none when closed") {
  const auto s = vaxel::model::load_scenario_file(vaxel::test::sotenas_path());
  const StaffingPlan plan = seed_plan(s, 20);
  CHECK(plan.at(0, 8) >= 1);   // Monday 08-09, open
  CHECK(plan.at(4, 15) >= 1);  // Friday 15-16, open
  CHECK(plan.at(0, 7) == 0);   // before opening
  CHECK(plan.at(0, 16) == 0);  // after closing
  CHECK(plan.at(5, 10) == 0);  // Saturday
  CHECK(plan.weekly_operator_hours() >= 5 * 8);
}

TEST_CASE("staffing plan: operator k works the hours needing at least k operators") {
  const auto s = vaxel::model::load_scenario_file(vaxel::test::sotenas_path());
  StaffingPlan plan;
  for (int d = 0; d < 5; ++d)
    for (int h = 8; h < 16; ++h)
      plan.operators[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)] = (h == 9 || h == 10) ? 3 : 1;
  const auto staffed = scenario_with_plan(s, vaxel::test::sotenas_path(), plan);
  REQUIRE(staffed.switchboard.operators.size() == 3);
  const auto& first = staffed.switchboard.operators[0].shift.weekly.days[0];
  REQUIRE(first.size() == 1);
  CHECK(first[0].start_minute == 8 * 60);
  CHECK(first[0].end_minute == 16 * 60);
  const auto& third = staffed.switchboard.operators[2].shift.weekly.days[2];
  REQUIRE(third.size() == 1);
  CHECK(third[0].start_minute == 9 * 60);
  CHECK(third[0].end_minute == 11 * 60);
  CHECK(staffed.switchboard.operators[2].shift.weekly.days[5].empty());
}

TEST_CASE("staffing search: the plan found meets the service-level target in every open hour") {
  vaxel::test::TempDir dir;
  const std::string file = vaxel::test::write_overlay(dir, "staff", "targets: [service_level >= 0.8]\n");
  const auto s = vaxel::model::load_scenario_file(file);
  RunOptions o = options_from(s);
  o.jobs = 2;
  o.progress = false;
  StaffingOptions so;
  so.max_iterations = 8;
  const StaffingResult r = find_staffing(s, file, o, so);
  CHECK(r.found);
  CHECK(r.simulations >= 1);
  CHECK(r.plan.at(0, 9) >= 1);
  REQUIRE(r.result.targets.size() == 1);
  CHECK(r.result.targets[0].verdict != Verdict::Missed);
}

TEST_CASE("staff --write: the overlay runs from the folder it was written to, not only beside the scenario") {
  // The overlay's `extends:` is resolved from its own folder; naming the base by its bare file name made
  // `vaxel staff scenarios/sotenas.yaml --write plan.yaml` write a plan that `vaxel run plan.yaml` refused.
  vaxel::test::TempDir dir;
  const std::string file = vaxel::test::write_overlay(dir, "staff", "targets: [service_level >= 0.8]\n");
  std::filesystem::create_directory(dir.file("plans"));
  const std::string plan = dir.file("plans/staffed.yaml");
  const auto r = vaxel::test::run_vaxel(dir, "staff " + file + " --max-iterations 2 -q --no-db --write " + plan);
  INFO(r.err);
  REQUIRE(r.status <= 1);  // 1: no plan met every target within two iterations; the plan is written all the same
  CHECK(vaxel::test::read_text(plan).find("extends: \"../staff.yaml\"") != std::string::npos);
  const auto valid = vaxel::test::run_vaxel(dir, "validate " + plan);
  INFO(valid.err);
  CHECK(valid.status == 0);
}
