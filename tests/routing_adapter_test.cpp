// The live adapter (docs/route-protocol.md): recorded JSON-line sessions piped through the adapter on streams
// and through the `vaxel route` binary, compared line by line with the expected output; the binary driven live
// through pipes (each answer flushed before end of input); the protocol page's example sessions; and the
// single-line contract: a malformed, out-of-order or out-of-range line gets an error naming its line, and
// processing goes on.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/scenario_loader.hpp"
#include "sim/route_adapter.hpp"
#include "tests/routing_fixture.hpp"

using namespace vaxel::test;

namespace {

std::string route_file(const std::string& name) {
  return std::string(VAXEL_SOURCE_DIR) + "/tests/route/" + name;
}

std::vector<std::string> lines_of(std::istream& in) {
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::vector<std::string> lines_of_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read ", path);
  return lines_of(in);
}

// The test municipality of routing_fixture.hpp, open Monday to Friday 08:00-16:00, offering a callback when the
// expected wait is over 5 minutes.
Scenario test_scenario() {
  Scenario s;
  s.name = "routing test";
  s.directory = test_directory();
  s.switchboard.hours = weekday_schedule({Interval{8 * 60, 16 * 60}});
  s.presence.working_hours = weekday_schedule({Interval{8 * 60, 16 * 60 + 30}});
  s.policy.callback_offer_wait_s = 300.0;
  return s;
}

// Compares line by line, so a failure names the first line that differs. VAXEL_UPDATE_GOLDEN=1 rewrites the
// expected file instead (review the diff before committing it).
void compare_with_golden(const std::vector<std::string>& got, const std::string& expected_path) {
  if (std::getenv("VAXEL_UPDATE_GOLDEN")) {
    std::ofstream out(expected_path);
    for (const std::string& l : got)
      out << l << '\n';
    MESSAGE("rewrote ", expected_path);
    return;
  }
  const std::vector<std::string> expected = lines_of_file(expected_path);
  for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i)
    CHECK_MESSAGE(got[i] == expected[i], "output line ", i + 1, " of ", expected_path);
  CHECK(got.size() == expected.size());
}

// `vaxel route` as a live PBX would drive it: a pipe each way, stdin kept open.
struct LiveRoute {
  pid_t pid = -1;
  int to_child = -1;
  int from_child = -1;
  std::string pending;  // read but not yet returned

  LiveRoute() {
    int in[2];
    int out[2];
    REQUIRE(::pipe(in) == 0);
    REQUIRE(::pipe(out) == 0);
    pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      const int null = ::open("/dev/null", O_WRONLY);
      if (null >= 0) ::dup2(null, 2);
      ::close(in[0]);
      ::close(in[1]);
      ::close(out[0]);
      ::close(out[1]);
      const std::string scenario = std::string(VAXEL_SOURCE_DIR) + "/scenarios/sotenas.yaml";
      ::execl(VAXEL_BINARY, VAXEL_BINARY, "route", "--scenario", scenario.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_child = in[1];
    from_child = out[0];
  }
  LiveRoute(const LiveRoute&) = delete;
  LiveRoute& operator=(const LiveRoute&) = delete;
  ~LiveRoute() {
    close_input();
    if (from_child >= 0) ::close(from_child);
    if (pid > 0 && ::waitpid(pid, nullptr, WNOHANG) == 0) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
    }
  }

