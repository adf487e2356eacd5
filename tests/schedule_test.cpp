// Schedules: which hours apply on a day (each precedence level beating the next), half-open intervals, the
// forward queries the simulator uses (next_open, next_change), the T4 reopening sentence and validation.
#include <doctest/doctest.h>

#include <string>

#include "model/schedule.hpp"

using namespace vaxel::model;

namespace {

WallSeconds wall(const char* text) {
  WallSeconds t = 0;
  REQUIRE_MESSAGE(parse_date_time(text, t), text);
  return t;
}

DayNumber dn(int y, int m, int d) {
  return to_day_number(Date{y, m, d});
}

// A switchboard open 08:00-12:00 and 13:00-16:00 on weekdays, ending at 12:00 on reduced-hours days.
Schedule office() {
  Schedule s = weekday_schedule({{8 * 60, 12 * 60}, {13 * 60, 16 * 60}});
  s.reduced_day_close = 12 * 60;
  return s;
}

// An on-call service open around the clock every day of the week.
Schedule on_call() {
  Schedule s;
  for (auto& day : s.weekly.days)
    day = {{0, kMinutesPerDay}};
  return s;
}

}  // namespace

TEST_CASE("intervals are half-open: open at 08:00, closed at 16:00 for 08:00-16:00") {
  const Calendar cal;
  const Schedule s = weekday_schedule({{8 * 60, 16 * 60}});
  CHECK_FALSE(s.is_open(cal, wall("2027-01-11T07:59:59")));
  CHECK(s.is_open(cal, wall("2027-01-11T08:00")));
  CHECK(s.is_open(cal, wall("2027-01-11T15:59:59")));
  CHECK_FALSE(s.is_open(cal, wall("2027-01-11T16:00")));
}

TEST_CASE("an office schedule is closed at weekends and open on weekdays") {
  const Calendar cal;
  const Schedule s = office();
  CHECK(s.hours_on(cal, dn(2027, 1, 11)) == DayHours{{480, 720}, {780, 960}});
  CHECK(s.hours_on(cal, dn(2027, 1, 16)).empty());        // Saturday
  CHECK(s.hours_on(cal, dn(2027, 1, 17)).empty());        // Sunday
  CHECK_FALSE(s.is_open(cal, wall("2027-01-11T12:30")));  // lunch
  CHECK(s.weekly_open_minutes() == 5 * 7 * 60);
}

TEST_CASE("precedence: a dated override beats a holiday") {
  const Calendar cal;
  Schedule s = office();
  s.overrides.push_back({Date{2027, 1, 6}, {{10 * 60, 12 * 60}}, "Öppet för deklarationshjälp"});
  CHECK(s.hours_on(cal, dn(2027, 1, 6)) == DayHours{{600, 720}});  // Trettondedag jul
  CHECK(s.is_open(cal, wall("2027-01-06T10:00")));
}

TEST_CASE("precedence: a dated closing override beats an ordinary weekday and tells its reason") {
  const Calendar cal;
  Schedule s = office();
  s.overrides.push_back({Date{2027, 1, 12}, {}, "Personaldag"});
  CHECK(s.hours_on(cal, dn(2027, 1, 12)).empty());
  CHECK(s.closed_reason(cal, dn(2027, 1, 12)) == "Personaldag");
  CHECK(s.closed_reason(cal, dn(2027, 1, 11)).empty());
}

TEST_CASE("precedence: a holiday beats reduced, summer and weekly hours; holiday_hours applies when set") {
  Calendar cal;
  cal.add_summer_period(DateRange{Date{2027, 6, 1}, Date{2027, 8, 31}});
  Schedule s = office();
  s.summer = WeeklyHours{};
  for (int w = 0; w < 5; ++w)
    s.summer->days[w] = {{8 * 60, 15 * 60}};
  CHECK(s.hours_on(cal, dn(2027, 6, 25)).empty());  // midsommarafton inside the summer period
  CHECK(s.closed_reason(cal, dn(2027, 6, 25)) == "Midsommarafton");
  s.holiday_hours = DayHours{{10 * 60, 14 * 60}};
  CHECK(s.hours_on(cal, dn(2027, 6, 25)) == DayHours{{600, 840}});
  CHECK(s.closed_reason(cal, dn(2027, 6, 25)).empty());
}

TEST_CASE("precedence: a scenario closure closes the schedule like a holiday") {
  Calendar cal;
  cal.add_closure(Date{2027, 5, 7}, "Klämdag");
  const Schedule s = office();
  CHECK(s.hours_on(cal, dn(2027, 5, 7)).empty());
  CHECK(s.closed_reason(cal, dn(2027, 5, 7)) == "Klämdag");
}

