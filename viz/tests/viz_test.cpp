// The viewer's non-UI parts: the wire format the simulation child speaks, the timeline the panels read, the
// knobs applied to a scenario copy, and a real forked feed (the UI thread never waits on it).
#include <doctest/doctest.h>

#include <chrono>

#include "model/scenario_loader.hpp"
#include "viz/feed.hpp"
#include "viz/knobs.hpp"
#include "viz/wire.hpp"

using namespace vaxel;
using viz::CallStage;
using viz::Frame;
using viz::Timeline;

namespace {

Frame sample_frame(double t) {
  Frame f;
  f.snapshot.t = t;
  f.snapshot.queue_length = 2;
  f.snapshot.lines_in_use = 3;
  f.snapshot.trunk_lines = 10;
  f.snapshot.open = true;
  f.snapshot.operators = {sim::OperatorState::Busy, sim::OperatorState::OffShift};
  f.snapshot.waiting_s = {41.5, 3.0};
  f.snapshot.presence = {model::PresenceState::Available, model::PresenceState::Referral,
                         model::PresenceState::Forwarded};
  f.snapshot.reasons = {model::ReferralReason::Meeting, model::ReferralReason::Lunch, model::ReferralReason::Meeting};
  viz::CallInFlight c;
  c.call = 7;
  c.errand = 99;
  c.arrival_s = t - 30;
  c.stage = CallStage::Transfer;
  c.intent = model::Intent::Person;
  c.person = model::PersonId{2};
  c.ringing = model::PersonId{2};
  f.calls.push_back(c);
  return f;
}

sim::CallSummary sample_call(std::uint64_t errand, int attempt, double arrival, double wait, bool answered) {
  sim::CallSummary c;
  c.call = static_cast<std::uint64_t>(attempt) + errand * 10;
  c.errand = errand;
  c.attempt = attempt;
  c.arrival_s = arrival;
  c.end_s = arrival + wait + 60;
  c.queued = true;
  c.answered_by_operator = answered;
  c.wait_s = wait;
  c.outcome.reason =
      answered ? model::routing::OutcomeReason::TalkedToPerson : model::routing::OutcomeReason::Abandoned;
  return c;
}

}  // namespace

TEST_CASE("wire: a frame survives the pipe with presence and operators and waits and calls in flight") {
  Timeline tl;
  const std::string line = viz::wire::encode_frame(sample_frame(1000.0));
  CHECK(line.back() == '\n');
  REQUIRE(viz::wire::apply_line(line.substr(0, line.size() - 1), tl) == "");
  REQUIRE(tl.frames.size() == 1);
  const sim::Snapshot& s = tl.frames[0].snapshot;
  CHECK(s.t == 1000.0);
  CHECK(s.queue_length == 2);
  CHECK(s.operators == std::vector{sim::OperatorState::Busy, sim::OperatorState::OffShift});
  CHECK(s.waiting_s == std::vector{41.5, 3.0});
  CHECK(s.presence[1] == model::PresenceState::Referral);
  CHECK(s.reasons[1] == model::ReferralReason::Lunch);
  REQUIRE(tl.frames[0].calls.size() == 1);
  CHECK(tl.frames[0].calls[0].stage == CallStage::Transfer);
  CHECK(tl.frames[0].calls[0].ringing == model::PersonId{2});
  CHECK_FALSE(tl.frames[0].calls[0].unit.valid());
}

TEST_CASE("wire: a call end survives the pipe and a broken line is reported rather than crashed on") {
  Timeline tl;
  REQUIRE(viz::wire::apply_line(viz::wire::encode_call(sample_call(5, 2, 500.0, 12.0, true)), tl) == "");
  REQUIRE(tl.calls.size() == 1);
  CHECK(tl.calls[0].attempt == 2);
  CHECK(tl.calls[0].outcome.reason == model::routing::OutcomeReason::TalkedToPerson);
  CHECK(tl.errands.at(5).size() == 1);
  CHECK(viz::wire::apply_line("{\"k\":\"tick\"", tl).find("unreadable") != std::string::npos);
  CHECK(viz::wire::apply_line("{\"k\":\"nonsense\"}", tl).find("unknown record kind") != std::string::npos);
  CHECK(viz::wire::apply_line(viz::wire::encode_error("boom"), tl) == "");
  CHECK(tl.ended);
  CHECK(tl.error == "boom");
}

TEST_CASE("timeline: the cursor shows the last frame at or before it") {
  Timeline tl;
  for (double t : {100.0, 160.0, 220.0})
    tl.add_frame(sample_frame(t));
  tl.add_frame(sample_frame(50.0));  // out of order: dropped
  CHECK(tl.frames.size() == 3);
  CHECK(tl.frame_at(159.0)->snapshot.t == 100.0);
  CHECK(tl.frame_at(160.0)->snapshot.t == 160.0);
  CHECK(tl.frame_at(10.0)->snapshot.t == 100.0);
  CHECK(tl.frame_at(1e9)->snapshot.t == 220.0);
}

