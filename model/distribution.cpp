// What a distribution means without sampling it: its mean (for Erlang estimates and reports) and a short text.
#include "model/distribution.hpp"

#include <fmt/format.h>

#include <numeric>

namespace vaxel::model {

double Distribution::expected() const {
  switch (kind) {
    case DistributionKind::Constant:
    case DistributionKind::Exponential:
    case DistributionKind::Lognormal:
      return mean;
    case DistributionKind::Uniform:
      return (min + max) / 2.0;
    case DistributionKind::Empirical:
      return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / values.size();
  }
  return mean;
}

std::string Distribution::describe() const {
  switch (kind) {
    case DistributionKind::Constant:
      return fmt::format("constant({:g})", mean);
    case DistributionKind::Exponential:
      return fmt::format("exponential(mean {:g})", mean);
    case DistributionKind::Lognormal:
      return fmt::format("lognormal(mean {:g}, cv {:g})", mean, cv);
    case DistributionKind::Uniform:
      return fmt::format("uniform({:g}, {:g})", min, max);
    case DistributionKind::Empirical:
      return fmt::format("empirical({} values, mean {:g})", values.size(), expected());
  }
  return "?";
}

}  // namespace vaxel::model
