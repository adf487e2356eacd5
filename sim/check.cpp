// Target verdicts, the pass rule, and the JUnit XML and JSON reports of `vaxel check`.
#include "sim/check.hpp"

#include <fmt/format.h>

#include "sim/metrics.hpp"
#include "sim/report.hpp"

namespace vaxel::sim {

bool target_passes(Verdict v, bool strict) {
  switch (v) {
    case Verdict::Met:
      return true;
    case Verdict::Missed:
      return false;
    case Verdict::Inconclusive:
    case Verdict::NoData:
      return !strict;
  }
  return false;
}

CheckSummary summarise(const std::vector<CheckedScenario>& checked, bool strict) {
  CheckSummary s;
  for (const CheckedScenario& c : checked) {
    if (c.judge_targets)
      for (const TargetResult& t : c.result.targets) {
        ++s.targets;
        if (t.verdict == Verdict::Met)
          ++s.met;
        else if (t.verdict == Verdict::Missed)
          ++s.missed;
        else
          ++s.inconclusive;
        if (!target_passes(t.verdict, strict)) s.passed = false;
      }
    for (const BaselineFinding& f : c.baseline) {
      s.worse += f.worse ? 1 : 0;
      s.better += f.better ? 1 : 0;
      if (f.worse) s.passed = false;
    }
  }
  return s;
}

std::string describe(const model::Target& t) {
  return fmt::format("{} {} {}", t.kpi, t.op == model::Comparison::AtLeast ? ">=" : "<=", format_value(t.kpi, t.value));
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += ' ';
        else
          out += c;
    }
  }
  return out;
}

namespace {
std::string finding_text(const BaselineFinding& f) {
  return fmt::format("{} now {}, baseline {}, change {}{}", f.kpi, format_estimate(f.kpi, f.now),
                     format_estimate(f.kpi, f.baseline), format_difference(f.kpi, f.change),
                     f.change.paired ? " (paired)" : " (Welch)");
}
}  // namespace

std::string junit_xml(const std::vector<CheckedScenario>& checked, bool strict) {
  std::string suites;
  int tests = 0;
  int failures = 0;
  int skipped = 0;
  for (const CheckedScenario& c : checked) {
    std::string cases;
    int s_tests = 0;
    int s_failures = 0;
    int s_skipped = 0;
    const std::string cls = xml_escape(c.result.scenario);
    if (c.judge_targets)
      for (const TargetResult& t : c.result.targets) {
        ++s_tests;
        const std::string detail =
            fmt::format("{}: {} (95 % CI)", to_string(t.verdict), format_estimate(t.target.kpi, t.estimate));
        cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", cls, xml_escape(describe(t.target)));
        if (!target_passes(t.verdict, strict)) {
          ++s_failures;
          cases += fmt::format(">\n      <failure type=\"{}\" message=\"{}\"/>\n    </testcase>\n",
                               xml_escape(to_string(t.verdict)), xml_escape(detail));
        } else if (t.verdict != Verdict::Met) {
          ++s_skipped;
          cases += fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml_escape(detail));
        } else {
          cases += fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n", xml_escape(detail));
        }
      }
    for (const BaselineFinding& f : c.baseline) {
      ++s_tests;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", cls,
                           xml_escape("not worse than baseline: " + f.kpi));
      if (f.worse) {
        ++s_failures;
        cases += fmt::format(">\n      <failure type=\"worse than baseline\" message=\"{}\"/>\n    </testcase>\n",
                             xml_escape(finding_text(f)));
      } else {
        cases += fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n", xml_escape(finding_text(f)));
      }
    }
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}"
        "  </testsuite>\n",
        cls, s_tests, s_failures, s_skipped, cases);
    tests += s_tests;
    failures += s_failures;
    skipped += s_skipped;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"vaxel check\" tests=\"{}\" failures=\"{}\" "
      "errors=\"0\" skipped=\"{}\">\n{}</testsuites>\n",
      tests, failures, skipped, suites);
}

nlohmann::json check_json(const std::vector<CheckedScenario>& checked, bool strict) {
  const CheckSummary s = summarise(checked, strict);
  nlohmann::json j;
  j["passed"] = s.passed;
  j["strict"] = strict;
  j["summary"] = {{"targets", s.targets},           {"met", s.met},     {"missed", s.missed},
                  {"inconclusive", s.inconclusive}, {"worse", s.worse}, {"better", s.better}};
  j["scenarios"] = nlohmann::json::array();
  for (const CheckedScenario& c : checked) {
    nlohmann::json sj;
    sj["name"] = c.result.scenario;
    sj["source"] = c.result.source;
    sj["hash"] = c.result.hash;
    sj["seed"] = c.result.options.seed;
    sj["replications"] = c.result.options.replications;
    sj["days"] = c.result.options.days;
    sj["warmup_days"] = c.result.options.warmup_days;
    sj["targets"] = nlohmann::json::array();
    if (c.judge_targets)
      for (const TargetResult& t : c.result.targets)
        sj["targets"].push_back({{"kpi", t.target.kpi},
                                 {"op", t.target.op == model::Comparison::AtLeast ? ">=" : "<="},
                                 {"value", t.target.value},
                                 {"verdict", to_string(t.verdict)},
                                 {"passed", target_passes(t.verdict, strict)},
                                 {"estimate", estimate_to_json(t.estimate)}});
    if (c.baseline_source) {
      nlohmann::json b;
      b["source"] = *c.baseline_source;
      b["paired"] = c.baseline_paired;
      b["findings"] = nlohmann::json::array();
      for (const BaselineFinding& f : c.baseline)
        b["findings"].push_back({{"kpi", f.kpi},
                                 {"baseline", estimate_to_json(f.baseline)},
                                 {"now", estimate_to_json(f.now)},
                                 {"change", difference_to_json(f.change)},
                                 {"worse", f.worse},
                                 {"better", f.better}});
      sj["baseline"] = b;
    }
    j["scenarios"].push_back(sj);
  }
  return j;
}

}  // namespace vaxel::sim
