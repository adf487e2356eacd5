// The Swedish calendar: Easter and the days that hang on it, midsommar and alla helgon, days off, reduced-hours
// eves, precedence when one date is several things, and a scenario's closures and summer periods.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/calendar.hpp"

using namespace vaxel::model;

namespace {

// Gauss's Easter algorithm with its two exceptions: written independently of the anonymous Gregorian algorithm
// in calendar.cpp, so the two only agree when both are right.
Date gauss_easter(int year) {
  const int a = year % 19;
  const int b = year % 4;
  const int c = year % 7;
  const int k = year / 100;
  const int p = (13 + 8 * k) / 25;
  const int q = k / 4;
  const int m = (15 - p + k - q) % 30;
  const int n = (4 + k - q) % 7;
  const int d = (19 * a + m) % 30;
  const int e = (2 * b + 4 * c + 6 * d + n) % 7;
  if (d == 29 && e == 6) return Date{year, 4, 19};
  if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) return Date{year, 4, 18};
  const int march_day = 22 + d + e;
  return march_day <= 31 ? Date{year, 3, march_day} : Date{year, 4, march_day - 31};
}

DayNumber dn(int y, int m, int d) {
  return to_day_number(Date{y, m, d});
}

// The one date of a year carrying `name` in swedish_special_days; fails the test when there is not exactly one.
Date only_day_named(int year, const std::string& name) {
  const auto days = swedish_special_days(year);
  const auto count = std::count_if(days.begin(), days.end(), [&](const NamedDay& d) { return d.name == name; });
  REQUIRE_MESSAGE(count == 1, name, " in ", year);
  return std::find_if(days.begin(), days.end(), [&](const NamedDay& d) { return d.name == name; })->date;
}

}  // namespace

TEST_CASE("påskdagen agrees with Gauss's algorithm for every year 1900-2200") {
  for (int year = 1900; year <= 2200; ++year) {
    CAPTURE(year);
    REQUIRE(easter_sunday(year) == gauss_easter(year));
    REQUIRE(weekday_of(easter_sunday(year)) == Weekday::Sunday);
  }
}

TEST_CASE("påskdagen on known dates, including Gauss's exception years") {
  CHECK(easter_sunday(2025) == Date{2025, 4, 20});
  CHECK(easter_sunday(2026) == Date{2026, 4, 5});
  CHECK(easter_sunday(2027) == Date{2027, 3, 28});
  CHECK(easter_sunday(2028) == Date{2028, 4, 16});
  CHECK(easter_sunday(2000) == Date{2000, 4, 23});
  CHECK(easter_sunday(2038) == Date{2038, 4, 25});  // the latest possible
  CHECK(easter_sunday(2008) == Date{2008, 3, 23});
  CHECK(easter_sunday(1981) == Date{1981, 4, 19});  // Gauss: d = 29, e = 6
  CHECK(easter_sunday(1954) == Date{1954, 4, 18});  // Gauss: d = 28, e = 6
  CHECK(easter_sunday(2049) == Date{2049, 4, 18});
  CHECK(easter_sunday(2285) == Date{2285, 3, 22});  // the earliest possible
}

TEST_CASE("the Easter days around påskdagen 2027 are closed, and skärtorsdagen ends work early") {
  Calendar cal;
  CHECK(cal.kind_of(Date{2027, 3, 25}) == DayKind::ReducedHours);
  CHECK(cal.name_of(dn(2027, 3, 25)) == "Skärtorsdagen");
  CHECK(cal.kind_of(Date{2027, 3, 26}) == DayKind::PublicHoliday);
  CHECK(cal.name_of(dn(2027, 3, 26)) == "Långfredagen");
  CHECK(cal.kind_of(Date{2027, 3, 27}) == DayKind::DayOff);
  CHECK(cal.name_of(dn(2027, 3, 27)) == "Påskafton");
  CHECK(cal.kind_of(Date{2027, 3, 28}) == DayKind::PublicHoliday);
  CHECK(cal.name_of(dn(2027, 3, 28)) == "Påskdagen");
  CHECK(cal.kind_of(Date{2027, 3, 29}) == DayKind::PublicHoliday);
  CHECK(cal.name_of(dn(2027, 3, 29)) == "Annandag påsk");
  CHECK(cal.kind_of(Date{2027, 3, 30}) == DayKind::Workday);
}

