// The simulated switchboard of one replication: the calls and errands in progress, the queue, the operators,
// the timers, and the routing core that decides each step. The SimGrid actors (sim/actors.cpp) tell the
// stories — callers dialling, operators working their shifts, the clock of ring-outs, patience and callbacks —
// and call into this class; all of it runs on SimGrid's one simulation thread.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <queue>
#include <vector>

#include "model/routing/router.hpp"
#include "model/scenario.hpp"
#include "sim/alarm.hpp"
#include "sim/demand_model.hpp"
#include "sim/metrics.hpp"
#include "sim/observer.hpp"
#include "sim/presence_model.hpp"
#include "sim/random.hpp"
#include "sim/replication.hpp"

namespace vaxel::sim {

namespace routing = model::routing;

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

/// A caller's errand (design.md "Errands, not calls"): one need, possibly several calls (G4).
struct ErrandRec {
  NewErrand spec;
  LazyRng patience;  ///< the caller's patience draws
  LazyRng choices;   ///< the caller's choices when offered options
  LazyRng redial;    ///< whether and when the caller calls again
  // What others do on this errand's behalf draws from the errand's streams too, not from one stream shared
  // in event order: then an operator's handle time or a colleague answering a ring belongs to the errand,
  // and stays with it when another scenario shifts the order of events (common random numbers).
  LazyRng handling;  ///< operators' handle and wrap-up times for its calls
  LazyRng answer;    ///< whether and when a rung person answers
  LazyRng talk;      ///< how long a connected person talks
  LazyRng callback;  ///< when the promised callback is made, and whether it reaches the caller
  double first_call_s = 0.0;
  int calls = 0;  ///< calls the caller made
  int calls_today = 0;
  int day_of_last_call = -1;
  bool open = true;
};

/// A call in progress.
struct CallRec {
  routing::CallState state;
  std::uint32_t errand = kNone;
  std::uint32_t generation = 0;  ///< bumped whenever pending timers of this call become stale
  std::uint64_t number = 0;      ///< the run's call counter, for the trace
  double arrival_s = 0.0;
  double enqueued_s = 0.0;
  double wait_s = 0.0;          ///< queue wait until the operator answered (or the caller left)
  int attempt = 1;              ///< the errand's how-manieth call
  bool waiting = false;         ///< in the switchboard queue now
  bool was_queued = false;      ///< has waited in the queue at least once
  bool found_all_busy = false;  ///< on first entering the queue every operator was busy (KPI waited)
  bool answered_by_operator = false;
  bool live = false;
};

enum class TimerKind : std::uint8_t { Patience, RingResult, Callback, Redial, ReturnCheck, ShiftEnd };

/// Something due at a time: the switchboard's clock actor carries it out.
struct Timer {
  double t = 0.0;
  std::uint64_t seq = 0;  ///< insertion order breaks ties: deterministic
  TimerKind kind = TimerKind::Patience;
  std::uint32_t slot = kNone;                               ///< call or errand slot
  std::uint32_t generation = 0;                             ///< call timers: valid while the call's generation matches
  routing::EventKind event = routing::EventKind::NoAnswer;  ///< RingResult: what the ring came to
  bool flag = false;                                        ///< Callback: reached the caller in time
  model::PersonId person;                                   ///< ReturnCheck: whose return time
  double where_t = 0.0;  ///< Callback/ReturnCheck: the metrics slice time (errand's first call)
  model::UnitId where_unit;
  bool operator>(const Timer& o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

/// What an operator is doing for a call: the routing core's actions after the task wait until it is done.
struct OperatorTask {
  std::uint32_t slot = kNone;
  routing::ActionList rest;  ///< the step's actions after the task
  double from_s = 0.0;
  double done_s = 0.0;
};

struct OperatorRec {
  std::unique_ptr<Alarm> alarm;
  OperatorTask task;      ///< valid while busy
  double off_at_s = 0.0;  ///< when the current shift interval ends
  bool busy = false;      ///< working on `task`
  bool idle = false;      ///< on shift, waiting in idle_ for a call
  bool on_shift = false;
};

class Switchboard : public routing::WorldView {
 public:
  Switchboard(const model::Scenario& scenario, const ReplicationSpec& spec);

  // --- the stories (sim/actors.cpp) ---
  void callers_actor();
  void operator_actor(int index);
  void clock_actor();
  void ticker_actor();
  [[nodiscard]] double end_s() const { return end_s_; }

  /// Closes what is still open at the end of the run and returns the replication's KPIs.
  [[nodiscard]] nlohmann::json finish();

  // --- routing::WorldView ---
  [[nodiscard]] const model::Directory& directory() const override { return scenario_.directory; }
  [[nodiscard]] model::Presence presence(model::PersonId person) const override;
  [[nodiscard]] bool switchboard_open(model::WallSeconds t) const override;
  [[nodiscard]] std::string switchboard_reopen_sentence(model::WallSeconds t) const override;
  [[nodiscard]] bool unit_in_phone_hours(model::UnitId unit, model::WallSeconds t) const override;
  [[nodiscard]] std::optional<model::WallSeconds> next_phone_hours(model::UnitId unit,
                                                                   model::WallSeconds t) const override;
  [[nodiscard]] std::optional<model::WallSeconds> next_return(model::PersonId person,
                                                              model::WallSeconds t) const override;
  [[nodiscard]] int operators_free() const override { return static_cast<int>(idle_.size()); }
  [[nodiscard]] int queue_length() const override { return queued_now_; }
  [[nodiscard]] double expected_wait_s() const override;

 private:
  friend nlohmann::json run_replication(const model::Scenario&, const ReplicationSpec&);
  /// The simulated time: SimGrid's clock, kept in clock_s_ by an on_time_advance callback (asking the engine
  /// costs a chain of out-of-line calls, and a call asks a dozen times).
  [[nodiscard]] double now() const { return clock_s_; }
  [[nodiscard]] model::WallSeconds wall(double t) const { return origin_ + t; }
  [[nodiscard]] double sim_time(model::WallSeconds w) const { return w - origin_; }

  // Calls.
  void start_call(std::uint32_t errand, bool via_mobile);
  /// Feeds one event to the call's routing core and carries out the actions; `op` holds the call or -1.
  void step(std::uint32_t slot, routing::Event event, int op);
  /// Carries out the actions in order. Returns true when the caller chose from an offer: `event` is the choice,
  /// to be stepped next. Stops early when operator `op` starts a task (OperatorRec::task).
  bool carry_out(std::uint32_t slot, const routing::ActionList& actions, int op, routing::Event& event);
  /// Operator `op` has finished its task: the call goes on with the actions after it.
  void finish_task(int op);
  void enqueue(std::uint32_t slot, bool priority);
  void start_ring(std::uint32_t slot, const routing::Action& ring);
  [[nodiscard]] routing::Option choose(std::uint32_t slot, const routing::OptionList& options);
  void finish_call(std::uint32_t slot, const routing::CallOutcome& outcome);
  [[nodiscard]] std::uint32_t take_next_call();
  void serve(std::uint32_t slot, int op);

  // Errands.
  void after_failure(std::uint32_t errand, const model::RedialRule& rule, double from_s);
  void close_errand(std::uint32_t errand, bool resolved);
  void promise(std::uint32_t errand, const routing::CallOutcome& outcome, bool voicemail);

  // Timers.
  void schedule(Timer timer);
  /// Drops the timers at the top of the heap that no longer matter and moves the clock's alarm to the next
  /// one, so the clock actor does not wake for a caller who has been answered meanwhile.
  void drop_stale_timers();
  void run_timer(const Timer& timer);
  /// A call timer whose call has moved on (answered, ended, slot reused): it will do nothing.
  [[nodiscard]] bool is_stale(const Timer& timer) const {
    if (timer.kind != TimerKind::Patience && timer.kind != TimerKind::RingResult) return false;
    const CallRec& c = calls_[timer.slot];
    return !c.live || c.generation != timer.generation;
  }

  [[nodiscard]] Snapshot snapshot() const;

  /// The open intervals of one schedule on the day last asked about: a call asks whether the switchboard
  /// (and maybe a unit) is open several times, and resolving the calendar's precedence each time is not free.
  struct DayHoursCache {
    model::DayNumber day = std::numeric_limits<model::DayNumber>::min();
    model::DayHours hours;
    [[nodiscard]] bool is_open(const model::Schedule& s, const model::Calendar& cal, model::WallSeconds t);
  };

  const model::Scenario& scenario_;
  ReplicationSpec spec_;
  double clock_s_ = 0.0;
  mutable DayHoursCache switchboard_hours_;
  mutable std::vector<DayHoursCache> unit_hours_;  ///< by unit
  model::DayNumber first_day_;
  model::WallSeconds origin_;
  double end_s_;
  routing::Router router_;
  DemandModel demand_;
  mutable PresenceModel presence_;
  Metrics metrics_;

  std::vector<CallRec> calls_;
  std::vector<std::uint32_t> free_calls_;
  std::vector<ErrandRec> errands_;
  std::vector<std::uint32_t> free_errands_;
  std::uint64_t call_counter_ = 0;
  int lines_in_use_ = 0;

  /// A place in the queue. Call slots are reused, so an entry names its call by number as well: the entry
  /// left behind by a caller who hung up must not become a newer call's place in the line.
  struct QueueEntry {
    std::uint32_t slot = kNone;
    std::uint64_t number = 0;  ///< CallRec::number of the call that queued
  };
  [[nodiscard]] bool still_waiting(const QueueEntry& e) const {
    const CallRec& c = calls_[e.slot];
    return c.live && c.waiting && c.number == e.number;
  }
  std::deque<QueueEntry> queue_;           ///< new calls, FIFO (entries may be stale: see still_waiting)
  std::deque<QueueEntry> priority_queue_;  ///< calls returning to the operator after a ring-out
  int queued_now_ = 0;
  std::vector<OperatorRec> operators_;
  std::deque<int> idle_;  ///< idle operators, longest idle first
  int on_shift_ = 0;

  /// The action lists of the steps in progress, one per nesting level (a hand-over answers a call inside the
  /// step that queued it). Reused: a fresh six-action list per step showed in the profile. A deque, so a
  /// deeper level added never moves the lists of the levels below.
  std::deque<routing::ActionList> action_lists_;
  std::size_t step_depth_ = 0;
  /// The action list of a new nesting level, released when the guard goes.
  class ActionListLease {
   public:
    explicit ActionListLease(Switchboard& board) : board_(board) {
      if (board.step_depth_ == board.action_lists_.size()) board.action_lists_.emplace_back();
      list_ = &board.action_lists_[board.step_depth_++];
    }
    ActionListLease(const ActionListLease&) = delete;
    ActionListLease& operator=(const ActionListLease&) = delete;
    ~ActionListLease() { --board_.step_depth_; }
    routing::ActionList& list() { return *list_; }

   private:
    Switchboard& board_;
    routing::ActionList* list_;
  };

  std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers_;
  std::uint64_t timer_seq_ = 0;
  std::unique_ptr<Alarm> callers_alarm_;
  std::unique_ptr<Alarm> clock_alarm_;  ///< rings at the earliest timer that still matters

  double mean_transfer_s_;
  std::vector<Observer*> observers_;
};

}  // namespace vaxel::sim
