// The simulator against queueing theory (issue 6, docs/validation.md): for every scenario in
// scenarios/validation, the 99 % confidence interval over replications of each simulated KPI — P(wait), mean
// wait of answered calls, service level, P(abandon), P(blocked), occupancy — must contain the exact value of
// Erlang C, Erlang A, Erlang B or the M/M/c/K+M solver. Plus the shape check that keeps a scenario the formulas
// do not describe out of the comparison.
//
// Strength: every case at its full run length, in every build but the sanitized one, so the numbers are those of
// `vaxel validate-engine` in Release (the simulation is deterministic: a Debug build gives the same digits).
// Under AddressSanitizer, about ten times slower, each family runs only its cheapest case (fewest simulated calls),
// still at full length, so still the same numbers; VAXEL_VALIDATION_ALL=1 runs every case there too. Shortening
// the runs instead would only trade these checks for other, wider ones on other data.
#include <doctest/doctest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "model/scenario_loader.hpp"
#include "sim/cli_common.hpp"
#include "sim/cmd_validate_engine.hpp"
#include "sim/engine_validation.hpp"
#include "sim/workers.hpp"

namespace {

using vaxel::sim::ValidationCase;

const std::string kFolder = std::string(VAXEL_SOURCE_DIR) + "/scenarios/validation";

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

bool every_case() {
  const char* all = std::getenv("VAXEL_VALIDATION_ALL");
  return !kSanitized || (all != nullptr && std::string(all) == "1");
}

// Calls the case simulates per replication: warm-up, measured days and the one-day drain.
double simulated_calls(const vaxel::model::Scenario& s) {
  return s.demand.calls_per_weekday * (s.run.warmup_days + s.run.days + 1);
}

std::string base_name(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

// The validation files whose name starts with `prefix` followed by "-" (mmc-, mmcm-, mmck-, mmckm-).
std::vector<std::string> files_of(const std::string& prefix) {
  std::vector<std::string> out;
  for (const std::string& f : vaxel::sim::validation_files(kFolder))
    if (base_name(f).rfind(prefix + "-", 0) == 0) out.push_back(f);
  return out;
}

void check_family(const std::string& prefix, std::size_t expected_cases) {
  const std::vector<std::string> files = files_of(prefix);
  REQUIRE(files.size() == expected_cases);
  std::vector<vaxel::model::Scenario> cases;
  for (const std::string& f : files)
    cases.push_back(vaxel::model::load_scenario_file(f));
  if (!every_case()) {
    const auto cheapest = std::min_element(cases.begin(), cases.end(), [](const auto& a, const auto& b) {
      return simulated_calls(a) < simulated_calls(b);
    });
    cases = {*cheapest};
  }
  vaxel::sim::ValidationOptions o;
  o.jobs = vaxel::sim::available_cores();
  for (const vaxel::model::Scenario& s : cases) {
    const ValidationCase vc = vaxel::sim::validate_engine_case(s, o);
    // Every case checks all of them, also where theory says 0 (issue 6: P(wait), mean wait, P(abandon),
    // P(blocked) in every validation scenario).
    std::vector<std::string> kpis;
    for (const auto& c : vc.checks)
      kpis.push_back(c.kpi);
    CHECK(kpis == std::vector<std::string>{"waited", "mean_wait_s", "service_level", "abandoned", "busy",
                                           "operator_occupancy"});
    for (const auto& c : vc.checks) {
      INFO(vc.name, " (", vc.model, "): ", c.label, " analytic ", c.analytic, ", simulated ", c.simulated.mean, " ± ",
           c.simulated.half_width, " over ", c.simulated.n, " replications");
      CHECK(c.passed);
      CHECK(c.simulated.n == vc.options.replications);  // every replication had data
    }
  }
}

vaxel::model::Scenario overlay(const std::string& yaml) {
  return vaxel::model::load_scenario_text("extends: mmc-c02-load085.yaml\n" + yaml, "overlay", kFolder);
}

}  // namespace

TEST_CASE("when no replication sees a late call, the exact binomial bound decides, not a zero-width interval") {
  // M/M/30 at load 0.5: P(answered within 20 s) is 0.999997, so 200,000 calls see about 0.6 late ones and
  // often none; the Student-t interval over 20 replications of exactly 1 is [1, 1] and would reject theory.
  const std::vector<double> all_in_time(20, 1.0);
  const auto c = vaxel::sim::compare_with_theory("service_level", "SL", 0.999997, all_in_time, 200000);
  CHECK(c.passed);
  CHECK(c.low() == doctest::Approx(1.0 - 5.3 / 200000).epsilon(0.01));  // 1 - 0.005^(1/n)
  CHECK(c.high() == 1.0);
  // The bound is no blank check: 0.9999 (20 late calls expected in 200,000) is refused.
  CHECK_FALSE(vaxel::sim::compare_with_theory("service_level", "SL", 0.9999, all_in_time, 200000).passed);
  // Nobody waited: P(wait) of 1e-6 fits, 1e-3 does not.
  const std::vector<double> nobody(20, 0.0);
  CHECK(vaxel::sim::compare_with_theory("waited", "P(wait)", 1e-6, nobody, 200000).passed);
  CHECK_FALSE(vaxel::sim::compare_with_theory("waited", "P(wait)", 1e-3, nobody, 200000).passed);
  // Replications that differ keep their t-interval.
  const auto t = vaxel::sim::compare_with_theory("waited", "P(wait)", 0.5, {0.4, 0.5, 0.6}, 3000);
  CHECK(std::isnan(t.exact_bound));
  CHECK(t.low() == t.simulated.low());
}

TEST_CASE("validation scenarios: each file describes the queue its name says") {
  const auto files = vaxel::sim::validation_files(kFolder);
  CHECK(files.size() == 37);
  for (const std::string& f : files) {
    const std::string name = base_name(f);
    INFO(name);
    const vaxel::sim::QueueShape shape = vaxel::sim::queue_shape(vaxel::model::load_scenario_file(f));
    REQUIRE_MESSAGE(shape.model, shape.why_not);
    const auto& m = *shape.model;
    const std::string kind = name.substr(0, name.find('-'));
    const bool patient = std::isinf(m.mean_patience_s);
    CHECK(patient == (kind == "mmc" || kind == "mmck"));
    // "-c06-load095": c operators at that load, with a 60 s handle time.
    const int c = std::stoi(name.substr(name.find("-c") + 2, 2));
    const double load = std::stoi(name.substr(name.find("-load") + 5, 3)) / 100.0;
    CHECK(m.operators == c);
    CHECK(m.traffic.mean_handle_time_s == doctest::Approx(60));
    CHECK(m.traffic.offered_load_erlangs() / c == doctest::Approx(load).epsilon(1e-12));
    const auto theory = vaxel::sim::analytic_metrics(m, 20);
    const bool lines_matter = theory.states == static_cast<std::size_t>(*m.lines) + 1;
    CHECK(lines_matter == (kind == "mmck" || kind == "mmckm"));
  }
}

TEST_CASE("validation: a scenario the formulas do not describe is refused with the reason") {
  CHECK(vaxel::sim::queue_shape(vaxel::model::load_default_scenario()).why_not.find("switchboard.hours") == 0);
  CHECK(vaxel::sim::queue_shape(overlay("demand: {weekday_factor: {sun: 0}}")).why_not ==
        "demand.weekday_factor: sun is 0, not 1");
  CHECK(vaxel::sim::queue_shape(overlay("callers: {redial: {after_busy: {probability: 0.5}}}")).why_not ==
        "callers.redial: every redial probability must be 0");
  CHECK(vaxel::sim::queue_shape(overlay("switchboard: {handle_times: {answer_s: 60}}")).why_not ==
        "switchboard.handle_times.answer_s is not exponential");
  CHECK(vaxel::sim::queue_shape(overlay("callers: {patience_s: 300}")).why_not.find("callers.patience_s") == 0);
  CHECK(vaxel::sim::queue_shape(overlay("switchboard: {hours: {holidays: closed}}")).why_not ==
        "switchboard.hours: holiday hours are not 00:00-24:00");
  // A queue capacity is the other way to bound the calls in the system: K = operators + capacity.
  const auto capped = vaxel::sim::queue_shape(overlay("policy: {queue_capacity: 3}"));
  REQUIRE(capped.model);
  CHECK(*capped.model->lines == 5);
}

TEST_CASE("validation: a missing folder is reported by name") {
  CHECK_THROWS_WITH(vaxel::sim::validation_files("/no/such/folder"), doctest::Contains("/no/such/folder"));
}

TEST_CASE("Erlang C: the simulated M/M/c agrees with theory at loads 0.5, 0.85, 0.95 on 1, 2, 6, 30 operators") {
  check_family("mmc", 12);
}

TEST_CASE("Erlang A: the simulated M/M/c+M agrees with theory at loads 0.5, 0.85, 0.95 on 1, 2, 6, 30 operators") {
  check_family("mmcm", 12);
}

TEST_CASE(
    "Erlang B and M/M/c/K: the simulated trunk blocking agrees with theory at loads 0.5, 0.85, 0.95 on 1, 2, 6, "
    "30 operators") {
  check_family("mmck", 12);
}

TEST_CASE("M/M/c/K+M: trunk lines and patience together agree with theory") {
  check_family("mmckm", 1);
}

TEST_CASE("vaxel validate-engine: a missing folder or a scenario that is not a textbook queue exits with status 2") {
  const auto status_of = [](std::vector<std::string> args) {
    CLI::App app{"vaxel"};
    vaxel::cli::add_validate_engine_command(app);
    args.insert(args.begin(), "validate-engine");
    std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector
    try {
      app.parse(args);
    } catch (const vaxel::cli::ExitRequest& e) {
      return e.status;
    }
    return 0;
  };
  CHECK(status_of({"--folder", "/no/such/folder"}) == vaxel::cli::kExitBadInput);
  CHECK(status_of({std::string(VAXEL_SOURCE_DIR) + "/scenarios/sotenas.yaml"}) == vaxel::cli::kExitBadInput);
}
