// `vaxel check FILE...`: each scenario's targets against their CIs, optional regression check against a
// baseline, exit status 0 / 1 / 2 and a JUnit XML report for CI.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_check_command(CLI::App& root);
}  // namespace vaxel::cli
