// New errands: when callers first dial and what they want. A non-homogeneous Poisson process with a rate
// that is constant within each 15-minute slot (scenario `demand:`), times weekday, summer and reduced-day
// factors. Each slot draws from a random stream of its own, so the arrival stream of a replication is the
// same whatever else a scenario changes (staffing, policy, phone hours): common random numbers.
#pragma once

#include <cstdint>
#include <vector>

#include "model/ids.hpp"
#include "model/scenario.hpp"
#include "sim/random.hpp"

namespace vaxel::sim {

/// One new errand as the caller first dials.
struct NewErrand {
  double time_s = 0.0;      ///< simulation time of the first call, seconds since the run's first midnight
  std::uint64_t index = 0;  ///< stable errand number: seeds the errand's own random streams
  model::EntryId entry;     ///< the number dialled
  model::Intent intent = model::Intent::Person;
  model::PersonId person;  ///< sought person (Intent::Person)
  model::UnitId unit;      ///< sought unit (Person: the person's unit; Unit; Question: the topic's unit)
};

class DemandModel {
 public:
  DemandModel(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication);

  /// Expected new errands per second during the 15-minute slot containing t on `day`.
  [[nodiscard]] double rate_per_s(model::DayNumber day, int slot) const;
  /// Expected new errands on one day.
  [[nodiscard]] double expected_on(model::DayNumber day) const;
  /// The day's new errands in time order; `day_index` counts days from the run's first day (time 0).
  [[nodiscard]] std::vector<NewErrand> errands_on(model::DayNumber day, int day_index) const;

 private:
  [[nodiscard]] double day_factor(model::DayNumber day) const;
  void pick_target(Rng& rng, NewErrand& e) const;

  const model::Scenario& scenario_;
  std::uint64_t seed_;
  std::uint64_t replication_;
  std::vector<double> unit_cumulative_;   ///< cumulative demand weight by unit, for picking a unit
  std::vector<double> entry_cumulative_;  ///< cumulative entry shares
};

}  // namespace vaxel::sim
