// `vaxel run`: simulate a scenario (the built-in default without a file) and print its KPIs with confidence
// intervals and targets.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_run_command(CLI::App& root);
}  // namespace vaxel::cli
