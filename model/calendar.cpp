// The Swedish calendar rules (SFS 1989:253 plus the de facto days off and reduced-hours eves) and a scenario's
// closures and summer periods. Every rule is one line in for_each_swedish_rule, so kind_of, name_of and the
// yearly list swedish_special_days cannot disagree.
#include "model/calendar.hpp"

#include <algorithm>

namespace vaxel::model {

namespace {

// Calls emit(name, kind) for every Swedish rule that names the date. The Easter rules are only looked at in
// March..June, the only months Easter-based days (E-3 .. E+49) can fall in, so most calls do no computus.
template <class Emit>
void for_each_swedish_rule(const Date& d, DayNumber n, Weekday w, Emit&& emit) {
  const int md = d.month * 100 + d.day;
  switch (md) {
    case 101:
      emit("Nyårsdagen", DayKind::PublicHoliday);
      break;
    case 105:
      emit("Trettondagsafton", DayKind::ReducedHours);
      break;
    case 106:
      emit("Trettondedag jul", DayKind::PublicHoliday);
      break;
    case 430:
      emit("Valborgsmässoafton", DayKind::ReducedHours);
      break;
    case 501:
      emit("Första maj", DayKind::PublicHoliday);
      break;
    case 605:
      emit("Dagen före nationaldagen", DayKind::ReducedHours);
      break;
    case 606:
      emit("Sveriges nationaldag", DayKind::PublicHoliday);
      break;
    case 1224:
      emit("Julafton", DayKind::DayOff);
      break;
    case 1225:
      emit("Juldagen", DayKind::PublicHoliday);
      break;
    case 1226:
      emit("Annandag jul", DayKind::PublicHoliday);
      break;
    case 1231:
      emit("Nyårsafton", DayKind::DayOff);
      break;
    default:
      break;
  }
  if (d.month >= 3 && d.month <= 6) {
    switch (n - to_day_number(easter_sunday(d.year))) {
      case -3:
        emit("Skärtorsdagen", DayKind::ReducedHours);
        break;
      case -2:
        emit("Långfredagen", DayKind::PublicHoliday);
        break;
      case -1:
        emit("Påskafton", DayKind::DayOff);
        break;
      case 0:
        emit("Påskdagen", DayKind::PublicHoliday);
        break;
      case 1:
        emit("Annandag påsk", DayKind::PublicHoliday);
        break;
      case 38:
        emit("Dagen före Kristi himmelsfärdsdag", DayKind::ReducedHours);
        break;
      case 39:
        emit("Kristi himmelsfärdsdag", DayKind::PublicHoliday);
        break;
      case 48:
        emit("Pingstafton", DayKind::DayOff);
        break;
      case 49:
        emit("Pingstdagen", DayKind::PublicHoliday);
        break;
      default:
        break;
    }
  }
  // Midsommardagen is the Saturday in 20..26 June, so its eve is the Friday in 19..25 June.
  if (d.month == 6 && w == Weekday::Saturday && d.day >= 20 && d.day <= 26)
    emit("Midsommardagen", DayKind::PublicHoliday);
  if (d.month == 6 && w == Weekday::Friday && d.day >= 19 && d.day <= 25) emit("Midsommarafton", DayKind::DayOff);
  // Alla helgons dag is the Saturday in 31 Oct..6 Nov; its eve (Friday 30 Oct..5 Nov) ends work early.
  if (w == Weekday::Saturday && (md == 1031 || (md >= 1101 && md <= 1106)))
    emit("Alla helgons dag", DayKind::PublicHoliday);
  if (w == Weekday::Friday && (md == 1030 || md == 1031 || (md >= 1101 && md <= 1105)))
    emit("Allhelgonaafton", DayKind::ReducedHours);
}

bool is_weekend(Weekday w) {
  return w == Weekday::Saturday || w == Weekday::Sunday;
}

// A reduced-hours eve only shortens a working day; on a weekend it changes nothing.
bool rule_applies(DayKind kind, Weekday w) {
  return kind != DayKind::ReducedHours || !is_weekend(w);
}

DayKind weekday_kind(Weekday w) {
  if (w == Weekday::Sunday) return DayKind::PublicHoliday;
  return w == Weekday::Saturday ? DayKind::Saturday : DayKind::Workday;
}

DayKind stronger(DayKind a, DayKind b) {
  return precedence_of(a) >= precedence_of(b) ? a : b;
}

const NamedDay* find_closure(const std::vector<NamedDay>& closures, const Date& d) {
  const auto it = std::lower_bound(closures.begin(), closures.end(), d,
                                   [](const NamedDay& c, const Date& x) { return c.date < x; });
  return it != closures.end() && it->date == d ? &*it : nullptr;
}

}  // namespace

Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, month, day};
}