TEST_CASE("Kristi himmelsfärdsdag 2027 is Thursday 6 May and the day before ends work early") {
  Calendar cal;
  CHECK(only_day_named(2027, "Kristi himmelsfärdsdag") == Date{2027, 5, 6});
  CHECK(cal.kind_of(Date{2027, 5, 6}) == DayKind::PublicHoliday);
  CHECK(cal.kind_of(Date{2027, 5, 5}) == DayKind::ReducedHours);
  CHECK(only_day_named(2027, "Pingstdagen") == Date{2027, 5, 16});
  CHECK(cal.kind_of(Date{2027, 5, 15}) == DayKind::DayOff);  // pingstafton
}

TEST_CASE("midsommardagen is a Saturday in 20-26 June and midsommarafton the Friday before, 1900-2200") {
  Calendar cal;
  for (int year = 1900; year <= 2200; ++year) {
    CAPTURE(year);
    const Date day = only_day_named(year, "Midsommardagen");
    REQUIRE(day.month == 6);
    REQUIRE(day.day >= 20);
    REQUIRE(day.day <= 26);
    REQUIRE(weekday_of(day) == Weekday::Saturday);
    REQUIRE(cal.kind_of(day) == DayKind::PublicHoliday);
    const Date eve = only_day_named(year, "Midsommarafton");
    REQUIRE(to_day_number(eve) == to_day_number(day) - 1);
    REQUIRE(cal.kind_of(eve) == DayKind::DayOff);
  }
  CHECK(only_day_named(2026, "Midsommarafton") == Date{2026, 6, 19});
  CHECK(only_day_named(2027, "Midsommarafton") == Date{2027, 6, 25});
}

TEST_CASE("alla helgons dag is a Saturday in 31 Oct-6 Nov and its Friday eve ends work early, 1900-2200") {
  Calendar cal;
  for (int year = 1900; year <= 2200; ++year) {
    CAPTURE(year);
    const Date day = only_day_named(year, "Alla helgons dag");
    REQUIRE(((day.month == 10 && day.day == 31) || (day.month == 11 && day.day <= 6)));
    REQUIRE(weekday_of(day) == Weekday::Saturday);
    REQUIRE(cal.kind_of(day) == DayKind::PublicHoliday);
    const Date eve = only_day_named(year, "Allhelgonaafton");
    REQUIRE(to_day_number(eve) == to_day_number(day) - 1);
    REQUIRE(cal.kind_of(eve) == DayKind::ReducedHours);
  }
  CHECK(only_day_named(2026, "Alla helgons dag") == Date{2026, 10, 31});
  CHECK(only_day_named(2027, "Alla helgons dag") == Date{2027, 11, 6});
}

TEST_CASE("fixed-date holidays are public holidays whatever the weekday") {
  Calendar cal;
  CHECK(cal.kind_of(Date{2027, 1, 1}) == DayKind::PublicHoliday);
  CHECK(cal.kind_of(Date{2027, 1, 6}) == DayKind::PublicHoliday);
  CHECK(cal.kind_of(Date{2026, 5, 1}) == DayKind::PublicHoliday);
  CHECK(cal.kind_of(Date{2027, 5, 1}) == DayKind::PublicHoliday);  // a Saturday
  CHECK(cal.kind_of(Date{2026, 6, 6}) == DayKind::PublicHoliday);
  CHECK(cal.name_of(dn(2026, 6, 6)) == "Sveriges nationaldag");
  CHECK(cal.kind_of(Date{2026, 12, 25}) == DayKind::PublicHoliday);
  CHECK(cal.kind_of(Date{2026, 12, 26}) == DayKind::PublicHoliday);
}

TEST_CASE("every Sunday is a public holiday, a plain Saturday is a Saturday, and neither is closed by name") {
  Calendar cal;
  for (DayNumber d = dn(2027, 1, 1); d <= dn(2027, 12, 31); ++d)
    if (weekday_of(d) == Weekday::Sunday) REQUIRE(cal.kind_of(d) == DayKind::PublicHoliday);
  CHECK(cal.kind_of(Date{2027, 1, 16}) == DayKind::Saturday);
  CHECK(cal.is_closed_day(dn(2027, 1, 16)));
  CHECK_FALSE(cal.is_named_closed_day(dn(2027, 1, 16)));
  CHECK_FALSE(cal.is_named_closed_day(dn(2027, 1, 17)));
  CHECK(cal.name_of(dn(2027, 1, 17)).empty());
  CHECK(cal.is_named_closed_day(dn(2027, 3, 28)));  // påskdagen is a Sunday with a name
}

