// Student-t quantiles by bisection on the exact CDF (regularised incomplete beta by Lentz's continued
// fraction), and the small accumulators.
#include "sim/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace vaxel::sim {

namespace {

// Continued fraction of the regularised incomplete beta function I_x(a, b).
double beta_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-15) break;
  }
  return h;
}

double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_fraction(a, b, x) / a;
  return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

// P(T <= t) for Student's t with df degrees of freedom.
double student_t_cdf(double t, double df) {
  const double x = df / (df + t * t);
  const double tail = 0.5 * incomplete_beta(0.5 * df, 0.5, x);
  return t >= 0.0 ? 1.0 - tail : tail;
}
}  // namespace

double student_t_quantile(double q, double df) {
  if (!(q > 0.0 && q < 1.0) || !(df >= 1.0)) throw std::invalid_argument("student_t_quantile: q in (0,1), df >= 1");
  double lo = -1e4;
  double hi = 1e4;
  for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
    const double mid = 0.5 * (lo + hi);
    (student_t_cdf(mid, df) < q ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Estimate estimate(const std::vector<double>& values, double confidence) {
  Tally t;
  for (double v : values)
    if (!std::isnan(v)) t.add(v);
  Estimate e;
  e.n = static_cast<int>(t.count());
  if (e.n == 0) {
    e.mean = kNaN;
    e.half_width = kNaN;
    return e;
  }
  e.mean = t.mean();
  if (e.n > 1) {
    const double q = student_t_quantile(0.5 + 0.5 * confidence, e.n - 1.0);
    e.half_width = q * std::sqrt(t.variance() / e.n);
  }
  return e;
}

double Tally::mean() const {
  return n_ > 0 ? mean_ : kNaN;
}

void WaitHistogram::add(double seconds) {
  const int bin = std::clamp(static_cast<int>(seconds), 0, kBins - 1);
  ++bins_[static_cast<std::size_t>(bin)];
  ++n_;
}

double WaitHistogram::quantile(double q) const {
  if (n_ == 0) return kNaN;
  const double target = q * static_cast<double>(n_);
  double seen = 0.0;
  for (int b = 0; b < kBins; ++b) {
    const auto c = static_cast<double>(bins_[static_cast<std::size_t>(b)]);
    if (seen + c >= target && c > 0.0) return b + (target - seen) / c;
    seen += c;
  }
  return kBins;
}

double Ratio::value() const {
  return trials > 0.0 ? hits / trials : kNaN;
}

}  // namespace vaxel::sim
