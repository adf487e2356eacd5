// The Swedish calendar the switchboard lives by: public holidays by rule (SFS 1989:253), the de facto days off,
// the reduced-hours days before a holiday ("dag före röd dag"), and what a scenario adds: closure days
// (klämdagar) and summer periods.
#pragma once

#include <string>
#include <vector>

#include "model/time.hpp"

namespace vaxel::model {

/// What kind of day a date is, most closed first. Schedules decide what each kind means for their hours.
enum class DayKind {
  Workday,        ///< an ordinary Monday..Friday
  Saturday,       ///< a Saturday that is no holiday
  PublicHoliday,  ///< a röd dag by law, every Sunday included
  DayOff,         ///< de facto off: midsommarafton, julafton, nyårsafton
  Closure,        ///< closed by the scenario (klämdag, dated closure)
  ReducedHours,   ///< a workday before a holiday: trettondagsafton, skärtorsdagen, valborgsmässoafton, ...
};

/// A named day of the year, e.g. {2027-03-28, "Påskdagen", PublicHoliday}.
struct NamedDay {
  Date date;
  std::string name;  ///< Swedish name, e.g. "Midsommarafton"
  DayKind kind = DayKind::PublicHoliday;
};

/// An inclusive range of dates, e.g. a summer period 2027-06-28..2027-08-08.
struct DateRange {
  Date first;
  Date last;  ///< inclusive
  [[nodiscard]] bool contains(const Date& d) const { return first <= d && d <= last; }
};

/// Gregorian computus (anonymous Gregorian algorithm): the date of Easter Sunday.
[[nodiscard]] Date easter_sunday(int year);

/// Every public holiday, de facto day off and reduced-hours day of one year, in date order (Sundays excluded).
[[nodiscard]] std::vector<NamedDay> swedish_special_days(int year);

/// The calendar of one scenario: the Swedish rules plus the scenario's closures and summer periods.
class Calendar {
 public:
  void add_closure(const Date& date, std::string name);  ///< a klämdag or other dated closure
  void add_summer_period(const DateRange& range);        ///< summer hours and summer demand apply inside

  [[nodiscard]] DayKind kind_of(DayNumber day) const;
  [[nodiscard]] DayKind kind_of(const Date& date) const { return kind_of(to_day_number(date)); }
  /// The Swedish name of a special day ("Julafton"), the closure's name, or "" for an ordinary day.
  [[nodiscard]] std::string name_of(DayNumber day) const;
  [[nodiscard]] bool is_summer(DayNumber day) const;
  /// True for every day an ordinary office is closed: weekends, holidays, days off, closures.
  [[nodiscard]] bool is_closed_day(DayNumber day) const;

  [[nodiscard]] const std::vector<NamedDay>& closures() const { return closures_; }
  [[nodiscard]] const std::vector<DateRange>& summer_periods() const { return summer_; }

 private:
  std::vector<NamedDay> closures_;
  std::vector<DateRange> summer_;
};

}  // namespace vaxel::model
