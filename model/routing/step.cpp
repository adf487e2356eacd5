// The caller's side of a call (step.hpp): arrival and greeting (T2), the switchboard queue and its policy
// (T4, overflow, callback), direct dial and the attendant 4111 (M6, M8, M9), rings and their ends, the
// caller's choices (T3a-T3c) and the outcome (G4, M1).
#include "model/routing/step.hpp"

namespace vaxel::model::routing::detail {

void Step::arrived() {
  s_.arrived_at_s = t_;
  const EntryNumber& entry = d_.entry(s_.start.entry);
  if (entry.kind != EntryKind::DirectDial && !entry.greeting.empty()) {
    Action a = make(ActionKind::PlayMessage);
    a.message = MessageKind::Greeting;  // T2: the greeting of the number dialled (M6: the attendant's)
    a.entry = entry.id;
    out_.push(a);
  }
  const bool dials_person = entry.kind == EntryKind::DirectDial ||
                            (entry.kind == EntryKind::AutoAttendant && s_.start.intent == Intent::Person);
  if (dials_person)
    dial_person(s_.start.person);
  else
    to_switchboard(false);
}

void Step::ring_ended(EventKind why) {
  const bool target = s_.ring_role == RingRole::Target;
  if (why == EventKind::Unreachable && target && s_.ringing == s_.start.person) s_.target_unreachable = true;
  if (s_.ring_leg == Leg::Operator) {
    to_switchboard(true);  // the ring-out returns the call to the operator (domain.md: after 25 s)
    return;
  }
  direct_fallback(why == EventKind::Busy ? OutcomeReason::Busy : OutcomeReason::NoAnswer);
}

void Step::target_answered() {
  Action a = make(ActionKind::Connect);
  a.person = s_.ringing;
  out_.push(a);
  const bool sought = s_.ring_role == RingRole::Target;
  finish(sought ? OutcomeReason::TalkedToPerson : OutcomeReason::TalkedToColleague, s_.ringing);
}

void Step::chose(Option o) {
  const PersonId person = s_.start.person;
  switch (o) {
    case Option::Colleague: {  // T3a
      const PersonId c = s_.offered_colleague;
      ++s_.transfer_attempts;
      s_.tried.add(c);
      if (w_.presence(c).state != PresenceState::Available) {
        offers();  // gone since the offer: offer what is left
        return;
      }
      task(OperatorTaskKind::Transfer);
      ring(c, RingRole::Colleague, Leg::Operator, false, false);
      return;
    }
    case Option::ReturnTime: {  // T3b, P4
      Action a = make(ActionKind::PlayMessage);
      a.message = s_.offered_phone_hours ? MessageKind::PhoneHours : MessageKind::ReturnTime;
      a.person = person;
      a.unit = target_unit();
      a.time_s = s_.offered_return_s;
      a.has_time = true;
      out_.push(a);
      finish(OutcomeReason::ReturnTimeGiven, person, s_.offered_return_s);
      return;
    }
    case Option::Message: {  // T3c, M3
      task(OperatorTaskKind::Message);
      const WallSeconds due = callback_due();
      Action a = make(ActionKind::TakeMessage);
      if (s_.start.intent == Intent::Person && !s_.target_unreachable)
        a.person = person;
      else
        a.unit = target_unit();
      a.time_s = due;
      a.has_time = true;
      out_.push(a);
      finish(OutcomeReason::MessageTaken, a.person, due, a.unit);
      return;
    }
    case Option::Voicemail:  // T3c, M9, V1
      voicemail(person);
      return;
    case Option::Operator:  // M9
      to_switchboard(false);
      return;
    case Option::Callback: {
      order_callback();
      return;
    }
    case Option::Wait:
      enqueue(false);
      return;
  }
}

void Step::queue_timeout() {
  if (p_.overflow == OverflowAction::Callback || p_.callback_offer_wait_s) {
    order_callback();
  } else if (has_voicemail(s_.start.person)) {
    voicemail(s_.start.person);
  } else {
    finish(OutcomeReason::Unanswered);  // M1 violated: nobody, no voicemail, no message
  }
}

void Step::finish(OutcomeReason r, PersonId person, WallSeconds time_s, UnitId unit) {
  s_.outcome = CallOutcome{r, person, unit, time_s};
  s_.phase = CallPhase::Ended;
  Action a = make(ActionKind::Finish);
  a.outcome = s_.outcome;
  out_.push(a);
}

void Step::ring(PersonId who, RingRole role, Leg leg, bool via_mobile, bool count_attempt) {
  Action a = make(ActionKind::Ring);
  a.person = who;
  a.timeout_s = p_.ring_timeout_s;
  a.via_mobile = via_mobile;
  out_.push(a);
  s_.ringing = who;
  s_.ring_role = role;
  s_.ring_leg = leg;
  s_.ring_via_mobile = via_mobile;
  s_.tried.add(who);
  if (count_attempt) ++s_.transfer_attempts;
  s_.phase = CallPhase::Ringing;
}

void Step::enqueue(bool returning) {
  Action a = make(ActionKind::Enqueue);
  a.priority = returning;
  out_.push(a);
  s_.phase = CallPhase::Queued;
}

void Step::voicemail(PersonId p) {
  Action a = make(ActionKind::Voicemail);
  a.person = p;
  out_.push(a);
  finish(OutcomeReason::Voicemail, p, callback_due());
}

void Step::order_callback() {
  Action a = make(ActionKind::OrderCallback);
  a.time_s = callback_due();
  a.has_time = true;
  out_.push(a);
  finish(OutcomeReason::CallbackOrdered, s_.start.person, a.time_s, s_.start.unit);
}

void Step::to_switchboard(bool returning) {
  if (!w_.switchboard_open(t_)) {
    // A call coming back from a transfer after closing still ends in voicemail when there is one.
    if (s_.start.intent == Intent::Person && !s_.target_unreachable && has_voicemail(s_.start.person) &&
        (returning || s_.entry_kind == EntryKind::DirectDial || s_.entry_kind == EntryKind::AutoAttendant)) {
      voicemail(s_.start.person);
      return;
    }
    Action a = make(ActionKind::PlayMessage);
    a.message = MessageKind::Closed;  // T4
    a.time_s = t_;
    a.has_time = true;
    out_.push(a);
    finish(OutcomeReason::Closed);
    return;
  }
  if (!returning) {
    if (p_.queue_capacity && w_.queue_length() >= *p_.queue_capacity) {
      if (p_.overflow == OverflowAction::Callback) {
        order_callback();
      } else {
        Action a = make(ActionKind::PlayMessage);
        a.message = MessageKind::QueueFull;
        out_.push(a);
        finish(OutcomeReason::Busy);
      }
      return;
    }
    if (p_.callback_offer_wait_s && w_.operators_free() == 0 && w_.expected_wait_s() > *p_.callback_offer_wait_s) {
      s_.offered.clear();
      s_.offered.push(Option::Callback);
      s_.offered.push(Option::Wait);
      Action a = make(ActionKind::PlayMessage);
      a.message = MessageKind::CallbackOffer;
      a.options = s_.offered;
      a.time_s = w_.expected_wait_s();
      a.has_time = true;
      out_.push(a);
      Action o = make(ActionKind::Offer);
      o.options = s_.offered;
      o.recorded = true;
      out_.push(o);
      s_.phase = CallPhase::ChoosingQueue;
      return;
    }
  }
  enqueue(returning);
}

void Step::dial_person(PersonId person) {
  const Presence pr = w_.presence(person);
  switch (pr.state) {
    case PresenceState::Available:
      ring(person, RingRole::Target, Leg::Direct, false, false);
      return;
    case PresenceState::Forwarded:  // M8b: the colleague's phone rings
      if (in_range(d_, pr.forwarded_to) && pr.forwarded_to != person &&
          w_.presence(pr.forwarded_to).state == PresenceState::Available) {
        ring(pr.forwarded_to, RingRole::Forward, Leg::Direct, false, false);
        return;
      }
      direct_fallback(OutcomeReason::NoAnswer);
      return;
    case PresenceState::Referral: {  // M8a, M9: reason and return time, then voicemail or the operator
      s_.offered.clear();
      if (has_voicemail(person)) s_.offered.push(Option::Voicemail);
      if (w_.switchboard_open(t_)) s_.offered.push(Option::Operator);
      Action a = make(ActionKind::PlayMessage);
      a.message = MessageKind::Referral;
      a.person = person;
      a.reason = pr.reason;
      a.has_time = pr.return_at.has_value();
      a.time_s = pr.return_at.value_or(0.0);
      a.options = s_.offered;
      out_.push(a);
      if (s_.offered.empty()) {
        if (pr.return_at)
          finish(OutcomeReason::ReturnTimeGiven, person, *pr.return_at);
        else
          finish(OutcomeReason::Unanswered, person);  // no time told, nothing left to do (M1, M3)
        return;
      }
      Action o = make(ActionKind::Offer);
      o.options = s_.offered;
      o.recorded = true;
      out_.push(o);
      s_.phase = CallPhase::Choosing;
      return;
    }
    case PresenceState::OnCall:
      direct_fallback(OutcomeReason::Busy);
      return;
    case PresenceState::OffDuty:
      // The core never rings a phone it knows nobody is at; the caller gets what a ring-out would give.
      direct_fallback(OutcomeReason::NoAnswer);
      return;
  }
}

void Step::direct_fallback(OutcomeReason failure) {
  const PersonId person = s_.start.person;
  if (s_.entry_kind == EntryKind::AutoAttendant && w_.switchboard_open(t_)) {
    to_switchboard(false);
    return;
  }
  if (!s_.target_unreachable && has_voicemail(person)) {
    voicemail(person);
    return;
  }
  if (w_.switchboard_open(t_)) {
    to_switchboard(false);
    return;
  }
  finish(failure, person);  // rings out with no fallback: M1 violated
}

}  // namespace vaxel::model::routing::detail
