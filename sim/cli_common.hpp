// What every vaxel subcommand shares: how it registers, how it reports bad input (exit status 2), how it sets
// the program's exit status, and the flags that mean the same in every command that simulates (--seed,
// -r/--replications, --days, --warmup, -j/--jobs, --json, -q/--quiet, --db/--no-db).
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

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

namespace vaxel::sim {
struct RunOptions;
struct ExperimentResult;
}  // namespace vaxel::sim

namespace vaxel::cli {

/// The flags every simulating command shares. Unset optionals mean "the scenario's run: section".
struct RunFlags {
  std::optional<std::uint64_t> seed;
  std::optional<int> replications;
  std::optional<int> days;
  std::optional<int> warmup;
  int jobs = 0;  ///< 0 = all cores
  bool json = false;
  bool quiet = false;
  std::string db;  ///< results database; empty = default_db_path()
  bool no_db = false;

  /// True when any of seed, replications, days or warm-up was given on the command line.
  [[nodiscard]] bool overrides_run() const { return seed || replications || days || warmup; }
};

/// Adds --seed, -r/--replications, --days, --warmup and -j/--jobs.
void add_run_flags(CLI::App* cmd, RunFlags& flags);
/// Adds --json and -q/--quiet.
void add_output_flags(CLI::App* cmd, RunFlags& flags);
/// Adds --db PATH and --no-db.
void add_db_flags(CLI::App* cmd, RunFlags& flags);

/// The scenario's run options with the flags applied (jobs 0 = all cores; progress unless --quiet).
[[nodiscard]] sim::RunOptions run_options(const model::Scenario& scenario, const RunFlags& flags);

/// Where results are stored by default: $XDG_DATA_HOME/vaxel/results.sqlite, else
/// ~/.local/share/vaxel/results.sqlite (./vaxel-results.sqlite when neither is set).
[[nodiscard]] std::string default_db_path();

/// The database path these flags select, or "" with --no-db.
[[nodiscard]] std::string db_path(const RunFlags& flags);

/// True when `text` is a stored run id (digits only) rather than a file that exists.
[[nodiscard]] bool looks_like_run_id(const std::string& text);

/// Columns a UTF-8 string takes in a terminal table: its code points (unit names have å, ä, ö; "±" is one
/// column). fmt pads by the same count, so tables sized with this line up.
std::size_t display_width(std::string_view text);

/// How an overlay written to `overlay` names `scenario` in its `extends:`: relative to the overlay's folder (the
/// loader resolves `extends` from there), so the overlay can be run wherever it was written.
std::string extends_path(const std::string& scenario, const std::string& overlay);

/// Appends a finished run to the database the flags select (none with --no-db) and says so on stderr unless
/// --quiet. A database that cannot be written is a warning on stderr, not a failure: the results were printed.
std::optional<std::int64_t> store_run(const RunFlags& flags, const sim::ExperimentResult& result,
                                      const model::Scenario& scenario, const std::string& command);

/// Loads stored run `id` from the flags' database (the default one even with --no-db, since reading it stores
/// nothing), with its scenario. On a missing run or database prints why and throws ExitRequest{kExitBadInput}.
[[nodiscard]] std::pair<sim::ExperimentResult, model::Scenario> load_stored_run_or_exit(const RunFlags& flags,
                                                                                        const std::string& id);

}  // namespace vaxel::cli
