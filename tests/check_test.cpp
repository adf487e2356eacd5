// `vaxel check`: target verdicts against CIs, the pass rule with and without --strict, a well-formed JUnit
// report, and the exit statuses of the real binary (0 pass, 1 fail, 2 bad input).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <regex>
#include <string>
#include <vector>

#include "sim/check.hpp"
#include "sim/experiment.hpp"
#include "workflow_fixture.hpp"

using namespace vaxel::sim;
using vaxel::model::Comparison;
using vaxel::model::Target;

namespace {

// A minimal XML well-formedness check: every tag closes in order, attributes are quoted, no raw '&' or '<' in
// text or attribute values, exactly one root after the declaration. Returns "" or what is wrong.
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  int roots = 0;
  if (xml.rfind("<?xml", 0) == 0) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      static const std::regex entity("^&(amp|lt|gt|quot|apos);");
      if (!std::regex_search(xml.substr(i, 8), entity)) return "raw & at " + std::to_string(i);
      ++i;
      continue;
    }
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) return "unclosed tag";
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.find('<') != std::string::npos) return "'<' inside a tag: " + tag;
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "mismatched </" + tag.substr(1) + ">";
      open.pop_back();
      continue;
    }
    const bool self_closing = tag.back() == '/';
    if (self_closing) tag.pop_back();
    const std::string name = tag.substr(0, tag.find(' '));
    // attributes: name="value" pairs, values without raw quotes
    static const std::regex attrs(R"(^[A-Za-z_][\w-]*(\s+[A-Za-z_][\w-]*="[^"<]*")*\s*$)");
    if (!std::regex_match(tag, attrs)) return "bad attributes in <" + tag + ">";
    if (open.empty()) ++roots;
    if (!self_closing) open.push_back(name);
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return "expected one root element";
  return "";
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1))
    ++n;
  return n;
}

TargetResult target(const std::string& kpi, Comparison op, double value, Estimate e) {
  TargetResult t;
  t.target = Target{kpi, op, value};
  t.estimate = e;
  t.verdict = judge(t.target, e);
  return t;
}

}  // namespace

TEST_CASE("verdicts: met when the whole CI is on the right side, missed when wholly wrong, else inconclusive") {
  const Target at_least{"service_level", Comparison::AtLeast, 0.80};
  CHECK(judge(at_least, Estimate{0.84, 0.02, 10}) == Verdict::Met);
  CHECK(judge(at_least, Estimate{0.74, 0.03, 10}) == Verdict::Missed);
  CHECK(judge(at_least, Estimate{0.81, 0.02, 10}) == Verdict::Inconclusive);
  CHECK(judge(at_least, Estimate{0.79, 0.02, 10}) == Verdict::Inconclusive);
  const Target at_most{"abandoned", Comparison::AtMost, 0.05};
  CHECK(judge(at_most, Estimate{0.03, 0.01, 10}) == Verdict::Met);
  CHECK(judge(at_most, Estimate{0.07, 0.01, 10}) == Verdict::Missed);
  CHECK(judge(at_most, Estimate{0.045, 0.01, 10}) == Verdict::Inconclusive);
  CHECK(judge(at_most, Estimate{0.0, 0.0, 0}) == Verdict::NoData);
}

TEST_CASE("check passes: inconclusive passes unless --strict; missed always fails; a worse KPI fails") {
  CHECK(target_passes(Verdict::Met, true));
  CHECK(target_passes(Verdict::Inconclusive, false));
  CHECK_FALSE(target_passes(Verdict::Inconclusive, true));
  CHECK_FALSE(target_passes(Verdict::NoData, true));
  CHECK_FALSE(target_passes(Verdict::Missed, false));

  CheckedScenario c;
  c.result.scenario = "s";
  c.result.targets = {target("service_level", Comparison::AtLeast, 0.8, {0.85, 0.02, 10}),
                      target("abandoned", Comparison::AtMost, 0.05, {0.045, 0.01, 10})};
  CHECK(summarise({c}, false).passed);
  CHECK_FALSE(summarise({c}, true).passed);
  CHECK(summarise({c}, true).inconclusive == 1);
  c.judge_targets = false;  // --no-targets: only the baseline decides
  CHECK(summarise({c}, true).passed);
  BaselineFinding worse;
  worse.kpi = "abandoned";
  worse.worse = true;
  c.baseline = {worse};
  CHECK_FALSE(summarise({c}, false).passed);
  CHECK(summarise({c}, false).worse == 1);
}

