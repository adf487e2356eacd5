// The routing core: the telephony guidelines as a deterministic state machine over one call (design.md "The
// routing core contract"). Pure: no clock (times come with the events), no randomness (the caller's choices
// come as events), no I/O, no heap per event. The same CallState, event and world give the same actions.
//
// Driving a call (the simulator, the live adapter and the tests all do this):
//   CallState s = begin_call(world.directory(), start);
//   router.handle(s, Event::at(EventKind::Arrived, t), world, actions);
//   then, after each step, carry the actions out in order and feed the event the last waiting action asks for
//   (actions.hpp lists which) until a Finish action arrives: s.outcome says how the errand's call ended.
// The router trusts the world view's presence: a person's AbsenceMode (M8) is for whoever produces presence
// (the simulator's staff actors), and a moved or departed extension (F2) is found out by ringing it.
// A wrong event for the phase (an answer with nothing ringing, an option not offered, time going backwards)
// returns an error and leaves the state as it was.
//
// The story by entry (T2, M6):
//   main / housing number: greeting (T2); closed -> T4 message; queue full -> busy or callback; long wait ->
//     offer a callback; otherwise the queue. The operator answers the question, orders the international call
//     (U1), or puts the call through to the person or unit (T3) unless the person is away or outside phone
//     hours (P4); a ring-out returns the call to the operator, who offers in policy order a colleague in the
//     same unit (T3a), the return time (T3b), a message or voicemail (T3c); MO4 gives out a mobile number.
//   direct dial / attendant 4111 to a person: rings when present (M6, no operator); a hänvisning plays the
//     referral and offers voicemail or the operator (M8a, M9); a forward rings the colleague (M8b); busy, a
//     ring-out or off duty go to voicemail, else to the operator.
#pragma once

#include <cstdint>

#include "model/directory.hpp"
#include "model/policy.hpp"
#include "model/routing/actions.hpp"
#include "model/routing/call.hpp"
#include "model/routing/events.hpp"
#include "model/routing/world_view.hpp"

namespace vaxel::model::routing {

/// Why an event was refused. The state is unchanged after an error.
enum class RouteError : std::uint8_t {
  None,
  CallEnded,          ///< the call already has an outcome
  NotArrived,         ///< the first event must be Arrived
  AlreadyArrived,     ///< Arrived twice
  InvalidCall,        ///< the CallStart names an unknown entry/person/unit, or lacks the one its intent needs
  UnexpectedEvent,    ///< the event does not belong to the call's phase (out of order)
  OptionNotOffered,   ///< CallerChose an option that was not offered
  TimeWentBackwards,  ///< the event is earlier than the call's previous event
  StaleExtension,     ///< TargetAnswered from an extension the directory has as moved or left (F2)
};
inline constexpr int kRouteErrorCount = 9;

/// A CallState for a call that has not yet arrived. Feed Arrived next.
[[nodiscard]] CallState begin_call(const Directory& directory, const CallStart& start);

class Router {
 public:
  /// The policy must outlive the router; it is read, never changed.
  explicit Router(const Policy& policy) : policy_(&policy) {}

  /// One transition. Clears `out`, then fills it with the step's actions (Finish last when the call ends).
  /// On an error `out` stays empty and `state` unchanged.
  RouteError handle(CallState& state, const Event& event, const WorldView& world, ActionList& out) const;

  /// Accepted events after which every call has ended, whatever the order: the bound the property test checks.
  [[nodiscard]] int max_steps() const;

  [[nodiscard]] const Policy& policy() const { return *policy_; }

 private:
  const Policy* policy_;
};

}  // namespace vaxel::model::routing
