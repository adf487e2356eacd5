// The records the simulation child streams to the viewer over a pipe, one JSON object per line:
//   {"k":"tick",...}  a Frame (the switchboard every tick_s and the calls in flight)
//   {"k":"call",...}  a finished call (sim::CallSummary)
//   {"k":"end","kpis":{...}}  the replication ended, with its KPIs (sim/metrics.hpp)
//   {"k":"error","message":"..."}  the replication failed
// JSON lines rather than a binary framing: a tick is about a kilobyte (presence is one letter per person),
// a simulated week is a few megabytes, and a stream that can be read with `head` is worth the parse time.
#pragma once

#include <string>

#include "viz/timeline.hpp"

namespace vaxel::viz::wire {

[[nodiscard]] std::string encode_frame(const Frame& f);
[[nodiscard]] std::string encode_call(const sim::CallSummary& c);
[[nodiscard]] std::string encode_end(const nlohmann::json& kpis);
[[nodiscard]] std::string encode_error(const std::string& message);

/// Applies one line to the timeline. Returns "" or what was wrong with the line (the feed stops on it).
[[nodiscard]] std::string apply_line(const std::string& line, Timeline& timeline);

/// One letter per presence state on the wire: A available, C on a call, R hänvisning, F forwarded, O off duty.
[[nodiscard]] char presence_letter(model::PresenceState s);

}  // namespace vaxel::viz::wire
