// Properties of the routing core over thousands of random calls and event sequences (fixed seeds, in the test
// only): every call ends within Router::max_steps accepted events, no action is ever invalid (ringing an
// absent person, connecting a dead extension, offering a colleague from another unit), out-of-order events
// are refused without touching the state, and the same inputs always give the same actions.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <type_traits>

#include "tests/routing_fixture.hpp"

using namespace vaxel::test;

static_assert(std::is_trivially_copyable_v<CallState>, "the simulator copies call states freely");
static_assert(std::is_trivially_copyable_v<ActionList>, "actions live inline, never on the heap");

namespace {

// Uniform in [0, n) from raw mt19937 output: identical on every standard library.
std::uint32_t pick(std::mt19937& rng, std::uint32_t n) {
  return static_cast<std::uint32_t>(rng() % n);
}
bool chance(std::mt19937& rng, std::uint32_t percent) {
  return pick(rng, 100) < percent;
}

Presence random_presence(std::mt19937& rng, const Directory& d, WallSeconds t) {
  Presence p;
  p.state = static_cast<PresenceState>(pick(rng, 5));
  p.reason = static_cast<ReferralReason>(pick(rng, 7));
  if (chance(rng, 70)) p.return_at = t + 600.0 * (1 + pick(rng, 30));
  p.forwarded_to = PersonId{pick(rng, static_cast<std::uint32_t>(d.people.size()))};
  return p;
}

void randomise(std::mt19937& rng, FakeWorld& w, Policy& p, WallSeconds t) {
  for (Presence& pr : w.people)
    pr = chance(rng, 45) ? presence_in(PresenceState::Available) : random_presence(rng, w.dir, t);
  w.open = chance(rng, 80);
  for (std::size_t u = 0; u < w.in_phone_hours.size(); ++u) {
    w.in_phone_hours[u] = chance(rng, 75);
    w.phone_hours_start[u] =
        chance(rng, 80) ? std::optional<WallSeconds>(t + 3600.0 * (1 + pick(rng, 30))) : std::nullopt;
  }
  w.back_by_schedule = chance(rng, 50) ? std::optional<WallSeconds>(t + 7200.0) : std::nullopt;
  w.free_operators = static_cast<int>(pick(rng, 3));
  w.waiting = static_cast<int>(pick(rng, 6));
  w.wait_s = 30.0 * pick(rng, 20);

  p.ring_timeout_s = 10.0 + pick(rng, 30);
  p.offer_order.clear();
  for (int k = 0; k < 4; ++k)
    if (chance(rng, 80)) p.offer_order.push_back(static_cast<OfferKind>(k));
  for (std::size_t i = p.offer_order.size(); i > 1; --i)
    std::swap(p.offer_order[i - 1], p.offer_order[pick(rng, static_cast<std::uint32_t>(i))]);
  p.transfer_to_mobile = chance(rng, 30);
  p.callback_offer_wait_s = chance(rng, 40) ? std::optional<double>(60.0 * pick(rng, 6)) : std::nullopt;
  p.queue_capacity = chance(rng, 40) ? std::optional<int>(static_cast<int>(pick(rng, 5))) : std::nullopt;
  p.overflow = chance(rng, 50) ? OverflowAction::Busy : OverflowAction::Callback;
  p.outside_phone_hours = chance(rng, 50) ? OutsidePhoneHours::TellPhoneHours : OutsidePhoneHours::RingAnyway;
  p.max_transfer_attempts = static_cast<int>(pick(rng, 5));
}

CallStart random_start(std::mt19937& rng, const Directory& d) {
  CallStart c;
  c.entry = EntryId{pick(rng, static_cast<std::uint32_t>(d.entries.size()))};
  c.intent = static_cast<Intent>(pick(rng, 4));
  if (c.intent == Intent::Person || chance(rng, 10))
    c.person = PersonId{pick(rng, static_cast<std::uint32_t>(d.people.size()))};
  if (c.intent != Intent::Person || chance(rng, 10))
    c.unit = UnitId{pick(rng, static_cast<std::uint32_t>(d.units.size()))};
  if (chance(rng, 3)) c.person = PersonId{99};  // an unknown person: refused at Arrived
  return c;
}

// An event that fits the phase most of the time, anything at all otherwise.
Event next_event(std::mt19937& rng, const CallState& s, WallSeconds t) {
  Event e = Event::at(static_cast<EventKind>(pick(rng, kEventKindCount)), t);
  e.option = static_cast<Option>(pick(rng, kOptionCount));
  if (e.kind == EventKind::CallerHungUp && !chance(rng, 15)) e.kind = EventKind::PresenceChanged;
  if (chance(rng, 25)) return e;
  switch (s.phase) {
    case CallPhase::Created:
      e.kind = EventKind::Arrived;
      break;
    case CallPhase::Queued:
      e.kind = chance(rng, 85) ? EventKind::OperatorAnswered : EventKind::QueueTimeout;
      break;
    case CallPhase::Ringing: {
      constexpr EventKind kRing[] = {EventKind::TargetAnswered, EventKind::NoAnswer, EventKind::Busy,
                                     EventKind::Unreachable};
      e.kind = kRing[pick(rng, 4)];
      break;
    }
    case CallPhase::Choosing:
    case CallPhase::ChoosingQueue:
      e.kind = EventKind::CallerChose;
      if (!s.offered.empty()) e.option = s.offered[static_cast<std::uint8_t>(pick(rng, s.offered.size()))];
      break;
    case CallPhase::Ended:
      break;
  }
  return e;
}

// Checks one accepted step's actions against the world as it was when the router decided.
void check_actions(const CallState& before, const CallState& after, const ActionList& out, const FakeWorld& w,
                   const Policy& p) {
  const Directory& d = w.dir;
  for (int i = 0; i < out.size(); ++i) {
    const Action& a = out[i];
    const bool last = i + 1 == out.size();
    switch (a.kind) {
      case ActionKind::Ring: {
        REQUIRE(a.person.value < d.people.size());
        const Person& who = d.person(a.person);
        if (a.via_mobile)
          CHECK((who.mobile && (who.phone == PhoneType::Mex || p.transfer_to_mobile)));
        else
          CHECK_MESSAGE(w.presence(a.person).state == PresenceState::Available, "rang ", who.name, " who is ",
                        std::string(to_string(w.presence(a.person).state)));
        CHECK(a.timeout_s == p.ring_timeout_s);
        CHECK(last);
        break;
      }
      case ActionKind::Connect: {
        CHECK(a.person == before.ringing);
        CHECK((before.ring_via_mobile || d.person(a.person).status == DirectoryStatus::Current));
        break;
      }
      case ActionKind::Offer:
        CHECK_FALSE(a.options.empty());
        CHECK(last);
        if (a.options.contains(Option::Colleague)) {  // T3a: same unit, present, not the person sought
          REQUIRE(after.start.person.valid());
          CHECK(a.person != after.start.person);
          CHECK(d.person(a.person).unit == d.person(after.start.person).unit);
          CHECK(w.presence(a.person).state == PresenceState::Available);
        }
        if (a.options.contains(Option::Voicemail)) CHECK(d.person(after.start.person).voicemail);  // V1-V3
        break;
      case ActionKind::Voicemail:
        CHECK(d.person(a.person).voicemail);
        break;
      case ActionKind::GiveMobile:  // MO4
        CHECK(d.person(a.person).mobile);
        CHECK_FALSE(p.transfer_to_mobile);
        CHECK(d.person(a.person).phone != PhoneType::Mex);
        break;
      case ActionKind::Finish:
        CHECK(last);
        CHECK(after.ended());
        CHECK(a.outcome == after.outcome);
        break;
      case ActionKind::Enqueue:
        CHECK(last);
        break;
      default:
        CHECK_FALSE((last && !after.ended()));
        break;
    }
  }
  if (!out.empty()) CHECK(after.ended() == (out.back().kind == ActionKind::Finish));
  if (!after.ended() && !out.empty()) {
    const ActionKind k = out.back().kind;
    CHECK((k == ActionKind::Enqueue || k == ActionKind::Ring || k == ActionKind::Offer));  // something to wait for
  }
}

// Drives `calls` random calls; returns an FNV-1a hash over every action and outcome.
std::uint64_t run_random_calls(std::uint32_t seed, int calls, bool check) {
  std::mt19937 rng(seed);
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&](std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
      hash = (hash ^ ((v >> (8 * i)) & 0xff)) * 1099511628211ull;
  };
  for (int n = 0; n < calls; ++n) {
    FakeWorld world;
    Policy policy;
    WallSeconds t = monday_10() + 60.0 * pick(rng, 600);
    randomise(rng, world, policy, t);
    const Router router(policy);
    CallState s = begin_call(world.dir, random_start(rng, world.dir));
    ActionList out;
    int accepted = 0;
    for (int step = 0; step < 300 && !s.ended(); ++step) {
      if (chance(rng, 10)) {  // the world moves on between events
        const auto who = pick(rng, static_cast<std::uint32_t>(world.people.size()));
        world.people[who] = random_presence(rng, world.dir, t);
      }
      const bool backwards = chance(rng, 3) && s.phase != CallPhase::Created;
      t += 5.0 * pick(rng, 10);
      Event e = next_event(rng, s, t);
      if (backwards) e.t = s.last_event_s - 1.0;
      const CallState before = s;
      const RouteError err = router.handle(s, e, world, out);
      mix(static_cast<std::uint64_t>(err));
      if (err != RouteError::None) {
        if (check) {
          CHECK(out.empty());
          CHECK(s == before);  // refused: nothing changed
          if (backwards) CHECK((err == RouteError::TimeWentBackwards || err == RouteError::AlreadyArrived));
        }
        if (err == RouteError::InvalidCall) break;
        continue;
      }
      if (check) CHECK_FALSE(backwards);
      if (e.kind != EventKind::PresenceChanged) ++accepted;
      for (const Action& a : out) {
        mix(static_cast<std::uint64_t>(a.kind) | static_cast<std::uint64_t>(a.message) << 8 |
            static_cast<std::uint64_t>(a.task) << 16 | static_cast<std::uint64_t>(a.person.value) << 24 |
            static_cast<std::uint64_t>(a.outcome.reason) << 56);
        mix(static_cast<std::uint64_t>(a.time_s));
      }
      if (check) check_actions(before, s, out, world, policy);
      if (check && s.ended() && s.outcome.violates_m1() && world.open) {
        // M1: while the switchboard is open the operator catches every call that would ring out, so a call
        // ends with nobody only at the queue (full with overflow busy, or the switchboard's own timeout).
        const bool queue_full = std::any_of(out.begin(), out.end(), [](const Action& a) {
          return a.kind == ActionKind::PlayMessage && a.message == MessageKind::QueueFull;
        });
        CHECK_MESSAGE((e.kind == EventKind::QueueTimeout || queue_full), "call ", n, " violates M1 at ",
                      std::string(to_string(e.kind)),
                      " with the switchboard open: ", std::string(to_string(s.outcome.reason)));
      }
    }
    if (check && s.phase != CallPhase::Created) {
      CHECK_MESSAGE(s.ended(), "call ", n, " still ", std::string(to_string(s.phase)), " after 300 events");
      CHECK_MESSAGE(accepted <= router.max_steps(), "call ", n, " took ", accepted, " accepted events");
      Event late = Event::at(EventKind::CallerHungUp, t + 1.0);
      CHECK(router.handle(s, late, world, out) == RouteError::CallEnded);
    }
    mix(static_cast<std::uint64_t>(s.outcome.reason));
  }
  return hash;
}

}  // namespace

