// libFuzzer target: arbitrary input lines fed to the live route adapter (docs/route-protocol.md), as
// `vaxel route` feeds them from a PBX. Every line must get one JSON reply (an action, an ack or an error naming
// the line); an exception escaping handle_line, a crash, a sanitizer report or a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/scenario_loader.hpp"
#include "sim/route_adapter.hpp"

namespace {
const vaxel::model::Scenario& scenario() {
  static const vaxel::model::Scenario s = vaxel::model::load_default_scenario();
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A fresh adapter per input, so a finding reproduces from its input alone.
  vaxel::sim::RouteAdapter adapter(scenario());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  long line_no = 0;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    ++line_no;
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      const std::string reply = adapter.handle_line(line, line_no);
      if (reply.empty() || reply.front() != '{') __builtin_trap();  // every reply is one JSON object
    }
    begin = end + 1;
  }
  return 0;
}
