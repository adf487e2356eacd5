// The routing core clause by clause (guidelines/clauses.md): each table is a set of calls with the actions
// the caller and the switchboard would notice after each event, and how the errand's call ends.
#include <doctest/doctest.h>

#include "model/routing/messages.hpp"
#include "tests/routing_script.hpp"

using namespace vaxel::test;
using E = EventKind;

namespace {
const WallSeconds kT = monday_10();
const WallSeconds k1400 = kT + 4 * kSecondsPerHour;
const WallSeconds kTomorrow0800 = kT + 22 * kSecondsPerHour;
const WallSeconds kTomorrow0900 = kT + 23 * kSecondsPerHour;
}  // namespace

TEST_CASE("T2: the greeting is chosen by the number dialled (main vs housing)") {
  FakeWorld world;
  for (auto [entry, greeting] : {std::pair{kMain, "Hej och välkommen till Sotenäs kommun"},
                                 std::pair{kHousing, "Hej och välkommen till Sotenäs Bostäder"}}) {
    Drive call(world, person_call(entry, kAnna));
    CHECK(call.feed(E::Arrived) == "play:greeting enqueue");
    CHECK(render_text(call.out[0], world, kT) == greeting);
  }
  Drive direct(world, person_call(kDirect, kAnna));
  CHECK(direct.feed(E::Arrived) == "ring:Anna Berg");  // a direct dial has no switchboard greeting
}

TEST_CASE("T3: a present person is put through and the errand is resolved") {
  run_rows({
      {"main number, Anna at her desk",
       nullptr,
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"},
        {E::TargetAnswered, "connect:Anna Berg finish:talked_to_person"}},
       OutcomeReason::TalkedToPerson},
      {"housing number, unit errand: the first present person of the unit",
       nullptr,
       unit_call(kHousing, kOmsorg),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:David Falk"},
        {E::TargetAnswered, "connect:David Falk finish:talked_to_person"}},
       OutcomeReason::TalkedToPerson},
      {"unit errand: a ring-out tries the next person of the unit",
       nullptr,
       unit_call(kMain, kOmsorg),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:David Falk"},
        {E::NoAnswer, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:transfer ring:Eva Gran"},
        {E::Unreachable, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:message"},
        chose(Option::Message, "operator_task:message take_message:Omsorg finish:message_taken")},
       OutcomeReason::MessageTaken},
  });
}