TEST_CASE("precedence: a reduced-hours day cuts the hours at reduced_day_close, also summer hours") {
  Calendar cal;
  Schedule s = office();
  CHECK(s.hours_on(cal, dn(2027, 1, 5)) == DayHours{{480, 720}});  // trettondagsafton
  CHECK_FALSE(s.is_open(cal, wall("2027-01-05T12:00")));
  s.reduced_day_close = 14 * 60;
  CHECK(s.hours_on(cal, dn(2027, 1, 5)) == DayHours{{480, 720}, {780, 840}});
  // 5 June 2026 (Friday) in a summer period: the summer hours, cut at 14:00.
  cal.add_summer_period(DateRange{Date{2026, 6, 1}, Date{2026, 8, 31}});
  s.summer = WeeklyHours{};
  for (int w = 0; w < 5; ++w)
    s.summer->days[w] = {{9 * 60, 15 * 60}};
  CHECK(s.hours_on(cal, dn(2026, 6, 5)) == DayHours{{540, 840}});
  // A close later than the ordinary hours never lengthens them.
  s.reduced_day_close = 20 * 60;
  CHECK(s.hours_on(cal, dn(2026, 6, 5)) == DayHours{{540, 900}});
  s.reduced_day_close.reset();
  CHECK(s.hours_on(cal, dn(2027, 1, 5)) == DayHours{{480, 720}, {780, 960}});
}

TEST_CASE("precedence: summer hours beat weekly hours inside a summer period only") {
  Calendar cal;
  cal.add_summer_period(DateRange{Date{2027, 6, 28}, Date{2027, 8, 8}});
  Schedule s = office();
  s.summer = WeeklyHours{};
  for (int w = 0; w < 5; ++w)
    s.summer->days[w] = {{9 * 60, 15 * 60}};
  CHECK(s.hours_on(cal, dn(2027, 6, 28)) == DayHours{{540, 900}});
  CHECK(s.hours_on(cal, dn(2027, 8, 9)) == DayHours{{480, 720}, {780, 960}});
}

TEST_CASE("precedence on one date, rule by rule: override > closure > reduced-hours day > summer > weekly") {
  // Friday 5 June 2026 is a reduced-hours eve (the day before nationaldagen). Each step adds the next stronger
  // rule for that very date, and each time the stronger one decides the day's hours.
  const DayNumber day = dn(2026, 6, 5);
  Calendar cal;
  Schedule s = weekday_schedule({{8 * 60, 12 * 60}, {13 * 60, 16 * 60}});
  CHECK(s.hours_on(cal, day) == DayHours{{480, 720}, {780, 960}});  // 5. weekly hours
  cal.add_summer_period(DateRange{Date{2026, 6, 1}, Date{2026, 8, 31}});
  s.summer = WeeklyHours{};
  for (int w = 0; w < 5; ++w)
    s.summer->days[w] = {{9 * 60, 15 * 60}};
  CHECK(s.hours_on(cal, day) == DayHours{{540, 900}});  // 4. summer period beats weekly hours
  s.reduced_day_close = 11 * 60;
  CHECK(s.hours_on(cal, day) == DayHours{{540, 660}});  // 3. reduced-hours day beats the summer hours
  CHECK(s.is_open(cal, at(day, 11 * 60 - 1)));
  CHECK_FALSE(s.is_open(cal, at(day, 11 * 60)));  // half-open: closed from 11:00 on
  cal.add_closure(Date{2026, 6, 5}, "Personaldag");
  CHECK(s.hours_on(cal, day).empty());  // 2. a closure beats the reduced-hours day
  CHECK(s.closed_reason(cal, day) == "Personaldag");
  s.holiday_hours = DayHours{{10 * 60, 14 * 60}};
  CHECK(s.hours_on(cal, day) == DayHours{{600, 840}});  // ... with the holiday hours, not cut at 11:00
  s.overrides.push_back({Date{2026, 6, 5}, {{7 * 60, 8 * 60}}, "Extra öppet"});
  CHECK(s.hours_on(cal, day) == DayHours{{420, 480}});  // 1. the dated override beats everything
  CHECK(*s.next_change(cal, at(day, 7 * 60)) == at(day, 8 * 60));
  CHECK(s.hours_on(cal, dn(2026, 6, 4)) == DayHours{{540, 900}});  // the day before: summer hours only
}