std::vector<NamedDay> swedish_special_days(int year) {
  std::vector<NamedDay> days;
  const DayNumber last = to_day_number(Date{year, 12, 31});
  for (DayNumber n = to_day_number(Date{year, 1, 1}); n <= last; ++n) {
    const Date d = from_day_number(n);
    for_each_swedish_rule(d, n, weekday_of(n), [&](const char* name, DayKind kind) {
      days.push_back(NamedDay{d, name, kind});
    });
  }
  return days;
}

int precedence_of(DayKind kind) {
  switch (kind) {
    case DayKind::PublicHoliday:
      return 5;
    case DayKind::DayOff:
      return 4;
    case DayKind::Closure:
      return 3;
    case DayKind::ReducedHours:
      return 2;
    case DayKind::Saturday:
      return 1;
    case DayKind::Workday:
      return 0;
  }
  return 0;
}

const char* day_kind_name(DayKind kind) {
  switch (kind) {
    case DayKind::Workday:
      return "Workday";
    case DayKind::Saturday:
      return "Saturday";
    case DayKind::PublicHoliday:
      return "PublicHoliday";
    case DayKind::DayOff:
      return "DayOff";
    case DayKind::Closure:
      return "Closure";
    case DayKind::ReducedHours:
      return "ReducedHours";
  }
  return "?";
}

void Calendar::add_closure(const Date& date, std::string name) {
  const auto it = std::lower_bound(closures_.begin(), closures_.end(), date,
                                   [](const NamedDay& c, const Date& x) { return c.date < x; });
  if (it != closures_.end() && it->date == date) {
    if (!name.empty() && it->name != name) it->name = it->name.empty() ? std::move(name) : it->name + ", " + name;
    return;
  }
  closures_.insert(it, NamedDay{date, std::move(name), DayKind::Closure});
}

void Calendar::add_summer_period(const DateRange& range) {
  summer_.push_back(range);
}

DayKind Calendar::kind_of(DayNumber day) const {
  const Date d = from_day_number(day);
  const Weekday w = weekday_of(day);
  DayKind kind = weekday_kind(w);
  for_each_swedish_rule(d, day, w, [&](const char*, DayKind k) {
    if (rule_applies(k, w)) kind = stronger(kind, k);
  });
  if (find_closure(closures_, d) != nullptr) kind = stronger(kind, DayKind::Closure);
  return kind;
}

namespace {

// The names of the rules and closures that name a day and pass `keep`, strongest first, so "Första maj, Kristi
// himmelsfärdsdag" (2008) and "Julafton" before a closure's name.
template <class Keep>
std::string names_of(const std::vector<NamedDay>& closures, DayNumber day, Keep&& keep) {
  const Date d = from_day_number(day);
  std::vector<std::pair<DayKind, std::string>> names;
  for_each_swedish_rule(d, day, weekday_of(day), [&](const char* name, DayKind k) {
    if (keep(k)) names.emplace_back(k, name);
  });
  if (const NamedDay* c = find_closure(closures, d); c != nullptr && !c->name.empty() && keep(DayKind::Closure))
    names.emplace_back(DayKind::Closure, c->name);
  std::stable_sort(names.begin(), names.end(),
                   [](const auto& a, const auto& b) { return precedence_of(a.first) > precedence_of(b.first); });
  std::string text;
  for (const auto& [kind, name] : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

std::string Calendar::name_of(DayNumber day) const {
  return names_of(closures_, day, [](DayKind) { return true; });
}

std::string Calendar::closing_name_of(DayNumber day) const {
  return names_of(closures_, day, [](DayKind k) { return k != DayKind::ReducedHours; });
}

bool Calendar::is_summer(DayNumber day) const {
  const Date d = from_day_number(day);
  return std::any_of(summer_.begin(), summer_.end(), [&](const DateRange& r) { return r.contains(d); });
}

bool Calendar::is_closed_day(DayNumber day) const {
  const DayKind k = kind_of(day);
  return k != DayKind::Workday && k != DayKind::ReducedHours;
}

bool Calendar::is_named_closed_day(DayNumber day) const {
  const Date d = from_day_number(day);
  bool named = find_closure(closures_, d) != nullptr;
  for_each_swedish_rule(d, day, weekday_of(day), [&](const char*, DayKind k) {
    named = named || k == DayKind::PublicHoliday || k == DayKind::DayOff;
  });
  return named;
}

}  // namespace vaxel::model
