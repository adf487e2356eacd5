// Paired and Welch differences, the KPI directions, the baseline judgement and the baseline file format: the
// statistics behind `vaxel compare` and `vaxel check --baseline`.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "model/scenario_loader.hpp"
#include "sim/comparison.hpp"
#include "sim/experiment.hpp"

using namespace vaxel::sim;

namespace {

// A result with only per-replication headline KPIs, as a stored baseline has them.
ExperimentResult result_with(const std::string& kpi, const std::vector<double>& values, std::uint64_t seed = 1) {
  ExperimentResult r;
  r.scenario = "synthetic";
  r.options.seed = seed;
  r.options.replications = static_cast<int>(values.size());
  r.options.days = 7;
  r.options.warmup_days = 2;
  for (double v : values) {
    nlohmann::json rep;
    rep["kpis"][kpi] = std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v);
    r.replications.push_back(rep);
  }
  r.kpis.emplace_back(kpi, estimate(values));
  return r;
}
}  // namespace

TEST_CASE("paired difference: Student-t CI over the per-replication differences") {
  // Differences 0.5, 0.4, 0.6, 0.5: mean 0.5, s = 0.08165, se = 0.040825, t(0.975, 3) = 3.182446.
  const Difference d = paired_difference({1, 2, 3, 4}, {1.5, 2.4, 3.6, 4.5});
  CHECK(d.paired);
  CHECK(d.diff.n == 4);
  CHECK(d.diff.mean == doctest::Approx(0.5));
  CHECK(d.diff.half_width == doctest::Approx(3.182446 * 0.0408248).epsilon(1e-5));
  CHECK(d.significant());
}

TEST_CASE("paired difference: the shared noise cancels, so a small steady gain is significant") {
  // Replications vary by +-10 between themselves; the other scenario is steadily 0.3 better: separate CIs
  // overlap, the paired CI does not contain 0.
  const std::vector<double> base = {50, 60, 40, 55, 45};
  const std::vector<double> other = {50.3, 60.2, 40.4, 55.3, 45.3};
  CHECK(estimate(other).low() < estimate(base).high());
  const Difference d = paired_difference(base, other);
  CHECK(d.diff.mean == doctest::Approx(0.3));
  CHECK(d.significant());
}

TEST_CASE("paired difference: pairs where either side has no data are left out") {
  const Difference d = paired_difference({1, kNaN, 3}, {2, 5, kNaN});
  CHECK(d.diff.n == 1);
  CHECK(d.diff.mean == doctest::Approx(1.0));
  CHECK_FALSE(d.significant());  // one pair gives no interval
  CHECK(std::isnan(paired_difference({kNaN}, {1}).diff.mean));
}

TEST_CASE("paired difference of identical values is exactly zero and not significant") {
  const Difference d = paired_difference({0.71, 0.64, 0.69}, {0.71, 0.64, 0.69});
  CHECK(d.diff.mean == 0.0);
  CHECK(d.diff.half_width == 0.0);
  CHECK_FALSE(d.significant());
}

TEST_CASE("a significant difference narrower than the display precision still shows its digits") {
  // Share KPIs show one decimal of a percentage point; with common random numbers a real change can be 0.04 pp.
  const Difference tiny = paired_difference({0.9000, 0.9100, 0.9200, 0.9300}, {0.9004, 0.9104, 0.9205, 0.9304});
  REQUIRE(tiny.significant());
  CHECK(format_difference("service_level", tiny) == "+0.04 ± 0.01 pp");
  const Difference small = paired_difference({0.90, 0.91, 0.92, 0.93}, {0.9040, 0.9135, 0.9240, 0.9345});
  // A half-width that shows at the KPI's own precision keeps it; so does an exact zero.
  CHECK(format_difference("service_level", small) == "+0.4 ± 0.1 pp");
  const Difference wide = paired_difference({0.90, 0.91, 0.92, 0.93}, {0.92, 0.91, 0.95, 0.94});
  CHECK(format_difference("service_level", wide) == "+1.5 ± 2.1 pp");
  const Difference none = paired_difference({0.90, 0.91}, {0.90, 0.91});
  CHECK(format_difference("service_level", none) == "+0.0 ± 0.0 pp");
}

