// Tests of the `vaxel erlang` subcommand's option checks: every invalid combination must fail before anything is
// printed, with exit status 2 through the usual app.exit(e), and an unreachable staffing target with status 1.
#include <doctest/doctest.h>

#include "sim/cmd_erlang.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Parses `vaxel erlang <args>` and returns the exit status the main program would return for the error thrown,
// or -1 when nothing was thrown. Stray output of app.exit goes to a string, not the test log.
int exit_status_of(std::vector<std::string> args) {
  CLI::App app{"vaxel"};
  vaxel::cli::add_erlang_command(app);
  args.insert(args.begin(), "erlang");
  std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    return app.exit(e, out, err);
  }
  return -1;
}

const std::vector<std::string> kTraffic{"--arrivals-per-hour", "200", "--handle-time", "180"};

std::vector<std::string> with_traffic(std::vector<std::string> extra) {
  std::vector<std::string> args = kTraffic;
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST_CASE("vaxel erlang: invalid option combinations exit with status 2") {
  CHECK(exit_status_of(with_traffic({})) == 2);                                     // neither --operators nor --staff
  CHECK(exit_status_of(with_traffic({"--operators", "11", "--staff"})) == 2);       // both
  CHECK(exit_status_of(with_traffic({"--operators", "0"})) == 2);                   // no operators
  CHECK(exit_status_of(with_traffic({"--operators", "11", "--lines", "5"})) == 2);  // fewer lines than operators
  CHECK(exit_status_of(with_traffic({"--operators", "3", "--patience", "-10"})) == 2);
  CHECK(exit_status_of(with_traffic({"--operators", "3", "--sl-target", "1.5"})) == 2);
  CHECK(exit_status_of(with_traffic({"--operators", "3", "--sl-seconds", "-1"})) == 2);
  CHECK(exit_status_of(with_traffic({"--operators", "3", "--sl-basis", "everyone"})) == 2);
  CHECK(exit_status_of({"--arrivals-per-hour", "-5", "--handle-time", "180", "--operators", "3"}) == 2);
  CHECK(exit_status_of({"--arrivals-per-hour", "200", "--handle-time", "0", "--operators", "3"}) == 2);
}

TEST_CASE("vaxel erlang: a staffing target that blocking alone breaks exits with status 1") {
  CHECK(exit_status_of({"--arrivals-per-hour", "1200", "--handle-time", "180", "--lines", "22", "--staff",
                        "--sl-target", "0.95"}) == 1);
}
