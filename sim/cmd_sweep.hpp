// `vaxel sweep FILE --set key=values ...`: the grid of scenarios with common random numbers; a table, CSV, JSON.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_sweep_command(CLI::App& root);
}  // namespace vaxel::cli