TEST_CASE("an on-call schedule keeps its weekend hours on plain Sundays but closes on named holidays") {
  const Calendar cal;
  Schedule s = on_call();
  CHECK(s.is_open(cal, wall("2027-01-17T03:00")));        // a plain Sunday
  CHECK(s.is_open(cal, wall("2027-01-16T03:00")));        // a plain Saturday
  CHECK_FALSE(s.is_open(cal, wall("2026-12-25T03:00")));  // juldagen
  CHECK_FALSE(s.is_open(cal, wall("2027-03-27T03:00")));  // påskafton, a Saturday day off
  s.holiday_hours = DayHours{{0, kMinutesPerDay}};
  CHECK(s.is_open(cal, wall("2026-12-25T03:00")));
}

TEST_CASE("next_open across the long Easter weekend 2027 (closed from skärtorsdagen noon to Tuesday)") {
  const Calendar cal;
  const Schedule s = office();
  CHECK(*s.next_open(cal, wall("2027-03-25T11:00")) == wall("2027-03-25T11:00"));  // open: t itself
  CHECK(*s.next_open(cal, wall("2027-03-25T12:00")) == wall("2027-03-30T08:00"));
  CHECK(*s.next_open(cal, wall("2027-03-27T10:00")) == wall("2027-03-30T08:00"));
}

TEST_CASE("next_open across Christmas and New Year, with klämdagar closed") {
  Calendar cal;
  const Schedule s = office();
  CHECK(*s.next_open(cal, wall("2026-12-23T16:00")) == wall("2026-12-28T08:00"));
  CHECK(*s.next_open(cal, wall("2026-12-30T16:00")) == wall("2027-01-04T08:00"));
  for (int d = 28; d <= 30; ++d)
    cal.add_closure(Date{2026, 12, d}, "Mellandag");
  CHECK(*s.next_open(cal, wall("2026-12-23T16:00")) == wall("2027-01-04T08:00"));
}

TEST_CASE("next_open is nullopt when nothing opens within the horizon") {
  const Calendar cal;
  const Schedule never;
  CHECK_FALSE(never.next_open(cal, wall("2027-01-11T08:00")).has_value());
  CHECK(never.reopen_sentence(cal, wall("2027-01-11T08:00")) == "we are closed until further notice");
  CHECK(never.reopen_sentence(cal, wall("2027-01-11T08:00"), true) == "vi har stängt tills vidare");
  Schedule late = office();
  late.overrides.push_back({Date{2027, 1, 12}, {{8 * 60, 9 * 60}}, ""});
  CHECK_FALSE(late.next_open(cal, wall("2027-01-11T17:00"), 0).has_value());
  CHECK(*late.next_open(cal, wall("2027-01-11T17:00"), 1) == wall("2027-01-12T08:00"));
}

TEST_CASE("next_change is strictly after t: opening, lunch, reopening and closing") {
  const Calendar cal;
  const Schedule s = office();
  CHECK(*s.next_change(cal, wall("2027-01-11T07:00")) == wall("2027-01-11T08:00"));
  CHECK(*s.next_change(cal, wall("2027-01-11T08:00")) == wall("2027-01-11T12:00"));
  CHECK(*s.next_change(cal, wall("2027-01-11T12:00")) == wall("2027-01-11T13:00"));
  CHECK(*s.next_change(cal, wall("2027-01-11T15:30")) == wall("2027-01-11T16:00"));
  CHECK(*s.next_change(cal, wall("2027-01-15T16:00")) == wall("2027-01-18T08:00"));  // Friday -> Monday
}

TEST_CASE("next_change ignores midnight inside a 24-hour service and finds the Christmas closing") {
  const Calendar cal;
  Schedule s = on_call();
  CHECK(*s.next_change(cal, wall("2026-12-22T10:00")) == wall("2026-12-24T00:00"));
  // Closed julafton through annandag jul (Saturday), open again on the plain Sunday.
  CHECK(*s.next_change(cal, wall("2026-12-24T00:00")) == wall("2026-12-27T00:00"));
  CHECK(*s.next_open(cal, wall("2026-12-24T09:00")) == wall("2026-12-27T00:00"));
  s.holiday_hours = DayHours{{0, kMinutesPerDay}};
  CHECK_FALSE(s.next_change(cal, wall("2026-12-22T10:00")).has_value());  // open throughout the horizon
}

