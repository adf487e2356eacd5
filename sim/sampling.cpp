// Sampling model::Distribution values with our own generator, identical on every platform.
#include "sim/sampling.hpp"

#include <algorithm>
#include <cmath>

namespace vaxel::sim {

double sample(const model::Distribution& d, Rng& rng) {
  using model::DistributionKind;
  switch (d.kind) {
    case DistributionKind::Constant:
      return d.mean;
    case DistributionKind::Exponential:
      return d.mean > 0.0 ? rng.exponential(d.mean) : 0.0;
    case DistributionKind::Lognormal: {
      if (d.mean <= 0.0) return 0.0;
      // mean m, cv c: sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2.
      const double sigma2 = std::log1p(d.cv * d.cv);
      const double mu = std::log(d.mean) - 0.5 * sigma2;
      return std::exp(mu + std::sqrt(sigma2) * rng.normal());
    }
    case DistributionKind::Uniform:
      return d.min + (d.max - d.min) * rng.uniform();
    case DistributionKind::Empirical: {
      if (d.values.empty()) return 0.0;
      const auto i = static_cast<std::size_t>(rng.uniform() * static_cast<double>(d.values.size()));
      return std::max(0.0, d.values[std::min(i, d.values.size() - 1)]);
    }
  }
  return 0.0;
}

}  // namespace vaxel::sim
