// Drawing from a scenario's distributions (model::Distribution holds only the parameters).
#pragma once

#include "model/distribution.hpp"
#include "sim/random.hpp"

namespace vaxel::sim {

/// One draw, never negative. Lognormal is parameterised by its mean and coefficient of variation.
[[nodiscard]] double sample(const model::Distribution& d, Rng& rng);

}  // namespace vaxel::sim
