// The routing core clause by clause, continued: M1, M6, M8, M9, P4, U1, MO4, F2 and the policy switches.
#include <doctest/doctest.h>

#include "model/routing/messages.hpp"
#include "tests/routing_script.hpp"

using namespace vaxel::test;
using E = EventKind;

namespace {
const WallSeconds kT = monday_10();
const WallSeconds k1400 = kT + 4 * kSecondsPerHour;
const WallSeconds kTomorrow0900 = kT + 23 * kSecondsPerHour;
}  // namespace

TEST_CASE("M1: every path that ends with no person, no voicemail and no message is reported") {
  const auto closed = [](FakeWorld& w, Policy&) { w.open = false; };
  run_rows({
      {"direct dial to Bo after hours rings out (no voicemail, no operator)",
       closed,
       person_call(kDirect, kBo),
       {{E::Arrived, "ring:Bo Ek"}, {E::NoAnswer, "finish:no_answer"}},
       OutcomeReason::NoAnswer},
      {"direct dial to Bo busy after hours",
       [](FakeWorld& w, Policy&) {
         w.open = false;
         w.set(kBo, PresenceState::OnCall);
       },
       person_call(kDirect, kBo),
       {{E::Arrived, "finish:busy"}},
       OutcomeReason::Busy},
      {"direct dial to Bo in hänvisning without a return time after hours",
       [](FakeWorld& w, Policy&) {
         w.open = false;
         w.referral(kBo, ReferralReason::Sick, std::nullopt);
       },
       person_call(kDirect, kBo),
       {{E::Arrived, "play:referral finish:unanswered"}},
       OutcomeReason::Unanswered},
      {"direct dial to Bo off duty after hours: nothing rings, nothing catches it",
       [](FakeWorld& w, Policy&) {
         w.open = false;
         w.set(kBo, PresenceState::OffDuty);
       },
       person_call(kDirect, kBo),
       {{E::Arrived, "finish:no_answer"}},
       OutcomeReason::NoAnswer},
      {"direct dial to Bo forwarded to Cecilia, who is off duty too, after hours (M8b)",
       [](FakeWorld& w, Policy&) {
         w.open = false;
         w.forward(kBo, kCecilia);
         w.set(kCecilia, PresenceState::OffDuty);
       },
       person_call(kDirect, kBo),
       {{E::Arrived, "finish:no_answer"}},
       OutcomeReason::NoAnswer},
      {"attendant 4111 to Bo after hours rings out (M6)",
       closed,
       person_call(kAttendant, kBo),
       {{E::Arrived, "play:greeting ring:Bo Ek"}, {E::NoAnswer, "finish:no_answer"}},
       OutcomeReason::NoAnswer},
      {"direct dial to Eva's stale extension after hours (F2)",
       closed,
       person_call(kDirect, kEva),
       {{E::Arrived, "ring:Eva Gran"}, {E::Unreachable, "finish:no_answer"}},
       OutcomeReason::NoAnswer},
      {"the switchboard gives up waiting: no callback policy, no voicemail",
       nullptr,
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting enqueue"}, {E::QueueTimeout, "finish:unanswered"}},
       OutcomeReason::Unanswered},
      {"queue full with overflow busy",
       [](FakeWorld& w, Policy& p) {
         p.queue_capacity = 2;
         w.waiting = 2;
       },
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting play:queue_full finish:busy"}},
       OutcomeReason::Busy},
  });
  for (OutcomeReason r : {OutcomeReason::NoAnswer, OutcomeReason::Busy, OutcomeReason::Unanswered})
    CHECK(violates_m1(r));
  for (OutcomeReason r : {OutcomeReason::Abandoned, OutcomeReason::Closed, OutcomeReason::ReturnTimeGiven,
                          OutcomeReason::MobileGiven, OutcomeReason::Voicemail, OutcomeReason::MessageTaken,
                          OutcomeReason::TalkedToPerson, OutcomeReason::CallbackOrdered})
    CHECK_FALSE(violates_m1(r));
}

TEST_CASE("M1: the same call that would ring out is caught by voicemail or the operator") {
  run_rows({
      {"direct dial to Anna rings out: her voicemail",
       nullptr,
       person_call(kDirect, kAnna),
       {{E::Arrived, "ring:Anna Berg"}, {E::NoAnswer, "voicemail:Anna Berg finish:voicemail"}},
       OutcomeReason::Voicemail},
      {"direct dial to Bo rings out while open: the operator",
       nullptr,
       person_call(kDirect, kBo),
       {{E::Arrived, "ring:Bo Ek"},
        {E::NoAnswer, "enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message(Anna Berg)"}},
       OutcomeReason::None},
      {"the caller hangs up in the queue: abandoned, not an M1 violation",
       nullptr,
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting enqueue"}, {E::CallerHungUp, "finish:abandoned"}},
       OutcomeReason::Abandoned},
  });
}

