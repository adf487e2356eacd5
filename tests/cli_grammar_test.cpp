// The command line's one grammar (issue 7), checked on the built binary: every subcommand listed by
// `vaxel --help` has `--help` with an example whose scenario files exist, every command that prints results
// takes --json, results go to stdout and diagnostics to stderr, and `vaxel validate --json` is one JSON document.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "workflow_fixture.hpp"

namespace {

// The subcommand names from the "Subcommands:" block of `vaxel --help`.
std::vector<std::string> subcommands(const std::string& root_help) {
  std::vector<std::string> names;
  std::istringstream in(root_help);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("Subcommands:", 0) == 0) {
      inside = true;
    } else if (inside && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else if (inside && line.empty()) {
      break;
    }
  }
  return names;
}

}  // namespace

TEST_CASE("cli: every subcommand's --help has an example, and the scenario files it names exist") {
  vaxel::test::TempDir dir;
  const auto root = vaxel::test::run_vaxel(dir, "--help");
  REQUIRE(root.status == 0);
  const std::vector<std::string> names = subcommands(root.out);
  REQUIRE(names.size() >= 12);
  // scenarios/... paths an example reads; one it writes (--write, --out, --csv, --junit) need not exist.
  const std::regex path(R"((--write |--out |--csv |--junit )?(scenarios/[A-Za-z0-9_./-]+\.yaml))");
  for (const std::string& name : names) {
    INFO("vaxel ", name, " --help");
    const auto help = vaxel::test::run_vaxel(dir, name + " --help");
    CHECK(help.status == 0);
    CHECK(help.err.empty());
    const std::size_t example = help.out.find("Example");
    REQUIRE(example != std::string::npos);
    CHECK(help.out.find("vaxel " + name, example) != std::string::npos);
    const std::string footer = help.out.substr(example);
    for (auto it = std::sregex_iterator(footer.begin(), footer.end(), path); it != std::sregex_iterator(); ++it) {
      if ((*it)[1].matched) continue;
      const std::string file = (*it)[2];
      INFO(file);
      CHECK(std::filesystem::exists(std::string(VAXEL_SOURCE_DIR) + "/" + file));
    }
  }
}

TEST_CASE("cli: every command that prints results takes --json") {
  vaxel::test::TempDir dir;
  const std::vector<std::string> names = subcommands(vaxel::test::run_vaxel(dir, "--help").out);
  // route already speaks JSON lines both ways (docs/route-protocol.md). calibrate's results are the overlay
  // file it writes plus a text report; it has no JSON form yet (left open, see the audit report of issue 7).
  const std::set<std::string> exempt = {"route", "calibrate"};
  for (const std::string& name : names) {
    if (exempt.count(name) != 0) continue;
    INFO("vaxel ", name, " --help");
    CHECK(vaxel::test::run_vaxel(dir, name + " --help").out.find("--json") != std::string::npos);
  }
}

TEST_CASE("vaxel validate --json: one JSON array on stdout, the diagnostics still on stderr, exit 2 when invalid") {
  vaxel::test::TempDir dir;
  const std::string good = vaxel::test::sotenas_path();
  const std::string bad = dir.file("bad.yaml");
  vaxel::test::write_text(bad, "extends: \"" + good + "\"\nname: bad\npolicy:\n  ring_timeout: 15\n");
  auto r = vaxel::test::run_vaxel(dir, "validate " + good + " --json");
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["valid"] == true);
  CHECK(j[0]["name"] == "sotenas");
  CHECK(j[0]["operators"] == 2);
  CHECK(r.err.empty());

  r = vaxel::test::run_vaxel(dir, "validate " + good + " " + bad + " --json");
  CHECK(r.status == 2);
  j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 2);
  CHECK(j[1]["valid"] == false);
  REQUIRE(j[1]["errors"].size() == 1);
  CHECK(j[1]["errors"][0]["line"] == 4);
  CHECK(j[1]["errors"][0]["message"].get<std::string>().find("ring_timeout") != std::string::npos);
  CHECK(r.err.find("bad.yaml:4:") != std::string::npos);
}

TEST_CASE("cli: results on stdout, progress and notes on stderr") {
  vaxel::test::TempDir dir;
  const std::string file = vaxel::test::write_overlay(dir, "streams", "");
  const auto r = vaxel::test::run_vaxel(dir, "run " + file + " -j 2 --json --db " + dir.file("r.sqlite"));
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out).contains("kpis"));  // stdout is the JSON document and nothing else
  CHECK(r.err.find("stored as run 1") != std::string::npos);
}
