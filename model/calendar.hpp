// The Swedish calendar the switchboard lives by: public holidays by rule (SFS 1989:253), the de facto days off,
// the reduced-hours days before a holiday ("dag före röd dag"), and what a scenario adds: closure days
// (klämdagar) and summer periods.
//
// Which kind wins when a date is several things at once (docs/calendar.md): PublicHoliday > DayOff > Closure >
// ReducedHours > Saturday > Workday. A scenario closure on a holiday stays a holiday; a reduced-hours eve that
// falls on a weekend is only a weekend day. Every rule is computed on demand from the date (no cache), so a
// Calendar is a plain value: copyable, and safe to read from any number of threads at once.
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
/// Each day carries the kind of its rule; kind_of tells what the date finally is (a reduced-hours eve on a
/// Saturday is listed here but is a Saturday). Påskafton and pingstafton are listed as days off.
[[nodiscard]] std::vector<NamedDay> swedish_special_days(int year);

/// Which of two kinds wins when one date is both: PublicHoliday > DayOff > Closure > ReducedHours > Saturday >
/// Workday. Returns a rank, higher = stronger.
[[nodiscard]] int precedence_of(DayKind kind);

/// "Workday", "Saturday", "PublicHoliday", "DayOff", "Closure", "ReducedHours": for reports and messages.
[[nodiscard]] const char* day_kind_name(DayKind kind);

/// The calendar of one scenario: the Swedish rules plus the scenario's closures and summer periods.
class Calendar {
 public:
  /// A klämdag or other dated closure. Closures are kept in date order; a second closure on the same date adds
  /// its name to the first.
  void add_closure(const Date& date, std::string name);
  void add_summer_period(const DateRange& range);  ///< summer hours and summer demand apply inside

  [[nodiscard]] DayKind kind_of(DayNumber day) const;
  [[nodiscard]] DayKind kind_of(const Date& date) const { return kind_of(to_day_number(date)); }
  /// The Swedish name of a special day ("Julafton"), the closure's name, or "" for an ordinary day.
  [[nodiscard]] std::string name_of(DayNumber day) const;
  /// Like name_of, but only the names that close the day (holidays, days off, closures): the reason a closed
  /// message gives. A reduced-hours eve's name is left out, so a klämdag on 5 June is "Klämdag", not
  /// "Klämdag, Dagen före nationaldagen".
  [[nodiscard]] std::string closing_name_of(DayNumber day) const;
  [[nodiscard]] bool is_summer(DayNumber day) const;
  /// True for every day an ordinary office is closed: weekends, holidays, days off, closures.
  [[nodiscard]] bool is_closed_day(DayNumber day) const;
  /// True when the day closes even a schedule that is open at weekends: a named public holiday, a day off or a
  /// scenario closure. A plain Sunday is a PublicHoliday by law but not closed by name (see schedule.hpp).
  [[nodiscard]] bool is_named_closed_day(DayNumber day) const;

  [[nodiscard]] const std::vector<NamedDay>& closures() const { return closures_; }
  [[nodiscard]] const std::vector<DateRange>& summer_periods() const { return summer_; }

 private:
  std::vector<NamedDay> closures_;
  std::vector<DateRange> summer_;
};

}  // namespace vaxel::model