TEST_CASE(
    "routing property: random event sequences always end, within the step bound, with valid actions (M1, T3a, MO4, "
    "F2)") {
  run_random_calls(20270111u, 5000, true);
}

TEST_CASE("routing determinism: the same inputs give the same actions (hash of 3000 random calls)") {
  const std::uint64_t first = run_random_calls(7u, 3000, false);
  CHECK(run_random_calls(7u, 3000, false) == first);
  CHECK(run_random_calls(8u, 3000, false) != first);  // the hash does see the inputs
}

TEST_CASE("routing errors: out-of-order events are refused with a reason, not undefined behaviour") {
  FakeWorld world;
  const Policy policy;
  const Router router(policy);
  ActionList out;
  const WallSeconds t = monday_10();

  CallState s = begin_call(world.dir, CallStart{kMain, Intent::Person, kAnna, {}});
  CHECK(router.handle(s, Event::at(EventKind::CallerHungUp, t), world, out) == RouteError::NotArrived);
  CHECK(router.handle(s, Event::at(EventKind::Arrived, t), world, out) == RouteError::None);
  CHECK(router.handle(s, Event::at(EventKind::Arrived, t), world, out) == RouteError::AlreadyArrived);
  CHECK(router.handle(s, Event::at(EventKind::TargetAnswered, t), world, out) == RouteError::UnexpectedEvent);
  CHECK(router.handle(s, Event::chose(Option::Message, t), world, out) == RouteError::UnexpectedEvent);
  CHECK(router.handle(s, Event::at(EventKind::OperatorAnswered, t - 1.0), world, out) == RouteError::TimeWentBackwards);
  CHECK(router.handle(s, Event::at(EventKind::OperatorAnswered, t + 5.0), world, out) == RouteError::None);
  CHECK(router.handle(s, Event::chose(Option::Message, t + 6.0), world, out) == RouteError::UnexpectedEvent);
  CHECK(router.handle(s, Event::at(EventKind::TargetAnswered, t + 20.0), world, out) == RouteError::None);
  CHECK(router.handle(s, Event::at(EventKind::NoAnswer, t + 30.0), world, out) == RouteError::CallEnded);

  for (CallStart bad : {CallStart{EntryId{9}, Intent::Person, kAnna, {}}, CallStart{kMain, Intent::Person, {}, {}},
                        CallStart{kMain, Intent::Unit, {}, {}}, CallStart{kDirect, Intent::Unit, {}, kBygglov},
                        CallStart{kMain, Intent::Person, PersonId{42}, {}}}) {
    CallState b = begin_call(world.dir, bad);
    CHECK(router.handle(b, Event::at(EventKind::Arrived, t), world, out) == RouteError::InvalidCall);
    CHECK(out.empty());
  }
}
