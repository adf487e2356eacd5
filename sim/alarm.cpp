// The alarm clock of sim/alarm.hpp on SimGrid's kernel timers.
#include "sim/alarm.hpp"

#include <simgrid/kernel/Timer.hpp>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>

#include <algorithm>

namespace vaxel::sim {

Alarm::~Alarm() {
  cancel();
}

void Alarm::sleep_until(double t) {
  ring_at(t);
  wait();
}

void Alarm::wait() {
  if (owner_ == nullptr) {
    owner_ = simgrid::s4u::Actor::self();
    // An actor may end, or be killed (daemons are, once the callers are done), while its alarm is set: the
    // timer must not resume an actor that is gone.
    simgrid::s4u::this_actor::on_exit([this](bool) {
      cancel();
      owner_ = nullptr;
    });
  }
  // Suspending oneself is one simcall that the maestro leaves unanswered until resume(): unlike a semaphore
  // it creates no activity to allocate, register and destroy.
  simgrid::s4u::this_actor::suspend();
  rung_ = false;
}

void Alarm::ring_at(double t) {
  if (rung_) return;
  cancel();
  rings_at_ = std::max(t, simgrid::s4u::Engine::get_clock());
  // The callback runs in the maestro, where resume() is a plain function call rather than a simcall.
  timer_ = simgrid::kernel::timer::Timer::set(rings_at_, [this] {
    timer_ = nullptr;  // the kernel deletes a timer once it has run
    rings_at_ = -1.0;
    rung_ = true;
    if (owner_ != nullptr) owner_->resume();
  });
}

void Alarm::ring_now() {
  ring_at(simgrid::s4u::Engine::get_clock());
}

void Alarm::cancel() {
  if (timer_ == nullptr) return;
  timer_->remove();  // removes and deletes
  timer_ = nullptr;
  rings_at_ = -1.0;
}

}  // namespace vaxel::sim
