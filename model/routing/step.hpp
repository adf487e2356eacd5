// Inside the routing core (not for users of it): one Step carries the references of one Router::handle call,
// so the transitions read like the guidelines: greet, queue, put through, offer, finish. The caller's side of
// the story is in step.cpp, the operator's in step_operator.cpp, validation and dispatch in router.cpp.
#pragma once

#include <algorithm>

#include "model/routing/router.hpp"

namespace vaxel::model::routing::detail {

inline constexpr int kMaxTransferAttempts = 100;  // keeps the uint8_t counter and the step bound finite

inline bool in_range(const Directory& d, PersonId p) {
  return p.valid() && p.value < d.people.size();
}
inline bool in_range(const Directory& d, UnitId u) {
  return u.valid() && u.value < d.units.size();
}

class Step {
 public:
  Step(const Policy& policy, CallState& s, const WorldView& w, ActionList& out, WallSeconds t)
      : p_(policy), s_(s), w_(w), d_(w.directory()), out_(out), t_(t) {}

  void arrived();
  void operator_answered();
  void ring_ended(EventKind why);
  void target_answered();
  void chose(Option o);
  void queue_timeout();
  void finish(OutcomeReason r, PersonId person = {}, WallSeconds time_s = 0.0, UnitId unit = {});

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
  UnitId target_unit() const {
    if (s_.start.unit.valid()) return s_.start.unit;
    return in_range(d_, s_.start.person) ? d_.person(s_.start.person).unit : UnitId{};
  }
  void ring(PersonId who, RingRole role, Leg leg, bool via_mobile, bool count_attempt);
  void enqueue(bool returning);
  void voicemail(PersonId p);
  void order_callback();
  // To the switchboard: a new caller (greeting done), an M9 "press 2", a direct-dial fallback, or a call the
  // operator put through coming back after a ring-out (returning: ahead of the queue, no capacity check).
  void to_switchboard(bool returning);
  // Direct dial or attendant 4111 to a person: no operator while the person can take the call (M6).
  void dial_person(PersonId person);
  // After busy / no answer / off duty on a direct call: a direct dial goes to voicemail, else the operator; the
  // attendant 4111 goes to the operator, else voicemail (M6); nothing left is an unanswered call (M1).
  void direct_fallback(OutcomeReason failure);
  // The operator puts a person errand through, or explains why not (T3, T3a-T3c, P4, M8, MO4, F2).
  void route_person();
  // A unit errand: the first present, untried person of the unit in its phone hours (P4), else the offers.
  void route_unit(UnitId unit);
  // T3a: a present colleague of the same unit, the person's own choice of colleagues first. Never another unit.
  PersonId pick_colleague(PersonId person) const;
  // T3a-T3c for a person errand, in the policy's offer order.
  void offers();
  void offer();
  int max_attempts() const { return std::clamp(p_.max_transfer_attempts, 0, kMaxTransferAttempts); }
  bool may_transfer() const { return s_.transfer_attempts < max_attempts(); }
  bool has_voicemail(PersonId p) const { return in_range(d_, p) && d_.person(p).voicemail; }
  WallSeconds callback_due() const { return t_ + p_.callback_promise_s; }

  const Policy& p_;
  CallState& s_;
  const WorldView& w_;
  const Directory& d_;
  ActionList& out_;
  WallSeconds t_;
};

}  // namespace vaxel::model::routing::detail
