// The simulator as a user sees it: same seed, same results; common random numbers between scenarios; and the
// KPIs moving the way a planner expects when staffing, policy or the calendar change.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "model/scenario_loader.hpp"
#include "sim/experiment.hpp"
#include "sim/replication.hpp"
#include "sim/report.hpp"
#include "sim/workers.hpp"

using namespace vaxel;

namespace {
sim::RunOptions quick(int replications, int days) {
  sim::RunOptions o;
  o.replications = replications;
  o.days = days;
  o.warmup_days = 2;
  o.seed = 11;
  o.jobs = 2;
  o.progress = false;
  return o;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// FNV-1a 64 of a text, for comparing traces.
std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s)
    h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

std::string trace_of(const model::Scenario& s, std::uint64_t seed, const std::string& path) {
  (void)sim::run_in_workers(1, 1, [&](int) {
    sim::ReplicationSpec spec;
    spec.seed = seed;
    spec.days = 5;
    spec.warmup_days = 1;
    spec.trace_path = path;
    return sim::run_replication(s, spec).dump();
  });
  return read_file(path);
}

double outcome(const sim::ExperimentResult& r, const char* reason) {
  double sum = 0;
  for (const auto& rep : r.replications)
    sum += rep["outcomes"][reason].get<double>();
  return sum;
}
}  // namespace

TEST_CASE("same scenario and seed give byte-identical results whatever --jobs") {
  const model::Scenario s = model::load_default_scenario();
  sim::RunOptions one = quick(4, 7);
  one.jobs = 1;
  sim::RunOptions two = quick(4, 7);
  two.jobs = 3;
  const std::string a = sim::to_json(sim::run_experiment(s, one), s).dump();
  const std::string b = sim::to_json(sim::run_experiment(s, two), s).dump();
  CHECK(a == b);
}

TEST_CASE("a seeded trace is reproducible, and another seed gives another trace") {
  const model::Scenario s = model::load_default_scenario();
  const auto dir = std::filesystem::temp_directory_path();
  const std::string t1 = trace_of(s, 5, (dir / "vaxel_trace_a.jsonl").string());
  const std::string t2 = trace_of(s, 5, (dir / "vaxel_trace_b.jsonl").string());
  const std::string t3 = trace_of(s, 6, (dir / "vaxel_trace_c.jsonl").string());
  REQUIRE(t1.size() > 10000);  // hundreds of calls, one line per routing step
  CHECK(fnv1a(t1) == fnv1a(t2));
  CHECK(fnv1a(t1) != fnv1a(t3));
  CHECK(t1.find("\"event\":\"operator_answered\"") != std::string::npos);
}

TEST_CASE("G4: common random numbers: changing staffing leaves the callers' errands as they were") {
  model::Scenario base = model::load_default_scenario();
  model::Scenario lean = base;
  lean.switchboard.operators.resize(1);
  const auto a = sim::run_experiment(base, quick(5, 10));
  const auto b = sim::run_experiment(lean, quick(5, 10));
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    // Every new errand arrives at the same time with the same need in both scenarios.
    CHECK(a.replications[r]["kpis"]["errands_per_day"] == b.replications[r]["kpis"]["errands_per_day"]);
  }
  // ... while one operator instead of two is felt by the callers (T1).
  CHECK(b.kpi("mean_wait_s")->mean > a.kpi("mean_wait_s")->mean);
  CHECK(b.kpi("service_level")->mean < a.kpi("service_level")->mean);
  CHECK(b.kpi("operator_occupancy")->mean > a.kpi("operator_occupancy")->mean);
}

TEST_CASE("new errands per weekday match the scenario's demand within the confidence interval") {
  model::Scenario s = model::load_default_scenario();
  s.demand.weekday_factor = {1, 1, 1, 1, 1, 1, 1};  // every day an ordinary weekday
  s.calendar = model::Calendar{};                   // no summer periods or closures to scale demand
  const auto r = sim::run_experiment(s, quick(10, 14));
  const sim::Estimate* e = r.kpi("errands_per_day");
  REQUIRE(e != nullptr);
  // Poisson: sd sqrt(80) a day, 140 days: se 0.76; holidays inside the window see Sunday's factor 1 too.
  CHECK(e->low() - e->half_width < 80.0);
  CHECK(e->high() + e->half_width > 80.0);
  CHECK(e->half_width < 3.0);
}

TEST_CASE("T4: calls on a public holiday meet the closed message, calls on an ordinary day almost never") {
  model::Scenario s = model::load_default_scenario();
  s.run.start = model::Date{2027, 12, 20};  // Monday; juldagen and annandag jul fall on Sat/Sun, julafton Friday
  s.demand.weekday_factor = {1, 1, 1, 1, 1, 1, 1};
  const auto r = sim::run_experiment(s, quick(10, 7));
  const sim::Estimate monday = r.series("by_day", "closed", 0);
  const sim::Estimate julafton = r.series("by_day", "closed", 4);
  // The switchboard is closed all day (DayOff): every call to the main or the housing number (93 % of
  // errands) meets the closed message; direct dials and the attendant 4111 ring the extension as on any day,
  // and those callers redial more. About 90 % of the day's calls (0.897 ± 0.012 over 40 replications).
  CHECK(julafton.low() > 0.8);
  CHECK(monday.high() < 0.1);  // only calls before 08:00 or after 16:00
}

TEST_CASE("MO4: with mobiles off limits the operator gives out numbers; allowing transfers to mobiles stops it") {
  model::Scenario guideline = model::load_default_scenario();
  model::Scenario mobiles = guideline;
  mobiles.policy.transfer_to_mobile = true;
  const auto a = sim::run_experiment(guideline, quick(4, 10));
  const auto b = sim::run_experiment(mobiles, quick(4, 10));
  CHECK(outcome(a, "mobile_given") > 0);
  CHECK(outcome(b, "mobile_given") == 0);
}

TEST_CASE("all trunk lines busy: callers hear busy, and it counts against M1") {
  model::Scenario s = model::load_default_scenario();
  s.switchboard.trunk_lines = 1;
  s.demand.calls_per_weekday = 400;
  const auto r = sim::run_experiment(s, quick(2, 5));
  CHECK(r.kpi("busy")->mean > 0.05);
  CHECK(r.kpi("unanswered")->mean >= r.kpi("busy")->mean);
}

TEST_CASE("the KPI table and result files carry every KPI, the targets and the scenario hash") {
  const model::Scenario s = model::load_default_scenario();
  const auto r = sim::run_experiment(s, quick(2, 3));
  std::ostringstream table;
  sim::print_table(r, table);
  CHECK(table.str().find("one-call resolution (G4)") != std::string::npos);
  CHECK(table.str().find(model::scenario_hash(s)) != std::string::npos);
  const auto dir = std::filesystem::temp_directory_path() / "vaxel_run_out";
  sim::write_outputs(r, s, dir.string());
  const auto json = nlohmann::json::parse(read_file((dir / "results.json").string()));
  CHECK(json["scenario"]["hash"] == model::scenario_hash(s));
  CHECK(json["kpis"].contains("one_call_resolution"));
  CHECK(json["by_hour"]["calls_per_day"].size() == 24);
  CHECK(read_file((dir / "by_unit.csv").string()).find("Bygglov") != std::string::npos);
}