TEST_CASE("julafton and nyårsafton are days off; on a Saturday still a day off, on a Sunday a holiday") {
  Calendar cal;
  CHECK(cal.kind_of(Date{2026, 12, 24}) == DayKind::DayOff);
  CHECK(cal.kind_of(Date{2026, 12, 31}) == DayKind::DayOff);
  CHECK(cal.kind_of(Date{2022, 12, 24}) == DayKind::DayOff);         // Saturday: DayOff beats Saturday
  CHECK(cal.kind_of(Date{2023, 12, 24}) == DayKind::PublicHoliday);  // Sunday
  CHECK(cal.is_named_closed_day(dn(2022, 12, 24)));
}

TEST_CASE("reduced-hours eves end work early only on weekdays") {
  Calendar cal;
  CHECK(cal.kind_of(Date{2027, 1, 5}) == DayKind::ReducedHours);     // trettondagsafton, Tuesday
  CHECK(cal.kind_of(Date{2027, 4, 30}) == DayKind::ReducedHours);    // valborgsmässoafton, Friday
  CHECK(cal.kind_of(Date{2026, 6, 5}) == DayKind::ReducedHours);     // the day before nationaldagen, Friday
  CHECK(cal.kind_of(Date{2027, 11, 5}) == DayKind::ReducedHours);    // allhelgonaafton
  CHECK(cal.kind_of(Date{2027, 6, 5}) == DayKind::Saturday);         // on a Saturday it is only a Saturday
  CHECK(cal.name_of(dn(2027, 6, 5)) == "Dagen före nationaldagen");  // ... but keeps its name
  CHECK_FALSE(cal.is_closed_day(dn(2027, 1, 5)));
}

TEST_CASE("2027 has 5 weekday public holidays, 3 weekday days off and 253 working days") {
  Calendar cal;
  int holidays = 0;
  int days_off = 0;
  int working = 0;
  for (DayNumber d = dn(2027, 1, 1); d <= dn(2027, 12, 31); ++d) {
    const bool weekday = weekday_of(d) < Weekday::Saturday;
    holidays += weekday && cal.kind_of(d) == DayKind::PublicHoliday;
    days_off += weekday && cal.kind_of(d) == DayKind::DayOff;
    working += !cal.is_closed_day(d);
  }
  CHECK(holidays == 5);  // 1 Jan, 6 Jan, långfredagen, annandag påsk, Kristi himmelsfärd
  CHECK(days_off == 3);  // midsommarafton, julafton, nyårsafton
  CHECK(working == 261 - 8);
}

