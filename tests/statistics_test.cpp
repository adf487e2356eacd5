// Confidence intervals, random streams and worker processes: the machinery every reported KPI rests on.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/random.hpp"
#include "sim/sampling.hpp"
#include "sim/statistics.hpp"
#include "sim/workers.hpp"

using namespace vaxel::sim;

TEST_CASE("Student t quantiles match published tables") {
  CHECK(student_t_quantile(0.975, 1) == doctest::Approx(12.7062).epsilon(1e-5));
  CHECK(student_t_quantile(0.975, 9) == doctest::Approx(2.262157).epsilon(1e-6));
  CHECK(student_t_quantile(0.975, 30) == doctest::Approx(2.042272).epsilon(1e-6));
  CHECK(student_t_quantile(0.995, 9) == doctest::Approx(3.249836).epsilon(1e-6));
  CHECK(student_t_quantile(0.025, 9) == doctest::Approx(-2.262157).epsilon(1e-6));
  CHECK(student_t_quantile(0.975, 1e6) == doctest::Approx(1.959966).epsilon(1e-5));
}

TEST_CASE("95 % confidence intervals cover the true mean about 95 % of the time") {
  // 4,000 intervals from 10 normal draws each; coverage of an exact t interval is Binomial(4000, 0.95),
  // whose 99.99 % range is about [0.935, 0.964].
  Rng rng(7, 0, Source::Arrivals);
  int covered = 0;
  constexpr int kTrials = 4000;
  for (int i = 0; i < kTrials; ++i) {
    std::vector<double> v;
    for (int k = 0; k < 10; ++k)
      v.push_back(3.0 + 2.0 * rng.normal());
    const Estimate e = estimate(v);
    if (e.low() <= 3.0 && 3.0 <= e.high()) ++covered;
  }
  const double coverage = static_cast<double>(covered) / kTrials;
  CHECK(coverage > 0.935);
  CHECK(coverage < 0.964);
}

TEST_CASE("an estimate skips replications without data and has no interval from one value") {
  const double nan = std::nan("");
  const Estimate e = estimate({1.0, nan, 3.0});
  CHECK(e.n == 2);
  CHECK(e.mean == doctest::Approx(2.0));
  CHECK(estimate({5.0}).half_width == 0.0);
  CHECK(std::isnan(estimate({nan}).mean));
}

TEST_CASE("random streams are reproducible and independent per source and index") {
  Rng a(1, 0, Source::Patience, 5);
  Rng b(1, 0, Source::Patience, 5);
  Rng c(1, 0, Source::Patience, 6);
  Rng d(1, 1, Source::Patience, 5);
  const auto first = a.next();
  CHECK(first == b.next());
  CHECK(first != c.next());
  CHECK(first != d.next());
}

TEST_CASE("samplers have the requested means (exponential, lognormal, Poisson)") {
  Rng rng(3, 0, Source::Handling);
  Tally expo;
  Tally logn;
  Tally pois;
  for (int i = 0; i < 200000; ++i) {
    expo.add(rng.exponential(216.0));
    logn.add(sample(vaxel::model::Distribution::lognormal(35.0, 1.0), rng));
    pois.add(static_cast<double>(rng.poisson(12.5)));
  }
  // Standard errors: 216/sqrt(2e5) = 0.48; 35/sqrt(2e5) = 0.078; sqrt(12.5/2e5) = 0.008. Bounds are ~5 SE.
  CHECK(expo.mean() == doctest::Approx(216.0).epsilon(0.012));
  CHECK(logn.mean() == doctest::Approx(35.0).epsilon(0.012));
  CHECK(std::sqrt(logn.variance()) / logn.mean() == doctest::Approx(1.0).epsilon(0.08));
  CHECK(pois.mean() == doctest::Approx(12.5).epsilon(0.004));
  CHECK(pois.variance() == doctest::Approx(12.5).epsilon(0.03));
}

TEST_CASE("the 90th percentile of waits is read from the histogram") {
  WaitHistogram h;
  for (int s = 0; s < 100; ++s)
    h.add(s + 0.5);
  CHECK(h.quantile(0.9) == doctest::Approx(90.0).epsilon(0.01));
  CHECK(std::isnan(WaitHistogram{}.quantile(0.5)));
}

TEST_CASE("worker processes return results in job order whatever the parallelism") {
  auto job = [](int i) { return std::to_string(i * i); };
  const auto one = run_in_workers(7, 1, job);
  const auto three = run_in_workers(7, 3, job);
  CHECK(one == three);
  CHECK(one[6] == "36");
  int calls = 0;
  (void)run_in_workers(4, 2, job, [&](int done, int total) {
    ++calls;
    CHECK(done <= total);
  });
  CHECK(calls == 4);
}

TEST_CASE("a failing worker is reported by number and message") {
  auto job = [](int i) -> std::string {
    if (i == 2) throw std::runtime_error("bad replication");
    return "ok";
  };
  CHECK_THROWS_WITH(run_in_workers(4, 2, job), "worker 2: bad replication");
}
