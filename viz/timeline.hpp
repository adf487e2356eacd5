// The recorded story of one replication as the viewer plays it back: a frame (the switchboard at one moment)
// every tick, every finished call, and the replication's KPIs once it ended. The feed (feed.hpp) appends to it
// as the child process streams; the panels only read it. No ImGui, no SimGrid here, so it is testable alone.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/routing/call.hpp"
#include "model/time.hpp"
#include "sim/observer.hpp"

namespace vaxel::viz {

/// Where a call in flight is in its story, in the words of the calls panel.
enum class CallStage : std::uint8_t {
  Greeting,  ///< the greeting (T2) or a recorded message plays
  Queue,     ///< waiting for an operator
  Operator,  ///< an operator is handling it (answer, message, offers)
  Transfer,  ///< the operator put it through and the extension rings
  Ringing,   ///< rings on a direct dial or 4111 (no operator, M6)
  Options,   ///< the caller chooses among options (T3a-T3c, M9, callback offer)
};
inline constexpr int kCallStageCount = 6;
[[nodiscard]] const char* to_string(CallStage s);

/// One call that has not ended, at a frame.
struct CallInFlight {
  std::uint64_t call = 0;
  std::uint64_t errand = 0;
  model::WallSeconds arrival_s = 0.0;
  CallStage stage = CallStage::Greeting;
  model::Intent intent = model::Intent::Person;
  model::PersonId person;   ///< sought
  model::UnitId unit;       ///< sought
  model::PersonId ringing;  ///< whose extension rings (Transfer, Ringing)
};

/// The switchboard at one moment, plus the calls in flight then.
struct Frame {
  sim::Snapshot snapshot;
  std::vector<CallInFlight> calls;
};

/// The day-level series the plots draw, computed from frames and calls up to a moment.
struct DaySeries {
  std::vector<float> queue_length;    ///< per minute of the day (mean of the frames in it); -1 = not yet
  std::vector<float> service_level;   ///< per 15 minutes: answered within the target / queued; -1 = no data
  std::vector<float> calls_per_hour;  ///< arrivals by hour of day
  std::vector<float> repeat_calls;    ///< arrivals by hour that were an errand's 2nd+ attempt
  int calls = 0;                      ///< arrivals so far that day
  int queued = 0;                     ///< ... that waited for an operator
  int answered_in_target = 0;         ///< ... answered within the service-level time
  int resolved = 0;                   ///< ended resolved
  int failed = 0;                     ///< ended failed (the caller has to call again)
};

class Timeline {
 public:
  std::vector<Frame> frames;                                  ///< in time order, one per tick of the measured window
  std::vector<sim::CallSummary> calls;                        ///< in end order
  std::map<std::uint64_t, std::vector<std::size_t>> errands;  ///< errand -> indices into calls, by attempt
  nlohmann::json kpis;  ///< the replication's KPIs (sim/metrics.hpp), once it ended
  bool ended = false;   ///< the child finished (kpis set) or failed (error set)
  std::string error;    ///< why the child failed; empty when it did not

  void add_frame(Frame f);
  void add_call(const sim::CallSummary& c);

  /// Time of the first and the last frame; 0 when there is none.
  [[nodiscard]] model::WallSeconds first_t() const { return frames.empty() ? 0.0 : frames.front().snapshot.t; }
  [[nodiscard]] model::WallSeconds last_t() const { return frames.empty() ? 0.0 : frames.back().snapshot.t; }
  /// The last frame at or before t (the first one when t is earlier); nullptr when there is none.
  [[nodiscard]] const Frame* frame_at(model::WallSeconds t) const;
  /// Calls that ended in (from, to], most recent first.
  [[nodiscard]] std::vector<const sim::CallSummary*> ended_between(model::WallSeconds from,
                                                                   model::WallSeconds to) const;
  /// The plots' series of t's day, counting only what had happened by t.
  [[nodiscard]] DaySeries day_series(model::WallSeconds t, double service_level_s) const;
};

}  // namespace vaxel::viz
