// Weekly hours with exceptions: which hours apply on a day (precedence in schedule.hpp), the open/closed queries
// the simulator asks at every event, the T4 reopening sentence, and the validation the scenario loader reports.
#include "model/schedule.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>

namespace vaxel::model {

namespace {

// The hours that apply on a day without copying them: the chosen intervals and, on a reduced-hours day, the
// minute they are cut at. is_open and the forward scans run on this, so they never allocate.
struct DayRule {
  const DayHours* hours = nullptr;
  int close_minute = kMinutesPerDay;
};

const DayHours kClosed{};

const DatedOverride* find_override(const std::vector<DatedOverride>& overrides, const Date& d) {
  const auto it = std::find_if(overrides.begin(), overrides.end(), [&](const DatedOverride& o) { return o.date == d; });
  return it == overrides.end() ? nullptr : &*it;
}

DayRule resolve(const Schedule& s, const Calendar& cal, DayNumber day) {
  if (!s.overrides.empty())
    if (const DatedOverride* o = find_override(s.overrides, from_day_number(day))) return {&o->hours};
  if (cal.is_named_closed_day(day)) return {s.holiday_hours ? &*s.holiday_hours : &kClosed};
  const WeeklyHours& week = s.summer && cal.is_summer(day) ? *s.summer : s.weekly;
  DayRule rule{&week.on(weekday_of(day))};
  if (s.reduced_day_close && cal.kind_of(day) == DayKind::ReducedHours) rule.close_minute = *s.reduced_day_close;
  return rule;
}

// Walks the open periods from day `first` through day `last`, joining intervals that touch (also across
// midnight), and calls visit(start_s, end_s, reaches_last_midnight) until visit returns true.
template <class Visit>
void for_each_open_period(const Schedule& s, const Calendar& cal, DayNumber first, DayNumber last, Visit&& visit) {
  bool pending = false;
  WallSeconds open_s = 0;
  WallSeconds close_s = 0;
  for (DayNumber d = first; d <= last; ++d) {
    const DayRule rule = resolve(s, cal, d);
    for (const Interval& iv : *rule.hours) {
      const int end = std::min(iv.end_minute, rule.close_minute);
      if (iv.start_minute >= end) continue;
      const WallSeconds a = at(d, iv.start_minute);
      const WallSeconds b = at(d, end);
      if (pending && a <= close_s) {
        close_s = std::max(close_s, b);
        continue;
      }
      if (pending && visit(open_s, close_s, false)) return;
      pending = true;
      open_s = a;
      close_s = b;
    }
  }
  if (pending) visit(open_s, close_s, close_s >= start_of_day(last + 1));
}

constexpr std::array<const char*, 12> kMonthsSv = {"januari",   "februari", "mars",     "april",
                                                   "maj",       "juni",     "juli",     "augusti",
                                                   "september", "oktober",  "november", "december"};

// Minutes as a clock, also when out of range, so a validation message shows what was written.
std::string clock_text(int minutes) {
  return minutes < 0 ? fmt::format("-{}", format_clock(-minutes))
                     : format_clock(minutes);  // not "-" + s: GCC 12 -Wrestrict
}

std::string interval_text(const Interval& iv) {
  return clock_text(iv.start_minute) + "-" + clock_text(iv.end_minute);
}

}  // namespace

DayHours Schedule::hours_on(const Calendar& cal, DayNumber day) const {
  const DayRule rule = resolve(*this, cal, day);
  DayHours hours;
  for (const Interval& iv : *rule.hours) {
    const int end = std::min(iv.end_minute, rule.close_minute);
    if (iv.start_minute < end) hours.push_back(Interval{iv.start_minute, end});
  }
  return hours;
}

bool Schedule::is_open(const Calendar& cal, WallSeconds t) const {
  const DayNumber day = day_of(t);
  const DayRule rule = resolve(*this, cal, day);
  const WallSeconds since_midnight_s = t - start_of_day(day);
  return std::any_of(rule.hours->begin(), rule.hours->end(), [&](const Interval& iv) {
    const int end = std::min(iv.end_minute, rule.close_minute);
    return iv.start_minute * kSecondsPerMinute <= since_midnight_s && since_midnight_s < end * kSecondsPerMinute;
  });
}

std::optional<WallSeconds> Schedule::next_open(const Calendar& cal, WallSeconds t, int horizon_days) const {
  std::optional<WallSeconds> found;
  const DayNumber day = day_of(t);
  for_each_open_period(*this, cal, day, day + horizon_days, [&](WallSeconds open_s, WallSeconds close_s, bool) {
    if (close_s <= t) return false;
    found = std::max(open_s, t);
    return true;
  });
  return found;
}

std::optional<WallSeconds> Schedule::next_change(const Calendar& cal, WallSeconds t, int horizon_days) const {
  std::optional<WallSeconds> found;
  const DayNumber day = day_of(t);
  for_each_open_period(*this, cal, day, day + horizon_days,
                       [&](WallSeconds open_s, WallSeconds close_s, bool reaches_horizon) {
                         if (close_s <= t) return false;
                         // Open through the end of the horizon: the closing moment is beyond what we looked at.
                         if (open_s <= t && reaches_horizon) return true;
                         found = open_s > t ? open_s : close_s;
                         return true;
                       });
  return found;
}

std::string Schedule::reopen_sentence(const Calendar& cal, WallSeconds t, bool swedish) const {
  const std::optional<WallSeconds> open = next_open(cal, t);
  if (!open) return swedish ? "vi har stängt tills vidare" : "we are closed until further notice";
  if (*open <= t) return swedish ? "vi har öppet nu" : "we are open now";
  const DayNumber today = day_of(t);
  const DayNumber day = day_of(*open);
  const int minute = minute_of_day(*open);
  const Date date = from_day_number(day);
  std::string when;
  if (day == today) {
    when = swedish ? "i dag" : "today";
  } else if (day == today + 1) {
    when = swedish ? "i morgon" : "tomorrow";
  } else if (swedish) {
    when = fmt::format("{} {} {}", weekday_name_sv(weekday_of(day)), date.day, kMonthsSv[date.month - 1]);
  } else {
    when = fmt::format("{} {} {}", weekday_name(weekday_of(day)), date.day, month_name(date.month));
  }
  if (swedish) return fmt::format("vi öppnar igen {} kl. {:02}.{:02}", when, minute / 60, minute % 60);
  return fmt::format("we open again {} at {}", when, format_clock(minute));
}

std::string Schedule::closed_reason(const Calendar& cal, DayNumber day) const {
  if (const DatedOverride* o = find_override(overrides, from_day_number(day))) return o->reason;
  if (cal.is_named_closed_day(day) && !holiday_hours) return cal.closing_name_of(day);
  return "";
}

int Schedule::weekly_open_minutes() const {
  int total = 0;
  for (const DayHours& day : weekly.days)
    for (const Interval& iv : day)
      total += iv.end_minute - iv.start_minute;
  return total;
}

Schedule weekday_schedule(DayHours hours) {
  Schedule s;
  for (int w = 0; w < 5; ++w)
    s.weekly.days[w] = hours;
  return s;
}

std::optional<std::string> day_hours_problem(const DayHours& hours) {
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const Interval& iv = hours[i];
    if (iv.end_minute < iv.start_minute) return "interval " + interval_text(iv) + " ends before it starts";
    if (iv.end_minute == iv.start_minute) return "interval " + interval_text(iv) + " is empty";
    if (iv.start_minute < 0 || iv.end_minute > kMinutesPerDay)
      return "interval " + interval_text(iv) + " is outside 00:00-24:00";
    if (i == 0) continue;
    const Interval& prev = hours[i - 1];
    if (iv.start_minute < prev.start_minute)
      return "intervals " + interval_text(prev) + " and " + interval_text(iv) + " are not in time order";
    if (iv.start_minute < prev.end_minute)
      return "intervals " + interval_text(prev) + " and " + interval_text(iv) + " overlap";
  }
  return std::nullopt;
}

