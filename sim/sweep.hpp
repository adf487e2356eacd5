// `vaxel sweep` as a library: parsing `--set key=values`, expanding the grid, and turning one grid point into a
// scenario. A point is a YAML overlay — `extends: FILE` plus the nested keys — loaded with the scenario loader,
// so a point is exactly what a planner would get by writing that overlay file (docs/scenario.md, extends).
//
// Values: a comma list (`15,25,35`; commas inside [], {} or quotes do not split) or an integer range
// (`1..5`, both ends included). Each value is YAML (`~`, `true`, `{weekly: {mon-fri: ["09:00-11:00"]}}`).
//
// The pseudo-key `operators=N` (also spelled `switchboard.operators=N`) sets the number of operators: the
// first N operators of the scenario's `switchboard.operators` list are kept, and beyond the listed ones the
// last listed operator is repeated (same shift, named "Telefonist <i>"). So `operators=1..4` on the default
// scenario is: operator 1 only; the two listed; the two plus a second copy of operator 2's peak shift; ...
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "model/scenario.hpp"

namespace vaxel::sim {

/// A bad --set (syntax, empty range, repeated key) or a grid point the loader rejects; what() says which and why.
class SweepError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One swept key and its values, in the order given.
struct SweepParameter {
  std::string key;  ///< dotted path as given, e.g. "policy.ring_timeout_s"
  std::vector<std::string> values;
};

/// One grid point: (key, value) for every parameter, in --set order.
using SweepPoint = std::vector<std::pair<std::string, std::string>>;

/// Parses "key=values". Throws SweepError: "--set 'x': expected key=values, e.g. policy.ring_timeout_s=15,25".
[[nodiscard]] SweepParameter parse_set(const std::string& text);
/// Expands a value list: "1..3" -> 1, 2, 3; "a,b" -> a, b; brackets and quotes protect commas.
[[nodiscard]] std::vector<std::string> expand_values(const std::string& values, const std::string& where);
/// The grid, first parameter varying slowest. Throws SweepError on a key given twice or more than max_points.
[[nodiscard]] std::vector<SweepPoint> expand_grid(const std::vector<SweepParameter>& parameters,
                                                  std::size_t max_points = 1000);

/// True for the operator-count pseudo-key.
[[nodiscard]] bool is_operators_key(const std::string& key);

/// The overlay YAML of one point on `file` (extends its file name; the loader resolves it in its folder).
/// `base_name` names the point's scenario: "<base_name> key=value ...". Throws SweepError.
[[nodiscard]] std::string overlay_text(const std::string& file, const std::string& base_name, const SweepPoint& point);

/// Loads the point's scenario. Throws SweepError with the loader's diagnostics and the --set that caused them.
[[nodiscard]] model::Scenario load_point(const std::string& file, const std::string& base_name,
                                         const SweepPoint& point);

/// "key=value key=value".
[[nodiscard]] std::string describe(const SweepPoint& point);

}  // namespace vaxel::sim