TEST_CASE("T3a: absent person -> colleague in same unit offered, never one from another unit") {
  run_rows({
      {"Anna busy: her own first choice of colleague, Cecilia, is offered",
       [](FakeWorld& w, Policy&) { w.set(kAnna, PresenceState::OnCall); },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"},
        chose(Option::Colleague, "operator_task:transfer ring:Cecilia Dahl"),
        {E::TargetAnswered, "connect:Cecilia Dahl finish:talked_to_colleague"}},
       OutcomeReason::TalkedToColleague},
      {"Anna rings out: the call returns to the operator, who offers a colleague",
       nullptr,
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"},
        {E::NoAnswer, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"}},
       OutcomeReason::None},
      {"nobody present in Bygglov: no colleague, though all of Omsorg is in",
       [](FakeWorld& w, Policy&) {
         w.set(kAnna, PresenceState::OnCall);
         w.set(kBo, PresenceState::OffDuty);
         w.set(kCecilia, PresenceState::OnCall);
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:referral offer:message/voicemail"}},
       OutcomeReason::None},
      {"Bo busy: David, listed as his colleague by mistake, is in Omsorg and never offered",
       [](FakeWorld& w, Policy&) { w.set(kBo, PresenceState::OnCall); },
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message(Anna Berg)"}},
       OutcomeReason::None},
      {"the colleague left the desk after the offer: the rest is offered again",
       [](FakeWorld& w, Policy&) { w.set(kAnna, PresenceState::OnCall); },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"}},
       OutcomeReason::None},
  });

  // The last row once more, with Cecilia leaving between the offer and the choice.
  FakeWorld world;
  world.set(kAnna, PresenceState::OnCall);
  Drive call(world, person_call(kMain, kAnna));
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  world.set(kCecilia, PresenceState::OnCall);
  CHECK(call.feed(E::CallerChose, Option::Colleague) ==
        "operator_task:referral offer:colleague/message/voicemail(Bo Ek)");
}

TEST_CASE("T3b: the return time is told from the hänvisning or from the schedule") {
  run_rows({
      {"Anna in a meeting until 14:00, colleagues away",
       [](FakeWorld& w, Policy&) {
         w.referral(kAnna, ReferralReason::Meeting, k1400);
         w.set(kBo, PresenceState::OffDuty);
         w.set(kCecilia, PresenceState::OffDuty);
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:return_time/message/voicemail"},
        chose(Option::ReturnTime, "play:return_time finish:return_time_given")},
       OutcomeReason::ReturnTimeGiven},
      {"Anna off duty without hänvisning: her working hours tell when",
       [](FakeWorld& w, Policy&) {
         w.set(kAnna, PresenceState::OffDuty);
         w.back_by_schedule = kTomorrow0800;
         w.set(kCecilia, PresenceState::OffDuty);
         w.set(kBo, PresenceState::OffDuty);
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:return_time/message/voicemail"},
        chose(Option::ReturnTime, "play:return_time finish:return_time_given")},
       OutcomeReason::ReturnTimeGiven},
      {"busy on another call: no return time is known, none is offered",
       [](FakeWorld& w, Policy&) {
         w.set(kBo, PresenceState::OnCall);
         w.set(kAnna, PresenceState::OffDuty);
         w.set(kCecilia, PresenceState::OffDuty);
       },
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:referral offer:message"}},
       OutcomeReason::None},
  });

  FakeWorld world;
  world.referral(kAnna, ReferralReason::Meeting, k1400);
  world.set(kCecilia, PresenceState::OffDuty);
  world.set(kBo, PresenceState::OffDuty);
  Drive call(world, person_call(kMain, kAnna));
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  call.feed(E::CallerChose, Option::ReturnTime);
  CHECK(render_text(call.out[0], world, call.t) == "Anna Berg is back at 14:00.");
  CHECK(call.state.outcome.time_s == k1400);

  world.set(kAnna, PresenceState::OffDuty);
  world.back_by_schedule = kTomorrow0800;
  Drive next_day(world, person_call(kMain, kAnna));
  next_day.feed(E::Arrived);
  next_day.feed(E::OperatorAnswered);
  next_day.feed(E::CallerChose, Option::ReturnTime);
  CHECK(render_text(next_day.out[0], world, next_day.t) == "Anna Berg is back Tuesday 12 January at 08:00.");
}

TEST_CASE("T3c: a message promises a callback; voicemail is offered only to people who have one (V1-V3)") {
  run_rows({
      {"Anna away: message taken",
       [](FakeWorld& w, Policy&) { w.set(kAnna, PresenceState::OnCall); },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"},
        chose(Option::Message, "operator_task:message take_message:Anna Berg finish:message_taken")},
       OutcomeReason::MessageTaken},
      {"Anna away: voicemail",
       [](FakeWorld& w, Policy&) { w.set(kAnna, PresenceState::OnCall); },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"},
        chose(Option::Voicemail, "voicemail:Anna Berg finish:voicemail")},
       OutcomeReason::Voicemail},
      {"Bo has no voicemail: it is not offered",
       [](FakeWorld& w, Policy&) { w.set(kBo, PresenceState::OnCall); },
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message(Anna Berg)"},
        refused(E::CallerChose, Option::Voicemail, RouteError::OptionNotOffered)},
       OutcomeReason::None},
  });

  FakeWorld world;
  world.set(kAnna, PresenceState::OnCall);
  Drive call(world, person_call(kMain, kAnna));
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  const WallSeconds chosen_at = call.t;
  call.feed(E::CallerChose, Option::Message);
  CHECK(call.state.outcome.kind() == OutcomeKind::Promised);
  CHECK(call.state.outcome.time_s == chosen_at + call.policy.callback_promise_s);  // M3: the promised time
}

TEST_CASE("T4: closed switchboard -> closed message with opening hours and on-call numbers") {
  FakeWorld world;
  world.open = false;
  for (EntryId entry : {kMain, kHousing}) {
    Drive call(world, person_call(entry, kAnna));
    CHECK(call.feed(E::Arrived) == "play:greeting play:closed finish:closed");
    const std::string text = render_text(call.out[1], world, kT);
    CHECK(text ==
          "The switchboard is closed. We open again Tuesday 12 January at 08:00. On-call numbers: Socialjouren "
          "0522-44 08 00, VA-jouren 0523-66 40 99.");
    CHECK(call.state.outcome.kind() == OutcomeKind::Failed);
    CHECK_FALSE(call.state.outcome.violates_m1());  // T4 is the guidelines' own answer after hours
  }
}
