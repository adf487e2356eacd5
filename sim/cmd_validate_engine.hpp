// `vaxel validate-engine [FILE...]`: runs the engine validation scenarios (scenarios/validation) and prints, per
// case, each KPI's analytic value next to the simulated mean and its 99 % confidence interval, and whether the
// interval contains the analytic value (docs/validation.md).
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_validate_engine_command(CLI::App& root);
}  // namespace vaxel::cli
