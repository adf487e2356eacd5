// One call as the routing core sees it: how it starts (CallStart), how it ends (CallOutcome, for errand
// tracking, G4 and M1), and the plain per-call state the router's transitions change (CallState).
//
// Following Cadmium, the state is a plain struct apart from the parameters (Policy, WorldView): the simulator
// keeps one CallState per call in progress, copies it freely (it is trivially copyable, no heap), and only
// Router::handle changes it.
#pragma once

#include <array>
#include <cstdint>

#include "model/directory.hpp"
#include "model/ids.hpp"
#include "model/routing/events.hpp"
#include "model/scenario.hpp"
#include "model/time.hpp"

namespace vaxel::model::routing {

/// What the caller dialled and wants. person is required for Intent::Person and for a direct-dial entry;
/// unit for Intent::Unit; a Question may name the unit it is about (unset = a general question).
struct CallStart {
  EntryId entry;                   ///< the number dialled: main, housing, attendant 4111 or direct dial (T2, M6)
  Intent intent = Intent::Person;  ///< what the caller wants
  PersonId person;                 ///< the person sought (or dialled directly)
  UnitId unit;                     ///< the unit sought or asked about
  constexpr bool operator==(const CallStart&) const = default;
};

/// How an errand's call attempt ended (design.md "Errands, not calls"). The kind follows from the reason.
enum class OutcomeKind : std::uint8_t { InProgress, Resolved, Promised, Failed };

enum class OutcomeReason : std::uint8_t {
  None,                  ///< still in progress
  TalkedToPerson,        ///< Resolved: the sought person (T3), or for a unit errand someone of that unit
  TalkedToColleague,     ///< Resolved: a competent colleague in the same unit (T3a) or the forward target (M8b)
  AnsweredByOperator,    ///< Resolved: the operator answered the simple question
  InternationalOrdered,  ///< Resolved: the operator ordered the international call (U1)
  Voicemail,             ///< Promised: a voicemail was left (T3c, M9, V1); the callback is the promise (M5)
  MessageTaken,          ///< Promised: the operator took a message with a callback time (T3c, M3)
  CallbackOrdered,       ///< Promised: the switchboard will call back instead of queueing (policy)
  Abandoned,             ///< Failed: the caller hung up (queue patience, during a ring or an offer)
  Busy,                  ///< Failed: queue full (overflow Busy) or the dialled extension busy, nothing else (M1)
  NoAnswer,              ///< Failed: the call rang out and nothing caught it (no voicemail, no operator; M1)
  Closed,                ///< Failed: the switchboard is closed; the T4 message ran
  MobileGiven,           ///< Failed: the mobile number was given instead of a transfer (MO4): a forced 2nd call
  ReturnTimeGiven,       ///< Failed: told when to call again (T3b, P4): the caller has to call again
  Unanswered,            ///< Failed: ended with no person, no voicemail and no message (M1), e.g. a queue timeout
};
inline constexpr int kOutcomeReasonCount = 15;

[[nodiscard]] constexpr OutcomeKind kind_of(OutcomeReason r) {
  switch (r) {
    case OutcomeReason::None:
      return OutcomeKind::InProgress;
    case OutcomeReason::TalkedToPerson:
    case OutcomeReason::TalkedToColleague:
    case OutcomeReason::AnsweredByOperator:
    case OutcomeReason::InternationalOrdered:
      return OutcomeKind::Resolved;
    case OutcomeReason::Voicemail:
    case OutcomeReason::MessageTaken:
    case OutcomeReason::CallbackOrdered:
      return OutcomeKind::Promised;
    default:
      return OutcomeKind::Failed;
  }
}

/// M1 "no call goes unanswered": a call ending with no person, no voicemail and no registered message, unless
/// the caller hung up. The closed message (T4) is the guidelines' own answer outside hours, and a told return
/// time or mobile number came from a person at the switchboard, so those do not violate M1.
[[nodiscard]] constexpr bool violates_m1(OutcomeReason r) {
  return r == OutcomeReason::Busy || r == OutcomeReason::NoAnswer || r == OutcomeReason::Unanswered;
}

struct CallOutcome {
  OutcomeReason reason = OutcomeReason::None;
  PersonId person;           ///< who was reached, whose voicemail / message / mobile number, whose return time
  UnitId unit;               ///< the unit a message was left for (unit errands)
  WallSeconds time_s = 0.0;  ///< Promised: callback due by; ReturnTimeGiven: the time told; otherwise 0