// Every special day of 2027 and of 2032 (a leap year with the same Easter, 28 March), worked out by hand from
// the rules of SFS 1989:253 and the de facto eves: the whole yearly list, names, kinds and what each date finally
// is. A wrong offset, window or weekday in any one rule changes a line here.
TEST_CASE("the special days of 2027 and 2032, computed by hand, are exactly swedish_special_days") {
  struct Row {
    Date date;
    const char* name;
    DayKind rule;
    DayKind final_kind;  // kind_of: a reduced-hours eve on a weekend is only that weekend day
  };
  const auto H = DayKind::PublicHoliday;
  const auto O = DayKind::DayOff;
  const auto R = DayKind::ReducedHours;
  const auto Sat = DayKind::Saturday;
  const std::vector<Row> y2027 = {
      {{2027, 1, 1}, "Nyårsdagen", H, H},                         // Friday
      {{2027, 1, 5}, "Trettondagsafton", R, R},                   // Tuesday
      {{2027, 1, 6}, "Trettondedag jul", H, H},                   // Wednesday
      {{2027, 3, 25}, "Skärtorsdagen", R, R},                     // E-3, Thursday
      {{2027, 3, 26}, "Långfredagen", H, H},                      // E-2
      {{2027, 3, 27}, "Påskafton", O, O},                         // E-1
      {{2027, 3, 28}, "Påskdagen", H, H},                         // E
      {{2027, 3, 29}, "Annandag påsk", H, H},                     // E+1
      {{2027, 4, 30}, "Valborgsmässoafton", R, R},                // Friday
      {{2027, 5, 1}, "Första maj", H, H},                         // Saturday
      {{2027, 5, 5}, "Dagen före Kristi himmelsfärdsdag", R, R},  // E+38, Wednesday
      {{2027, 5, 6}, "Kristi himmelsfärdsdag", H, H},             // E+39
      {{2027, 5, 15}, "Pingstafton", O, O},                       // E+48
      {{2027, 5, 16}, "Pingstdagen", H, H},                       // E+49
      {{2027, 6, 5}, "Dagen före nationaldagen", R, Sat},         // a Saturday: no early close
      {{2027, 6, 6}, "Sveriges nationaldag", H, H},               // Sunday
      {{2027, 6, 25}, "Midsommarafton", O, O},                    // Friday 19-25 June
      {{2027, 6, 26}, "Midsommardagen", H, H},                    // Saturday 20-26 June
      {{2027, 11, 5}, "Allhelgonaafton", R, R},                   // Friday
      {{2027, 11, 6}, "Alla helgons dag", H, H},                  // Saturday 31 Oct-6 Nov
      {{2027, 12, 24}, "Julafton", O, O},                         // Friday
      {{2027, 12, 25}, "Juldagen", H, H},                         // Saturday
      {{2027, 12, 26}, "Annandag jul", H, H},                     // Sunday
      {{2027, 12, 31}, "Nyårsafton", O, O},                       // Friday
  };
  const std::vector<Row> y2032 = {
      {{2032, 1, 1}, "Nyårsdagen", H, H},        // Thursday
      {{2032, 1, 5}, "Trettondagsafton", R, R},  // Monday
      {{2032, 1, 6}, "Trettondedag jul", H, H},  // Tuesday
      {{2032, 3, 25}, "Skärtorsdagen", R, R},    // E = 28 March again
      {{2032, 3, 26}, "Långfredagen", H, H},
      {{2032, 3, 27}, "Påskafton", O, O},
      {{2032, 3, 28}, "Påskdagen", H, H},
      {{2032, 3, 29}, "Annandag påsk", H, H},
      {{2032, 4, 30}, "Valborgsmässoafton", R, R},  // Friday
      {{2032, 5, 1}, "Första maj", H, H},           // Saturday
      {{2032, 5, 5}, "Dagen före Kristi himmelsfärdsdag", R, R},
      {{2032, 5, 6}, "Kristi himmelsfärdsdag", H, H},
      {{2032, 5, 15}, "Pingstafton", O, O},
      {{2032, 5, 16}, "Pingstdagen", H, H},
      {{2032, 6, 5}, "Dagen före nationaldagen", R, Sat},  // Saturday
      {{2032, 6, 6}, "Sveriges nationaldag", H, H},        // Sunday
      {{2032, 6, 25}, "Midsommarafton", O, O},
      {{2032, 6, 26}, "Midsommardagen", H, H},
      {{2032, 11, 5}, "Allhelgonaafton", R, R},
      {{2032, 11, 6}, "Alla helgons dag", H, H},
      {{2032, 12, 24}, "Julafton", O, O},  // Friday
      {{2032, 12, 25}, "Juldagen", H, H},
      {{2032, 12, 26}, "Annandag jul", H, H},
      {{2032, 12, 31}, "Nyårsafton", O, O},
  };
  const Calendar cal;
  for (const auto* rows : {&y2027, &y2032}) {
    const int year = rows->front().date.year;
    CAPTURE(year);
    const auto days = swedish_special_days(year);
    REQUIRE(days.size() == rows->size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const Row& want = (*rows)[i];
      CAPTURE(want.name);
      CHECK(days[i].date == want.date);
      CHECK(days[i].name == want.name);
      CHECK(days[i].kind == want.rule);
      CHECK(cal.kind_of(want.date) == want.final_kind);
    }
  }
  // 2032 is a leap year starting on a Thursday: 262 weekdays, less 5 weekday holidays (1 and 6 Jan, långfredagen,
  // annandag påsk, Kristi himmelsfärd; 1 May, 6 June and Christmas fall on the weekend) and 3 weekday days off
  // (midsommarafton, julafton, nyårsafton).
  int working = 0;
  for (DayNumber d = dn(2032, 1, 1); d <= dn(2032, 12, 31); ++d)
    working += !cal.is_closed_day(d);
  CHECK(working == 262 - 5 - 3);
}

TEST_CASE("a holiday coinciding with another keeps both names, strongest first (första maj 2008)") {
  Calendar cal;
  CHECK(cal.kind_of(Date{2008, 5, 1}) == DayKind::PublicHoliday);
  CHECK(cal.name_of(dn(2008, 5, 1)) == "Första maj, Kristi himmelsfärdsdag");
}

