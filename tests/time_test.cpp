// Civil dates and wall-clock parsing: the ground every schedule and holiday rule stands on.
#include <doctest/doctest.h>

#include "model/time.hpp"

using namespace vaxel::model;

TEST_CASE("dates round-trip through day numbers across four centuries") {
  for (DayNumber n = to_day_number({1900, 1, 1}); n <= to_day_number({2300, 12, 31}); ++n)
    REQUIRE(to_day_number(from_day_number(n)) == n);
  CHECK(to_day_number({1970, 1, 1}) == 0);
  CHECK(from_day_number(to_day_number({2028, 2, 29})) == Date{2028, 2, 29});
}

TEST_CASE("weekdays are exact: 2027-01-11 is a Monday, 2026-11-29 a Sunday") {
  CHECK(weekday_of(Date{2027, 1, 11}) == Weekday::Monday);
  CHECK(weekday_of(Date{2026, 11, 29}) == Weekday::Sunday);
  CHECK(weekday_of(Date{1969, 12, 31}) == Weekday::Wednesday);
}

TEST_CASE("date, clock and date-time text is parsed strictly") {
  Date d;
  CHECK(parse_date("2027-02-28", d));
  CHECK_FALSE(parse_date("2027-02-29", d));
  CHECK_FALSE(parse_date("2027-2-28", d));
  int m = 0;
  CHECK(parse_clock("08:30", m));
  CHECK(m == 510);
  CHECK(parse_clock("24:00", m));
  CHECK_FALSE(parse_clock("24:01", m));
  CHECK_FALSE(parse_clock("8:30", m));
  WallSeconds t = 0;
  CHECK(parse_date_time("2027-01-11T10:30", t));
  CHECK(format_date_time(t) == "2027-01-11T10:30:00");
  CHECK(minute_of_day(t) == 630);
  CHECK_FALSE(parse_date_time("2027-01-11T25:30", t));
}
