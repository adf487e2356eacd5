// `vaxel bench`: simulated calls per wall-clock second and peak memory of the full stack on three reference
// workloads. Figures, not pass/fail: speed is measured here, never in timed tests.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_bench_command(CLI::App& root);
}  // namespace vaxel::cli