TEST_CASE("Welch difference: standard errors from the CIs, Welch-Satterthwaite degrees of freedom") {
  // se 1 on each side with n = 10: hw = t(0.975, 9) = 2.262157; difference se sqrt(2), df 18, t = 2.100922.
  const Estimate a{10.0, 2.262157, 10};
  const Estimate b{13.5, 2.262157, 10};
  const Difference d = welch_difference(a, b);
  CHECK_FALSE(d.paired);
  CHECK(d.diff.mean == doctest::Approx(3.5));
  CHECK(d.diff.half_width == doctest::Approx(2.100922 * std::sqrt(2.0)).epsilon(1e-5));
  CHECK(d.significant());
  CHECK_FALSE(welch_difference(a, Estimate{12.0, 2.262157, 10}).significant());
}

TEST_CASE("Welch difference with a single replication on one side concludes nothing") {
  const Difference d = welch_difference(Estimate{1.0, 0.0, 1}, Estimate{5.0, 0.1, 10});
  CHECK(std::isinf(d.diff.half_width));
  CHECK_FALSE(d.significant());
}

TEST_CASE("KPI directions: service level up is better, waits down are better, demand is not judged") {
  CHECK(better_direction("service_level") == +1);
  CHECK(better_direction("one_call_resolution") == +1);
  CHECK(better_direction("abandoned") == -1);
  CHECK(better_direction("mean_wait_s") == -1);
  CHECK(better_direction("errands_per_day") == 0);
  CHECK(better_direction("operator_occupancy") == 0);
  CHECK(better_direction("no_such_kpi") == 0);
}

TEST_CASE("baseline: a significant drop of a higher-is-better KPI is worse, a rise is better") {
  const auto base = result_with("service_level", {0.80, 0.84, 0.78, 0.82, 0.81});
  const auto lower = result_with("service_level", {0.77, 0.80, 0.76, 0.79, 0.78});
  const auto higher = result_with("service_level", {0.82, 0.86, 0.81, 0.84, 0.83});
  REQUIRE(compare_to_baseline(base, lower).size() == 1);
  CHECK(compare_to_baseline(base, lower)[0].worse);
  CHECK(compare_to_baseline(base, lower)[0].change.paired);
  CHECK_FALSE(compare_to_baseline(base, higher)[0].worse);
  CHECK(compare_to_baseline(base, higher)[0].better);
  CHECK_FALSE(compare_to_baseline(base, base)[0].worse);
  CHECK_FALSE(compare_to_baseline(base, base)[0].better);
}

TEST_CASE("baseline: another seed means independent runs, judged by Welch's interval") {
  const auto base = result_with("abandoned", {0.02, 0.03, 0.025, 0.02, 0.03});
  const auto now = result_with("abandoned", {0.06, 0.07, 0.065, 0.06, 0.07}, 2);
  const auto f = compare_to_baseline(base, now);
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].change.paired);
  CHECK(f[0].worse);  // lower is better for abandonment
}

TEST_CASE("baseline file: written and read back with per-replication values, so the comparison is paired") {
  const vaxel::model::Scenario s = vaxel::model::load_default_scenario();
  RunOptions o = options_from(s);
  o.replications = 2;
  o.days = 2;
  o.warmup_days = 1;
  o.progress = false;
  o.jobs = 2;
  const ExperimentResult r = run_experiment(s, o);
  const ExperimentResult back = result_from_json(nlohmann::json::parse(baseline_json(r, s).dump()), "baseline.json");
  CHECK(back.scenario == r.scenario);
  CHECK(back.hash == r.hash);
  CHECK(shares_random_numbers(back, r));
  for (const auto& f : compare_to_baseline(back, r)) {
    CAPTURE(f.kpi);
    CHECK_FALSE(f.worse);
    if (!std::isnan(f.change.diff.mean)) CHECK(f.change.diff.mean == 0.0);
  }
  CHECK_THROWS_WITH_AS(result_from_json(nlohmann::json{{"kpis", {}}}, "x.json"),
                       "x.json: not a vaxel results file (no 'scenario')", std::runtime_error);
}
