// The operator's side of a call (step.hpp): answering the question or ordering the international call (U1),
// putting a person or unit errand through (T3, P4, M8b, MO4, F2), and the offers when that fails (T3a-T3c).
#include "model/routing/step.hpp"

namespace vaxel::model::routing::detail {

namespace {
// MO4: a person out on a business trip or out of the office carries the mobile; in a meeting, on vacation or
// sick the mobile is no better than the desk phone.
bool mobile_helps(ReferralReason r) {
  return r == ReferralReason::BusinessTrip || r == ReferralReason::OutOfOffice;
}
}  // namespace

void Step::operator_answered() {
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

void Step::route_person() {
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

void Step::route_unit(UnitId unit) {
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

PersonId Step::pick_colleague(PersonId person) const {
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

void Step::offers() {
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

void Step::offer() {
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

}  // namespace vaxel::model::routing::detail
