// Checked reads of scenario values (see scenario_reader.hpp): the structure pass's vocabulary of errors.
#include "model/scenario_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "model/scenario_keys.hpp"

namespace vaxel::model::yaml {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

constexpr std::array<std::string_view, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (std::string_view c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

std::string where(std::string_view path) {
  return path.empty() ? std::string() : "'" + std::string(path) + "': ";
}

std::string describe(const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::Null:
      return "nothing";
    case YNode::Kind::Scalar:
      return "'" + n.scalar + "'";
    case YNode::Kind::Sequence:
      return "a list";
    case YNode::Kind::Map:
      return "a map";
  }
  return "?";
}

MapView::MapView(Ctx& ctx, const YNode* node, std::string path, std::initializer_list<std::string_view> allowed)
    : ctx_(ctx), node_(node), path_(std::move(path)) {
  if (node_ == nullptr || node_->is_null()) {
    node_ = nullptr;
    return;
  }
  if (!node_->is_map()) {
    ctx_.structure(node_->pos, where(path_) + "expected a map of keys, got " + describe(*node_));
    valid_ = false;
    node_ = nullptr;
    return;
  }
  const std::vector<std::string_view> words(allowed);
  for (const YEntry& e : node_->entries) {
    if (std::find(words.begin(), words.end(), e.key) != words.end()) continue;
    std::string message = "unknown key '" + e.key + "'" + (path_.empty() ? "" : " in '" + path_ + "'");
    const std::string near = did_you_mean(e.key, words);
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    ctx_.structure(e.key_pos, message);
  }
}

const YNode* MapView::get(std::string_view key) const {
  if (node_ == nullptr) return nullptr;
  const YEntry* e = node_->find(key);
  if (e == nullptr || e->value.is_null()) return nullptr;
  return &e->value;
}

const YNode* MapView::require(std::string_view key) {
  const YNode* n = get(key);
  if (n == nullptr && valid_) {
    const std::string in = path_.empty() ? "the scenario" : "'" + path_ + "'";
    ctx_.structure(pos(), "missing required key '" + std::string(key) + "' in " + in);
  }
  return n;
}

void MapView::exclusive(std::initializer_list<std::string_view> keys) {
  std::vector<const YEntry*> given;
  for (std::string_view k : keys)
    if (node_ != nullptr)
      if (const YEntry* e = node_->find(k); e != nullptr && !e->value.is_null())  // `k: ~` is absent, as in get()
        given.push_back(e);
  if (given.size() < 2) return;
  std::string names;
  for (std::string_view k : keys)
    names += (names.empty() ? "'" : ", '") + std::string(k) + "'";
  ctx_.structure(given[1]->key_pos, "'" + given[1]->key + "' cannot be given together with '" + given[0]->key + "' (" +
                                        names + " exclude each other)");
}

std::string MapView::path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

SourcePos MapView::pos() const {
  return node_ != nullptr ? node_->pos : SourcePos{};
}

std::optional<std::string> read_string(Ctx& ctx, const YNode& n, std::string_view path) {
  if (n.is_scalar()) return n.scalar;
  ctx.structure(n.pos, where(path) + "expected text, got " + describe(n));
  return std::nullopt;
}

std::optional<double> read_number(Ctx& ctx, const YNode& n, std::string_view path) {
  if (n.is_scalar() && !n.scalar.empty()) {
    const char* begin = n.scalar.c_str();
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(begin, &end);
    if (end == begin + n.scalar.size() && errno == 0 && std::isfinite(v)) return v;
  }
  ctx.structure(n.pos, where(path) + "expected a number, got " + describe(n));
  return std::nullopt;
}

std::optional<double> read_number_in(Ctx& ctx, const YNode& n, std::string_view path, double lo, double hi,
                                     std::string_view what) {
  const std::optional<double> v = read_number(ctx, n, path);
  if (!v) return std::nullopt;
  if (*v < lo || *v > hi) {
    std::string range;
    if (hi == HUGE_VAL)
      range = lo == 0.0 ? "must not be negative" : fmt::format("must be at least {:g}", lo);
    else
      range = fmt::format("is outside [{:g}, {:g}]", lo, hi);
    ctx.meaning(n.pos, where(path) + std::string(what) + " " + fmt::format("{:g}", *v) + " " + range);
    return std::nullopt;
  }
  return v;
}

std::optional<double> read_probability(Ctx& ctx, const YNode& n, std::string_view path) {
  return read_number_in(ctx, n, path, 0.0, 1.0, "probability");
}

std::optional<long long> read_integer(Ctx& ctx, const YNode& n, std::string_view path, long long lo, long long hi,
                                      std::string_view what) {
  if (n.is_scalar() && !n.scalar.empty()) {
    const char* begin = n.scalar.c_str();
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(begin, &end, 10);
    if (end == begin + n.scalar.size() && errno == 0) {
      if (v < lo || v > hi) {
        ctx.meaning(n.pos, where(path) + fmt::format("{} {} is outside [{}, {}]", what, v, lo, hi));
        return std::nullopt;
      }
      return v;
    }
  }
  ctx.structure(n.pos, where(path) + "expected a whole number, got " + describe(n));
  return std::nullopt;
}

std::optional<bool> read_bool(Ctx& ctx, const YNode& n, std::string_view path) {
  if (n.is_scalar()) {
    if (n.scalar == "true" || n.scalar == "yes") return true;
    if (n.scalar == "false" || n.scalar == "no") return false;
  }
  ctx.structure(n.pos, where(path) + "expected true or false, got " + describe(n));
  return std::nullopt;
}

std::optional<Date> read_date(Ctx& ctx, const YNode& n, std::string_view path) {
  Date d;
  if (n.is_scalar() && parse_date(n.scalar, d)) return d;
  ctx.structure(n.pos, where(path) + "expected a date YYYY-MM-DD, got " + describe(n));
  return std::nullopt;
}

std::optional<int> read_clock(Ctx& ctx, const YNode& n, std::string_view path) {
  int minutes = 0;
  if (n.is_scalar() && parse_clock(n.scalar, minutes)) return minutes;
  ctx.structure(n.pos, where(path) + "expected a clock time HH:MM, got " + describe(n));
  return std::nullopt;
}

std::optional<Distribution> read_distribution(Ctx& ctx, const YNode& n, std::string_view path) {
  constexpr double kNoLimit = keys::kMaxDurationS;  // a time in seconds (scenario_keys.hpp)
  if (n.is_scalar()) {
    const std::optional<double> v = read_number_in(ctx, n, path, 0.0, kNoLimit);
    if (!v) return std::nullopt;
    return Distribution::constant(*v);
  }
  MapView m(ctx, &n, std::string(path),
            {keys::kConstant, keys::kExponential, keys::kLognormal, keys::kUniform, keys::kEmpirical});
  if (!m.valid()) return std::nullopt;
  m.exclusive({keys::kConstant, keys::kExponential, keys::kLognormal, keys::kUniform, keys::kEmpirical});
  if (n.entries.size() != 1) {
    if (n.entries.empty())
      ctx.structure(n.pos, where(path) +
                               "expected a distribution: a number, or one of constant, exponential, "
                               "lognormal, uniform, empirical");
    return std::nullopt;
  }
  const YEntry& e = n.entries.front();
  const std::string sub = m.path(e.key);
  if (e.key == keys::kConstant) {
    const std::optional<double> v = read_number_in(ctx, e.value, sub, 0.0, kNoLimit);
    if (!v) return std::nullopt;
    return Distribution::constant(*v);
  }
  if (e.key == keys::kEmpirical) {
    if (!e.value.is_sequence() || e.value.items.empty()) {
      ctx.structure(e.value.pos, where(sub) + "expected a non-empty list of numbers, got " + describe(e.value));
      return std::nullopt;
    }
    Distribution d;
    d.kind = DistributionKind::Empirical;
    bool ok = true;
    for (const YNode& item : e.value.items) {
      const std::optional<double> v = read_number_in(ctx, item, sub, 0.0, kNoLimit);
      if (v) d.values.push_back(*v);
      ok = ok && v.has_value();
    }
    if (!ok) return std::nullopt;
    return d;
  }
  if (e.key == keys::kUniform) {
    MapView p(ctx, &e.value, sub, {keys::kMin, keys::kMax});
    const YNode* lo_node = p.require(keys::kMin);
    const YNode* hi_node = p.require(keys::kMax);
    if (!p.valid() || lo_node == nullptr || hi_node == nullptr) return std::nullopt;
    const auto lo = read_number_in(ctx, *lo_node, p.path(keys::kMin), 0.0, kNoLimit);
    const auto hi = read_number_in(ctx, *hi_node, p.path(keys::kMax), 0.0, kNoLimit);
    if (!lo || !hi) return std::nullopt;
    if (*hi < *lo) {
      ctx.meaning(hi_node->pos, where(sub) + fmt::format("max {:g} is below min {:g}", *hi, *lo));
      return std::nullopt;
    }
    return Distribution::uniform(*lo, *hi);
  }
  if (e.key != keys::kLognormal && e.key != keys::kExponential) return std::nullopt;  // reported as unknown
  const bool lognormal = e.key == keys::kLognormal;
  MapView p(ctx, &e.value, sub,
            lognormal ? std::initializer_list<std::string_view>{keys::kMean, keys::kCv}
                      : std::initializer_list<std::string_view>{keys::kMean});
  const YNode* mean_node = p.require(keys::kMean);
  if (!p.valid() || mean_node == nullptr) return std::nullopt;
  const auto mean = read_number_in(ctx, *mean_node, p.path(keys::kMean), 0.0, kNoLimit);
  if (!mean) return std::nullopt;
  if (!lognormal) return Distribution::exponential(*mean);
  double cv = 1.0;  // domain.md: service times are lognormal with CV about 1
  if (const YNode* cv_node = p.get(keys::kCv)) {
    const auto v = read_number_in(ctx, *cv_node, p.path(keys::kCv), 0.0, keys::kMaxCv);
    if (!v) return std::nullopt;
    cv = *v;
  }
  return Distribution::lognormal(*mean, cv);
}

namespace {

std::optional<Interval> read_interval(Ctx& ctx, const YNode& n, std::string_view path) {
  const std::string expected = where(path) + "expected an interval \"HH:MM-HH:MM\" or closed, got " + describe(n);
  if (!n.is_scalar()) {
    ctx.structure(n.pos, expected);
    return std::nullopt;
  }
  const std::size_t dash = n.scalar.find('-');
  Interval iv;
  if (dash == std::string::npos || !parse_clock(n.scalar.substr(0, dash), iv.start_minute) ||
      !parse_clock(n.scalar.substr(dash + 1), iv.end_minute)) {
    ctx.structure(n.pos, expected);
    return std::nullopt;
  }
  if (iv.end_minute <= iv.start_minute) {
    ctx.meaning(n.pos, where(path) + "interval " + n.scalar + " ends before it starts");
    return std::nullopt;
  }
  return iv;
}

}  // namespace

std::optional<DayHours> read_day_hours(Ctx& ctx, const YNode& n, std::string_view path) {
  if (n.is_scalar() && n.scalar == keys::kClosed) return DayHours{};
  std::vector<const YNode*> items;
  if (n.is_sequence()) {
    for (const YNode& item : n.items)
      items.push_back(&item);
  } else {
    items.push_back(&n);
  }
  std::vector<std::pair<Interval, const YNode*>> read;
  bool ok = true;
  for (const YNode* item : items) {
    if (const auto iv = read_interval(ctx, *item, path))
      read.emplace_back(*iv, item);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  std::sort(read.begin(), read.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  DayHours hours;
  for (std::size_t i = 0; i < read.size(); ++i) {
    if (i > 0 && read[i].first.start_minute < read[i - 1].first.end_minute) {
      // An operator cannot sit at the switchboard twice at once; the same holds for any schedule.
      ctx.meaning(read[i].second->pos, where(path) + "intervals " + read[i - 1].second->scalar + " and " +
                                           read[i].second->scalar + " overlap");
      ok = false;
      continue;
    }
    if (!hours.empty() && hours.back().end_minute == read[i].first.start_minute)
      hours.back().end_minute = read[i].first.end_minute;  // touching intervals are one
    else
      hours.push_back(read[i].first);
  }
  if (!ok) return std::nullopt;
  return hours;
}

std::vector<int> parse_day_key(std::string_view key) {
  auto day_index = [](std::string_view word) -> int {
    for (std::size_t i = 0; i < kDayKeys.size(); ++i)
      if (kDayKeys[i] == word) return static_cast<int>(i);
    return -1;
  };
  const std::size_t dash = key.find('-');
  const int first = day_index(key.substr(0, dash));
  const int last = dash == std::string_view::npos ? first : day_index(key.substr(dash + 1));
  std::vector<int> days;
  if (first < 0 || last < first) return days;
  for (int d = first; d <= last; ++d)
    days.push_back(d);
  return days;
}

std::optional<WeeklyHours> read_weekly(Ctx& ctx, const YNode& n, std::string_view path) {
  if (!n.is_map()) {
    ctx.structure(
        n.pos, where(path) + "expected a map of days to hours, e.g. {mon-fri: [\"08:00-16:00\"]}, got " + describe(n));
    return std::nullopt;
  }
  WeeklyHours week;
  bool ok = true;
  for (const YEntry& e : n.entries) {
    const std::vector<int> days = parse_day_key(e.key);
    if (days.empty()) {
      std::string message = where(path) + "'" + e.key + "' is not a day or day range (mon..sun, e.g. mon-fri)";
      const std::string near = did_you_mean(e.key, {kDayKeys.begin(), kDayKeys.end()});
      if (!near.empty()) message += "; did you mean '" + near + "'?";
      ctx.structure(e.key_pos, message);
      ok = false;
      continue;
    }
    const std::optional<DayHours> hours = read_day_hours(ctx, e.value, std::string(path) + "." + e.key);
    if (!hours) {
      ok = false;
      continue;
    }
    for (int d : days)
      week.days[static_cast<std::size_t>(d)] = *hours;  // later keys override earlier ones (docs/scenario.md)
  }
  if (!ok) return std::nullopt;
  return week;
}

std::optional<Schedule> read_schedule(Ctx& ctx, const YNode& n, std::string_view path) {
  MapView m(ctx, &n, std::string(path),
            {keys::kWeekly, keys::kSummer, keys::kReducedDayClose, keys::kHolidays, keys::kExceptions});
  if (!m.valid()) return std::nullopt;
  Schedule s;
  bool ok = true;
  if (const YNode* w = m.require(keys::kWeekly)) {
    if (auto week = read_weekly(ctx, *w, m.path(keys::kWeekly)))
      s.weekly = *week;
    else
      ok = false;
  } else {
    ok = false;
  }
  if (const YNode* w = m.get(keys::kSummer)) {
    if (auto week = read_weekly(ctx, *w, m.path(keys::kSummer)))
      s.summer = *week;
    else
      ok = false;
  }
  if (const YNode* c = m.get(keys::kReducedDayClose)) {
    if (auto minute = read_clock(ctx, *c, m.path(keys::kReducedDayClose)))
      s.reduced_day_close = *minute;
    else
      ok = false;
  }
  if (const YNode* h = m.get(keys::kHolidays)) {
    if (auto hours = read_day_hours(ctx, *h, m.path(keys::kHolidays))) {
      if (!hours->empty()) s.holiday_hours = *hours;  // closed is the default
    } else {
      ok = false;
    }
  }
  if (const YNode* x = m.get(keys::kExceptions)) {
    const std::string xpath = m.path(keys::kExceptions);
    if (!x->is_sequence()) {
      ctx.structure(x->pos, where(xpath) + "expected a list of {date, hours, reason}, got " + describe(*x));
      ok = false;
    } else {
      for (const YNode& item : x->items) {
        MapView e(ctx, &item, xpath, {keys::kDate, keys::kHours, keys::kReason});
        const YNode* date_node = e.require(keys::kDate);
        const YNode* hours_node = e.require(keys::kHours);
        if (!e.valid() || date_node == nullptr || hours_node == nullptr) {
          ok = false;
          continue;
        }
        DatedOverride o;
        const auto date = read_date(ctx, *date_node, e.path(keys::kDate));
        const auto hours = read_day_hours(ctx, *hours_node, e.path(keys::kHours));
        if (const YNode* r = e.get(keys::kReason))
          if (auto reason = read_string(ctx, *r, e.path(keys::kReason))) o.reason = *reason;
        if (!date || !hours) {
          ok = false;
          continue;
        }
        o.date = *date;
        o.hours = *hours;
        for (const DatedOverride& before : s.overrides)
          if (before.date == o.date) {
            ctx.meaning(date_node->pos, where(xpath) + "date " + format_date(o.date) + " is given twice");
            ok = false;
          }
        s.overrides.push_back(std::move(o));
      }
    }
  }
  if (!ok) return std::nullopt;
  // The schedule's own rules (schedule.hpp) as a last guard, so loader and model never disagree on validity.
  if (const std::optional<std::string> problem = schedule_problem(s)) {
    ctx.meaning(n.pos, where(path) + *problem);
    return std::nullopt;
  }
  return s;
}

}  // namespace vaxel::model::yaml
