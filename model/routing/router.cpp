// The routing core's transitions (router.hpp tells the story). One Step object carries the references of one
// Router::handle call so the helpers read like the guidelines: greet, queue, put through, offer, finish.
#include "model/routing/router.hpp"

#include <algorithm>

namespace vaxel::model::routing {

namespace {

constexpr int kMaxTransferAttempts = 100;  // keeps the uint8_t counter and the step bound finite

bool in_range(const Directory& d, PersonId p) {
  return p.valid() && p.value < d.people.size();
}
bool in_range(const Directory& d, UnitId u) {
  return u.valid() && u.value < d.units.size();
}

// MO4: a person out on a business trip or out of the office carries the mobile; in a meeting, on vacation or
// sick the mobile is no better than the desk phone.
bool mobile_helps(ReferralReason r) {
  return r == ReferralReason::BusinessTrip || r == ReferralReason::OutOfOffice;
}

class Step {
 public:
  Step(const Policy& policy, CallState& s, const WorldView& w, ActionList& out, WallSeconds t)
      : p_(policy), s_(s), w_(w), d_(w.directory()), out_(out), t_(t) {}

  void arrived() {
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

  void operator_answered() {
    s_.operator_involved = true;
    switch (s_.start.intent) {
      case Intent::International:  // U1: ordered through the switchboard
        task(OperatorTaskKind::International);
        finish(OutcomeReason::InternationalOrdered);
        return;
      case Intent::Question:
        if (!s_.start.unit.valid() || d_.unit(s_.start.unit).answers_simple_questions) {
          task(OperatorTaskKind::Answer);
          finish(OutcomeReason::AnsweredByOperator);
        } else {
          route_unit(s_.start.unit);  // a question only the unit can answer
        }
        return;
      case Intent::Unit:
        route_unit(s_.start.unit);
        return;
      case Intent::Person:
        route_person();
        return;
    }
  }

  void ring_ended(EventKind why) {
    const bool target = s_.ring_role == RingRole::Target;
    if (why == EventKind::Unreachable && target && s_.ringing == s_.start.person) s_.target_unreachable = true;
    if (s_.ring_leg == Leg::Operator) {
      to_switchboard(true);  // the ring-out returns the call to the operator (domain.md: after 25 s)
      return;
    }
    direct_fallback(why == EventKind::Busy ? OutcomeReason::Busy : OutcomeReason::NoAnswer);
  }

  void target_answered() {
    Action a = make(ActionKind::Connect);
    a.person = s_.ringing;
    out_.push(a);
    const bool sought = s_.ring_role == RingRole::Target;
    finish(sought ? OutcomeReason::TalkedToPerson : OutcomeReason::TalkedToColleague, s_.ringing);
  }

  void chose(Option o) {
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

  void queue_timeout() {
    if (p_.overflow == OverflowAction::Callback || p_.callback_offer_wait_s) {
      order_callback();
    } else if (has_voicemail(s_.start.person)) {
      voicemail(s_.start.person);
    } else {
      finish(OutcomeReason::Unanswered);  // M1 violated: nobody, no voicemail, no message
    }
  }

  void finish(OutcomeReason r, PersonId person = {}, WallSeconds time_s = 0.0, UnitId unit = {}) {
    s_.outcome = CallOutcome{r, person, unit, time_s};
    s_.phase = CallPhase::Ended;
    Action a = make(ActionKind::Finish);
    a.outcome = s_.outcome;
    out_.push(a);
  }

 private:
  Action make(ActionKind k) const {
    Action a;
    a.kind = k;
    return a;
  }
  void task(OperatorTaskKind k) {
    Action a = make(ActionKind::OperatorTask);
    a.task = k;
    out_.push(a);
  }
  int max_attempts() const { return std::clamp(p_.max_transfer_attempts, 0, kMaxTransferAttempts); }
  bool may_transfer() const { return s_.transfer_attempts < max_attempts(); }
  bool has_voicemail(PersonId p) const { return in_range(d_, p) && d_.person(p).voicemail; }
  UnitId target_unit() const {
    if (s_.start.unit.valid()) return s_.start.unit;
    return in_range(d_, s_.start.person) ? d_.person(s_.start.person).unit : UnitId{};
  }
  WallSeconds callback_due() const { return t_ + p_.callback_promise_s; }

  void ring(PersonId who, RingRole role, Leg leg, bool via_mobile, bool count_attempt) {
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

  void enqueue(bool returning) {
    Action a = make(ActionKind::Enqueue);
    a.priority = returning;
    out_.push(a);
    s_.phase = CallPhase::Queued;
  }

  void voicemail(PersonId p) {
    Action a = make(ActionKind::Voicemail);
    a.person = p;
    out_.push(a);
    finish(OutcomeReason::Voicemail, p, callback_due());
  }

  void order_callback() {
    Action a = make(ActionKind::OrderCallback);
    a.time_s = callback_due();
    a.has_time = true;
    out_.push(a);
    finish(OutcomeReason::CallbackOrdered, s_.start.person, a.time_s, s_.start.unit);
  }

  // To the switchboard: a new caller (greeting done), an M9 "press 2", a direct-dial fallback, or a call the
  // operator put through coming back after a ring-out (returning: ahead of the queue, no capacity check).
  void to_switchboard(bool returning) {
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

  // Direct dial or attendant 4111 to a person: no operator while the person can take the call (M6).
  void dial_person(PersonId person) {
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

  // After busy / no answer / off duty on a direct call: a direct dial goes to voicemail, else the operator; the
  // attendant 4111 goes to the operator, else voicemail (M6); nothing left is an unanswered call (M1).
  void direct_fallback(OutcomeReason failure) {
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

  // The operator puts a person errand through, or explains why not (T3, T3a-T3c, P4, M8, MO4, F2).
  void route_person() {
    const PersonId person = s_.start.person;
    const Person& who = d_.person(person);
    if (s_.target_unreachable || s_.tried.contains(person) || !may_transfer()) {
      offers();
      return;
    }
    if (p_.outside_phone_hours == OutsidePhoneHours::TellPhoneHours && !w_.unit_in_phone_hours(who.unit, t_)) {
      offers();  // P4: outside the unit's telefontid the operator tells the phone hours instead
      return;
    }
    const Presence pr = w_.presence(person);
    switch (pr.state) {
      case PresenceState::Available:
        task(OperatorTaskKind::Transfer);
        ring(person, RingRole::Target, Leg::Operator, false, true);
        return;
      case PresenceState::Forwarded:  // M8b
        if (in_range(d_, pr.forwarded_to) && pr.forwarded_to != person && !s_.tried.contains(pr.forwarded_to) &&
            w_.presence(pr.forwarded_to).state == PresenceState::Available) {
          task(OperatorTaskKind::Transfer);
          ring(pr.forwarded_to, RingRole::Forward, Leg::Operator, false, true);
          return;
        }
        offers();
        return;
      case PresenceState::Referral:
        if (who.mobile && mobile_helps(pr.reason)) {
          if (who.phone == PhoneType::Mex || p_.transfer_to_mobile) {  // MEX is an extension (MO4)
            task(OperatorTaskKind::Transfer);
            ring(person, RingRole::Target, Leg::Operator, true, true);
          } else {  // MO4: the switchboard gives out the number instead of transferring
            task(OperatorTaskKind::Referral);
            Action a = make(ActionKind::GiveMobile);
            a.person = person;
            out_.push(a);
            finish(OutcomeReason::MobileGiven, person);
          }
          return;
        }
        offers();
        return;
      case PresenceState::OnCall:
      case PresenceState::OffDuty:
        offers();
        return;
    }
  }

  // A unit errand: the first present, untried person of the unit in its phone hours (P4), else the offers.
  void route_unit(UnitId unit) {
    const bool in_hours = w_.unit_in_phone_hours(unit, t_);
    if (in_hours || p_.outside_phone_hours == OutsidePhoneHours::RingAnyway) {
      if (may_transfer()) {
        for (PersonId m : d_.unit(unit).people) {
          if (!in_range(d_, m) || s_.tried.contains(m)) continue;
          if (w_.presence(m).state != PresenceState::Available) continue;
          task(OperatorTaskKind::Transfer);
          ring(m, RingRole::Target, Leg::Operator, false, true);
          return;
        }
      }
    }
    s_.offered.clear();
    s_.offered_phone_hours = false;
    for (OfferKind k : p_.offer_order) {
      if (k == OfferKind::ReturnTime && !in_hours) {
        if (auto next = w_.next_phone_hours(unit, t_); next && *next > t_) {
          s_.offered.push(Option::ReturnTime);
          s_.offered_return_s = *next;
          s_.offered_phone_hours = true;
        }
      }
      if (k == OfferKind::Message) s_.offered.push(Option::Message);
    }
    s_.offered.push(Option::Message);  // the operator can always take a message (T3c), whatever the order says
    offer();
  }

  // T3a: a present colleague of the same unit, the person's own choice of colleagues first. Never another unit.
  PersonId pick_colleague(PersonId person) const {
    const Person& who = d_.person(person);
    auto fits = [&](PersonId c) {
      return in_range(d_, c) && c != person && !s_.tried.contains(c) && d_.person(c).unit == who.unit &&
             w_.presence(c).state == PresenceState::Available;
    };
    for (PersonId c : who.colleagues)
      if (fits(c)) return c;
    for (PersonId c : d_.unit(who.unit).people)
      if (fits(c)) return c;
    return {};
  }

  // T3a-T3c for a person errand, in the policy's offer order.
  void offers() {
    const PersonId person = s_.start.person;
    const Person& who = d_.person(person);
    const Presence pr = w_.presence(person);
    const bool outside_hours =
        p_.outside_phone_hours == OutsidePhoneHours::TellPhoneHours && !w_.unit_in_phone_hours(who.unit, t_);
    s_.offered.clear();
    s_.offered_colleague = {};
    s_.offered_phone_hours = false;
    for (OfferKind k : p_.offer_order) {
      switch (k) {
        case OfferKind::Colleague:
          if (may_transfer() && !outside_hours) {  // P4: the colleagues keep the same phone hours
            if (PersonId c = pick_colleague(person); c.valid()) {
              s_.offered.push(Option::Colleague);
              s_.offered_colleague = c;
            }
          }
          break;
        case OfferKind::ReturnTime: {
          if (s_.target_unreachable) break;  // F2: nobody knows when a stale extension answers again
          std::optional<WallSeconds> back;
          if (outside_hours) {
            back = w_.next_phone_hours(who.unit, t_);
            s_.offered_phone_hours = back.has_value();
          } else if (pr.state == PresenceState::Referral) {
            back = pr.return_at;  // T3b from the hänvisning
          } else if (pr.state == PresenceState::OffDuty || pr.state == PresenceState::Forwarded) {
            back = pr.return_at ? pr.return_at : w_.next_return(person, t_);  // T3b from the schedule
          }
          if (back && *back > t_) {
            s_.offered.push(Option::ReturnTime);
            s_.offered_return_s = *back;
          } else {
            s_.offered_phone_hours = false;
          }
          break;
        }
        case OfferKind::Message:
          s_.offered.push(Option::Message);
          break;
        case OfferKind::Voicemail:
          if (!s_.target_unreachable && who.voicemail) s_.offered.push(Option::Voicemail);  // V1-V3
          break;
      }
    }
    s_.offered.push(Option::Message);  // T3c: the operator can always take a message, so M1 always holds
    offer();
  }

  void offer() {
    task(OperatorTaskKind::Referral);
    Action o = make(ActionKind::Offer);
    o.options = s_.offered;
    o.person = s_.offered.contains(Option::Colleague) ? s_.offered_colleague : PersonId{};
    if (s_.offered.contains(Option::ReturnTime)) {
      o.time_s = s_.offered_return_s;
      o.has_time = true;
    }
    out_.push(o);
    s_.phase = CallPhase::Choosing;
  }

  const Policy& p_;
  CallState& s_;
  const WorldView& w_;
  const Directory& d_;
  ActionList& out_;
  WallSeconds t_;
};

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
