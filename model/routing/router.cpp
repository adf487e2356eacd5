// The routing core's entry points (router.hpp): refusing events that do not fit the call, then one
// transition by a detail::Step (step.hpp, step.cpp, step_operator.cpp).
#include "model/routing/router.hpp"

#include <algorithm>

#include "model/routing/step.hpp"

namespace vaxel::model::routing {

using detail::in_range;
using detail::kMaxTransferAttempts;
using detail::Step;

namespace {

bool start_is_valid(const Directory& d, const CallStart& c) {
  if (!c.entry.valid() || c.entry.value >= d.entries.size()) return false;
  const EntryKind kind = d.entry(c.entry).kind;
  if (c.person.valid() && !in_range(d, c.person)) return false;
  if (c.unit.valid() && !in_range(d, c.unit)) return false;
  if (kind == EntryKind::DirectDial && (c.intent != Intent::Person || !c.person.valid())) return false;
  if (c.intent == Intent::Person && !c.person.valid()) return false;
  if (c.intent == Intent::Unit && !c.unit.valid()) return false;
  return true;
}

}  // namespace

CallState begin_call(const Directory& directory, const CallStart& start) {
  CallState s;
  s.start = start;
  if (start.entry.valid() && start.entry.value < directory.entries.size())
    s.entry_kind = directory.entry(start.entry).kind;
  return s;
}

int Router::max_steps() const {
  // Arrived, a direct ring or M9 choice, a callback offer, the queue: a handful; then each operator transfer
  // costs at most a ring-out, an answer from the queue and a choice; a colleague gone since the offer counts
  // as an attempt too. The last choice or hang-up ends the call.
  const int attempts = std::clamp(policy_->max_transfer_attempts, 0, kMaxTransferAttempts);
  return 10 + 3 * (attempts + 1);
}

RouteError Router::handle(CallState& s, const Event& e, const WorldView& w, ActionList& out) const {
  out.clear();
  if (s.phase == CallPhase::Ended) return RouteError::CallEnded;
  if (s.phase == CallPhase::Created) {
    if (e.kind != EventKind::Arrived) return RouteError::NotArrived;
    if (!start_is_valid(w.directory(), s.start)) return RouteError::InvalidCall;
  } else {
    if (e.kind == EventKind::Arrived) return RouteError::AlreadyArrived;
    if (e.t < s.last_event_s) return RouteError::TimeWentBackwards;
  }

  auto accepts = [&](EventKind k) {
    switch (k) {
      case EventKind::Arrived:
        return s.phase == CallPhase::Created;
      case EventKind::OperatorAnswered:
      case EventKind::QueueTimeout:
        return s.phase == CallPhase::Queued;
      case EventKind::TargetAnswered:
      case EventKind::NoAnswer:
      case EventKind::Busy:
      case EventKind::Unreachable:
        return s.phase == CallPhase::Ringing;
      case EventKind::CallerChose:
        return s.phase == CallPhase::Choosing || s.phase == CallPhase::ChoosingQueue;
      case EventKind::CallerHungUp:
      case EventKind::PresenceChanged:
        return true;
    }
    return false;
  };
  if (!accepts(e.kind)) return RouteError::UnexpectedEvent;
  if (e.kind == EventKind::CallerChose && !s.offered.contains(e.option)) return RouteError::OptionNotOffered;
  if (e.kind == EventKind::TargetAnswered && !s.ring_via_mobile &&
      w.directory().person(s.ringing).status != DirectoryStatus::Current)
    return RouteError::StaleExtension;

  // Work on a copy so a refused event can never leave a half-changed state.
  CallState next = s;
  next.last_event_s = e.t;
  if (e.kind == EventKind::PresenceChanged) {  // read when the next decision is due; no transition now
    s = next;
    return RouteError::None;
  }
  ++next.steps;
  Step step(*policy_, next, w, out, e.t);
  switch (e.kind) {
    case EventKind::Arrived:
      step.arrived();
      break;
    case EventKind::OperatorAnswered:
      step.operator_answered();
      break;
    case EventKind::TargetAnswered:
      step.target_answered();
      break;
    case EventKind::NoAnswer:
    case EventKind::Busy:
    case EventKind::Unreachable:
      step.ring_ended(e.kind);
      break;
    case EventKind::CallerChose:
      step.chose(e.option);
      break;
    case EventKind::CallerHungUp:
      step.finish(OutcomeReason::Abandoned, next.start.person);
      break;
    case EventKind::QueueTimeout:
      step.queue_timeout();
      break;
    case EventKind::PresenceChanged:
      break;
  }
  s = next;
  return RouteError::None;
}

}  // namespace vaxel::model::routing
