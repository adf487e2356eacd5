// Tests of the analytic queueing formulas (sim/erlang.hpp): published Erlang B table values, exact small cases,
// independent long-double direct summation as the reference elsewhere, the general birth-death solver against the
// closed forms and against a dense Eigen solve, the Erlang A limits, the waiting-time distribution against a
// hand-worked hypoexponential, and the staffing search.
#include <doctest/doctest.h>

#include "sim/erlang.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

using namespace vaxel::analytic;

namespace {

// Reference Erlang B by direct summation, B = (A^N / N!) / sum_k A^k / k!, in long double log space: a different
// method from the recursion under test.
double direct_erlang_b(int n, long double a) {
  std::vector<long double> log_terms;
  long double hi = -INFINITY;
  for (int k = 0; k <= n; ++k) {
    log_terms.push_back(k * std::log(a) - std::lgamma(static_cast<long double>(k) + 1));
    hi = std::max(hi, log_terms.back());
  }
  long double sum = 0;
  for (long double t : log_terms)
    sum += std::exp(t - hi);
  return static_cast<double>(std::exp(log_terms.back() - hi) / sum);
}

// Reference Erlang C by direct summation: P(wait) = X / (sum_{k<N} A^k/k! + X), X = A^N/N! * N/(N-A).
double direct_erlang_c(int n, long double a) {
  std::vector<long double> log_terms;
  long double hi = -INFINITY;
  for (int k = 0; k < n; ++k) {
    log_terms.push_back(k * std::log(a) - std::lgamma(static_cast<long double>(k) + 1));
    hi = std::max(hi, log_terms.back());
  }
  const long double log_x = n * std::log(a) - std::lgamma(static_cast<long double>(n) + 1) + std::log(n / (n - a));
  hi = std::max(hi, log_x);
  long double sum = std::exp(log_x - hi);
  for (long double t : log_terms)
    sum += std::exp(t - hi);
  return static_cast<double>(std::exp(log_x - hi) / sum);
}

// Hypoexponential CDF by partial fractions; only for well-separated rates, where it does not cancel.
double hypoexponential_cdf(const std::vector<long double>& rates, long double t) {
  long double survival = 0;
  for (std::size_t i = 0; i < rates.size(); ++i) {
    long double coefficient = 1;
    for (std::size_t k = 0; k < rates.size(); ++k) {
      if (k != i) coefficient *= rates[k] / (rates[k] - rates[i]);
    }
    survival += coefficient * std::exp(-rates[i] * t);
  }
  return static_cast<double>(1 - survival);
}

Traffic load_of(double erlangs, double handle_s = 180) {
  return Traffic{erlangs / handle_s, handle_s};
}

void check_same_metrics(const QueueMetrics& a, const QueueMetrics& b, double eps) {
  CHECK(a.stable == b.stable);
  CHECK(a.p_blocked == doctest::Approx(b.p_blocked).epsilon(eps));
  CHECK(a.p_wait == doctest::Approx(b.p_wait).epsilon(eps));
  CHECK(a.p_abandon == doctest::Approx(b.p_abandon).epsilon(eps));
  CHECK(a.p_answered == doctest::Approx(b.p_answered).epsilon(eps));
  CHECK(a.mean_wait_s == doctest::Approx(b.mean_wait_s).epsilon(eps));
  CHECK(a.mean_wait_answered_s == doctest::Approx(b.mean_wait_answered_s).epsilon(eps));
  CHECK(a.mean_queue_length == doctest::Approx(b.mean_queue_length).epsilon(eps));
  CHECK(a.occupancy == doctest::Approx(b.occupancy).epsilon(eps));
  CHECK(a.service_level_offered == doctest::Approx(b.service_level_offered).epsilon(eps));
  CHECK(a.service_level_accepted == doctest::Approx(b.service_level_accepted).epsilon(eps));
  CHECK(a.service_level_answered == doctest::Approx(b.service_level_answered).epsilon(eps));
}

}  // namespace

