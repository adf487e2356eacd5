// The run-size limits of model/limits.hpp.
#include "model/limits.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/scenario_keys.hpp"

namespace vaxel::model {

double expected_errands_per_replication(const Scenario& s, int days, int warmup_days) {
  const double busiest = *std::max_element(s.demand.weekday_factor.begin(), s.demand.weekday_factor.end());
  const double summer = std::max(1.0, s.demand.summer_factor);
  return (static_cast<double>(days) + warmup_days) * s.demand.calls_per_weekday * busiest * summer;
}

std::string run_size_problem(const Scenario& s, int days, int warmup_days, int replications) {
  const double per_replication = expected_errands_per_replication(s, days, warmup_days);
  if (per_replication > keys::kMaxErrandsPerReplication)
    return fmt::format(
        "one replication would simulate up to {:.3g} errands ({} days with warm-up x {:g} calls per weekday at "
        "the busiest day's factor); at most {:.3g} are supported: fewer days or fewer calls per weekday",
        per_replication, days + warmup_days, s.demand.calls_per_weekday, keys::kMaxErrandsPerReplication);
  const double total = per_replication * replications;
  if (total > keys::kMaxErrandsPerRun)
    return fmt::format(
        "{} replications of up to {:.3g} errands each would simulate {:.3g}; at most {:.3g} are supported in one "
        "run: fewer replications or fewer days",
        replications, per_replication, total, keys::kMaxErrandsPerRun);
  return {};
}

}  // namespace vaxel::model
