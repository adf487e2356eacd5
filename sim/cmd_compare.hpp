// `vaxel compare BASE OTHER...`: scenarios (or stored runs) side by side with common random numbers, each KPI
// with its CI and the paired difference against the base, overall or by hour or unit.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_compare_command(CLI::App& root);
}  // namespace vaxel::cli
