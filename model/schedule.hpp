// Weekly hours with exceptions: the one shape behind the switchboard's opening hours, each unit's phone hours
// (telefontid, P1-P4), operator shifts and breaks, and staff working hours.
//
// Intervals are half-open [start, end) in minutes of local wall-clock time. What applies on a day, first match
// wins: a dated override > holiday, day off or closure (closed unless the schedule says otherwise) > reduced-hours
// day (hours end early) > summer period (summer weekly hours) > weekly hours.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/time.hpp"

namespace vaxel::model {

/// One open interval of a day, [start_minute, end_minute) with 0 <= start < end <= 1440.
struct Interval {
  int start_minute = 0;  ///< minutes since local midnight
  int end_minute = 0;    ///< minutes since local midnight, exclusive
  constexpr auto operator<=>(const Interval&) const = default;
};

/// The open intervals of one day, sorted and disjoint; empty = closed all day.
using DayHours = std::vector<Interval>;

/// Hours for each weekday, Monday first.
struct WeeklyHours {
  std::array<DayHours, 7> days;
  [[nodiscard]] const DayHours& on(Weekday w) const { return days[static_cast<int>(w)]; }
};

/// Hours that replace everything else on one date ("closed 2027-01-05 for a staff day").
struct DatedOverride {
  Date date;
  DayHours hours;      ///< empty = closed
  std::string reason;  ///< told in the closed message when set
};

/// A schedule: weekly hours and the exceptions that take precedence over them.
struct Schedule {
  WeeklyHours weekly;                     ///< the ordinary week
  std::optional<WeeklyHours> summer;      ///< hours inside the calendar's summer periods; unset = weekly
  std::optional<int> reduced_day_close;   ///< minute the day ends on reduced-hours days; unset = ordinary hours
  std::optional<DayHours> holiday_hours;  ///< hours on holidays, days off and closures; unset = closed
  std::vector<DatedOverride> overrides;   ///< dated exceptions, the strongest rule

  /// The open intervals of one day after applying precedence.
  [[nodiscard]] DayHours hours_on(const Calendar& cal, DayNumber day) const;
  [[nodiscard]] bool is_open(const Calendar& cal, WallSeconds t) const;
  /// The first moment >= t at which the schedule is open (t itself when open), or nullopt within horizon_days.
  [[nodiscard]] std::optional<WallSeconds> next_open(const Calendar& cal, WallSeconds t, int horizon_days = 400) const;
  /// The first moment > t at which open/closed changes, or nullopt within horizon_days.
  [[nodiscard]] std::optional<WallSeconds> next_change(const Calendar& cal, WallSeconds t,
                                                       int horizon_days = 400) const;
  /// The T4 sentence for a caller at t: "we open again Monday 7 January at 08:00" (English) or Swedish.
  [[nodiscard]] std::string reopen_sentence(const Calendar& cal, WallSeconds t, bool swedish = false) const;
  /// Total open minutes in the week (for reports and sanity checks).
  [[nodiscard]] int weekly_open_minutes() const;
};

/// A schedule open at the same intervals every weekday Monday..Friday and closed at weekends.
[[nodiscard]] Schedule weekday_schedule(DayHours hours);

}  // namespace vaxel::model
