// An actor's alarm clock: how vaxel's actors wait in simulated time.
//
// SimGrid's own waits (this_actor::sleep_for, Semaphore::acquire_timeout) put a sleep action into the CPU
// model, so each costs a linear-system variable, a solve and its clean-up; and waking a sleeper early needs a
// Semaphore::release(), which is a simcall of the waker's own (a switch to the maestro and back). An alarm
// instead suspends its actor, and one of SimGrid's kernel timers (the kind s4u itself uses for actor kill
// times) resumes it in the maestro. Measured with callgrind on SimGrid 3.32: a wait costs 3.2 k instructions
// against 3.9 k for a semaphore rung by a timer and 5.1 k for sleep_for; and setting, moving or
// cancelling the ring costs no simcall at all: the clock actor's alarm moves whenever an earlier timer comes
// in, and a caller's call reaches an idle operator by moving the operator's alarm.
//
// Kernel timers are the maestro's data; an actor may touch them because vaxel's engine runs its actors one
// at a time (contexts/nthreads stays 1, whatever the context factory), so nobody else runs meanwhile.
#pragma once

#include <simgrid/forward.h>

namespace simgrid::kernel::timer {
class Timer;
}

namespace vaxel::sim {

class Alarm {
 public:
  Alarm() = default;
  Alarm(const Alarm&) = delete;
  Alarm& operator=(const Alarm&) = delete;
  ~Alarm();

  /// Blocks the calling actor (always the same one: the alarm's owner) until the alarm rings; it rings at
  /// `t` unless moved meanwhile.
  void sleep_until(double t);
  /// Blocks the calling actor until somebody rings the alarm (ring_at, ring_now): no timer is set meanwhile.
  void wait();

  /// Makes the alarm ring at `t` (not before the current time) instead of when it was set to. Called by
  /// other actors while the owner waits. Does nothing once the alarm has rung and its owner not yet woken:
  /// the owner is about to run anyway and decides again.
  void ring_at(double t);
  void ring_now();
  /// When the alarm rings next (-1: not set, or already rung).
  [[nodiscard]] double rings_at() const { return rings_at_; }

 private:
  void cancel();

  simgrid::s4u::Actor* owner_ = nullptr;  ///< set on the first sleep
  simgrid::kernel::timer::Timer* timer_ = nullptr;
  double rings_at_ = -1.0;
  bool rung_ = false;  ///< rung, and the owner has not woken yet
};

}  // namespace vaxel::sim