TEST_CASE("Erlang B: 10 lines at 10 erlangs blocks 0.2146 of calls as in published tables") {
  CHECK(erlang_b(10, 10.0) == doctest::Approx(0.2146).epsilon(2e-4));
}

TEST_CASE("Erlang B: published 1 % and 2 % grade-of-service capacities give that blocking") {
  // Standard Erlang B table: lines, erlangs carried at the grade, the grade.
  struct Row {
    int lines;
    double erlangs;
    double grade;
  };
  for (const Row row : {Row{5, 1.3608, 0.01}, Row{10, 4.4612, 0.01}, Row{20, 12.031, 0.01}, Row{100, 84.064, 0.01},
                        Row{10, 5.0840, 0.02}}) {
    CAPTURE(row.lines);
    CHECK(erlang_b(row.lines, row.erlangs) == doctest::Approx(row.grade).epsilon(1e-3));
  }
}

TEST_CASE("Erlang B: recursion matches long-double direct summation for up to 30 lines") {
  for (int n = 1; n <= 30; ++n) {
    for (double a : {0.1, 1.0, 2.5, 7.0, 19.0, 45.0}) {
      CAPTURE(n);
      CAPTURE(a);
      CHECK(erlang_b(n, a) == doctest::Approx(direct_erlang_b(n, a)).epsilon(1e-12));
    }
  }
}

TEST_CASE("Erlang B: no lines loses every call, no load loses none, bad inputs are rejected") {
  CHECK(erlang_b(0, 3.0) == 1.0);
  CHECK(erlang_b(5, 0.0) == 0.0);
  CHECK(erlang_b(1, 1.0) == doctest::Approx(0.5));
  CHECK(erlang_b(3, 1.0) == doctest::Approx(0.0625));  // (1/6) / (1 + 1 + 1/2 + 1/6)
  CHECK_THROWS_AS(erlang_b(-1, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(3, -0.5), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(3, NAN), std::invalid_argument);
}

TEST_CASE("Erlang C: exact small cases (M/M/1 waits with probability rho, M/M/2 and M/M/3)") {
  CHECK(erlang_c_wait_probability(1, 0.7) == doctest::Approx(0.7));
  CHECK(erlang_c_wait_probability(2, 1.0) == doctest::Approx(1.0 / 3));  // 2 rho^2 / (1 + rho), rho = 1/2
  CHECK(erlang_c_wait_probability(3, 2.0) == doctest::Approx(4.0 / 9));
}

TEST_CASE("Erlang C: 10 operators at 8 erlangs wait probability matches table") {
  CHECK(erlang_c_wait_probability(10, 8.0) == doctest::Approx(0.4092).epsilon(2e-4));
  for (int n : {2, 5, 10, 25, 60}) {
    for (double fraction : {0.3, 0.7, 0.95}) {
      CAPTURE(n);
      CAPTURE(fraction);
      CHECK(erlang_c_wait_probability(n, n * fraction) ==
            doctest::Approx(direct_erlang_c(n, n * static_cast<long double>(fraction))).epsilon(1e-11));
    }
  }
}

namespace {

// x rounded to `digits` significant figures, as tables print it.
double significant(double x, int digits) {
  const double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(std::abs(x))));
  return std::round(x * scale) / scale;
}

// The load [erlangs] at which `lines` lines block exactly `grade` of the calls: what an Erlang B table lists.
// Bisection, since B grows with the load.
double erlang_b_capacity(int lines, double grade) {
  double low = 0, high = 3.0 * lines + 10;
  for (int i = 0; i < 200; ++i) {
    const double mid = (low + high) / 2;
    (erlang_b(lines, mid) < grade ? low : high) = mid;
  }
  return (low + high) / 2;
}

}  // namespace