  void send(const std::string& line) {
    const std::string text = line + "\n";
    REQUIRE(::write(to_child, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  }
  void close_input() {
    if (to_child >= 0) ::close(to_child);
    to_child = -1;
  }
  /// The next output line, or "" if none came within timeout_ms (a reply stuck in a buffer).
  std::string next_line(int timeout_ms) {
    for (;;) {
      if (auto nl = pending.find('\n'); nl != std::string::npos) {
        std::string line = pending.substr(0, nl);
        pending.erase(0, nl + 1);
        return line;
      }
      pollfd p{from_child, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) return {};
      char buffer[4096];
      const ssize_t n = ::read(from_child, buffer, sizeof buffer);
      if (n <= 0) return {};
      pending.append(buffer, static_cast<std::size_t>(n));
    }
  }
  int exit_status() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

}  // namespace

TEST_CASE("route adapter: a recorded session gives the expected output (T2, T3, M9, T3a, T3c, MO4, T4, M1)") {
  const Scenario scenario = test_scenario();
  vaxel::sim::RouteAdapter adapter(scenario);
  std::ifstream in(route_file("basic.jsonl"));
  REQUIRE(in.good());
  std::stringstream out;
  const int errors = adapter.run(in, out);
  CHECK(errors == 7);  // the session's deliberate mistakes, one per bad line
  compare_with_golden(lines_of(out), route_file("basic.expected.jsonl"));
  CHECK(adapter.calls_in_progress() == 0);
}

TEST_CASE("route adapter: a bad line names its line number and the problem, and the next line still works") {
  vaxel::sim::RouteAdapter adapter(test_scenario());
  const std::string bad = adapter.handle_line("{\"type\":\"call\"", 7);
  CHECK(bad.find("\"line\":7") != std::string::npos);
  CHECK(bad.find("line 7: malformed JSON") != std::string::npos);
  const std::string missing = adapter.handle_line(R"({"type":"call","call":"x","t":"2027-01-11T10:00:00"})", 8);
  CHECK(missing.find("line 8: missing field 'entry'") != std::string::npos);
  const std::string early = adapter.handle_line(R"({"type":"event","call":"x","t":0,"event":"busy"})", 9);
  CHECK(early.find("line 9: no call 'x' in progress") != std::string::npos);
  const std::string good = adapter.handle_line(
      R"({"type":"call","call":"x","t":"2027-01-11T10:00:00","entry":"main","intent":"international"})", 10);
  CHECK(good.find("\"actions\"") != std::string::npos);
  const std::string order =
      adapter.handle_line(R"({"type":"event","call":"x","t":"2027-01-11T10:00:05","event":"busy"})", 11);
  CHECK(order.find("line 11: this event does not fit the call's current phase") != std::string::npos);
  CHECK(adapter.calls_in_progress() == 1);
}

TEST_CASE("route adapter: out-of-range numbers are refused with the line number, not wrapped or overflowed") {
  vaxel::sim::RouteAdapter adapter(test_scenario());
  // 1e308 s overflowed the calendar arithmetic (UBSan); 99999999999 operators wrapped to 1215752191.
  const std::string far =
      adapter.handle_line(R"({"type":"call","call":"x","t":1e308,"entry":"main","intent":"question"})", 3);
  CHECK(far.find("line 3: field 't' is 1e+308 seconds, outside the years 0001-9999") != std::string::npos);
  CHECK(adapter.calls_in_progress() == 0);
  const std::string past = adapter.handle_line(R"({"type":"switchboard","reopens":-1e308})", 4);
  CHECK(past.find("line 4: field 'reopens'") != std::string::npos);
  const std::string back =
      adapter.handle_line(R"({"type":"presence","person":"4101","state":"referral","return":1e300})", 5);
  CHECK(back.find("line 5: field 'return'") != std::string::npos);
  const std::string many = adapter.handle_line(R"({"type":"switchboard","operators_free":99999999999})", 6);
  CHECK(many.find("line 6: field 'operators_free' must be a whole number from 0 to 1000000") != std::string::npos);
  CHECK(adapter.world().operators_free() == 1);  // refused: unchanged
  // A refused switchboard line changes nothing, not even the fields before the bad one.
  const std::string half = adapter.handle_line(R"({"type":"switchboard","open":false,"queue_length":-1})", 9);
  CHECK(half.find("line 9: field 'queue_length'") != std::string::npos);
  CHECK(adapter.world().switchboard_open(monday_10()));
  const std::string wait = adapter.handle_line(R"({"type":"switchboard","expected_wait_s":1e308})", 7);
  CHECK(wait.find("line 7: field 'expected_wait_s'") != std::string::npos);
  // Seconds inside the range still work: 2027-01-11 10:00 local as a number.
  const std::string ok =
      adapter.handle_line(R"({"type":"call","call":"y","t":1799661600,"entry":"main","intent":"international"})", 8);
  CHECK(ok.find("\"actions\"") != std::string::npos);
}

TEST_CASE("vaxel route: the binary answers a recorded session on the default scenario line by line") {
  const std::string out_path =
      (std::filesystem::temp_directory_path() / ("vaxel_route_e2e_" + std::to_string(::getpid()) + ".jsonl")).string();
  const std::string cmd = std::string(VAXEL_BINARY) + " route --scenario " + VAXEL_SOURCE_DIR +
                          "/scenarios/sotenas.yaml < " + route_file("sotenas.jsonl") + " > " + out_path +
                          " 2> /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out_path);
  const std::vector<std::string> got = lines_of(in);
  std::remove(out_path.c_str());
  compare_with_golden(got, route_file("sotenas.expected.jsonl"));

  const std::string bad = std::string(VAXEL_BINARY) + " route --scenario /no/such/file.yaml < /dev/null 2> /dev/null";
  const int status = std::system(bad.c_str());
  CHECK(WEXITSTATUS(status) == 2);
}

TEST_CASE("vaxel route: each answer is flushed while stdin is still open (a live PBX waits for it)") {
  LiveRoute live;
  // Generous timeouts: the binary loads the scenario first, and the machine may be busy. A reply kept in a
  // stdio buffer would only come at end of input, so it would miss them however long they are.
  live.send(R"({"type":"call","call":"q","t":"2027-01-12T09:15:00","entry":"main","intent":"question"})");
  const std::string first = live.next_line(20000);
  CHECK(first.rfind(R"({"line":1,"call":"q","actions":[{"action":"play","message":"greeting")", 0) == 0);
  live.send("not json");  // malformed: answered with the line number, and the session goes on
  const std::string second = live.next_line(5000);
  CHECK(second.rfind(R"({"line":2,"error":"line 2: malformed JSON)", 0) == 0);
  live.send(R"({"type":"event","call":"q","t":"2027-01-12T09:14:00","event":"operator_answered"})");  // back in time
  CHECK(live.next_line(5000) ==
        R"({"line":3,"call":"q","error":"line 3: the event is earlier than the call's previous event"})");
  live.send(R"({"type":"event","call":"q","t":"2027-01-12T09:16:00","event":"operator_answered"})");
  const std::string fourth = live.next_line(5000);
  CHECK(fourth.rfind(R"({"line":4,"call":"q","actions":[{"action":"operator_task","task":"answer"})", 0) == 0);
  CHECK(live.next_line(200).empty());  // exactly one answer per line
  live.close_input();
  CHECK(live.next_line(5000).empty());
  CHECK(live.exit_status() == 0);
}

// The example sessions of docs/route-protocol.md: every fenced block made only of JSON lines, taken in pairs
// (input, then its output), run through the binary on the default scenario as a reader would run them.
TEST_CASE("docs/route-protocol.md: the example sessions are what `vaxel route` prints") {
  const std::vector<std::string> doc = lines_of_file(std::string(VAXEL_SOURCE_DIR) + "/docs/route-protocol.md");
  std::vector<std::vector<std::string>> blocks;
  bool in_block = false;
  for (const std::string& line : doc) {
    if (line.rfind("```", 0) == 0) {
      in_block = !in_block;
      if (in_block) blocks.emplace_back();
      continue;
    }
    if (in_block) blocks.back().push_back(line);
  }
  std::erase_if(blocks, [](const std::vector<std::string>& b) {
    return b.empty() || std::any_of(b.begin(), b.end(), [](const std::string& l) { return l.rfind('{', 0) != 0; });
  });
  REQUIRE(blocks.size() == 4);  // two sessions, each input and output
  for (std::size_t i = 0; i + 1 < blocks.size(); i += 2) {
    const std::string base = (std::filesystem::temp_directory_path() /
                              ("vaxel_route_doc_" + std::to_string(::getpid()) + "_" + std::to_string(i)))
                                 .string();
    {
      std::ofstream in(base + ".in");
      for (const std::string& l : blocks[i])
        in << l << '\n';
    }
    const std::string cmd = std::string(VAXEL_BINARY) + " route --scenario " + VAXEL_SOURCE_DIR +
                            "/scenarios/sotenas.yaml < " + base + ".in > " + base + ".out 2> /dev/null";
    CHECK(std::system(cmd.c_str()) == 0);
    const std::vector<std::string> got = lines_of_file(base + ".out");
    std::remove((base + ".in").c_str());
    std::remove((base + ".out").c_str());
    const std::vector<std::string>& expected = blocks[i + 1];
    CHECK_MESSAGE(got.size() == expected.size(), "example session ", i / 2 + 1);
    for (std::size_t k = 0; k < std::min(got.size(), expected.size()); ++k)
      CHECK_MESSAGE(got[k] == expected[k], "example session ", i / 2 + 1, ", output line ", k + 1);
  }
}

TEST_CASE("T4: the closed message takes its opening hours from the switchboard's schedule, on-call numbers too") {
  const Scenario sotenas = load_scenario_file(std::string(VAXEL_SOURCE_DIR) + "/scenarios/sotenas.yaml");
  vaxel::sim::RouteAdapter adapter(sotenas);
  long line = 0;
  auto closed_text = [&](const std::string& t) {
    const std::string reply = adapter.handle_line(
        R"({"type":"call","call":"c","t":")" + t + R"(","entry":"main","intent":"question"})", ++line);
    const std::string key = R"("message":"closed","text":")";
    const auto at = reply.find(key);
    if (at == std::string::npos) return std::string("(not closed) ") + reply;
    const auto start = at + key.size();
    return reply.substr(start, reply.find('"', start) - start);
  };
  const std::string on_call = " On-call numbers: Socialjouren 0523-664990, VA-jouren 0523-664991.";
  CHECK(closed_text("2027-01-15T17:00:00") ==
        "The switchboard is closed. We open again Monday 18 January at 08:00." + on_call);  // Friday evening
  CHECK(closed_text("2027-01-12T07:00:00") == "The switchboard is closed. We open again today at 08:00." + on_call);
  // The day before Epiphany closes at 13:00 (reduced_day_close), and the holiday stays closed.
  CHECK(closed_text("2027-01-05T14:00:00") ==
        "The switchboard is closed. We open again Thursday 7 January at 08:00." + on_call);
  CHECK(closed_text("2027-01-05T12:59:00").rfind("(not closed)", 0) == 0);
}
