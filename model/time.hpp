// Civil dates and the one clock of the model: local wall-clock seconds.
//
// vaxel runs in the municipality's local wall-clock time. Every day has exactly 86,400 s, also the two
// DST change days: opening hours, phone hours and shifts are written in wall-clock time, and a switchboard
// opening at 08:00 opens at 08:00 whether the night was 23 or 25 hours long. Night hours, when nothing is
// open, absorb the difference, so no KPI of opening hours is affected.
#pragma once

#include <cstdint>
#include <string>

namespace vaxel::model {

/// Seconds of local wall-clock time since 1970-01-01 00:00 (days of exactly 86,400 s; see above).
using WallSeconds = double;

inline constexpr double kSecondsPerMinute = 60.0;
inline constexpr double kSecondsPerHour = 3600.0;
inline constexpr double kSecondsPerDay = 86400.0;
inline constexpr int kMinutesPerDay = 24 * 60;

/// ISO weekday, Monday first, as Swedish calendars count.
enum class Weekday : std::uint8_t { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

/// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970;  ///< e.g. 2027
  int month = 1;    ///< 1..12
  int day = 1;      ///< 1..31

  constexpr auto operator<=>(const Date&) const = default;
};

/// Days since 1970-01-01 (negative before), exact for every proleptic Gregorian date.
using DayNumber = std::int32_t;

[[nodiscard]] DayNumber to_day_number(const Date& d);
[[nodiscard]] Date from_day_number(DayNumber n);
[[nodiscard]] Weekday weekday_of(DayNumber n);
[[nodiscard]] inline Weekday weekday_of(const Date& d) {
  return weekday_of(to_day_number(d));
}
[[nodiscard]] bool is_leap_year(int year);
[[nodiscard]] int days_in_month(int year, int month);
[[nodiscard]] bool is_valid_date(const Date& d);

/// Parses "YYYY-MM-DD"; returns false (and leaves out untouched) when the text is not a valid date.
[[nodiscard]] bool parse_date(const std::string& text, Date& out);
/// Parses "HH:MM" (00:00..24:00) into minutes since midnight; returns false on anything else.
[[nodiscard]] bool parse_clock(const std::string& text, int& minutes_out);
/// Parses "YYYY-MM-DDTHH:MM[:SS]" into wall-clock seconds; returns false on anything else.
[[nodiscard]] bool parse_date_time(const std::string& text, WallSeconds& out);

[[nodiscard]] std::string format_date(const Date& d);       ///< "2027-01-11"
[[nodiscard]] std::string format_clock(int minutes);        ///< "08:30"
[[nodiscard]] std::string format_date_time(WallSeconds t);  ///< "2027-01-11T08:30:05"
[[nodiscard]] const char* weekday_name(Weekday w);          ///< "Monday"
[[nodiscard]] const char* weekday_name_sv(Weekday w);       ///< "måndag"
[[nodiscard]] const char* month_name(int month);            ///< "January"

[[nodiscard]] inline DayNumber day_of(WallSeconds t) {
  auto d = static_cast<DayNumber>(t / kSecondsPerDay);
  return (static_cast<double>(d) * kSecondsPerDay > t) ? d - 1 : d;
}
[[nodiscard]] inline WallSeconds start_of_day(DayNumber d) {
  return static_cast<double>(d) * kSecondsPerDay;
}
[[nodiscard]] inline WallSeconds at(DayNumber d, int minutes) {
  return start_of_day(d) + minutes * kSecondsPerMinute;
}
/// Minutes since midnight of t's day, rounded down.
[[nodiscard]] inline int minute_of_day(WallSeconds t) {
  return static_cast<int>((t - start_of_day(day_of(t))) / kSecondsPerMinute);
}

}  // namespace vaxel::model
