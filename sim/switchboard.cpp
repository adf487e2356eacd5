// How a call moves: the routing core decides, this file carries its actions out — queueing, handing a call
// straight to an idle operator, ringing an extension, the caller's choices, and what each outcome means for
// the caller's errand (resolved, a promised callback, or another call later: G4, M1, M3, M5).
//
// SimGrid note: an operator's task is a sleep inside step(), and while it sleeps every other actor runs. So
// nothing here keeps a reference into calls_ or errands_ across a sleep: those vectors grow, and slots are
// looked up again by index afterwards.
#include "sim/switchboard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "model/routing/names.hpp"
#include "sim/sampling.hpp"

namespace vaxel::sim {

using routing::ActionKind;
using routing::EventKind;
using routing::OutcomeReason;

namespace {
constexpr double kDay = model::kSecondsPerDay;
// Figures the scenario does not (yet) set, with their basis as in domain.md.
constexpr double kCallbackReached = 0.93;  // [S] 7 % of accepted callbacks went unanswered
constexpr double kAcceptReturnTime = 0.5;  // [G] caller content to be told when the person is back
const model::Distribution kTalk_s = model::Distribution::lognormal(180.0, 1.0);  // [G] a connected conversation
constexpr double kRingAnswerMin_s = 3.0;  // [G] a present person picks up after 3-15 s
constexpr double kRingAnswerMax_s = 15.0;
constexpr double kSignalDelay_s = 2.0;  // busy or unreachable tone after 2 s

const model::Distribution& handle_time(const model::HandleTimes& h, routing::OperatorTaskKind k) {
  switch (k) {
    case routing::OperatorTaskKind::Transfer:
      return h.transfer_s;
    case routing::OperatorTaskKind::Referral:
      return h.referral_s;
    case routing::OperatorTaskKind::Message:
      return h.message_s;
    case routing::OperatorTaskKind::Answer:
      return h.answer_s;
    case routing::OperatorTaskKind::International:
      return h.international_s;
  }
  return h.transfer_s;
}
}  // namespace

Switchboard::Switchboard(const model::Scenario& scenario, const ReplicationSpec& spec)
    : scenario_(scenario),
      spec_(spec),
      first_day_(model::to_day_number(scenario.run.start) - spec.warmup_days),
      origin_(model::start_of_day(first_day_)),
      end_s_((spec.warmup_days + spec.days + spec.drain_days) * kDay),
      router_(scenario.policy),
      demand_(scenario, spec.seed, static_cast<std::uint64_t>(spec.replication)),
      presence_(scenario, spec.seed, static_cast<std::uint64_t>(spec.replication), first_day_),
      metrics_(scenario, spec.warmup_days * kDay, (spec.warmup_days + spec.days) * kDay),
      mean_transfer_s_(scenario.switchboard.handle.transfer_s.expected()) {
  observers_ = spec.observers;
}

// --- the world as the routing core sees it -------------------------------------------------------------

model::Presence Switchboard::presence(model::PersonId person) const {
  return presence_.presence(person, now());
}

bool Switchboard::DayHoursCache::is_open(const model::Schedule& s, const model::Calendar& cal, model::WallSeconds t) {
  const model::DayNumber d = model::day_of(t);
  if (d != day) {
    hours = s.hours_on(cal, d);
    day = d;
  }
  const double minute = (t - model::start_of_day(d)) / model::kSecondsPerMinute;
  return std::any_of(hours.begin(), hours.end(),
                     [&](const model::Interval& iv) { return iv.start_minute <= minute && minute < iv.end_minute; });
}

bool Switchboard::switchboard_open(model::WallSeconds t) const {
  return switchboard_hours_.is_open(scenario_.switchboard.hours, scenario_.calendar, t);
}

std::string Switchboard::switchboard_reopen_sentence(model::WallSeconds t) const {
  return scenario_.switchboard.hours.reopen_sentence(scenario_.calendar, t);
}

bool Switchboard::unit_in_phone_hours(model::UnitId unit, model::WallSeconds t) const {
  const auto& hours = scenario_.directory.unit(unit).phone_hours;
  if (!hours) return true;  // no phone hours set: reachable whenever present
  if (unit_hours_.size() <= unit.value) unit_hours_.resize(scenario_.directory.units.size());
  return unit_hours_[unit.value].is_open(*hours, scenario_.calendar, t);
}

std::optional<model::WallSeconds> Switchboard::next_phone_hours(model::UnitId unit, model::WallSeconds t) const {
  const auto& hours = scenario_.directory.unit(unit).phone_hours;
  if (!hours) return std::nullopt;
  return hours->next_open(scenario_.calendar, t, 30);
}

std::optional<model::WallSeconds> Switchboard::next_return(model::PersonId person, model::WallSeconds t) const {
  const auto free = presence_.next_free(person, sim_time(t));
  if (!free) return std::nullopt;
  return wall(*free);
}

double Switchboard::expected_wait_s() const {
  if (!idle_.empty()) return 0.0;
  return (queued_now_ + 1) * mean_transfer_s_ / std::max(on_shift_, 1);
}

// --- calls ---------------------------------------------------------------------------------------------

void Switchboard::start_call(std::uint32_t errand_slot, bool via_mobile) {
  ErrandRec& errand = errands_[errand_slot];
  const double t = now();
  const int day = static_cast<int>(t / kDay);
  if (errand.day_of_last_call != day) errand.calls_today = 0;
  errand.day_of_last_call = day;
  ++errand.calls;
  ++errand.calls_today;

  routing::CallStart start;
  start.entry = errand.spec.entry;
  start.intent = errand.spec.intent;
  start.person = errand.spec.person;
  start.unit = errand.spec.unit;
  if (via_mobile) {
    // MO4: the caller dials the mobile number given last time: straight to the person, no switchboard.
    if (auto direct = scenario_.directory.find_entry_kind(model::EntryKind::DirectDial)) start.entry = *direct;
    start.intent = model::Intent::Person;
  }

  std::uint32_t slot;
  if (!free_calls_.empty()) {
    slot = free_calls_.back();
    free_calls_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(calls_.size());
    calls_.emplace_back();
  }
  CallRec& c = calls_[slot];
  const std::uint32_t generation = c.generation + 1;
  c = CallRec{};
  c.generation = generation;
  c.state = routing::begin_call(scenario_.directory, start);
  c.errand = errand_slot;
  c.number = ++call_counter_;
  c.arrival_s = t;
  c.attempt = errand.calls;
  c.live = true;

  const Metrics::Where where{t, errand.spec.unit};
  metrics_.add(where, [](KpiSums& s) { s.calls += 1; });
  if (lines_in_use_ >= scenario_.switchboard.trunk_lines) {
    // All trunk lines busy: the caller hears busy and the PBX never sees the call.
    routing::CallOutcome busy;
    busy.reason = OutcomeReason::Busy;
    ++lines_in_use_;  // finish_call releases it
    finish_call(slot, busy);
    return;
  }
  ++lines_in_use_;
  step(slot, routing::Event::at(EventKind::Arrived, wall(t)), -1);
}

void Switchboard::step(std::uint32_t slot, routing::Event event, int op) {
  ActionListLease lease(*this);
  routing::ActionList& actions = lease.list();
  for (;;) {
    const routing::RouteError error = router_.handle(calls_[slot].state, event, *this, actions);
    if (error != routing::RouteError::None)
      throw std::logic_error(fmt::format("call {}: the routing core refused {} at {}: {}", calls_[slot].number,
                                         routing::to_string(event.kind), model::format_date_time(event.t),
                                         routing::describe(error)));
    for (Observer* o : observers_) {
      const CallRec& c = calls_[slot];
      o->on_step(c.number, errands_[c.errand].spec.index, event, c.state, actions);
    }
    if (!carry_out(slot, actions, op, event)) return;
    event.t = wall(now());  // an operator's task may have taken time since the offer was made
  }
}

bool Switchboard::carry_out(std::uint32_t slot, const routing::ActionList& actions, int op, routing::Event& event) {
  for (int i = 0; i < actions.size(); ++i) {
    const routing::Action& a = actions[i];
    switch (a.kind) {
      case ActionKind::PlayMessage:
      case ActionKind::GiveMobile:
      case ActionKind::Voicemail:
      case ActionKind::TakeMessage:
      case ActionKind::OrderCallback:
        break;  // their consequences follow from the Finish outcome
      case ActionKind::OperatorTask: {
        Rng& rng = errands_[calls_[slot].errand].handling.get();
        const double busy_s = sample(handle_time(scenario_.switchboard.handle, a.task), rng) +
                              sample(scenario_.switchboard.handle.wrap_up_s, rng);
        if (op >= 0 && busy_s > 0.0) {
          // The operator works on the task until done_s; the rest of the actions wait for it (finish_task).
          OperatorRec& o = operators_[static_cast<std::size_t>(op)];
          o.task.slot = slot;
          o.task.rest.clear();
          for (int j = i + 1; j < actions.size(); ++j)
            o.task.rest.push(actions[j]);
          o.task.from_s = now();
          o.task.done_s = now() + busy_s;
          o.busy = true;
          for (Observer* ob : observers_)
            ob->on_operator_task(calls_[slot].number, a.task, wall(now()), busy_s);
          return false;
        }
        break;
      }
      case ActionKind::Enqueue:
        enqueue(slot, a.priority);
        return false;
      case ActionKind::Ring:
        start_ring(slot, a);
        return false;
      case ActionKind::Offer:
        event = routing::Event::chose(choose(slot, a.options), wall(now()));
        return true;
      case ActionKind::Connect:
        if (a.person.valid())
          presence_.set_busy_until(a.person, now() + sample(kTalk_s, errands_[calls_[slot].errand].talk.get()));
        break;
      case ActionKind::Finish:
        finish_call(slot, a.outcome);
        return false;
    }
  }
  return false;
}

void Switchboard::finish_task(int op) {
  OperatorRec& o = operators_[static_cast<std::size_t>(op)];
  o.busy = false;
  metrics_.add_operator_time(o.task.from_s, now(), true);
  // carry_out may give the operator the call's next task, which overwrites o.task: go on from a copy.
  ActionListLease lease(*this);
  routing::ActionList& rest = lease.list();
  rest.clear();
  for (const routing::Action& a : o.task.rest)
    rest.push(a);
  const std::uint32_t slot = o.task.slot;
  routing::Event event;
  if (carry_out(slot, rest, op, event)) {
    event.t = wall(now());
    step(slot, event, op);
  }
}

void Switchboard::enqueue(std::uint32_t slot, bool priority) {
  CallRec& c = calls_[slot];
  const double t = now();
  // An idle operator still on shift takes the call at once (design note in the issue: hand straight over, no
  // queue). One whose interval has just ended is on its way out and removes itself from idle_.
  const auto taker = std::find_if(idle_.begin(), idle_.end(),
                                  [&](int op) { return operators_[static_cast<std::size_t>(op)].off_at_s > t; });
  if (taker != idle_.end()) {
    const int op = *taker;
    OperatorRec& o = operators_[static_cast<std::size_t>(op)];
    idle_.erase(taker);
    o.idle = false;
    c.enqueued_s = t;
    if (!c.was_queued) {
      c.was_queued = true;
      metrics_.add({c.arrival_s, errands_[c.errand].spec.unit}, [](KpiSums& s) { s.queued += 1; });
    }
    // The operator answers now, here: its actor sleeps on until the task is done (its alarm moves there), so
    // handing a call over costs SimGrid no scheduling round of its own.
    serve(slot, op);
    if (o.busy) {
      o.alarm->ring_at(o.task.done_s);
    } else {
      o.idle = true;  // answered without a task: still the longest idle
      idle_.push_front(op);
    }
    return;
  }
  c.waiting = true;
  c.enqueued_s = t;
  ++queued_now_;
  if (!c.was_queued) {
    c.was_queued = true;
    metrics_.add({c.arrival_s, errands_[c.errand].spec.unit}, [](KpiSums& s) { s.queued += 1; });
    c.found_all_busy = true;  // every operator busy: this call waits (P(wait) of Erlang C and A)
  }
  (priority ? priority_queue_ : queue_).push_back({slot, c.number});
  Timer patience;
  patience.t = t + sample(scenario_.callers.patience_s, errands_[c.errand].patience.get());
  patience.kind = TimerKind::Patience;
  patience.slot = slot;
  patience.generation = c.generation;
  schedule(patience);
}

std::uint32_t Switchboard::take_next_call() {
  for (auto* q : {&priority_queue_, &queue_}) {
    while (!q->empty()) {
      const QueueEntry entry = q->front();
      q->pop_front();
      if (still_waiting(entry)) {
        const std::uint32_t slot = entry.slot;
        calls_[slot].waiting = false;
        --queued_now_;
        return slot;
      }
    }
  }
  return kNone;
}

void Switchboard::serve(std::uint32_t slot, int op) {
  CallRec& c = calls_[slot];
  ++c.generation;  // the patience timer is stale now
  drop_stale_timers();
  const double wait = now() - c.enqueued_s;
  if (!c.answered_by_operator) {
    c.answered_by_operator = true;
    c.wait_s = wait;
    const Metrics::Where where{c.arrival_s, errands_[c.errand].spec.unit};
    const bool in_sl = wait <= scenario_.run.service_level_s;
    metrics_.add(where, [&](KpiSums& s) {
      s.answered += 1;
      if (c.found_all_busy) s.waited += 1;
      if (in_sl) s.answered_in_sl += 1;
      s.wait_s.add(wait);
    });
    metrics_.add_wait(where, wait);
  }
  step(slot, routing::Event::at(EventKind::OperatorAnswered, wall(now())), op);
}

void Switchboard::start_ring(std::uint32_t slot, const routing::Action& ring) {
  CallRec& c = calls_[slot];
  const double t = now();
  const model::Person& who = scenario_.directory.person(ring.person);
  Timer result;
  result.kind = TimerKind::RingResult;
  result.slot = slot;
  result.generation = c.generation;
  result.t = t + ring.timeout_s;
  result.event = EventKind::NoAnswer;
  if (who.status != model::DirectoryStatus::Current) {
    result.event = EventKind::Unreachable;  // F2: the extension no longer reaches the person
    result.t = t + kSignalDelay_s;
  } else {
    const model::Presence p = presence_.presence(ring.person, t);
    const bool at_phone = p.state == model::PresenceState::Available ||
                          (ring.via_mobile && presence_.activity(ring.person, t).activity == StaffActivity::Out);
    if (p.state == model::PresenceState::OnCall) {
      result.event = EventKind::Busy;
      result.t = t + kSignalDelay_s;
    } else if (Rng& rng = errands_[c.errand].answer.get();
               at_phone && rng.bernoulli(scenario_.presence.answer_probability)) {
      const double after = kRingAnswerMin_s + (kRingAnswerMax_s - kRingAnswerMin_s) * rng.uniform();
      if (after < ring.timeout_s) {
        result.event = EventKind::TargetAnswered;
        result.t = t + after;
        presence_.set_busy_until(ring.person, result.t);  // no second call gets this person meanwhile
      }
    }
  }
  schedule(result);
}

routing::Option Switchboard::choose(std::uint32_t slot, const routing::OptionList& options) {
  // The caller goes through the options in the order offered and takes the first one they accept; the
  // last one offered is what is left. So the policy's offer order matters, as it does on the phone.
  const model::CallerSpec& caller = scenario_.callers;
  Rng& rng = errands_[calls_[slot].errand].choices.get();
  for (std::uint8_t i = 0; i + 1 < options.size(); ++i) {
    double p = 0.0;
    switch (options[i]) {
      case routing::Option::Colleague:
        p = caller.accept_colleague;
        break;
      case routing::Option::ReturnTime:
        p = kAcceptReturnTime;
        break;
      case routing::Option::Message:
        p = caller.accept_message;
        break;
      case routing::Option::Voicemail:
        p = caller.accept_voicemail;
        break;
      case routing::Option::Callback:
        p = caller.accept_callback;
        break;
      case routing::Option::Operator:
      case routing::Option::Wait:
        p = 1.0;
        break;
    }
    if (rng.bernoulli(p)) return options[i];
  }
  return options[static_cast<std::uint8_t>(options.size() - 1)];
}

void Switchboard::finish_call(std::uint32_t slot, const routing::CallOutcome& outcome) {
  CallRec& c = calls_[slot];
  --lines_in_use_;
  const std::uint32_t errand_slot = c.errand;
  const ErrandRec& errand = errands_[errand_slot];
  const Metrics::Where where{c.arrival_s, errand.spec.unit};
  const bool abandoned_in_queue = outcome.reason == OutcomeReason::Abandoned && c.was_queued && !c.answered_by_operator;
  const bool question = errand.spec.intent == model::Intent::Question && c.answered_by_operator;
  metrics_.add(where, [&](KpiSums& s) {
    s.outcomes[static_cast<std::size_t>(outcome.reason)] += 1;
    if (outcome.violates_m1()) s.m1_violations += 1;
    if (outcome.reason == OutcomeReason::Closed) s.closed += 1;
    if (outcome.reason == OutcomeReason::Busy && !c.was_queued) s.busy += 1;
    if (abandoned_in_queue) {
      s.abandoned += 1;
      if (c.found_all_busy) s.waited += 1;  // counted with its denominator, answered + abandoned
    }
    if (question) {
      s.questions += 1;
      if (outcome.reason == OutcomeReason::AnsweredByOperator) s.questions_answered += 1;
    }
  });
  if (!observers_.empty()) {
    CallSummary summary;
    summary.call = c.number;
    summary.errand = errand.spec.index;
    summary.attempt = c.attempt;
    summary.arrival_s = wall(c.arrival_s);
    summary.end_s = wall(now());
    summary.entry = c.state.start.entry;
    summary.intent = c.state.start.intent;
    summary.person = c.state.start.person;
    summary.unit = c.state.start.unit;
    summary.queued = c.was_queued;
    summary.answered_by_operator = c.answered_by_operator;
    summary.wait_s = c.answered_by_operator ? c.wait_s : (c.was_queued ? now() - c.enqueued_s : 0.0);
    summary.outcome = outcome;
    for (Observer* o : observers_)
      o->on_call_end(summary);
  }
  c.live = false;
  c.waiting = false;
  ++c.generation;
  free_calls_.push_back(slot);

  const model::CallerSpec& callers = scenario_.callers;
  const double t = now();
  switch (outcome.kind()) {
    case routing::OutcomeKind::Resolved:
      close_errand(errand_slot, true);
      return;
    case routing::OutcomeKind::Promised:
      promise(errand_slot, outcome, outcome.reason == OutcomeReason::Voicemail);
      return;
    case routing::OutcomeKind::InProgress:
    case routing::OutcomeKind::Failed:
      break;
  }
  switch (outcome.reason) {
    case OutcomeReason::Abandoned:
      after_failure(errand_slot, callers.after_abandon, t);
      return;
    case OutcomeReason::Busy:
      after_failure(errand_slot, callers.after_busy, t);
      return;
    case OutcomeReason::Closed: {
      const auto opens = scenario_.switchboard.hours.next_open(scenario_.calendar, wall(t), 30);
      after_failure(errand_slot, callers.after_closed, opens ? sim_time(*opens) : t + kDay);
      return;
    }
    case OutcomeReason::MobileGiven:
      after_failure(errand_slot, callers.after_mobile, t);
      return;
    case OutcomeReason::ReturnTimeGiven: {
      // T3b: the caller was told a time. Whether the person is back then is M3's other half.
      const double told = std::max(t, sim_time(outcome.time_s));
      if (outcome.person.valid()) {
        Timer check;
        check.t = told;
        check.kind = TimerKind::ReturnCheck;
        check.person = outcome.person;
        check.where_t = errand.first_call_s;
        check.where_unit = errand.spec.unit;
        schedule(check);
      }
      after_failure(errand_slot, callers.after_referral, told);
      return;
    }
    default:
      after_failure(errand_slot, callers.after_no_answer, t);
      return;
  }
}

// --- errands -------------------------------------------------------------------------------------------

void Switchboard::after_failure(std::uint32_t errand_slot, const model::RedialRule& rule, double from_s) {
  ErrandRec& e = errands_[errand_slot];
  Rng& rng = e.redial.get();
  const model::CallerSpec& callers = scenario_.callers;
  if (!rng.bernoulli(rule.probability)) {
    close_errand(errand_slot, false);
    return;
  }
  double at = from_s + sample(rule.delay_s, rng);
  if (e.calls_today >= callers.max_attempts_per_day) {
    // Enough for today: maybe tomorrow, at about the time of day the errand began.
    if (!rng.bernoulli(callers.next_day)) {
      close_errand(errand_slot, false);
      return;
    }
    const double day_start = std::floor(now() / kDay) * kDay;
    at = day_start + kDay + std::fmod(e.first_call_s, kDay) + 3600.0 * rng.uniform();
  }
  Timer redial;
  redial.t = std::max(at, now());
  redial.kind = TimerKind::Redial;
  redial.slot = errand_slot;
  redial.flag = &rule == &callers.after_mobile;
  schedule(redial);
}

void Switchboard::promise(std::uint32_t errand_slot, const routing::CallOutcome& outcome, bool voicemail) {
  // M3, M5: someone calls back: the person when next free after listening to voicemail (checked every
  // voicemail_check_interval_s) or reading the message; for a unit, its first person.
  ErrandRec& e = errands_[errand_slot];
  Rng& rng = e.callback.get();
  const model::PresenceSpec& spec = scenario_.presence;
  const double t = now();
  double delay = sample(spec.callback_delay_s, rng);
  if (voicemail) delay += spec.voicemail_check_interval_s * rng.uniform();
  model::PersonId who = outcome.person;
  if (!who.valid() && outcome.unit.valid() && !scenario_.directory.unit(outcome.unit).people.empty())
    who = scenario_.directory.unit(outcome.unit).people.front();
  double at = t + delay;
  if (who.valid()) at = presence_.next_free(who, at).value_or(at + 14 * kDay);
  const double due = outcome.time_s > 0.0 ? sim_time(outcome.time_s) : t + scenario_.policy.callback_promise_s;
  Timer cb;
  cb.t = at;
  cb.kind = TimerKind::Callback;
  cb.slot = errand_slot;
  cb.flag = at <= due && rng.bernoulli(kCallbackReached);
  cb.where_t = e.first_call_s;
  cb.where_unit = e.spec.unit;
  cb.person = who;
  metrics_.add({e.first_call_s, e.spec.unit}, [&](KpiSums& s) { s.callback_delay_s.add(at - t); });
  schedule(cb);
}

void Switchboard::close_errand(std::uint32_t errand_slot, bool resolved) {
  ErrandRec& e = errands_[errand_slot];
  if (!e.open) return;
  e.open = false;
  const bool first = resolved && e.calls == 1;
  const double calls = e.calls;
  metrics_.add({e.first_call_s, e.spec.unit}, [&](KpiSums& s) {
    s.errands += 1;
    s.errand_calls += calls;
    if (first) s.errands_resolved_first += 1;
  });
  free_errands_.push_back(errand_slot);
}

// --- timers --------------------------------------------------------------------------------------------

void Switchboard::schedule(Timer timer) {
  timer.seq = ++timer_seq_;
  timers_.push(timer);
  // The clock actor's alarm is set while it sleeps; moving it earlier costs no simcall.
  if (clock_alarm_->rings_at() > timer.t) clock_alarm_->ring_at(timer.t);
}

void Switchboard::drop_stale_timers() {
  if (clock_alarm_->rings_at() < 0.0) return;  // the clock actor is awake (or about to be) and drops them itself
  bool dropped = false;
  while (!timers_.empty() && is_stale(timers_.top())) {
    timers_.pop();
    dropped = true;
  }
  if (dropped) clock_alarm_->ring_at(timers_.empty() ? end_s_ + 1.0 : timers_.top().t);
}

void Switchboard::run_timer(const Timer& timer) {
  switch (timer.kind) {
    case TimerKind::Patience: {
      CallRec& c = calls_[timer.slot];
      if (!c.live || c.generation != timer.generation || !c.waiting) return;
      c.waiting = false;  // its queue entry is now stale and skipped
      --queued_now_;
      step(timer.slot, routing::Event::at(EventKind::CallerHungUp, wall(now())), -1);
      return;
    }
    case TimerKind::RingResult: {
      const CallRec& c = calls_[timer.slot];
      if (!c.live || c.generation != timer.generation) return;
      step(timer.slot, routing::Event::at(timer.event, wall(now())), -1);
      return;
    }
    case TimerKind::Callback: {
      metrics_.add({timer.where_t, timer.where_unit}, [&](KpiSums& s) {
        s.promises += 1;
        if (timer.flag) s.promises_kept += 1;
      });
      if (timer.flag)
        close_errand(timer.slot, true);
      else
        after_failure(timer.slot, scenario_.callers.after_broken_promise, now());
      return;
    }
    case TimerKind::Redial:
      start_call(timer.slot, timer.flag);
      return;
    case TimerKind::ShiftEnd: {
      // An idle operator waits without a timer of its own (setting and cancelling one at every idle spell
      // costs more than this wake-up a few times a day); a busy one sees the time when its task is done.
      OperatorRec& op = operators_[timer.slot];
      if (!op.idle) return;
      op.idle = false;
      idle_.erase(std::find(idle_.begin(), idle_.end(), static_cast<int>(timer.slot)));
      op.alarm->ring_now();
      return;
    }
    case TimerKind::ReturnCheck: {
      const StaffActivity a = presence_.activity(timer.person, now()).activity;
      const bool back = a == StaffActivity::Free || a == StaffActivity::OtherCall;
      metrics_.add({timer.where_t, timer.where_unit}, [&](KpiSums& s) {
        s.promises += 1;
        if (back) s.promises_kept += 1;
      });
      return;
    }
  }
}

Snapshot Switchboard::snapshot() const {
  Snapshot s;
  const double t = now();
  s.t = wall(t);
  s.queue_length = queued_now_;
  s.lines_in_use = lines_in_use_;
  s.trunk_lines = scenario_.switchboard.trunk_lines;
  s.open = switchboard_open(s.t);
  for (const OperatorRec& op : operators_)
    s.operators.push_back(!op.on_shift ? OperatorState::OffShift : op.idle ? OperatorState::Idle : OperatorState::Busy);
  for (const auto* q : {&priority_queue_, &queue_})
    for (const QueueEntry& e : *q)
      if (still_waiting(e)) s.waiting_s.push_back(t - calls_[e.slot].enqueued_s);
  std::sort(s.waiting_s.begin(), s.waiting_s.end(), std::greater<>());
  const std::size_t n = scenario_.directory.people.size();
  s.presence.reserve(n);
  s.reasons.reserve(n);
  for (std::uint32_t p = 0; p < n; ++p) {
    const model::Presence pr = presence_.presence(model::PersonId{p}, t);
    s.presence.push_back(pr.state);
    s.reasons.push_back(pr.reason);
  }
  return s;
}

nlohmann::json Switchboard::finish() {
  for (Observer* o : observers_)
    o->on_end();
  for (std::uint32_t i = 0; i < errands_.size(); ++i)
    if (errands_[i].open) close_errand(i, false);
  return metrics_.to_json();
}

}  // namespace vaxel::sim
