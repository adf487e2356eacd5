// The policy switches a planner can flip (policy.hpp): ring timeout, offer order, callback instead of queueing,
// queue capacity and overflow, and the number of transfers tried in one call.
#include <doctest/doctest.h>

#include "model/routing/messages.hpp"
#include "tests/routing_script.hpp"

using namespace vaxel::test;
using E = EventKind;

TEST_CASE("policy ring_timeout_s: every ring carries the policy's ring time") {
  FakeWorld world;
  Policy p;
  p.ring_timeout_s = 15.0;
  Drive call(world, person_call(kMain, kAnna), p);
  call.feed(E::Arrived);
  call.feed(E::OperatorAnswered);
  REQUIRE(call.out.size() == 2);
  CHECK(call.out[1].kind == ActionKind::Ring);
  CHECK(call.out[1].timeout_s == 15.0);
}

TEST_CASE("policy offer_order: the options are offered in the policy's order") {
  run_rows({
      {"voicemail first, colleague last",
       [](FakeWorld& w, Policy& p) {
         w.referral(kAnna, ReferralReason::Meeting, monday_10() + 3600.0);
         p.offer_order = {OfferKind::Voicemail, OfferKind::Message, OfferKind::ReturnTime, OfferKind::Colleague};
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:referral offer:voicemail/message/return_time/colleague(Cecilia Dahl)"}},
       OutcomeReason::None},
      {"no colleagues in the policy: T3a is never offered",
       [](FakeWorld& w, Policy& p) {
         w.set(kAnna, PresenceState::OnCall);
         p.offer_order = {OfferKind::Message, OfferKind::Voicemail};
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"}, {E::OperatorAnswered, "operator_task:referral offer:message/voicemail"}},
       OutcomeReason::None},
  });
}

TEST_CASE("policy callback_offer_wait_s: a long expected wait offers a callback instead of queueing") {
  const auto long_wait = [](FakeWorld& w, Policy& p) {
    p.callback_offer_wait_s = 120.0;
    w.free_operators = 0;
    w.wait_s = 300.0;
  };
  run_rows({
      {"callback accepted",
       long_wait,
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting play:callback_offer offer:callback/wait"},
        chose(Option::Callback, "order_callback finish:callback_ordered")},
       OutcomeReason::CallbackOrdered},
      {"keeps waiting",
       long_wait,
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting play:callback_offer offer:callback/wait"}, chose(Option::Wait, "enqueue")},
       OutcomeReason::None},
      {"short wait: straight to the queue",
       [&](FakeWorld& w, Policy& p) {
         long_wait(w, p);
         w.wait_s = 60.0;
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"}},
       OutcomeReason::None},
      {"an operator is free: straight to the queue",
       [&](FakeWorld& w, Policy& p) {
         long_wait(w, p);
         w.free_operators = 1;
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"}},
       OutcomeReason::None},
  });
  FakeWorld world;
  Policy p;
  long_wait(world, p);
  Drive call(world, person_call(kMain, kAnna), p);
  call.feed(E::Arrived);
  CHECK(render_text(call.out[1], world, monday_10()) ==
        "The expected wait is about 5 minutes; press 1 to be called back, 2 to keep waiting.");
}

TEST_CASE("policy queue_capacity + overflow: a full queue gives busy or a callback") {
  run_rows({
      {"overflow busy",
       [](FakeWorld& w, Policy& p) {
         p.queue_capacity = 3;
         w.waiting = 3;
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting play:queue_full finish:busy"}},
       OutcomeReason::Busy},
      {"overflow callback",
       [](FakeWorld& w, Policy& p) {
         p.queue_capacity = 3;
         p.overflow = OverflowAction::Callback;
         w.waiting = 3;
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting order_callback finish:callback_ordered"}},
       OutcomeReason::CallbackOrdered},
      {"room left",
       [](FakeWorld& w, Policy& p) {
         p.queue_capacity = 3;
         w.waiting = 2;
       },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"}},
       OutcomeReason::None},
  });
}

TEST_CASE("policy max_transfer_attempts: after the last transfer only offers remain") {
  run_rows({
      {"one attempt: no colleague after the ring-out",
       [](FakeWorld&, Policy& p) { p.max_transfer_attempts = 1; },
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"},
        {E::NoAnswer, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:message/voicemail"}},
       OutcomeReason::None},
      {"two attempts: one colleague, then offers only",
       nullptr,
       person_call(kMain, kAnna),
       {{E::Arrived, "play:greeting enqueue"},
        {E::OperatorAnswered, "operator_task:transfer ring:Anna Berg"},
        {E::NoAnswer, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:colleague/message/voicemail(Cecilia Dahl)"},
        chose(Option::Colleague, "operator_task:transfer ring:Cecilia Dahl"),
        {E::Busy, "enqueue:returning"},
        {E::OperatorAnswered, "operator_task:referral offer:message/voicemail"},
        {E::CallerHungUp, "finish:abandoned"}},
       OutcomeReason::Abandoned},
  });
}
