// `vaxel staff FILE`: the least operator staffing per hour of the week that meets the scenario's targets.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_staff_command(CLI::App& root);
}  // namespace vaxel::cli
