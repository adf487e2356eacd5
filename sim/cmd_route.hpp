// `vaxel route`: the live adapter. JSON lines on stdin (calls, call events, presence and switchboard updates),
// the routing core's actions as JSON lines on stdout, one per input line (docs/route-protocol.md).
#pragma once

#include <CLI/CLI.hpp>

namespace vaxel::cli {
void add_route_command(CLI::App& root);
}  // namespace vaxel::cli