TEST_CASE("scenario closures close a workday and beat a reduced-hours day, but a holiday stays a holiday") {
  Calendar cal;
  cal.add_closure(Date{2027, 5, 7}, "Klämdag");  // Friday after Kristi himmelsfärd
  cal.add_closure(Date{2027, 1, 5}, "Trettondagsafton stängt");
  cal.add_closure(Date{2027, 1, 6}, "Stängt");  // already a holiday
  CHECK(cal.kind_of(Date{2027, 5, 7}) == DayKind::Closure);
  CHECK(cal.name_of(dn(2027, 5, 7)) == "Klämdag");
  CHECK(cal.is_closed_day(dn(2027, 5, 7)));
  CHECK(cal.is_named_closed_day(dn(2027, 5, 7)));
  CHECK(cal.kind_of(Date{2027, 1, 5}) == DayKind::Closure);
  CHECK(cal.name_of(dn(2027, 1, 5)) == "Trettondagsafton stängt, Trettondagsafton");
  CHECK(cal.closing_name_of(dn(2027, 1, 5)) == "Trettondagsafton stängt");  // the eve does not close the day
  CHECK(cal.kind_of(Date{2027, 1, 6}) == DayKind::PublicHoliday);
  CHECK(cal.name_of(dn(2027, 1, 6)) == "Trettondedag jul, Stängt");
  REQUIRE(cal.closures().size() == 3);
  CHECK(cal.closures().front().date == Date{2027, 1, 5});  // kept in date order
}

TEST_CASE("a second closure on the same date adds its name instead of a second entry") {
  Calendar cal;
  cal.add_closure(Date{2027, 5, 7}, "Klämdag");
  cal.add_closure(Date{2027, 5, 7}, "Personaldag");
  REQUIRE(cal.closures().size() == 1);
  CHECK(cal.name_of(dn(2027, 5, 7)) == "Klämdag, Personaldag");
}

TEST_CASE("summer periods are inclusive at both ends and do not change a day's kind") {
  Calendar cal;
  cal.add_summer_period(DateRange{Date{2027, 6, 28}, Date{2027, 8, 8}});
  CHECK_FALSE(cal.is_summer(dn(2027, 6, 27)));
  CHECK(cal.is_summer(dn(2027, 6, 28)));
  CHECK(cal.is_summer(dn(2027, 8, 8)));
  CHECK_FALSE(cal.is_summer(dn(2027, 8, 9)));
  CHECK_FALSE(cal.is_summer(dn(2028, 7, 1)));
  CHECK(cal.kind_of(Date{2027, 7, 1}) == DayKind::Workday);
}

TEST_CASE("a copied calendar is independent of the original (scenarios are copied)") {
  Calendar base;
  base.add_closure(Date{2027, 5, 7}, "Klämdag");
  Calendar what_if = base;
  what_if.add_closure(Date{2027, 12, 27}, "Mellandag");
  what_if.add_summer_period(DateRange{Date{2027, 7, 1}, Date{2027, 7, 31}});
  CHECK(base.kind_of(Date{2027, 12, 27}) == DayKind::Workday);
  CHECK(what_if.kind_of(Date{2027, 12, 27}) == DayKind::Closure);
  CHECK(what_if.kind_of(Date{2027, 5, 7}) == DayKind::Closure);
  CHECK_FALSE(base.is_summer(dn(2027, 7, 15)));
}

TEST_CASE("swedish_special_days lists a year in date order without plain Sundays") {
  const auto days = swedish_special_days(2027);
  CHECK(std::is_sorted(days.begin(), days.end(), [](const NamedDay& a, const NamedDay& b) { return a.date < b.date; }));
  CHECK(days.front().date == Date{2027, 1, 1});
  CHECK(days.front().name == "Nyårsdagen");
  CHECK(days.back().date == Date{2027, 12, 31});
  CHECK(days.back().kind == DayKind::DayOff);
  // 13 public holidays by law (Sundays aside), 5 days off, 6 reduced-hours eves.
  CHECK(std::count_if(days.begin(), days.end(), [](const NamedDay& d) { return d.kind == DayKind::PublicHoliday; }) ==
        13);
  CHECK(std::count_if(days.begin(), days.end(), [](const NamedDay& d) { return d.kind == DayKind::DayOff; }) == 5);
  CHECK(std::count_if(days.begin(), days.end(), [](const NamedDay& d) { return d.kind == DayKind::ReducedHours; }) ==
        6);
}

TEST_CASE("precedence ranks PublicHoliday > DayOff > Closure > ReducedHours > Saturday > Workday") {
  CHECK(precedence_of(DayKind::PublicHoliday) > precedence_of(DayKind::DayOff));
  CHECK(precedence_of(DayKind::DayOff) > precedence_of(DayKind::Closure));
  CHECK(precedence_of(DayKind::Closure) > precedence_of(DayKind::ReducedHours));
  CHECK(precedence_of(DayKind::ReducedHours) > precedence_of(DayKind::Saturday));
  CHECK(precedence_of(DayKind::Saturday) > precedence_of(DayKind::Workday));
  CHECK(std::string(day_kind_name(DayKind::ReducedHours)) == "ReducedHours");
}
