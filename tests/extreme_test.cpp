// Extreme scenarios a planner may try on purpose or by a slip: far more calls than the switchboard can take, no
// operators, nobody at work, a closed fortnight, a large municipality, nobody answering. Each must end, in
// bounded memory, with KPIs that still mean something (shares in [0, 1], the failure the situation implies).
#include <doctest/doctest.h>
#include <sys/resource.h>

#include <cmath>
#include <string>

#include "model/limits.hpp"
#include "model/scenario_loader.hpp"
#include "sim/experiment.hpp"
#include "sim/metrics.hpp"

using namespace vaxel;

namespace {

sim::RunOptions short_run(int replications, int days, int warmup_days = 0) {
  sim::RunOptions o;
  o.replications = replications;
  o.days = days;
  o.warmup_days = warmup_days;
  o.seed = 23;
  o.jobs = 2;
  o.progress = false;
  return o;
}

double outcome(const sim::ExperimentResult& r, const char* reason) {
  double sum = 0;
  for (const auto& rep : r.replications)
    sum += rep["outcomes"][reason].get<double>();
  return sum;
}

double count(const sim::ExperimentResult& r, const char* what) {
  double sum = 0;
  for (const auto& rep : r.replications)
    sum += rep["counts"][what].get<double>();
  return sum;
}

/// Every share KPI that has data lies in [0, 1], every other KPI is finite and not negative.
void check_kpis_sensible(const sim::ExperimentResult& r) {
  for (const sim::KpiInfo& k : sim::kpi_catalogue()) {
    const sim::Estimate* e = r.kpi(k.name);
    if (e == nullptr || e->n == 0) continue;
    CAPTURE(k.name);
    CHECK(std::isfinite(e->mean));
    CHECK(e->mean >= 0.0);
    if (std::string(k.unit) == "share") CHECK(e->mean <= 1.0 + 1e-12);
  }
}

/// The largest resident set of any worker process so far, in MiB (the replications run in forked children).
double max_child_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

/// A Monday to Friday switchboard with every weekday an ordinary day of demand.
model::Scenario flat_week() {
  model::Scenario s = model::load_default_scenario();
  s.demand.weekday_factor = {1, 1, 1, 1, 1, 0, 0};
  s.calendar = model::Calendar{};
  return s;
}

}  // namespace

