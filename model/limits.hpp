// How big a run may be (docs/scenario.md, "Limits"): the scenario's sizes are checked one by one as the file is
// read (scenario_keys.hpp); these check what only their product says, the errands a run will simulate, so a
// typo such as an extra zero in `days` or `calls_per_weekday` is refused at once instead of running for days
// or exhausting memory. The loader checks the scenario's own `run:`; `vaxel run` checks again with its flags.
#pragma once

#include <string>

#include "model/scenario.hpp"

namespace vaxel::model {

/// Expected new errands in one replication of `days` measured days after `warmup_days`: every day counted as
/// the busiest weekday, in summer if the summer factor raises demand (an upper bound, not a forecast).
[[nodiscard]] double expected_errands_per_replication(const Scenario& s, int days, int warmup_days);

/// Empty when the run fits the limits; otherwise one sentence saying which limit and what to change.
[[nodiscard]] std::string run_size_problem(const Scenario& s, int days, int warmup_days, int replications);

}  // namespace vaxel::model
