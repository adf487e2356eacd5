// Where staff are during a simulated day (scenario `presence:`): working hours with lunch, meetings, time out
// of the office, other calls, and whole days away (sick, vacation). Each person's day is drawn when first
// needed from a random stream of its own (person, day), so it is the same whatever order calls ask in and
// whatever else the scenario changes. Only the current day is kept: memory grows with people, not days.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/presence.hpp"
#include "model/scenario.hpp"
#include "sim/random.hpp"

namespace vaxel::sim {

/// What a person is doing, before it is shown to callers by the person's absence mode (M8).
enum class StaffActivity : std::uint8_t { Free, OtherCall, Meeting, Out, Lunch, AwayAllDay, OffHours };

/// One stretch of a person's day, [start_s, end_s) in seconds since the run's first midnight.
struct ActivitySpan {
  double start_s = 0.0;
  double end_s = 0.0;
  StaffActivity activity = StaffActivity::Free;
  double announced_return_s = 0.0;  ///< the return time a hänvisning would tell (M3 compares it with end_s)
};

class PresenceModel {
 public:
  PresenceModel(const model::Scenario& scenario, std::uint64_t seed, std::uint64_t replication,
                model::DayNumber first_day);

  /// The activity of `person` at simulation time t (seconds since the first day's midnight).
  [[nodiscard]] const ActivitySpan& activity(model::PersonId person, double t);
  /// How a caller's ring sees the person at t (M8: hänvisning, forward or nothing), on-call time included.
  [[nodiscard]] model::Presence presence(model::PersonId person, double t);
  /// The person is busy on one of the simulated calls until `until_s` (a connected call).
  void set_busy_until(model::PersonId person, double until_s);
  /// First time >= t the person is at the desk and free, searching at most `horizon_days`; nullopt if none.
  [[nodiscard]] std::optional<double> next_free(model::PersonId person, double t, int horizon_days = 14);

  /// Seconds since the first midnight -> wall-clock seconds, and back.
  [[nodiscard]] model::WallSeconds wall(double t) const { return origin_ + t; }
  [[nodiscard]] double sim_time(model::WallSeconds w) const { return w - origin_; }

 private:
  struct Day {
    int day_index = -1;
    std::vector<ActivitySpan> spans;  ///< cover the whole day, sorted
  };
  const Day& day_of(model::PersonId person, int day_index);
  void build_day(model::PersonId person, int day_index, Day& out) const;
  [[nodiscard]] const model::RolePresence& role_of(const model::Person& p) const;

  const model::Scenario& scenario_;
  std::uint64_t seed_;
  std::uint64_t replication_;
  model::DayNumber first_day_;
  model::WallSeconds origin_;
  std::vector<Day> today_;          ///< by person: the last day built
  std::vector<double> busy_until_;  ///< by person: end of the current simulated call
};

}  // namespace vaxel::sim
