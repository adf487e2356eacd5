// Trace lines: {"t":"2027-01-11T09:14:03","call":12,"errand":...,"event":"operator_answered","phase":"ringing",
// "actions":["operator_task","ring"],"outcome":"talked_to_person"}.
#include "sim/trace.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "model/routing/names.hpp"

namespace vaxel::sim {

namespace routing = model::routing;

TraceWriter::TraceWriter(const std::string& path) : out_(path) {
  if (!out_) throw std::runtime_error(fmt::format("cannot write the trace to {}", path));
}

void TraceWriter::on_step(std::uint64_t call, std::uint64_t errand, const routing::Event& event,
                          const routing::CallState& state, const routing::ActionList& actions) {
  std::string acts;
  for (const routing::Action& a : actions) {
    if (!acts.empty()) acts += ',';
    acts += fmt::format("\"{}\"", routing::to_string(a.kind));
  }
  out_ << fmt::format(R"({{"t":"{}","call":{},"errand":{},"event":"{}","phase":"{}","actions":[{}])",
                      model::format_date_time(event.t), call, errand, routing::to_string(event.kind),
                      routing::to_string(state.phase), acts);
  if (state.ended()) out_ << fmt::format(R"(,"outcome":"{}")", routing::to_string(state.outcome.reason));
  out_ << "}\n";
}

}  // namespace vaxel::sim