TEST_CASE("timeline T1: service level per 15 minutes counts queued calls answered within the target") {
  Timeline tl;
  const double day0 = model::start_of_day(model::to_day_number({2027, 1, 11}));
  const double nine = day0 + 9 * 3600.0;
  tl.add_call(sample_call(1, 1, nine + 60, 10.0, true));    // within 20 s
  tl.add_call(sample_call(2, 1, nine + 120, 45.0, true));   // too late
  tl.add_call(sample_call(3, 1, nine + 180, 90.0, false));  // left the queue
  tl.add_call(sample_call(3, 2, nine + 3700, 5.0, true));   // the same errand calls again (G4)
  const viz::DaySeries d = tl.day_series(nine + 7200, 20.0);
  CHECK(d.calls == 4);
  CHECK(d.service_level[36] == doctest::Approx(1.0 / 3.0));  // 09:00-09:15
  CHECK(d.service_level[40] == doctest::Approx(1.0));        // 10:00-10:15
  CHECK(d.service_level[20] < 0.0f);                         // no calls: no data, not zero
  CHECK(d.calls_per_hour[9] == 3.0f);
  CHECK(d.repeat_calls[10] == 1.0f);
  CHECK(tl.errands.at(3).size() == 2);
  // Earlier in the day only what had happened counts.
  CHECK(tl.day_series(nine + 150, 20.0).calls == 2);
}

TEST_CASE("knobs: shifts and phone hours and MO4 change a copy of the scenario and bad hours are refused with where") {
  const model::Scenario base = model::load_default_scenario();
  viz::UiState ui;
  viz::load_knobs(ui, base);
  REQUIRE(ui.operators.size() == base.switchboard.operators.size());
  REQUIRE(base.directory.units[static_cast<std::size_t>(ui.knob_unit)].phone_hours.has_value());

  std::string problem;
  auto same = viz::apply_knobs(base, ui, problem);
  REQUIRE(same);
  CHECK(same->switchboard.operators.size() == base.switchboard.operators.size());
  // An untouched shift keeps its reduced-day close, which the knob text does not show.
  CHECK(same->switchboard.operators[0].shift.reduced_day_close ==
        base.switchboard.operators[0].shift.reduced_day_close);

  ui.operators[1].enabled = false;
  std::snprintf(ui.phone_hours, sizeof ui.phone_hours, "%s", "");
  ui.transfer_to_mobile = true;
  auto changed = viz::apply_knobs(base, ui, problem);
  REQUIRE(changed);
  CHECK(changed->switchboard.operators.size() == base.switchboard.operators.size() - 1);
  CHECK_FALSE(changed->directory.units[static_cast<std::size_t>(ui.knob_unit)].phone_hours.has_value());
  CHECK(changed->policy.transfer_to_mobile);
  CHECK(base.directory.units[static_cast<std::size_t>(ui.knob_unit)].phone_hours.has_value());

  std::snprintf(ui.operators[0].shift, sizeof ui.operators[0].shift, "%s", "12:00-11:00");
  CHECK_FALSE(viz::apply_knobs(base, ui, problem));
  CHECK(problem.find(ui.operators[0].name) == 0);
  CHECK(problem.find("12:00-11:00") != std::string::npos);
  std::snprintf(ui.operators[0].shift, sizeof ui.operators[0].shift, "%s", "8 to 12");
  CHECK_FALSE(viz::apply_knobs(base, ui, problem));
  CHECK(problem.find("'8 to 12' is not an interval") != std::string::npos);
}

TEST_CASE("feed: a forked replication streams the day while the caller never blocks") {
  const model::Scenario scenario = model::load_default_scenario();
  viz::FeedSpec spec;
  spec.seed = 3;
  spec.warmup_days = 1;
  spec.days = 1;
  viz::SimulationFeed feed(scenario, spec);
  // pump() returns at once whether or not the child has written anything yet.
  const auto t0 = std::chrono::steady_clock::now();
  feed.pump(1.0);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 0.5);

  const double half_past_ten = model::at(model::to_day_number(scenario.run.start), 10 * 60 + 30);
  REQUIRE(feed.wait_until(half_past_ten, 300.0));
  const Timeline& tl = feed.timeline();
  CHECK(tl.error == "");
  CHECK(tl.first_t() >= feed.window_start_s());  // the warm-up stays in the child
  const viz::Frame* f = tl.frame_at(half_past_ten);
  REQUIRE(f != nullptr);
  CHECK(f->snapshot.presence.size() == scenario.directory.people.size());
  CHECK(f->snapshot.operators.size() == scenario.switchboard.operators.size());
  CHECK(f->snapshot.open);
  REQUIRE(feed.wait_until(feed.window_end_s() - spec.tick_s, 300.0));
  CHECK(tl.last_t() < feed.window_end_s());  // the drain day is simulated but not shown
  REQUIRE(feed.wait_for_end(300.0));
  CHECK(tl.ended);
  CHECK(tl.kpis.contains("kpis"));
  CHECK_FALSE(tl.calls.empty());
}

TEST_CASE("feed: the same seed gives the same callers (the compare view's common random numbers)") {
  const model::Scenario scenario = model::load_default_scenario();
  viz::FeedSpec spec;
  spec.seed = 11;
  spec.warmup_days = 0;
  spec.days = 1;
  viz::SimulationFeed a(scenario, spec);
  viz::SimulationFeed b(scenario, spec);
  REQUIRE(a.wait_until(a.window_end_s() - spec.tick_s, 300.0));
  REQUIRE(b.wait_until(b.window_end_s() - spec.tick_s, 300.0));
  a.pump(1000.0);
  b.pump(1000.0);
  REQUIRE(a.timeline().calls.size() == b.timeline().calls.size());
  REQUIRE_FALSE(a.timeline().calls.empty());
  for (std::size_t i = 0; i < a.timeline().calls.size(); ++i)
    CHECK(a.timeline().calls[i].arrival_s == b.timeline().calls[i].arrival_s);
  spec.seed = 12;
  viz::SimulationFeed c(scenario, spec);
  REQUIRE(c.wait_until(c.window_end_s() - spec.tick_s, 300.0));
  c.pump(1000.0);
  CHECK(c.timeline().calls.size() != a.timeline().calls.size());
}
