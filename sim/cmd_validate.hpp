// `vaxel validate FILE...`: loads each scenario file and reports every problem as file:line:col, or a one-line
// summary of what the scenario holds.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_validate_command(CLI::App& root);
}  // namespace vaxel::cli