TEST_CASE("Erlang B: the published table of erlangs per grade of service, to 4 significant figures") {
  // The standard Erlang B table (lines x blocking probability -> offered erlangs), as printed to 4 significant
  // figures; recomputed independently in 50-digit arithmetic before being written here.
  struct Row {
    int lines;
    double grade;
    double erlangs;
  };
  for (const Row row : {Row{1, 0.01, 0.01010}, Row{2, 0.01, 0.1526},   Row{5, 0.01, 1.361},   Row{10, 0.01, 4.461},
                        Row{20, 0.01, 12.03},  Row{30, 0.01, 20.34},   Row{50, 0.01, 37.90},  Row{100, 0.01, 84.06},
                        Row{10, 0.001, 3.092}, Row{100, 0.001, 75.24}, Row{10, 0.005, 3.961}, Row{10, 0.02, 5.084},
                        Row{20, 0.02, 13.18},  Row{50, 0.02, 40.26},   Row{100, 0.02, 87.97}, Row{10, 0.05, 6.216},
                        Row{30, 0.05, 24.80},  Row{100, 0.05, 95.24},  Row{5, 0.1, 2.881},    Row{10, 0.1, 7.511}}) {
    CAPTURE(row.lines);
    CAPTURE(row.grade);
    CHECK(significant(erlang_b_capacity(row.lines, row.grade), 4) == doctest::Approx(row.erlangs).epsilon(1e-12));
  }
  // And the blocking itself, as tables of B(N, A) print it.
  CHECK(significant(erlang_b(10, 10.0), 4) == doctest::Approx(0.2146).epsilon(1e-12));
  CHECK(significant(erlang_b(1000, 999.0), 4) == doctest::Approx(0.02420).epsilon(1e-12));
}

TEST_CASE("Erlang C: published probabilities of waiting, to 4 significant figures") {
  // P(wait) as Erlang C tables print it (e.g. the call-centre example of 10 erlangs on 11-15 agents);
  // recomputed independently in 50-digit arithmetic before being written here.
  struct Row {
    int operators;
    double erlangs;
    double p_wait;
  };
  for (const Row row :
       {Row{2, 1, 0.3333}, Row{5, 4, 0.5541}, Row{10, 8, 0.4092}, Row{11, 10, 0.6821}, Row{12, 10, 0.4494},
        Row{13, 10, 0.2853}, Row{14, 10, 0.1741}, Row{15, 10, 0.1020}, Row{20, 15, 0.1604}, Row{50, 45, 0.3639},
        Row{100, 90, 0.2169}, Row{1000, 990, 0.6591}, Row{1000, 999, 0.9612}}) {
    CAPTURE(row.operators);
    CAPTURE(row.erlangs);
    CHECK(significant(erlang_c_wait_probability(row.operators, row.erlangs), 4) ==
          doctest::Approx(row.p_wait).epsilon(1e-12));
    CHECK(significant(erlang_c(row.operators, load_of(row.erlangs), 20).p_wait, 4) ==
          doctest::Approx(row.p_wait).epsilon(1e-12));
  }
}

