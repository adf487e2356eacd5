// `vaxel calibrate LOG.csv --org ORG.yaml --out FITTED.yaml`: fit a scenario to a switchboard's call log.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {

void add_calibrate_command(CLI::App& root);

}  // namespace vaxel::cli