  [[nodiscard]] constexpr OutcomeKind kind() const { return kind_of(reason); }
  [[nodiscard]] constexpr bool violates_m1() const { return routing::violates_m1(reason); }
  [[nodiscard]] constexpr bool ended() const { return reason != OutcomeReason::None; }
  constexpr bool operator==(const CallOutcome&) const = default;
};

/// Where in its story a call is; each phase accepts only the events listed.
enum class CallPhase : std::uint8_t {
  Created,        ///< begin_call done: Arrived
  ChoosingQueue,  ///< offered callback or waiting: CallerChose, CallerHungUp
  Queued,         ///< waiting for an operator: OperatorAnswered, QueueTimeout, CallerHungUp
  Ringing,        ///< an extension rings: TargetAnswered, NoAnswer, Busy, Unreachable, CallerHungUp
  Choosing,       ///< options offered (T3a-T3c or M9): CallerChose, CallerHungUp
  Ended,          ///< outcome set: nothing
};

/// Whose extension rings, which decides what an answer means.
enum class RingRole : std::uint8_t {
  Target,     ///< the person sought, or for a unit errand a person of that unit
  Colleague,  ///< T3a: a colleague the caller accepted
  Forward,    ///< M8b: the colleague the sought person forwards to
};

/// Who put the call through to the ringing extension, which decides what a ring-out falls back to.
enum class Leg : std::uint8_t {
  Direct,    ///< the caller dialled it (direct dial, attendant 4111): voicemail, else the operator (M6)
  Operator,  ///< the operator transferred it: the call returns to the operator
};

/// People already tried in this call, so no one is rung or offered twice. Inline, no heap.
struct TriedList {
  static constexpr int kCapacity = 12;
  std::array<PersonId, kCapacity> people{};
  std::uint8_t size = 0;

  [[nodiscard]] constexpr bool contains(PersonId p) const {
    for (std::uint8_t i = 0; i < size; ++i)
      if (people[i] == p) return true;
    return false;
  }
  constexpr void add(PersonId p) {
    if (!contains(p) && size < kCapacity) people[size++] = p;
  }
  constexpr bool operator==(const TriedList&) const = default;
};

/// The per-call state. Plain data: the simulator stores it, only Router::handle changes it.
struct CallState {
  CallPhase phase = CallPhase::Created;
  EntryKind entry_kind = EntryKind::Main;
  CallStart start;
  WallSeconds arrived_at_s = 0.0;  ///< time of Arrived
  WallSeconds last_event_s = 0.0;  ///< time of the last accepted event (events never go back in time)

  PersonId ringing;  ///< the extension ringing (phase Ringing)
  RingRole ring_role = RingRole::Target;
  Leg ring_leg = Leg::Direct;
  bool ring_via_mobile = false;  ///< the ring goes to a MEX phone or, by policy, to a mobile (MO4)

  bool operator_involved = false;      ///< an operator has handled the call at least once
  bool target_unreachable = false;     ///< the sought person's extension is stale (F2)
  std::uint8_t transfer_attempts = 0;  ///< rings the operator put through (policy max_transfer_attempts)
  std::uint8_t steps = 0;              ///< accepted events so far (bounded; see Router::max_steps)
  TriedList tried;                     ///< rung or offered-and-gone

  OptionList offered;                  ///< phase Choosing / ChoosingQueue: what the caller may choose
  PersonId offered_colleague;          ///< Option::Colleague: who (same unit as the person sought, T3a)
  WallSeconds offered_return_s = 0.0;  ///< Option::ReturnTime: the time that would be told
  bool offered_phone_hours = false;    ///< ... and it is the next phone hour of the unit (P4), not a return time

  CallOutcome outcome;

  [[nodiscard]] bool ended() const { return phase == CallPhase::Ended; }
  bool operator==(const CallState&) const = default;
};

}  // namespace vaxel::model::routing
