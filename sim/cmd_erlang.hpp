// The `vaxel erlang` subcommand: instant analytic answers (Erlang B/C/A, M/M/c/K+M) and staffing for the
// switchboard, without running the simulator. The main program includes this and registers the command.
#pragma once

namespace CLI {
class App;
}  // namespace CLI

namespace vaxel::cli {

/// Adds the `erlang` subcommand to the root application. Its callback prints the result to stdout. Invalid
/// values or option combinations throw CLI::ValidationError with exit code 2; an unreachable staffing target
/// prints its reason to stderr and throws CLI::RuntimeError with exit code 1 (CLI11 prints nothing more for it),
/// so the usual `catch (const CLI::ParseError& e) { return app.exit(e); }` reports both.
void add_erlang_command(CLI::App& root);

}  // namespace vaxel::cli
