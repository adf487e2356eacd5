// Weekly hours with exceptions: the one shape behind the switchboard's opening hours, each unit's phone hours
// (telefontid, P1-P4), operator shifts and breaks, and staff working hours.
//
// Intervals are half-open [start, end) in minutes of local wall-clock time. What applies on a day, first match
// wins: a dated override > holiday, day off or closure (closed unless the schedule says otherwise) > reduced-hours
// day (hours end early) > summer period (summer weekly hours) > weekly hours.
//
// Weekends (docs/calendar.md): only *named* closed days close a schedule, i.e. a named public holiday
// (Långfredagen, Påskdagen, Juldagen ...), a day off (Julafton ...) or a scenario closure
// (Calendar::is_named_closed_day). A plain Saturday or Sunday uses the weekly hours of that weekday, which are
// empty for an office and full for an on-call service. So holiday_hours never applies on a plain Sunday, and an
// on-call schedule open every weekend still closes at Christmas unless it sets holiday_hours.
//
// All queries are const and allocation-light; a Schedule and its Calendar can be read from many threads.
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
  /// The T4 sentence for a caller at t: "we open again Monday 7 January at 08:00" (English) or Swedish
  /// "vi öppnar igen måndag 7 januari kl. 08.00"; "today"/"i dag" and "tomorrow"/"i morgon" for the next two
  /// days. "we are open now" when open at t; "we are closed until further notice" when not open in 400 days.
  [[nodiscard]] std::string reopen_sentence(const Calendar& cal, WallSeconds t, bool swedish = false) const;
  /// Why the schedule is closed on a day, for the closed message: the override's reason, else the name of the
  /// holiday, day off or closure that closes it ("Julafton"; a reduced-hours eve's name is not a reason); "" when
  /// the day follows its ordinary hours.
  [[nodiscard]] std::string closed_reason(const Calendar& cal, DayNumber day) const;
  /// Total open minutes in the week (for reports and sanity checks).
  [[nodiscard]] int weekly_open_minutes() const;
};

/// A schedule open at the same intervals every weekday Monday..Friday and closed at weekends.
[[nodiscard]] Schedule weekday_schedule(DayHours hours);

/// What is wrong with one day's intervals, or nullopt when they are valid (each 00:00 <= start < end <= 24:00,
/// in time order, not overlapping; touching is fine). One problem, the first found, e.g.
/// "interval 12:00-11:00 ends before it starts" or "intervals 08:00-12:00 and 11:00-13:00 overlap".
[[nodiscard]] std::optional<std::string> day_hours_problem(const DayHours& hours);

/// The first problem of a whole schedule, prefixed by where it is ("Tuesday: ...", "summer Friday: ...",
/// "holiday hours: ...", "override 2027-01-05: ...", "reduced-day close 25:00 is outside 00:00-24:00",
/// "two overrides for 2027-01-05"), or nullopt when the schedule is valid.
[[nodiscard]] std::optional<std::string> schedule_problem(const Schedule& schedule);

}  // namespace vaxel::model
