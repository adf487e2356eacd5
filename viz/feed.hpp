// The simulation behind the viewer, and nothing of the UI. SimGrid allows one engine per process and
// sim::run_replication runs a whole run in one call, so the feed forks a child process that runs one
// replication with an observer streaming JSON lines (wire.hpp) into a pipe. The UI thread calls pump() once a
// frame: it reads what the pipe holds without blocking, for at most a time budget, and appends to the
// Timeline the panels read. Playback (play, pause, speed, scrubbing, the day picker) is then only a cursor over
// the recorded timeline, which fills while the child runs ahead; a rerun with other knobs is a new feed.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "model/scenario.hpp"
#include "viz/timeline.hpp"

namespace vaxel::viz {

struct FeedSpec {
  std::uint64_t seed = 1;  ///< the replication's seed; equal seeds give equal callers (common random numbers)
  int warmup_days = 7;     ///< simulated before the window and not shown (redials carried over, G4)
  int days = 7;            ///< the days shown, from the scenario's run.start
  double tick_s = 60.0;    ///< a frame every this many simulated seconds
};

class SimulationFeed {
 public:
  /// Forks the child and starts it; the scenario is copied into the child by fork.
  SimulationFeed(const model::Scenario& scenario, const FeedSpec& spec);
  ~SimulationFeed();
  SimulationFeed(const SimulationFeed&) = delete;
  SimulationFeed& operator=(const SimulationFeed&) = delete;

  /// Reads what the child has written, for at most budget_ms of wall time. Never blocks.
  void pump(double budget_ms);
  /// Calls pump until the timeline reaches t, the run ends, or timeout_s passes (tests, screenshots).
  bool wait_until(model::WallSeconds t, double timeout_s);
  /// Calls pump until the child has ended and its last record is read; false on timeout.
  bool wait_for_end(double timeout_s);

  [[nodiscard]] const Timeline& timeline() const { return timeline_; }
  [[nodiscard]] bool finished() const { return timeline_.ended; }
  [[nodiscard]] model::WallSeconds window_start_s() const { return window_start_s_; }
  [[nodiscard]] model::WallSeconds window_end_s() const { return window_end_s_; }
  [[nodiscard]] const FeedSpec& spec() const { return spec_; }

 private:
  void stop_child();
  void reap(bool block);

  FeedSpec spec_;
  Timeline timeline_;
  model::WallSeconds window_start_s_ = 0.0;
  model::WallSeconds window_end_s_ = 0.0;
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string pending_;  ///< bytes read after the last complete line
};

}  // namespace vaxel::viz
