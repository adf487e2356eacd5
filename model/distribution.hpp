// A probability distribution as scenario data: its family and parameters. Sampling belongs to the simulator
// (the model holds no randomness); the model only validates and describes.
#pragma once

#include <string>
#include <vector>

namespace vaxel::model {

enum class DistributionKind {
  Constant,     ///< always `mean`
  Exponential,  ///< mean `mean`
  Lognormal,    ///< mean `mean`, coefficient of variation `cv`
  Uniform,      ///< between `min` and `max`
  Empirical,    ///< one of `values`, equally likely
};

/// A non-negative random quantity, e.g. a handle time in seconds. The unit is said by the field that holds it.
struct Distribution {
  DistributionKind kind = DistributionKind::Constant;
  double mean = 0.0;           ///< Constant, Exponential, Lognormal
  double cv = 1.0;             ///< Lognormal: standard deviation / mean
  double min = 0.0;            ///< Uniform
  double max = 0.0;            ///< Uniform
  std::vector<double> values;  ///< Empirical

  [[nodiscard]] double expected() const;       ///< the mean of the distribution
  [[nodiscard]] std::string describe() const;  ///< "lognormal(mean 35, cv 1)"

  static Distribution constant(double v) { return {DistributionKind::Constant, v, 0.0, 0.0, 0.0, {}}; }
  static Distribution exponential(double mean) { return {DistributionKind::Exponential, mean, 1.0, 0.0, 0.0, {}}; }
  static Distribution lognormal(double mean, double cv) {
    return {DistributionKind::Lognormal, mean, cv, 0.0, 0.0, {}};
  }
  static Distribution uniform(double lo, double hi) { return {DistributionKind::Uniform, 0.0, 0.0, lo, hi, {}}; }
};

}  // namespace vaxel::model
