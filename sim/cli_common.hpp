// What every vaxel subcommand shares: how it registers, how it reports bad input (exit status 2) and
// how it sets the program's exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <stdexcept>
#include <string>

namespace vaxel::cli {

/// Exit statuses, the same for every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;    ///< the command ran and says no (a target missed, a check failed)
inline constexpr int kExitBadInput = 2;  ///< bad flag, bad file, bad line: nothing was computed

/// Thrown by a subcommand's callback to end the program with `status` after it printed its own message.
struct ExitRequest {
  int status;
};

/// Registers every subcommand on the root app (sim/commands.cpp).
void add_all_commands(CLI::App& app);

/// Prints CLI11's message (help and version go to stdout) and maps parse errors to kExitBadInput.
int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& e);

/// Sets the status main returns once the callback finished, e.g. kExitFailed when a target was missed.
void set_exit_status(int status);
int exit_status();

}  // namespace vaxel::cli

namespace vaxel::model {
struct Scenario;
}

namespace vaxel::cli {

/// Loads the scenario a command names, or the built-in default when `path` is empty. On a bad file prints
/// every diagnostic to stderr and throws ExitRequest{kExitBadInput}.
[[nodiscard]] model::Scenario load_scenario_or_exit(const std::string& path);

}  // namespace vaxel::cli