TEST_CASE("JUnit XML is well-formed, escapes names, and has one testcase per scenario and target") {
  CheckedScenario a;
  a.result.scenario = "Bygglov <&> \"telefontid\" 'test'";
  a.result.targets = {target("service_level", Comparison::AtLeast, 0.8, {0.85, 0.02, 10}),
                      target("abandoned", Comparison::AtMost, 0.05, {0.07, 0.01, 10}),
                      target("one_call_resolution", Comparison::AtLeast, 0.5, {0.51, 0.02, 10})};
  CheckedScenario b;
  b.result.scenario = "second";
  b.result.targets = {target("service_level", Comparison::AtLeast, 0.8, {0.70, 0.02, 10})};
  BaselineFinding f;
  f.kpi = "mean_wait_s";
  f.worse = true;
  b.baseline = {f};
  b.baseline_source = "tests/baselines/second.json";

  const std::string xml = junit_xml({a, b}, false);
  CAPTURE(xml);
  CHECK(xml_problem(xml) == "");
  CHECK(count(xml, "<testsuite ") == 2);
  CHECK(count(xml, "<testcase ") == 5);  // 3 + 1 targets, 1 baseline KPI
  CHECK(count(xml, "<failure ") == 3);   // abandoned missed, second's target missed, mean wait worse
  CHECK(count(xml, "<skipped ") == 1);   // inconclusive, not strict
  CHECK(xml.find("Bygglov &lt;&amp;&gt; &quot;telefontid&quot; &apos;test&apos;") != std::string::npos);
  CHECK(xml.find("tests=\"5\" failures=\"3\"") != std::string::npos);

  const std::string strict = junit_xml({a, b}, true);
  CHECK(xml_problem(strict) == "");
  CHECK(count(strict, "<failure ") == 4);
  CHECK(count(strict, "<skipped ") == 0);
}

TEST_CASE("vaxel check exit status: 0 all met, 1 a target missed, 2 bad input; --junit and --json agree") {
  vaxel::test::TempDir dir;
  const std::string ok = vaxel::test::write_overlay(dir, "easy", "targets: [unanswered <= 1.0, busy <= 1.0]\n");
  const std::string missed = vaxel::test::write_overlay(dir, "impossible", "targets: [service_level >= 1.0]\n");
  const std::string common = " -q --no-db -j 2";

  auto r = vaxel::test::run_vaxel(dir, "check " + ok + common);
  CHECK(r.status == 0);
  CHECK(r.out.find("PASS") != std::string::npos);

  r = vaxel::test::run_vaxel(dir, "check " + ok + " " + missed + common + " --junit " + dir.file("j.xml") + " --json");
  CHECK(r.status == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["passed"] == false);
  CHECK(j["scenarios"][1]["targets"][0]["verdict"] == "missed");
  const std::string xml = vaxel::test::read_text(dir.file("j.xml"));
  CHECK(xml_problem(xml) == "");
  CHECK(count(xml, "<testcase ") == 3);

  CHECK(vaxel::test::run_vaxel(dir, "check " + dir.file("nope.yaml") + common).status == 2);
  CHECK(vaxel::test::run_vaxel(dir, "check " + ok + common + " --replications 0").status == 2);
  r = vaxel::test::run_vaxel(dir, "check " + ok + common + " --baseline " + dir.file("missing.json"));
  CHECK(r.status == 2);
  CHECK(r.err.find("missing.json") != std::string::npos);
}

TEST_CASE("vaxel check --strict fails an inconclusive target that passes without it") {
  vaxel::test::TempDir dir;
  const std::string common = " -q --no-db -j 2 --json";
  // Put the target at the measured mean: its CI straddles it, so the verdict is inconclusive.
  const std::string probe = vaxel::test::write_overlay(dir, "probe", "targets: [service_level >= 0.5]\n");
  auto r = vaxel::test::run_vaxel(dir, "check " + probe + common);
  REQUIRE(r.status != 2);
  const double mean = nlohmann::json::parse(r.out)["scenarios"][0]["targets"][0]["estimate"]["mean"].get<double>();
  const std::string at_mean =
      vaxel::test::write_overlay(dir, "at-mean", "targets: [service_level >= " + std::to_string(mean) + "]\n");
  r = vaxel::test::run_vaxel(dir, "check " + at_mean + common);
  CHECK(nlohmann::json::parse(r.out)["scenarios"][0]["targets"][0]["verdict"] == "inconclusive");
  CHECK(r.status == 0);
  CHECK(vaxel::test::run_vaxel(dir, "check " + at_mean + common + " --strict").status == 1);
}

TEST_CASE("vaxel check --baseline: unchanged scenario passes, a worse one fails, and the update is explicit") {
  vaxel::test::TempDir dir;
  const std::string common = " -q --no-db -j 2 --no-targets";
  const std::string two = vaxel::test::write_overlay(dir, "staffing", "");
  const std::string base_dir = dir.file("baselines");
  std::filesystem::create_directories(base_dir);
  REQUIRE(
      vaxel::test::run_vaxel(dir, "check " + two + common + " --baseline " + base_dir + " --update-baseline").status ==
      0);
  CHECK(std::filesystem::exists(base_dir + "/staffing.json"));
  auto r = vaxel::test::run_vaxel(dir, "check " + two + common + " --baseline " + base_dir);
  CHECK(r.status == 0);
  CHECK(r.out.find("paired") != std::string::npos);

  // The same scenario name with one operator only: the queue KPIs get significantly worse.
  vaxel::test::write_text(two, vaxel::test::read_text(two) +
                                   "switchboard:\n  operators:\n    - name: Solo\n"
                                   "      shift: {weekly: {mon-fri: [\"08:00-16:00\"]}}\n");
  r = vaxel::test::run_vaxel(dir, "check " + two + common + " --baseline " + base_dir);
  CHECK(r.status == 1);
  CHECK(r.out.find("WORSE") != std::string::npos);
}