TEST_CASE("Stability: 1000 operators at load 0.999 match 50-digit reference values, with and without lines") {
  // References computed with 50-digit decimal arithmetic (recursion for B, C = B / (1 - rho (1 - B))).
  CHECK(erlang_b(1000, 999.0) == doctest::Approx(0.024199178595561824).epsilon(1e-10));
  CHECK(erlang_c_wait_probability(1000, 999.0) == doctest::Approx(0.9612392604084191).epsilon(1e-10));
  const QueueMetrics c = erlang_c(1000, load_of(999), 20);
  REQUIRE(c.stable);
  CHECK(c.mean_wait_s == doctest::Approx(0.9612392604084191 * 180 / (1000 - 999)).epsilon(1e-10));
  // The general solver at the same point: Erlang B when lines = operators, Erlang C with unlimited lines.
  QueueModel lost{1000, load_of(999)};
  lost.lines = 1000;
  CHECK(solve_queue(lost, 20).p_blocked == doctest::Approx(0.024199178595561824).epsilon(1e-10));
  check_same_metrics(solve_queue(QueueModel{1000, load_of(999)}, 20), c, 1e-8);
  // With lines and patience together every number is finite and the flows balance.
  QueueModel both{1000, load_of(999), 200};
  both.lines = 1200;
  const QueueMetrics m = solve_queue(both, 20);
  CHECK(std::isfinite(m.mean_wait_s));
  CHECK(m.p_blocked + m.p_abandon + m.p_answered == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("Erlang C: waits, queue and service level follow from the wait probability") {
  // 200 calls an hour, 3 min handle time: 10 erlangs on 11 operators.
  const Traffic t = Traffic::per_hour(200, 180);
  CHECK(t.offered_load_erlangs() == doctest::Approx(10.0));
  const QueueMetrics m = erlang_c(11, t, 20);
  CHECK(m.p_wait == doctest::Approx(0.6821).epsilon(2e-4));
  CHECK(m.mean_wait_s == doctest::Approx(m.p_wait * 180 / (11 - 10)));
  CHECK(m.mean_queue_length == doctest::Approx(t.arrivals_per_second * m.mean_wait_s));  // Little
  CHECK(m.occupancy == doctest::Approx(10.0 / 11));
  CHECK(m.service_level_offered == doctest::Approx(1 - m.p_wait * std::exp(-(11 - 10) * 20.0 / 180)));
  CHECK(m.p_abandon == 0);
  CHECK(m.p_blocked == 0);
}

TEST_CASE("Erlang C: load at or above capacity is reported unstable with infinite waits") {
  for (const QueueMetrics& m : {erlang_c(10, load_of(10), 20), solve_queue(QueueModel{10, load_of(12)}, 20)}) {
    CHECK_FALSE(m.stable);
    CHECK(m.p_wait == 1);
    CHECK(std::isinf(m.mean_wait_s));
    CHECK(m.service_level_offered == 0);
  }
}

TEST_CASE("Stability: 1000 operators at load 0.99 stay finite and match long-double summation") {
  const double b = erlang_b(1000, 990.0);
  const double c = erlang_c_wait_probability(1000, 990.0);
  CHECK(b == doctest::Approx(direct_erlang_b(1000, 990.0L)).epsilon(1e-9));
  CHECK(c == doctest::Approx(direct_erlang_c(1000, 990.0L)).epsilon(1e-9));
  const QueueMetrics closed = erlang_c(1000, load_of(990), 20);
  const QueueMetrics general = solve_queue(QueueModel{1000, load_of(990)}, 20);
  CHECK(std::isfinite(closed.mean_wait_s));
  CHECK(general.truncated_tail <= kTailMass);
  check_same_metrics(general, closed, 1e-9);
  // Erlang A at the same size, with patience: closed form and general solver agree.
  check_same_metrics(solve_queue(QueueModel{1000, load_of(990), 216}, 20), erlang_a(1000, load_of(990), 216, 20), 1e-9);
}

TEST_CASE("General solver: lines equal to operators and patient callers is Erlang B") {
  for (int n : {1, 4, 10, 50}) {
    for (double a : {0.5, 3.0, 10.0, 60.0}) {
      QueueModel model{n, load_of(a)};
      model.lines = n;
      const QueueMetrics m = solve_queue(model, 20);
      CAPTURE(n);
      CAPTURE(a);
      CHECK(m.p_blocked == doctest::Approx(erlang_b(n, a)).epsilon(1e-11));
      CHECK(m.p_wait == 0);
      CHECK(m.service_level_accepted == doctest::Approx(1.0));
      CHECK(m.occupancy * n == doctest::Approx(a * (1 - m.p_blocked)));
    }
  }
}

TEST_CASE("General solver: unlimited lines and patient callers is Erlang C") {
  for (int n : {1, 3, 10, 80}) {
    for (double fraction : {0.2, 0.8, 0.97}) {
      for (double sl : {0.0, 5.0, 20.0, 120.0}) {
        CAPTURE(n);
        CAPTURE(fraction);
        CAPTURE(sl);
        check_same_metrics(solve_queue(QueueModel{n, load_of(n * fraction)}, sl),
                           erlang_c(n, load_of(n * fraction), sl), 1e-10);
      }
    }
  }
}

TEST_CASE("General solver: unlimited lines and impatient callers is Erlang A") {
  for (int n : {1, 5, 20}) {
    for (double fraction : {0.5, 1.0, 1.6}) {
      for (double patience : {10.0, 216.0, 3000.0}) {
        CAPTURE(n);
        CAPTURE(fraction);
        CAPTURE(patience);
        const Traffic t = load_of(n * fraction, 120);
        check_same_metrics(solve_queue(QueueModel{n, t, patience}, 30), erlang_a(n, t, patience, 30), 1e-9);
      }
    }
  }
}

TEST_CASE("General solver: log-space birth-death solution equals a dense Eigen solve of the generator") {
  // M/M/3/8+M: 3 operators, 8 lines, patience 60 s.
  const double lambda = 0.05, mu = 1.0 / 90, gamma = 1.0 / 60;
  Eigen::VectorXd birth = Eigen::VectorXd::Constant(8, lambda), death(8);
  for (int n = 1; n <= 8; ++n)
    death(n - 1) = std::min(n, 3) * mu + std::max(n - 3, 0) * gamma;
  const Eigen::VectorXd dense = ctmc_stationary(birth_death_generator(birth, death));
  const Eigen::VectorXd balanced = birth_death_stationary(birth, death);
  CHECK((dense - balanced).cwiseAbs().maxCoeff() < 1e-13);

  QueueModel model{3, Traffic{lambda, 90}, 60, 8};
  const QueueMetrics m = solve_queue(model, 20);
  REQUIRE(m.state_probabilities.size() == 9);
  CHECK((m.state_probabilities - dense).cwiseAbs().maxCoeff() < 1e-13);
  CHECK(m.p_blocked == doctest::Approx(dense(8)));
}

TEST_CASE("General solver: flows balance (every call ends once, Little's law, abandonment rate)") {
  QueueModel model{4, Traffic::per_hour(150, 100), 45, 9};
  const QueueMetrics m = solve_queue(model, 15);
  const double lambda = model.traffic.arrivals_per_second;
  CHECK(m.p_blocked + m.p_abandon + m.p_answered == doctest::Approx(1.0).epsilon(1e-13));
  // Callers hang up at rate gamma each, so abandonment per arrival is gamma Lq / lambda.
  CHECK(m.p_abandon == doctest::Approx(m.mean_queue_length / 45 / lambda).epsilon(1e-12));
  CHECK(m.occupancy * 4 == doctest::Approx(lambda * m.p_answered * 100).epsilon(1e-12));
  CHECK(m.mean_wait_s == doctest::Approx(m.mean_queue_length / (lambda * (1 - m.p_blocked))));
  CHECK(m.service_level_offered <= m.service_level_accepted);
  CHECK(m.service_level_accepted <= m.service_level_answered);
}

TEST_CASE("Service level: hand-worked M/M/1/3+M with a hypoexponential wait") {
  // lambda = mu = 1/s, gamma = 1/2 per s, 3 lines. pi = (1/3, 1/3, 2/9, 1/9). A caller finding 1 in service is
  // answered with probability 2/3 after Exp(1.5); finding 1 waiting, with probability 1/2 after Exp(1.5) + Exp(2).
  QueueModel model{1, Traffic{1, 1}, 2, 3};
  const double t = 1;
  const QueueMetrics m = solve_queue(model, t);
  const double within =
      1.0 / 3 + 1.0 / 3 * 2.0 / 3 * (1 - std::exp(-1.5 * t)) + 2.0 / 9 * 0.5 * hypoexponential_cdf({1.5L, 2.0L}, t);
  CHECK(m.p_blocked == doctest::Approx(1.0 / 9));
  CHECK(m.p_abandon == doctest::Approx(2.0 / 9));
  CHECK(m.p_answered == doctest::Approx(2.0 / 3));
  CHECK(m.mean_wait_answered_s == doctest::Approx(5.0 / 12));
  CHECK(m.service_level_offered == doctest::Approx(within).epsilon(1e-12));
  CHECK(m.service_level_accepted == doctest::Approx(within / (8.0 / 9)).epsilon(1e-12));
  CHECK(m.service_level_answered == doctest::Approx(within / (2.0 / 3)).epsilon(1e-12));
}

TEST_CASE("Service level: M/M/2/6+M matches partial-fraction hypoexponential sums over a dense solve") {
  const double lambda = 0.04, mu = 1.0 / 60, gamma = 1.0 / 25, t = 40;
  Eigen::VectorXd birth = Eigen::VectorXd::Constant(6, lambda), death(6);
  for (int n = 1; n <= 6; ++n)
    death(n - 1) = std::min(n, 2) * mu + std::max(n - 2, 0) * gamma;
  const Eigen::VectorXd pi = ctmc_stationary(birth_death_generator(birth, death));
  double expected = pi(0) + pi(1);
  for (int j = 0; j + 2 < 6; ++j) {  // joins behind j waiting callers; state 6 is blocked
    std::vector<long double> rates;
    for (int i = 1; i <= j + 1; ++i)
      rates.push_back(2 * mu + i * gamma);
    expected += pi(2 + j) * (2 * mu / (2 * mu + (j + 1) * gamma)) * hypoexponential_cdf(rates, t);
  }
  CHECK(solve_queue(QueueModel{2, Traffic{lambda, 60}, 25, 6}, t).service_level_offered ==
        doctest::Approx(expected).epsilon(1e-12));
}

TEST_CASE("Service level: 0 s threshold is the share answered at once, long thresholds reach the answered share") {
  QueueModel model{6, Traffic::per_hour(160, 150), 90};
  const QueueMetrics at_once = solve_queue(model, 0);
  CHECK(at_once.service_level_offered == doctest::Approx(1 - at_once.p_wait));
  double previous = at_once.service_level_offered;
  for (double t : {5.0, 20.0, 60.0, 300.0}) {
    const double sl = solve_queue(model, t).service_level_offered;
    CHECK(sl > previous);
    previous = sl;
  }
  const QueueMetrics forever = solve_queue(model, 36000);
  CHECK(forever.service_level_offered == doctest::Approx(forever.p_answered).epsilon(1e-12));
  CHECK(forever.service_level_answered == doctest::Approx(1.0).epsilon(1e-12));
}

TEST_CASE("Erlang A: almost infinite patience gives Erlang C") {
  for (int n : {2, 11, 200}) {
    const Traffic t = load_of(n * 0.9);
    CAPTURE(n);
    check_same_metrics(erlang_a(n, t, 1e12, 20), erlang_c(n, t, 20), 1e-6);
  }
  check_same_metrics(erlang_a(11, load_of(10), kNeverAbandon, 20), erlang_c(11, load_of(10), 20), 1e-15);
}

TEST_CASE("Erlang A: callers who hang up at once make it Erlang B loss") {
  for (int n : {1, 11, 100}) {
    for (double a : {0.5 * n, 1.0 * n, 2.0 * n}) {
      CAPTURE(n);
      CAPTURE(a);
      const QueueMetrics m = erlang_a(n, load_of(a), 1e-9, 20);
      const double b = erlang_b(n, a);
      CHECK(m.p_wait == doctest::Approx(b).epsilon(1e-6));
      CHECK(m.p_abandon == doctest::Approx(b).epsilon(1e-6));
      CHECK(m.service_level_offered == doctest::Approx(1 - b).epsilon(1e-6));
      CHECK(m.service_level_answered == doctest::Approx(1.0));
    }
  }
}

TEST_CASE("Erlang A: overload is stable because callers hang up") {
  const QueueMetrics m = erlang_a(10, load_of(30), 120, 20);  // three times capacity
  CHECK(m.stable);
  CHECK(m.p_abandon == doctest::Approx(2.0 / 3).epsilon(0.02));  // operators can carry at most a third
  CHECK(m.occupancy == doctest::Approx(1.0).epsilon(1e-3));
  CHECK(m.mean_wait_s == doctest::Approx(m.p_abandon * 120));  // P(abandon) = gamma * mean wait
}

TEST_CASE("Staffing: 10 erlangs need 14 operators for 80 % answered in 20 s, and 13 fall short") {
  const Traffic t = Traffic::per_hour(200, 180);
  const auto staffing = find_min_operators(QueueModel{1, t}, StaffingTarget{});
  REQUIRE(staffing.has_value());
  CHECK(staffing->operators == 14);
  CHECK(staffing->metrics.service_level_offered >= 0.8);
  CHECK(erlang_c(13, t, 20).service_level_offered < 0.8);
  CHECK(erlang_c(14, t, 20).service_level_offered >= 0.8);
}

TEST_CASE("Staffing: search agrees with a scan over operators, with patience and an abandonment cap") {
  const QueueModel model{1, Traffic::per_hour(900, 200), 120};
  StaffingTarget target;
  target.service_level = 0.9;
  target.basis = ServiceLevelBasis::accepted;
  target.max_abandon = 0.01;
  const auto staffing = find_min_operators(model, target);
  REQUIRE(staffing.has_value());
  int scanned = 1;
  for (;; ++scanned) {
    QueueModel m = model;
    m.operators = scanned;
    const QueueMetrics metrics = solve_queue(m, target.sl_seconds);
    if (metrics.service_level_accepted >= 0.9 && metrics.p_abandon <= 0.01) break;
  }
  CHECK(staffing->operators == scanned);
}

TEST_CASE("Staffing: a target that blocking alone breaks is reported unreachable") {
  QueueModel model{1, load_of(20), kNeverAbandon, 22};  // 22 lines at 20 erlangs block about 10 % of calls
  StaffingTarget target;
  target.service_level = 0.95;
  CHECK_FALSE(find_min_operators(model, target).has_value());
  target.basis = ServiceLevelBasis::accepted;  // blocked calls left out: reachable
  CHECK(find_min_operators(model, target).has_value());
}

TEST_CASE("Staffing: 1000-operator scale is found quickly and is the least that meets the target") {
  const auto staffing = find_min_operators(QueueModel{1, load_of(990)}, StaffingTarget{0.9, 20});
  REQUIRE(staffing.has_value());
  CHECK(erlang_c(staffing->operators, load_of(990), 20).service_level_offered >= 0.9);
  CHECK(erlang_c(staffing->operators - 1, load_of(990), 20).service_level_offered < 0.9);
}

TEST_CASE("Inputs: invalid rates, counts and combinations are rejected with std::invalid_argument") {
  const Traffic ok = load_of(5);
  CHECK_THROWS_AS(erlang_c(0, ok, 20), std::invalid_argument);
  CHECK_THROWS_AS(erlang_c(5, Traffic{-1, 180}, 20), std::invalid_argument);
  CHECK_THROWS_AS(erlang_c(5, Traffic{0.1, 0}, 20), std::invalid_argument);
  CHECK_THROWS_AS(erlang_c(5, ok, -1), std::invalid_argument);
  CHECK_THROWS_AS(erlang_a(5, ok, -30, 20), std::invalid_argument);
  CHECK_THROWS_AS(erlang_a(5, ok, NAN, 20), std::invalid_argument);
  CHECK_THROWS_AS(solve_queue(QueueModel{5, ok, kNeverAbandon, 4}, 20), std::invalid_argument);  // lines < operators
  CHECK_THROWS_AS(find_min_operators(QueueModel{1, ok}, StaffingTarget{1.5, 20}), std::invalid_argument);
  CHECK_THROWS_WITH_AS(erlang_c(0, ok, 20), "operators must be at least 1 (got 0)", std::invalid_argument);
}
