// Loading a scenario: a YAML file (or text) with its `extends:` chain, validated in two passes (structure,
// then meaning) into a model::Scenario. Every problem is reported as `file:line:col: error: message`, and all
// problems of a file are reported at once. The file format is documented in docs/scenario.md.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "model/scenario.hpp"

namespace vaxel::model {

/// One problem in a scenario file, at a 1-based line and column (0 = the position is unknown, e.g. an
/// unreadable file).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  /// "file:line:col: error: message", or "file: error: message" when the position is unknown.
  [[nodiscard]] std::string str() const;
};

/// Thrown when a scenario cannot be loaded; what() holds every diagnostic's str(), one per line.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diags);
  std::vector<Diagnostic> diagnostics;
};

/// Loads and validates a scenario file; `extends:` is resolved relative to the file. Throws ScenarioError.
Scenario load_scenario_file(const std::string& path);
/// Loads scenario text; `name` is the file name used in diagnostics, `base_dir` resolves `extends:`.
Scenario load_scenario_text(const std::string& yaml, const std::string& name, const std::string& base_dir);
/// The scenario compiled into the binary (scenarios/sotenas.yaml).
Scenario load_default_scenario();
/// A stable hex digest (FNV-1a 64) of Scenario::text: equal for equal effective scenarios on every platform.
std::string scenario_hash(const Scenario& scenario);

}  // namespace vaxel::model
