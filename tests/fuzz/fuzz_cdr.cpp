// libFuzzer target: arbitrary text as a call log (docs/cdr.md), read against the default organisation. The
// first byte picks the format (detected, Asterisk or generic), the rest is the log. Bad rows must be counted
// and listed, never thrown or crashed on; the counts must add up.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/scenario_loader.hpp"
#include "sim/cdr.hpp"

namespace {
const vaxel::model::Scenario& organisation() {
  static const vaxel::model::Scenario s = vaxel::model::load_default_scenario();
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace cdr = vaxel::sim::cdr;
  if (size == 0) return 0;
  cdr::ReadOptions options;
  if (data[0] % 3 == 1) options.format = cdr::Format::Asterisk;
  if (data[0] % 3 == 2) options.format = cdr::Format::Generic;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const cdr::ReadResult r = cdr::read_cdr_text(text, "fuzz.csv", organisation(), options);
  // Every data row is used or bad; a bad header counts as bad without being a data row.
  const int accounted = r.bad_count + static_cast<int>(r.records.size());
  if (accounted != r.rows && accounted != r.rows + 1) __builtin_trap();
  if (r.bad.size() > static_cast<std::size_t>(options.max_listed)) __builtin_trap();
  (void)r.summary();
  return 0;
}
