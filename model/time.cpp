// Civil-date arithmetic (Howard Hinnant's days_from_civil algorithm) and the text forms of dates and times.
#include "model/time.hpp"

#include <fmt/format.h>
#include <array>
#include <charconv>
#include <cmath>

namespace vaxel::model {

DayNumber to_day_number(const Date& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date from_day_number(DayNumber n) {
  const int z = n + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return Date{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

Weekday weekday_of(DayNumber n) {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int w = ((n % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(w);
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

namespace {
// Reads exactly `digits` decimal digits at text[pos..]; false on anything else.
bool read_fixed(const std::string& text, std::size_t pos, int digits, int& out) {
  if (pos + static_cast<std::size_t>(digits) > text.size()) return false;
  const char* first = text.data() + pos;
  for (int i = 0; i < digits; ++i)
    if (first[i] < '0' || first[i] > '9') return false;
  return std::from_chars(first, first + digits, out).ec == std::errc{};
}
}  // namespace

bool parse_date(const std::string& text, Date& out) {
  Date d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  if (!read_fixed(text, 0, 4, d.year) || !read_fixed(text, 5, 2, d.month) || !read_fixed(text, 8, 2, d.day))
    return false;
  if (!is_valid_date(d)) return false;
  out = d;
  return true;
}

bool parse_clock(const std::string& text, int& minutes_out) {
  int h = 0;
  int m = 0;
  if (text.size() != 5 || text[2] != ':' || !read_fixed(text, 0, 2, h) || !read_fixed(text, 3, 2, m)) return false;
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
  minutes_out = h * 60 + m;
  return true;
}

bool parse_date_time(const std::string& text, WallSeconds& out) {
  if (text.size() != 16 && text.size() != 19) return false;
  if (text[10] != 'T' && text[10] != ' ') return false;
  Date d;
  int minutes = 0;
  int seconds = 0;
  if (!parse_date(text.substr(0, 10), d) || !parse_clock(text.substr(11, 5), minutes) || minutes >= kMinutesPerDay)
    return false;
  if (text.size() == 19 && (text[16] != ':' || !read_fixed(text, 17, 2, seconds) || seconds > 59)) return false;
  out = at(to_day_number(d), minutes) + seconds;
  return true;
}

std::string format_date(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string format_clock(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string format_date_time(WallSeconds t) {
  const DayNumber day = day_of(t);
  const auto secs = static_cast<long>(std::floor(t - start_of_day(day)));
  return fmt::format("{}T{:02}:{:02}:{:02}", format_date(from_day_number(day)), secs / 3600, (secs / 60) % 60,
                     secs % 60);
}

const char* weekday_name(Weekday w) {
  static constexpr std::array<const char*, 7> kNames = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                        "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<int>(w)];
}

const char* weekday_name_sv(Weekday w) {
  static constexpr std::array<const char*, 7> kNames = {"måndag", "tisdag", "onsdag", "torsdag",
                                                        "fredag", "lördag", "söndag"};
  return kNames[static_cast<int>(w)];
}

const char* month_name(int month) {
  static constexpr std::array<const char*, 12> kNames = {"January",   "February", "March",    "April",
                                                         "May",       "June",     "July",     "August",
                                                         "September", "October",  "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : "?";
}

}  // namespace vaxel::model
