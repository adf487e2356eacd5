// The command line as a new user meets it, through the real binary: `vaxel --help` lists every subcommand on one
// line each, `--version` answers, and an unknown flag or command is named on stderr with exit status 2
// (sim/cli_common.hpp). The examples in each subcommand's help are checked in cli_grammar_test.cpp.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "sim/cli_common.hpp"
#include "vaxel/version.hpp"

namespace {

using vaxel::test::Ran;
using vaxel::test::run;

const std::string kVaxel = VAXEL_BINARY;

/// The subcommands as registered (sim/commands.cpp), so a new one is checked without editing this test.
std::vector<std::string> subcommand_names() {
  CLI::App app;
  vaxel::cli::add_all_commands(app);
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("vaxel --help lists every subcommand on one line with what it is for") {
  const std::vector<std::string> names = subcommand_names();
  REQUIRE(names.size() >= 12);
  const Ran help = run(kVaxel + " --help");
  REQUIRE(help.status == 0);
  const std::vector<std::string> lines = lines_of(help.out);
  std::size_t section = 0;
  while (section < lines.size() && lines[section] != "Subcommands:")
    ++section;
  REQUIRE(section < lines.size());
  // The section is one line per subcommand, in registration order, each with a description after the name.
  REQUIRE(lines.size() >= section + 1 + names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& line = lines[section + 1 + i];
    CAPTURE(line);
    CHECK(line.rfind("  " + names[i] + " ", 0) == 0);
    CHECK(line.find_first_not_of(' ', 2 + names[i].size()) != std::string::npos);
  }
  const std::size_t after = section + 1 + names.size();
  CHECK((after == lines.size() || lines[after].empty()));  // no wrapped second lines, no unlisted extras
}

TEST_CASE("vaxel --version prints the version and exits 0") {
  const Ran v = run(kVaxel + " --version");
  CHECK(v.status == 0);
  CHECK(v.out == std::string("vaxel ") + vaxel::kVersion + "\n");
}

TEST_CASE("an unknown flag or command is named on stderr and exits 2") {
  const Ran flag = run(kVaxel + " --no-such-flag 2>&1 >/dev/null");
  CHECK(flag.status == 2);
  CHECK(flag.out.find("unknown option '--no-such-flag'") != std::string::npos);

  const Ran command = run(kVaxel + " rn 2>&1 >/dev/null");
  CHECK(command.status == 2);
  CHECK(command.out.find("unknown command 'rn'") != std::string::npos);
  CHECK(command.out.find("run, validate") != std::string::npos);

  const Ran sub_flag = run(kVaxel + " validate --no-such-flag scenarios/sotenas.yaml 2>&1 >/dev/null");
  CHECK(sub_flag.status == 2);
  CHECK(sub_flag.out.find("--no-such-flag") != std::string::npos);

  const Ran nothing = run(kVaxel + " 2>&1 >/dev/null");
  CHECK(nothing.status == 2);
  CHECK(nothing.out.find("subcommand is required") != std::string::npos);
}

TEST_CASE("a command that ran and says no exits 1, not the bad-input status 2") {
  // vaxel erlang documents status 1 when no staffing meets the target; main once mapped it to 2 like a typo.
  const Ran no_staffing = run(kVaxel + " erlang --arrivals-per-hour 1e12 --handle-time 180 --staff 2>&1");
  CHECK(no_staffing.status == 1);
  CHECK(no_staffing.out.find("no number of operators") != std::string::npos);
  CHECK(run(kVaxel + " erlang --arrivals-per-hour 200 --handle-time 180 --operators 0 2>/dev/null").status == 2);
}
