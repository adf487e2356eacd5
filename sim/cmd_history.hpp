// `vaxel history`: the runs stored in the results database, newest first.
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_history_command(CLI::App& root);
}  // namespace vaxel::cli
