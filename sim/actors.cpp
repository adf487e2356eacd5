// The stories of one replication, one SimGrid actor each (style.md: actors that read like the story of one
// caller or one operator):
//   callers   — day by day, the new errands dial in at their times;
//   operator  — one per operator: comes in for each shift interval, answers the queue until the interval
//               ends, idles on its own semaphore when nobody waits;
//   clock     — everything else that is due at a time: a caller's patience running out, a ring's result,
//               a callback, a redial. Its alarm rings at the next one, and is moved when an earlier one is
//               scheduled or the next one no longer matters.
// Few long-lived actors and few simcalls per call: that is what SimGrid runs fast (see the notes).
// Every wait is on an alarm (sim/alarm.hpp): moving or ringing somebody else's alarm costs no simcall.
#include <xbt/log.h>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <memory>

#include "sim/replication.hpp"
#include "sim/switchboard.hpp"
#include "sim/trace.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)  // clang's spelling of GCC's __SANITIZE_ADDRESS__
#define VAXEL_HAS_ASAN 1
#endif
#endif
#ifndef VAXEL_HAS_ASAN
#define VAXEL_HAS_ASAN 0
#endif

namespace vaxel::sim {

namespace sg4 = simgrid::s4u;

void Switchboard::callers_actor() {
  const int total_days = spec_.warmup_days + spec_.days + spec_.drain_days;
  for (int d = 0; d < total_days; ++d) {
    for (const NewErrand& e : demand_.errands_on(first_day_ + d, d)) {
      if (e.time_s > now()) callers_alarm_->sleep_until(e.time_s);
      std::uint32_t slot;
      if (!free_errands_.empty()) {
        slot = free_errands_.back();
        free_errands_.pop_back();
      } else {
        slot = static_cast<std::uint32_t>(errands_.size());
        errands_.emplace_back();
      }
      const auto rep = static_cast<std::uint64_t>(spec_.replication);
      const auto stream = [&](Source source) { return LazyRng(spec_.seed, rep, source, e.index); };
      errands_[slot] = ErrandRec{e,
                                 stream(Source::Patience),
                                 stream(Source::Choices),
                                 stream(Source::Redial),
                                 stream(Source::Handling),
                                 stream(Source::Answer),
                                 stream(Source::Talk),
                                 stream(Source::Callback)};
      errands_[slot].first_call_s = now();
      start_call(slot, false);
    }
  }
}

void Switchboard::operator_actor(int index) {
  OperatorRec& me = operators_[static_cast<std::size_t>(index)];
  const model::Schedule& shift = scenario_.switchboard.operators[static_cast<std::size_t>(index)].shift;
  const int total_days = spec_.warmup_days + spec_.days + spec_.drain_days;
  for (int d = 0; d < total_days; ++d) {
    for (const model::Interval& iv : shift.hours_on(scenario_.calendar, first_day_ + d)) {
      const double start = d * model::kSecondsPerDay + iv.start_minute * model::kSecondsPerMinute;
      const double end = d * model::kSecondsPerDay + iv.end_minute * model::kSecondsPerMinute;
      if (now() < start) me.alarm->sleep_until(start);
      // On shift from `start` even while still finishing a call from the interval before (a 24-hour shift
      // restarts at midnight): counted from now(), that stretch would be busy but not staffed.
      metrics_.add_operator_time(start, end, false);
      if (now() >= end) continue;
      me.on_shift = true;
      me.off_at_s = end;
      ++on_shift_;
      Timer shift_end;
      shift_end.t = end;
      shift_end.kind = TimerKind::ShiftEnd;
      shift_end.slot = static_cast<std::uint32_t>(index);
      schedule(shift_end);
      while (now() < end) {
        const std::uint32_t slot = take_next_call();
        if (slot != kNone) {
          serve(slot, index);
        } else {
          me.idle = true;
          idle_.push_back(index);
          // Rung by the clock at the end of the interval, unless a caller hands a call over first (enqueue):
          // then the operator has answered it and the alarm rings when the task is done.
          me.alarm->wait();
          if (me.idle) {
            me.idle = false;
            idle_.erase(std::find(idle_.begin(), idle_.end(), index));
          }
        }
        while (me.busy) {
          if (now() < me.task.done_s) me.alarm->sleep_until(me.task.done_s);
          finish_task(index);
        }
      }
      me.on_shift = false;
      --on_shift_;
    }
  }
}

void Switchboard::clock_actor() {
  for (;;) {
    // Drop timers that can no longer matter (a patience timer of a call already answered ...) before
    // deciding how long to sleep: waking for them would cost a context switch each.
    while (!timers_.empty() && (timers_.top().t <= now() || is_stale(timers_.top()))) {
      const Timer due = timers_.top();
      timers_.pop();
      if (!is_stale(due)) run_timer(due);
    }
    clock_alarm_->sleep_until(timers_.empty() ? end_s_ + 1.0 : timers_.top().t);
    if (now() > end_s_) return;
  }
}

void Switchboard::ticker_actor() {
  for (;;) {
    const Snapshot s = snapshot();
    for (Observer* o : observers_)
      o->on_tick(s);
    if (now() + spec_.tick_s > end_s_) return;
    sg4::this_actor::sleep_for(spec_.tick_s);
  }
}

nlohmann::json run_replication(const model::Scenario& scenario, const ReplicationSpec& spec) {
  // One engine per process: this runs in a worker (sim/workers.hpp). Raw contexts and small stacks make
  // SimGrid's context switches cheap; the log is silenced so results alone reach the user.
  xbt_log_control_set("root.thresh:critical");
  char name[] = "vaxel";
#if defined(__SANITIZE_ADDRESS__) || VAXEL_HAS_ASAN
  // Raw contexts switch stacks behind ASan's back (Debian's SimGrid is not ASan-aware): every worker warned
  // "ASan is ignoring requested __asan_handle_no_return ... False positive error reports may follow". Thread
  // contexts run each actor on a real thread stack ASan knows; slower, same results (actors still take turns).
  // The factory is chosen when the engine starts, so it goes in as a command-line option.
  char factory[] = "--cfg=contexts/factory:thread";
  int argc = 2;
  char* argv[] = {name, factory, nullptr};
#else
  int argc = 1;
  char* argv[] = {name, nullptr};
#endif
  auto* engine = new sg4::Engine(&argc, argv);  // never deleted: the worker process ends right after
  sg4::Engine::set_config("contexts/stack-size:256");
  auto* zone = sg4::create_full_zone("municipality");
  sg4::Host* host = zone->create_host("switchboard", 1e9);
  zone->seal();

  // The trace is one more observer, owned here.
  ReplicationSpec full = spec;
  std::unique_ptr<TraceWriter> trace;
  if (!spec.trace_path.empty()) {
    trace = std::make_unique<TraceWriter>(spec.trace_path);
    full.observers.push_back(trace.get());
  }
  auto* board = new Switchboard(scenario, full);  // outlives the engine's actors, like the engine
  sg4::Engine::on_time_advance_cb([board](double) { board->clock_s_ = sg4::Engine::get_clock(); });
  board->callers_alarm_ = std::make_unique<Alarm>();
  board->clock_alarm_ = std::make_unique<Alarm>();
  board->operators_.resize(scenario.switchboard.operators.size());
  for (auto& op : board->operators_)
    op.alarm = std::make_unique<Alarm>();

  sg4::Actor::create("callers", host, [board] { board->callers_actor(); });
  for (std::size_t i = 0; i < scenario.switchboard.operators.size(); ++i)
    sg4::Actor::create(scenario.switchboard.operators[i].name, host, [board, i] {
      board->operator_actor(static_cast<int>(i));
    })->daemonize();
  sg4::Actor::create("clock", host, [board] { board->clock_actor(); })->daemonize();
  if (spec.tick_s > 0.0 && !full.observers.empty())
    sg4::Actor::create("ticker", host, [board] { board->ticker_actor(); })->daemonize();
  engine->run_until(board->end_s());
  return board->finish();
}

}  // namespace vaxel::sim