TEST_CASE("M6: the automatic attendant 4111 reaches a present person without the operator") {
  run_rows({
      {"Anna present: rung directly, answered",
       nullptr,
       person_call(kAttendant, kAnna),
       {{E::Arrived, "play:greeting ring:Anna Berg"}, {E::TargetAnswered, "connect:Anna Berg finish:talked_to_person"}},
       OutcomeReason::TalkedToPerson},
      {"Anna does not answer: the operator takes over",
       nullptr,
       person_call(kAttendant, kAnna),
       {{E::Arrived, "play:greeting ring:Anna Berg"},
        {E::NoAnswer, "enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"}},
       OutcomeReason::None},
      {"a unit errand on 4111 goes to the operator",
       nullptr,
       unit_call(kAttendant, kBygglov),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"}},
       OutcomeReason::None},
  });
  FakeWorld world;
  Drive call(world, person_call(kAttendant, kAnna));
  call.feed(E::Arrived);
  call.feed(E::TargetAnswered);
  CHECK_FALSE(call.state.operator_involved);
}

TEST_CASE("M8: absence by hänvisning (a) plays the referral, by forward (b) rings the colleague") {
  run_rows({
      {"M8a: direct dial, Anna in a meeting",
       [](FakeWorld& w, Policy&) { w.referral(kAnna, ReferralReason::Meeting, k1400); },
       person_call(kDirect, kAnna),
       {{E::Arrived, "play:referral offer:voicemail/operator"}},
       OutcomeReason::None},
      {"M8b: direct dial, Anna forwarded to Bo: Bo's phone rings",
       [](FakeWorld& w, Policy&) { w.forward(kAnna, kBo); },
       person_call(kDirect, kAnna),
       {{E::Arrived, "ring:Bo Ek"}, {E::TargetAnswered, "connect:Bo Ek finish:talked_to_colleague"}},
       OutcomeReason::TalkedToColleague},
      {"M8b through the operator",
       [](FakeWorld& w, Policy&) { w.forward(kAnna, kBo); },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Bo Ek"},
        {E::TargetAnswered, "connect:Bo Ek finish:talked_to_colleague"}},
       OutcomeReason::TalkedToColleague},
      {"M8b: the forward target is away too: Anna's voicemail",
       [](FakeWorld& w, Policy&) {
         w.forward(kAnna, kBo);
         w.set(kBo, PresenceState::OffDuty);
       },
       person_call(kDirect, kAnna),
       {{E::Arrived, "voicemail:Anna Berg finish:voicemail"}},
       OutcomeReason::Voicemail},
  });
}

TEST_CASE("M9: referral with reason and return time, then voicemail or the operator") {
  const auto meeting = [](FakeWorld& w, Policy&) { w.referral(kAnna, ReferralReason::Meeting, k1400); };
  run_rows({
      {"press 1: voicemail",
       meeting,
       person_call(kDirect, kAnna),
       {{E::Arrived, "play:referral offer:voicemail/operator"},
        chose(Option::Voicemail, "voicemail:Anna Berg finish:voicemail")},
       OutcomeReason::Voicemail},
      {"press 2: the operator, who offers the rest",
       meeting,
       person_call(kDirect, kAnna),
       {{E::Arrived, "play:referral offer:voicemail/operator"},
        chose(Option::Operator, "enqueue"),
        {E::OperatorAnswered, "operator_task:referral offer:colleague/return_time/message/voicemail(Cecilia Dahl)"},
        chose(Option::ReturnTime, "play:return_time finish:return_time_given")},
       OutcomeReason::ReturnTimeGiven},
      {"Bo has no voicemail: only the operator",
       [](FakeWorld& w, Policy&) { w.referral(kBo, ReferralReason::BusinessTrip, k1400); },
       person_call(kDirect, kBo),
       {{E::Arrived, "play:referral offer:operator"}},
       OutcomeReason::None},
      {"closed: only voicemail",
       [&](FakeWorld& w, Policy& p) {
         meeting(w, p);
         w.open = false;
       },
       person_call(kDirect, kAnna),
       {{E::Arrived, "play:referral offer:voicemail"}},
       OutcomeReason::None},
  });
  FakeWorld world;
  world.referral(kAnna, ReferralReason::Meeting, k1400);
  Drive call(world, person_call(kDirect, kAnna));
  call.feed(E::Arrived);
  CHECK(render_text(call.out[0], world, kT) ==
        "Anna Berg is in a meeting until 14:00; press 1 for voicemail, 2 for the operator.");
}

TEST_CASE("P4: outside a unit's phone hours the operator tells them (policy OutsidePhoneHours)") {
  const auto outside = [](FakeWorld& w, Policy&) {
    w.in_phone_hours[kBygglov.value] = false;
    w.phone_hours_start[kBygglov.value] = kTomorrow0900;
  };
  run_rows({
      {"unit errand outside phone hours: told when",
       outside,
       unit_call(kMain, kBygglov),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:return_time/message"},
        chose(Option::ReturnTime, "play:phone_hours finish:return_time_given")},
       OutcomeReason::ReturnTimeGiven},
      {"person errand outside phone hours: no colleague, the phone hours as return time",
       outside,
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:return_time/message/voicemail"},
        chose(Option::Message, "operator_task:message take_message:Anna Berg finish:message_taken")},
       OutcomeReason::MessageTaken},
      {"policy ring_anyway: rung as at any other time",
       [&](FakeWorld& w, Policy& p) {
         outside(w, p);
         p.outside_phone_hours = OutsidePhoneHours::RingAnyway;
       },
       unit_call(kMain, kBygglov),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"}},
       OutcomeReason::None},
      {"inside phone hours: rung",
       nullptr,
       unit_call(kMain, kBygglov),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"}},
       OutcomeReason::None},
  });
  FakeWorld world;
  Policy p;
  outside(world, p);
  Drive call(world, unit_call(kMain, kBygglov));
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  call.feed(E::CallerChose, Option::ReturnTime);
  CHECK(render_text(call.out[0], world, kT) == "The phone hours of Bygglov start Tuesday 12 January at 09:00.");
}

