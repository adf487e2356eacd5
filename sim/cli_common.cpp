// Shared command-line plumbing: parse-error mapping and the program's exit status.
#include "sim/cli_common.hpp"

#include <iostream>

#include "model/scenario_loader.hpp"

namespace vaxel::cli {

namespace {
int g_exit_status = kExitOk;
}

int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  const int cli_status = app.exit(e);  // prints help, version, or "error: ..." with the hint to run --help
  if (cli_status == static_cast<int>(CLI::ExitCodes::Success)) return kExitOk;
  return kExitBadInput;
}

void set_exit_status(int status) {
  g_exit_status = status;
}
int exit_status() {
  return g_exit_status;
}

model::Scenario load_scenario_or_exit(const std::string& path) {
  try {
    return path.empty() ? model::load_default_scenario() : model::load_scenario_file(path);
  } catch (const model::ScenarioError& e) {
    for (const model::Diagnostic& d : e.diagnostics)
      std::cerr << d.str() << "\n";
    throw ExitRequest{kExitBadInput};
  }
}

}  // namespace vaxel::cli