TEST_CASE("T4: the reopening sentence says today, tomorrow or the weekday and date, in English") {
  const Calendar cal;
  const Schedule s = office();
  CHECK(s.reopen_sentence(cal, wall("2027-01-11T12:30")) == "we open again today at 13:00");
  CHECK(s.reopen_sentence(cal, wall("2027-01-11T16:30")) == "we open again tomorrow at 08:00");
  CHECK(s.reopen_sentence(cal, wall("2027-01-08T17:00")) == "we open again Monday 11 January at 08:00");
  CHECK(s.reopen_sentence(cal, wall("2030-01-04T17:00")) == "we open again Monday 7 January at 08:00");
  CHECK(s.reopen_sentence(cal, wall("2030-01-05T12:00")) == "we open again Monday 7 January at 08:00");
  CHECK(s.reopen_sentence(cal, wall("2027-03-25T12:05")) == "we open again Tuesday 30 March at 08:00");
  CHECK(s.reopen_sentence(cal, wall("2027-01-11T09:00")) == "we are open now");
}

TEST_CASE("T4: the reopening sentence in Swedish uses Swedish names and kl. 08.00") {
  const Calendar cal;
  const Schedule s = office();
  CHECK(s.reopen_sentence(cal, wall("2027-01-11T12:30"), true) == "vi öppnar igen i dag kl. 13.00");
  CHECK(s.reopen_sentence(cal, wall("2027-01-11T16:30"), true) == "vi öppnar igen i morgon kl. 08.00");
  CHECK(s.reopen_sentence(cal, wall("2030-01-04T17:00"), true) == "vi öppnar igen måndag 7 januari kl. 08.00");
  CHECK(s.reopen_sentence(cal, wall("2026-12-23T16:00"), true) == "vi öppnar igen måndag 28 december kl. 08.00");
}

TEST_CASE("a DST change day has 24 wall-clock hours: a Sunday shift opens at 08:00 on 2026-10-25") {
  const Calendar cal;
  Schedule s;
  s.weekly.days[static_cast<int>(Weekday::Sunday)] = {{8 * 60, 16 * 60}};
  CHECK(*s.next_open(cal, wall("2026-10-24T12:00")) == wall("2026-10-25T08:00"));
  CHECK(*s.next_change(cal, wall("2026-10-25T08:00")) == wall("2026-10-25T16:00"));
}

TEST_CASE("day_hours_problem names the interval that is backwards, empty, out of range, unordered or overlapping") {
  CHECK_FALSE(day_hours_problem({}).has_value());
  CHECK_FALSE(day_hours_problem({{480, 720}, {720, 960}}).has_value());  // touching is fine
  CHECK(day_hours_problem({{720, 660}}) == "interval 12:00-11:00 ends before it starts");
  CHECK(day_hours_problem({{720, 720}}) == "interval 12:00-12:00 is empty");
  CHECK(day_hours_problem({{1200, 1500}}) == "interval 20:00-25:00 is outside 00:00-24:00");
  CHECK(day_hours_problem({{-30, 60}}) == "interval -00:30-01:00 is outside 00:00-24:00");
  CHECK(day_hours_problem({{780, 960}, {480, 720}}) == "intervals 13:00-16:00 and 08:00-12:00 are not in time order");
  CHECK(day_hours_problem({{480, 720}, {660, 780}}) == "intervals 08:00-12:00 and 11:00-13:00 overlap");
}

TEST_CASE("schedule_problem says where in the schedule the problem is") {
  Schedule s = office();
  CHECK_FALSE(schedule_problem(s).has_value());
  s.weekly.days[1] = {{720, 660}};
  CHECK(schedule_problem(s) == "Tuesday: interval 12:00-11:00 ends before it starts");
  s = office();
  s.summer = WeeklyHours{};
  s.summer->days[4] = {{480, 720}, {660, 780}};
  CHECK(schedule_problem(s) == "summer Friday: intervals 08:00-12:00 and 11:00-13:00 overlap");
  s = office();
  s.holiday_hours = DayHours{{600, 600}};
  CHECK(schedule_problem(s) == "holiday hours: interval 10:00-10:00 is empty");
  s = office();
  s.reduced_day_close = 1500;
  CHECK(schedule_problem(s) == "reduced-day close 25:00 is outside 00:00-24:00");
  s = office();
  s.overrides.push_back({Date{2027, 1, 5}, {}, ""});
  s.overrides.push_back({Date{2027, 1, 5}, {{480, 600}}, ""});
  CHECK(schedule_problem(s) == "two overrides for 2027-01-05");
}