TEST_CASE("extreme: arrivals at 100x the switchboard's capacity for a day end with busy and abandoned callers") {
  model::Scenario s = flat_week();
  // Two operators staff 12.25 operator-hours a day; at about 60 s of handling a call (transfers 35 s, questions
  // 150 s) they take some 735 calls a day: 100x that.
  s.demand.calls_per_weekday = 75'000;
  const auto r = sim::run_experiment(s, short_run(2, 1));
  check_kpis_sensible(r);
  // The trunk lines and the queue turn most callers away: they hear busy or give up waiting.
  CHECK(r.kpi("busy")->mean + r.kpi("abandoned")->mean > 0.9);
  CHECK(r.kpi("unanswered")->mean > 0.9);
  CHECK(r.kpi("operator_occupancy")->mean > 0.8);
  CHECK(count(r, "calls") > 2 * 75'000);
  // Calls alive at once are bounded by trunk_lines, so memory does not grow with the arrivals.
  CHECK(max_child_rss_mib() < 1024.0);
}

TEST_CASE("extreme: no operators at all: every switchboard call ends without an operator") {
  model::Scenario s = flat_week();
  s.switchboard.operators.clear();
  const auto r = sim::run_experiment(s, short_run(2, 5));
  check_kpis_sensible(r);
  CHECK(count(r, "calls") > 0);
  CHECK(count(r, "answered") == 0);
  CHECK(outcome(r, "answered_by_operator") == 0);
  CHECK(outcome(r, "message_taken") == 0);
  CHECK(r.kpi("one_call_resolution")->mean < 0.5);  // only direct dials can still reach someone
  // Nobody ever leaves the queue by being answered: the queue and the trunk lines bound what is alive at once.
  CHECK(max_child_rss_mib() < 1024.0);
}

TEST_CASE("extreme: everyone absent all day: nobody is reached, and callers get voicemail, messages or return times") {
  model::Scenario s = flat_week();
  for (model::RolePresence* role : {&s.presence.staff, &s.presence.manager}) {
    role->absent_day = 1.0;
    role->absent_day_summer = 1.0;
  }
  const auto r = sim::run_experiment(s, short_run(2, 5));
  check_kpis_sensible(r);
  CHECK(outcome(r, "talked_to_person") == 0);
  CHECK(outcome(r, "talked_to_colleague") == 0);
  CHECK(outcome(r, "voicemail") + outcome(r, "message_taken") + outcome(r, "return_time_given") > 0);
  CHECK(r.kpi("one_call_resolution")->mean < 0.4);  // simple questions and international calls still resolve
  // Every errand ends in a callback promise or a message; the pending ones must not pile up in memory.
  CHECK(max_child_rss_mib() < 1024.0);
}

TEST_CASE("extreme: a fortnight of closures: switchboard calls meet the closed message (T4), nobody is reached") {
  model::Scenario s = flat_week();
  s.demand.weekday_factor[6] = 1.0;  // closed days see Sunday's demand: callers who do not know
  const model::DayNumber first = model::to_day_number(s.run.start);
  for (int d = 0; d < 14; ++d)
    s.calendar.add_closure(model::from_day_number(first + d), "Stängt för ombyggnad");
  const auto r = sim::run_experiment(s, short_run(2, 14));
  check_kpis_sensible(r);
  // Calls to the switchboard meet the closed message; direct dials ring at empty desks (voicemail, no answer).
  CHECK(r.kpi("closed")->mean > 0.8);
  CHECK(count(r, "answered") == 0);
  CHECK(outcome(r, "talked_to_person") + outcome(r, "talked_to_colleague") == 0);
  CHECK(max_child_rss_mib() < 1024.0);
}

TEST_CASE("extreme: 50,000 people and 10 operators (scenarios/bench/large.yaml) run in bounded memory") {
  const model::Scenario s = model::load_scenario_file(VAXEL_SOURCE_DIR "/scenarios/bench/large.yaml");
  REQUIRE(s.directory.people.size() == 50'000);
  REQUIRE(s.switchboard.operators.size() == 10);
  const auto r = sim::run_experiment(s, short_run(2, 3, 1));
  check_kpis_sensible(r);
  CHECK(r.kpi("errands_per_day")->mean > 1'000);
  CHECK(r.kpi("one_call_resolution")->mean > 0.2);
  CHECK(max_child_rss_mib() < 1024.0);
}

TEST_CASE("extreme: a week in which nobody answers their phone ends in voicemail, messages and return times") {
  model::Scenario s = flat_week();
  s.presence.answer_probability = 0.0;
  const auto r = sim::run_experiment(s, short_run(2, 7));
  check_kpis_sensible(r);
  CHECK(outcome(r, "talked_to_person") == 0);
  CHECK(outcome(r, "voicemail") > 0);
  CHECK(outcome(r, "voicemail") + outcome(r, "message_taken") + outcome(r, "return_time_given") +
            outcome(r, "no_answer") >
        0.3 * count(r, "calls"));
  // Unanswered errands come back as repeat calls; they must end, not grow without bound.
  CHECK(max_child_rss_mib() < 1024.0);
}

TEST_CASE("limits: a run beyond the errand limit is refused before it starts, not run for days") {
  model::Scenario s = model::load_default_scenario();
  s.demand.calls_per_weekday = 900'000;                                              // allowed alone (at most 1e6) ...
  CHECK(model::run_size_problem(s, 28, 7, 1).find("errands") != std::string::npos);  // ... but not for 35 days
  CHECK_THROWS_AS((void)sim::run_experiment(s, short_run(1, 28, 7)), std::invalid_argument);
  CHECK(model::run_size_problem(model::load_default_scenario(), 28, 7, 10).empty());
}