std::optional<std::string> schedule_problem(const Schedule& schedule) {
  for (int w = 0; w < 7; ++w)
    if (auto p = day_hours_problem(schedule.weekly.days[w])) return weekday_name(static_cast<Weekday>(w)) + (": " + *p);
  if (schedule.summer)
    for (int w = 0; w < 7; ++w)
      if (auto p = day_hours_problem(schedule.summer->days[w]))
        return fmt::format("summer {}: {}", weekday_name(static_cast<Weekday>(w)), *p);
  if (schedule.holiday_hours)
    if (auto p = day_hours_problem(*schedule.holiday_hours)) return "holiday hours: " + *p;
  if (schedule.reduced_day_close && (*schedule.reduced_day_close < 0 || *schedule.reduced_day_close > kMinutesPerDay))
    return "reduced-day close " + clock_text(*schedule.reduced_day_close) + " is outside 00:00-24:00";
  for (std::size_t i = 0; i < schedule.overrides.size(); ++i) {
    const DatedOverride& o = schedule.overrides[i];
    if (auto p = day_hours_problem(o.hours)) return "override " + format_date(o.date) + ": " + *p;
    for (std::size_t j = 0; j < i; ++j)
      if (schedule.overrides[j].date == o.date) return "two overrides for " + format_date(o.date);
  }
  return std::nullopt;
}

}  // namespace vaxel::model
