// libFuzzer target: arbitrary text as a scenario file, through YAML parsing, `extends:` merging and both
// validation passes (model::load_scenario_text). Anything but a Scenario or a ScenarioError is a finding:
// a crash, a sanitizer report, another exception type, or a hang (run with -timeout=10).
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // A base folder that does not exist: a relative `extends:` fails cleanly instead of reading the repo.
    const vaxel::model::Scenario s = vaxel::model::load_scenario_text(text, "fuzz.yaml", "/nonexistent/vaxel-fuzz");
    (void)vaxel::model::scenario_hash(s);
  } catch (const vaxel::model::ScenarioError&) {
    // The expected answer to bad input: diagnostics, not a crash.
  }
  return 0;
}
