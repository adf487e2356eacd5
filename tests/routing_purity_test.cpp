// The routing core's promise (design.md, issue 4): no clock, no randomness, no I/O, no SimGrid, so the same
// inputs give the same actions in the simulator, the live adapter and the tests. The determinism test checks
// the behaviour; this one keeps the door shut: the sources of model/routing and every project header they pull
// in, transitively, include none of the headers that would bring a clock, a random source, a file or a stream.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kForbiddenHeaders = {
    "<chrono>",   "<ctime>",   "<time.h>",  "<sys/time.h>", "<random>", "<cstdlib>",  "<stdlib.h>",
    "<iostream>", "<istream>", "<ostream>", "<fstream>",    "<cstdio>", "<stdio.h>",  "<filesystem>",
    "<unistd.h>", "<thread>",  "<simgrid/", "<imgui",       "<GLFW/",   "<sqlite3.h>"};
// Calls that would do the same without a header of their own (a stray transitive include).
const std::vector<std::string> kForbiddenCalls = {"std::rand", "srand(",     "time(nullptr)", "std::cout", "std::cerr",
                                                  "printf(",   "fmt::print", "getenv(",       "fopen("};

std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The routing sources and the project headers they include, followed to the end.
std::set<fs::path> routing_closure(const fs::path& root) {
  std::vector<fs::path> todo;
  for (const auto& f : fs::directory_iterator(root / "model/routing"))
    todo.push_back(f.path());
  std::set<fs::path> seen;
  while (!todo.empty()) {
    const fs::path p = todo.back();
    todo.pop_back();
    if (!seen.insert(p).second) continue;
    std::ifstream in(p);
    for (std::string line; std::getline(in, line);) {
      const auto at = line.find("#include \"");
      if (at == std::string::npos) continue;
      const auto start = at + 10;
      const fs::path header = root / line.substr(start, line.find('"', start) - start);
      if (fs::exists(header)) todo.push_back(header);
    }
  }
  return seen;
}

}  // namespace

TEST_CASE("routing core: no clock, no randomness, no I/O and no SimGrid in model/routing or what it includes") {
  const fs::path root(VAXEL_SOURCE_DIR);
  const std::set<fs::path> files = routing_closure(root);
  REQUIRE(files.size() > 20);  // model/routing itself plus ids, time, directory, presence, policy, scenario ...
  CHECK(files.count(root / "model/policy.hpp") == 1);
  for (const fs::path& f : files) {
    const std::string text = read_all(f);
    for (const std::string& h : kForbiddenHeaders)
      CHECK_MESSAGE(text.find("#include " + h) == std::string::npos, f.string(), " includes ", h);
    if (f.parent_path().filename() != "routing") continue;
    for (const std::string& c : kForbiddenCalls)
      CHECK_MESSAGE(text.find(c) == std::string::npos, f.string(), " calls ", c);
  }
}
