// The simulation child and the parent's non-blocking reader (see feed.hpp). The child side is an Observer
// that keeps the calls in flight from on_step, writes a frame every tick and a record at every call end,
// and leaves with _exit so none of the parent's handlers (GLFW, ImGui, atexit) run twice.
#include "viz/feed.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>
#include <thread>

#include "sim/observer.hpp"
#include "sim/replication.hpp"
#include "viz/wire.hpp"

namespace vaxel::viz {

namespace {

using model::routing::ActionKind;
using model::routing::CallPhase;

void write_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(3);  // the viewer closed the pipe (a rerun or quit): nobody is listening any more
    off += static_cast<std::size_t>(n);
  }
}

// Where a call is, in the calls panel's words, from the router's state after a step and that step's actions.
CallStage stage_of(const model::routing::CallState& s, const model::routing::ActionList& actions) {
  bool operator_task = false;
  for (const auto& a : actions)
    if (a.kind == ActionKind::OperatorTask) operator_task = true;
  switch (s.phase) {
    case CallPhase::Created:
      return CallStage::Greeting;
    case CallPhase::Queued:
      return CallStage::Queue;
    case CallPhase::Ringing:
      return s.ring_leg == model::routing::Leg::Operator ? CallStage::Transfer : CallStage::Ringing;
    case CallPhase::Choosing:
      // Options offered by an operator (T3a-T3c) are the operator's work; a recorded referral (M9) is not.
      return operator_task || s.operator_involved ? CallStage::Operator : CallStage::Options;
    case CallPhase::ChoosingQueue:
      return CallStage::Options;
    case CallPhase::Ended:
      break;
  }
  return CallStage::Operator;
}

// The child's observer: everything of the measured window goes down the pipe, the warm-up stays behind.
class StreamObserver : public sim::Observer {
 public:
  StreamObserver(int fd, model::WallSeconds from_s, model::WallSeconds to_s) : fd_(fd), from_s_(from_s), to_s_(to_s) {}

  void on_step(std::uint64_t call, std::uint64_t errand, const model::routing::Event& /*event*/,
               const model::routing::CallState& state, const model::routing::ActionList& actions) override {
    if (state.ended()) {
      in_flight_.erase(call);
      return;
    }
    CallInFlight& c = in_flight_[call];
    c.call = call;
    c.errand = errand;
    c.arrival_s = state.arrived_at_s;
    c.stage = stage_of(state, actions);
    c.intent = state.start.intent;
    c.person = state.start.person;
    c.unit = state.start.unit;
    c.ringing = state.phase == CallPhase::Ringing ? state.ringing : model::PersonId{};
  }

  void on_call_end(const sim::CallSummary& c) override {
    in_flight_.erase(c.call);
    if (c.arrival_s >= from_s_ && c.arrival_s < to_s_) write_all(fd_, wire::encode_call(c));
  }

  void on_tick(const sim::Snapshot& s) override {
    if (s.t < from_s_ || s.t >= to_s_) return;
    Frame f;
    f.snapshot = s;
    for (const auto& [number, c] : in_flight_)
      f.calls.push_back(c);
    write_all(fd_, wire::encode_frame(f));
  }

 private:
  int fd_;
  model::WallSeconds from_s_;
  model::WallSeconds to_s_;
  std::map<std::uint64_t, CallInFlight> in_flight_;  // ordered by call number = by arrival
};

[[noreturn]] void child_main(int fd, const model::Scenario& scenario, const FeedSpec& spec, model::WallSeconds from_s,
                             model::WallSeconds to_s) {
  int status = 0;
  try {
    StreamObserver observer(fd, from_s, to_s);
    sim::ReplicationSpec r;
    r.seed = spec.seed;
    r.replication = 0;
    r.warmup_days = spec.warmup_days;
    r.days = spec.days;
    // SimGrid's run ends when the callers actor does, which on the last day is soon after its last call; one
    // drain day keeps the last shown day whole (and lets its errands redial). Its records are not sent.
    r.drain_days = 1;
    r.observers = {&observer};
    r.tick_s = spec.tick_s;
    const nlohmann::json kpis = sim::run_replication(scenario, r);
    write_all(fd, wire::encode_end(kpis));
  } catch (const std::exception& e) {
    write_all(fd, wire::encode_error(e.what()));
    status = 1;
  }
  ::close(fd);
  ::_exit(status);
}

}  // namespace

SimulationFeed::SimulationFeed(const model::Scenario& scenario, const FeedSpec& spec) : spec_(spec) {
  const model::DayNumber first = model::to_day_number(scenario.run.start);
  window_start_s_ = model::start_of_day(first);
  window_end_s_ = model::start_of_day(first + spec.days);
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
  std::fflush(stdout);  // else the child inherits unwritten output and a test report could appear twice
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("cannot fork the simulation: ") + std::strerror(errno));
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], scenario, spec, window_start_s_, window_end_s_);
  }
  ::close(fds[1]);
  pid_ = pid;
  fd_ = fds[0];
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  ::fcntl(fd_, F_SETFD, FD_CLOEXEC);
}

SimulationFeed::~SimulationFeed() {
  stop_child();
}

void SimulationFeed::stop_child() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (pid_ > 0) {
    // A rerun or quit: the child's results are no longer wanted. SIGKILL cannot be caught by SimGrid.
    ::kill(pid_, SIGKILL);
    reap(true);
  }
}

void SimulationFeed::reap(bool block) {
  if (pid_ <= 0) return;
  int status = 0;
  pid_t r = 0;
  do {
    r = ::waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return;  // still running
  pid_ = -1;
  if (!timeline_.ended && r > 0) {
    timeline_.ended = true;
    timeline_.error = WIFSIGNALED(status) ? "the simulation died by signal " + std::to_string(WTERMSIG(status))
                                          : "the simulation stopped without finishing (exit status " +
                                                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
  }
}

void SimulationFeed::pump(double budget_ms) {
  if (fd_ < 0) {
    reap(false);
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;  // EAGAIN: nothing more for now
    if (n == 0) {      // the child closed its end: it ended or died
      ::close(fd_);
      fd_ = -1;
      break;
    }
    pending_.append(buf, static_cast<std::size_t>(n));
    std::size_t begin = 0;
    for (std::size_t nl; (nl = pending_.find('\n', begin)) != std::string::npos; begin = nl + 1) {
      const std::string problem = wire::apply_line(pending_.substr(begin, nl - begin), timeline_);
      if (!problem.empty() && timeline_.error.empty()) timeline_.error = problem;
    }
    pending_.erase(0, begin);
    const double spent_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (spent_ms > budget_ms) break;  // the rest waits in the pipe for the next frame
  }
  if (fd_ < 0) reap(false);
}

bool SimulationFeed::wait_until(model::WallSeconds t, double timeout_s) {
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    pump(50.0);
    if (timeline_.last_t() >= t) return true;
    if (timeline_.ended && fd_ < 0) return timeline_.last_t() >= t;
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > timeout_s) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace vaxel::viz

namespace vaxel::viz {

bool SimulationFeed::wait_for_end(double timeout_s) {
  const auto start = std::chrono::steady_clock::now();
  while (fd_ >= 0 || pid_ > 0) {
    pump(50.0);
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > timeout_s) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return timeline_.ended;
}

}  // namespace vaxel::viz