TEST_CASE("U1: an international call is ordered by the operator; simple questions are answered directly") {
  run_rows({
      {"international",
       nullptr,
       CallStart{kMain, Intent::International, {}, {}},
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:international finish:international_ordered"}},
       OutcomeReason::InternationalOrdered},
      {"a general question",
       nullptr,
       CallStart{kMain, Intent::Question, {}, {}},
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:answer finish:answered_by_operator"}},
       OutcomeReason::AnsweredByOperator},
      {"a question Kundtjänst's answers cover",
       nullptr,
       CallStart{kMain, Intent::Question, {}, kKundtjanst},
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:answer finish:answered_by_operator"}},
       OutcomeReason::AnsweredByOperator},
      {"a question only Bygglov can answer is put through",
       nullptr,
       CallStart{kMain, Intent::Question, {}, kBygglov},
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"}},
       OutcomeReason::None},
  });
}

TEST_CASE("MO4: the mobile number is given instead of a transfer, unless MEX or policy transfer_to_mobile") {
  const auto trip = [](FakeWorld& w, Policy&) { w.referral(kCecilia, ReferralReason::BusinessTrip, k1400); };
  run_rows({
      {"Cecilia on a business trip with a mobile: the number is given",
       trip,
       person_call(kMain, kCecilia),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral give_mobile:Cecilia Dahl finish:mobile_given"}},
       OutcomeReason::MobileGiven},
      {"policy transfer_to_mobile: the mobile rings",
       [&](FakeWorld& w, Policy& p) {
         trip(w, p);
         p.transfer_to_mobile = true;
       },
       person_call(kMain, kCecilia),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Cecilia Dahl(mobile)"},
        {E::TargetAnswered, "connect:Cecilia Dahl finish:talked_to_person"}},
       OutcomeReason::TalkedToPerson},
      {"David's MEX phone is an extension: put through",
       [](FakeWorld& w, Policy&) { w.referral(kDavid, ReferralReason::OutOfOffice, k1400); },
       person_call(kMain, kDavid),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:transfer ring:David Falk(mobile)"}},
       OutcomeReason::None},
      {"Cecilia in a meeting: the mobile does not help, the offers do",
       [](FakeWorld& w, Policy&) { w.referral(kCecilia, ReferralReason::Meeting, k1400); },
       person_call(kMain, kCecilia),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/return_time/message/voicemail(Anna Berg)"}},
       OutcomeReason::None},
  });
  FakeWorld world;
  Policy p;
  trip(world, p);
  Drive call(world, person_call(kMain, kCecilia));
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  CHECK(render_text(call.out[1], world, kT) == "Cecilia Dahl can be reached on mobile 070-123 45 67.");
  CHECK(call.state.outcome.kind() == OutcomeKind::Failed);  // a forced second call (G4)
}

TEST_CASE("F2: a stale directory entry makes the transfer fail and the operator falls back") {
  run_rows({
      {"Eva left: unreachable, then a colleague of her unit or a message to the unit",
       nullptr,
       person_call(kMain, kEva),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Eva Gran"},
        {E::Unreachable, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message(David Falk)"},
        chose(Option::Message, "operator_task:message take_message:Omsorg finish:message_taken")},
       OutcomeReason::MessageTaken},
      {"Bo moved but the directory still has him in Bygglov: a colleague of the unit it lists, not his own pick",
       [](FakeWorld& w, Policy&) { w.dir.people[kBo.value].status = DirectoryStatus::Moved; },
       person_call(kMain, kBo),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Bo Ek"},
        {E::Unreachable, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message(Anna Berg)"},
        chose(Option::Colleague, "operator_task:transfer ring:Anna Berg"),
        {E::TargetAnswered, "connect:Anna Berg finish:talked_to_colleague"}},
       OutcomeReason::TalkedToColleague},
      {"direct dial to Eva's stale extension: no voicemail of hers, the operator takes over",
       nullptr,
       person_call(kDirect, kEva),
       {{E::Arrived, "ring:Eva Gran"},
        {E::Unreachable, "enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message(David Falk)"}},
       OutcomeReason::None},
  });
  FakeWorld world;
  Drive call(world, person_call(kMain, kEva));
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  CHECK(call.feed(E::TargetAnswered).empty());
  CHECK(call.last_error == RouteError::StaleExtension);
}
