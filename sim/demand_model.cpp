// Piecewise-constant Poisson arrivals: per slot, a Poisson count and uniform times inside the slot, which is
// exactly a Poisson process with that slot's rate.
#include "sim/demand_model.hpp"

#include <algorithm>

namespace vaxel::sim {

namespace {
constexpr int kSlots = 96;
constexpr double kSlotSeconds = 900.0;

std::size_t pick(const std::vector<double>& cumulative, double u) {
  if (cumulative.empty()) return 0;
  const double x = u * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

// An errand's stable number: day, quarter-hour slot and place in the slot's draw order. 24 bits for the place
// hold 16.7 million errands in a quarter hour; the scenario limits (model/limits.hpp, at most 10 million
// errands per replication) keep a slot far below that.
std::uint64_t errand_number(model::DayNumber day, int slot, std::uint64_t k) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day)) << 32) |
         (static_cast<std::uint64_t>(slot) << 24) | k;
}
}  // namespace

DemandModel::DemandModel(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication)
    : scenario_(scenario), seed_(seed), replication_(replication) {
  const auto& units = scenario.directory.units;
  double acc = 0.0;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const double w = u < scenario.demand.unit_weight.size() ? scenario.demand.unit_weight[u]
                                                            : static_cast<double>(units[u].people.size());
    acc += std::max(0.0, w);
    unit_cumulative_.push_back(acc);
  }
  acc = 0.0;
  for (const auto& e : scenario.demand.entries) {
    acc += std::max(0.0, e.share);
    entry_cumulative_.push_back(acc);
  }
}

double DemandModel::day_factor(model::DayNumber day) const {
  const auto& demand = scenario_.demand;
  const auto& cal = scenario_.calendar;
  const model::DayKind kind = cal.kind_of(day);
  // Holidays, days off and closures see Sunday's demand: callers who do not know the office is closed.
  const bool closed =
      kind == model::DayKind::PublicHoliday || kind == model::DayKind::DayOff || kind == model::DayKind::Closure;
  double f = closed ? demand.weekday_factor[6] : demand.weekday_factor[static_cast<int>(model::weekday_of(day))];
  if (cal.is_summer(day)) f *= demand.summer_factor;
  if (kind == model::DayKind::ReducedHours) f *= demand.reduced_day_factor;
  return f;
}

double DemandModel::rate_per_s(model::DayNumber day, int slot) const {
  return scenario_.demand.calls_per_weekday * day_factor(day) *
         scenario_.demand.slot_share[static_cast<std::size_t>(slot)] / kSlotSeconds;
}

double DemandModel::expected_on(model::DayNumber day) const {
  return scenario_.demand.calls_per_weekday * day_factor(day);
}

void DemandModel::pick_target(Rng& rng, NewErrand& e) const {
  const auto& dir = scenario_.directory;
  const auto& demand = scenario_.demand;
  const std::size_t entry_pos = pick(entry_cumulative_, rng.uniform());
  std::array<double, 4> mix = {1.0, 0.0, 0.0, 0.0};
  if (entry_pos < demand.entries.size()) {
    e.entry = demand.entries[entry_pos].entry;
    mix = demand.entries[entry_pos].intent_mix;
  }
  double u = rng.uniform() * (mix[0] + mix[1] + mix[2] + mix[3]);
  int intent = 0;
  while (intent < 3 && u >= mix[static_cast<std::size_t>(intent)])
    u -= mix[static_cast<std::size_t>(intent++)];
  e.intent = static_cast<model::Intent>(intent);
  if (dir.units.empty()) return;
  const auto unit_pos = static_cast<std::uint32_t>(pick(unit_cumulative_, rng.uniform()));
  e.unit = model::UnitId{unit_pos};
  const auto& people = dir.units[unit_pos].people;
  if (!people.empty()) {
    const auto k = static_cast<std::size_t>(rng.uniform() * static_cast<double>(people.size()));
    e.person = people[std::min(k, people.size() - 1)];
  }
}

std::vector<NewErrand> DemandModel::errands_on(model::DayNumber day, int day_index) const {
  std::vector<NewErrand> out;
  const double day_start = day_index * model::kSecondsPerDay;
  for (int slot = 0; slot < kSlots; ++slot) {
    const double rate = rate_per_s(day, slot);
    if (rate <= 0.0) continue;
    // One stream per (day, slot) for the count and another for the errands' times and targets, so the k-th
    // errand of a slot has the same time, target and number whatever the count: when a scenario raises demand,
    // the base scenario's errands are still there, unchanged, and the extra ones come on top. That coupling
    // is what makes the paired difference of two demand levels tight (common random numbers, design.md).
    const auto stream = static_cast<std::uint64_t>(day) * kSlots + static_cast<std::uint64_t>(slot);
    Rng count(seed_, replication_, Source::Arrivals, stream);
    Rng rng(seed_, replication_, Source::ErrandDraws, stream);
    const std::uint64_t n = count.poisson(rate * kSlotSeconds);
    const std::size_t first = out.size();
    for (std::uint64_t k = 0; k < n; ++k) {
      NewErrand e;
      e.time_s = day_start + slot * kSlotSeconds + rng.uniform() * kSlotSeconds;
      pick_target(rng, e);
      // The errand's number seeds its own streams (patience, choices, redials): numbered within its slot, not
      // across the day, so a change in an early slot's count leaves every later errand's draws alone.
      e.index = errand_number(day, slot, k);
      out.push_back(e);
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const NewErrand& a, const NewErrand& b) { return a.time_s < b.time_s; });
  }
  return out;
}

}  // namespace vaxel::sim
