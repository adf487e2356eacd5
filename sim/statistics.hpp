// Statistics over replications: Student-t confidence intervals, and the streaming accumulators the
// simulator keeps instead of storing every call (memory grows with calls in progress, not calls simulated).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace vaxel::sim {

/// "No data": a KPI of a slice with nothing to measure, a mean of nothing.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The q-quantile of Student's t distribution with df degrees of freedom (df >= 1), to about 1e-10.
[[nodiscard]] double student_t_quantile(double q, double df);

/// A mean over replications with its two-sided confidence interval.
struct Estimate {
  double mean = 0.0;
  double half_width = 0.0;  ///< the CI is [mean - half_width, mean + half_width]; 0 with one replication
  int n = 0;                ///< replications that had a value (a KPI without data in a run is left out)
  [[nodiscard]] double low() const { return mean - half_width; }
  [[nodiscard]] double high() const { return mean + half_width; }
};

/// Mean and Student-t CI of `values` at `confidence` (e.g. 0.95). NaN values (no data) are skipped.
[[nodiscard]] Estimate estimate(const std::vector<double>& values, double confidence = 0.95);

/// Count, mean and variance of a stream of values (Welford), for within-run sums and waits.
class Tally {
 public:
  void add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
    sum_ += x;
  }
  [[nodiscard]] std::uint64_t count() const { return n_; }
  [[nodiscard]] double sum() const { return sum_; }
  [[nodiscard]] double mean() const;  ///< NaN when empty
  [[nodiscard]] double variance() const { return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double sum_ = 0.0;
};

/// Waits in whole-second bins up to two hours (longer waits land in the last bin): exact enough for the
/// 90th percentile of queue waits, in constant memory.
class WaitHistogram {
 public:
  static constexpr int kBins = 7200;
  void add(double seconds);
  [[nodiscard]] std::uint64_t count() const { return n_; }
  /// The q-quantile in seconds (interpolated inside the bin); NaN when empty.
  [[nodiscard]] double quantile(double q) const;

 private:
  std::vector<std::uint64_t> bins_ = std::vector<std::uint64_t>(kBins, 0);
  std::uint64_t n_ = 0;
};

/// Successes over trials, e.g. calls answered within 20 s over calls offered.
struct Ratio {
  double hits = 0.0;
  double trials = 0.0;
  void add(bool hit, double weight = 1.0) {
    trials += weight;
    if (hit) hits += weight;
  }
  [[nodiscard]] double value() const;  ///< NaN with no trials
};

}  // namespace vaxel::sim
