// The estimators of calibration.hpp: maximum likelihood with standard errors from the Fisher information (or
// the delta method), Poisson counts for arrivals, and the binomial for probabilities.
#include "sim/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace vaxel::sim::calibration {

namespace {

constexpr int kSlots = 96;
constexpr double kMinPositive_s = 0.05;      // half the 0.1 s resolution of the logs vaxel writes
constexpr double kRedialWindow_s = 86400.0;  // a redial comes within a day (the next-day retry is another rule)

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// Kolmogorov's asymptotic tail Q(lambda) with Stephens' small-sample correction.
double kolmogorov_p(double d, int n) {
  const double sn = std::sqrt(static_cast<double>(n));
  const double lambda = (sn + 0.12 + 0.11 / sn) * d;
  if (lambda < 0.2) return 1.0;
  double sum = 0.0;
  for (int k = 1; k <= 100; ++k) {
    const double term = std::exp(-2.0 * k * k * lambda * lambda);
    sum += (k % 2 ? 1.0 : -1.0) * term;
    if (term < 1e-12) break;
  }
  return std::clamp(2.0 * sum, 0.0, 1.0);
}

/// Regularised lower incomplete gamma P(a, x) (series) and upper Q (continued fraction), Numerical Recipes.
double gamma_q(double a, double x) {
  if (x <= 0.0) return 1.0;
  const double gln = std::lgamma(a);
  if (x < a + 1.0) {
    double ap = a, sum = 1.0 / a, del = sum;
    for (int n = 0; n < 1000; ++n) {
      ap += 1.0;
      del *= x / ap;
      sum += del;
      if (std::fabs(del) < std::fabs(sum) * 1e-14) break;
    }
    return 1.0 - sum * std::exp(-x + a * std::log(x) - gln);
  }
  const double tiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < 1e-14) break;
  }
  return std::exp(-x + a * std::log(x) - gln) * h;
}

Value binomial(int hits, int trials) {
  if (trials <= 0) return {};
  const double p = static_cast<double>(hits) / trials;
  return {p, std::sqrt(p * (1.0 - p) / trials)};
}

/// Day classes of the calendar (docs/calendar.md): what the demand model multiplies a day's rate by.
enum class DayClass { Ordinary, Holiday, Reduced, Summer };

DayClass class_of(const model::Calendar& cal, model::DayNumber day) {
  const model::Weekday w = model::weekday_of(day);
  const bool weekend = w == model::Weekday::Saturday || w == model::Weekday::Sunday;
  if (cal.is_named_closed_day(day)) return DayClass::Holiday;
  if (!weekend && cal.kind_of(day) == model::DayKind::ReducedHours) return DayClass::Reduced;
  if (!weekend && cal.is_summer(day)) return DayClass::Summer;
  return DayClass::Ordinary;
}

int slot_of(model::WallSeconds t) {
  return std::clamp(model::minute_of_day(t) / 15, 0, kSlots - 1);
}

Arrivals fit_arrivals(const std::vector<const cdr::CdrRecord*>& firsts, model::DayNumber first_day,
                      model::DayNumber last_day, const model::Calendar& cal) {
  Arrivals a;
  // Counts per day and slot of new errands.
  const int span = last_day - first_day + 1;
  std::vector<std::array<double, kSlots>> counts(static_cast<std::size_t>(span), std::array<double, kSlots>{});
  for (const cdr::CdrRecord* r : firsts)
    counts[static_cast<std::size_t>(model::day_of(r->start_s) - first_day)]
          [static_cast<std::size_t>(slot_of(r->start_s))] += 1.0;

  std::array<double, kSlots> slot_total{};
  std::array<std::array<double, 24>, 7> weekday_hour{};
  for (int i = 0; i < span; ++i) {
    const model::DayNumber day = first_day + i;
    const auto w = static_cast<std::size_t>(model::weekday_of(day));
    const double total =
        std::accumulate(counts[static_cast<std::size_t>(i)].begin(), counts[static_cast<std::size_t>(i)].end(), 0.0);
    switch (class_of(cal, day)) {
      case DayClass::Ordinary:
        ++a.ordinary_days;
        ++a.days[w];
        a.errands[w] += total;
        for (int s = 0; s < kSlots; ++s) {
          slot_total[static_cast<std::size_t>(s)] += counts[static_cast<std::size_t>(i)][static_cast<std::size_t>(s)];
          weekday_hour[w][static_cast<std::size_t>(s / 4)] +=
              counts[static_cast<std::size_t>(i)][static_cast<std::size_t>(s)];
        }
        break;
      case DayClass::Holiday:
        ++a.holiday_days;
        a.holiday_mean += total;
        break;
      case DayClass::Reduced:
        ++a.reduced_days;
        break;
      case DayClass::Summer:
        ++a.summer_days;
        break;
    }
  }
  if (a.holiday_days > 0) a.holiday_mean /= a.holiday_days;

  // The ordinary weekday: the mean of the Monday..Friday daily means (the default's factors average 1).
  std::array<double, 7> mean{}, mean_se{};
  double c = 0.0, c_var = 0.0;
  int weekdays = 0;
  for (std::size_t w = 0; w < 7; ++w) {
    if (a.days[w] == 0) continue;
    mean[w] = a.errands[w] / a.days[w];
    mean_se[w] = std::sqrt(a.errands[w]) / a.days[w];  // Poisson
    if (w < 5) {
      c += mean[w];
      c_var += mean_se[w] * mean_se[w];
      ++weekdays;
    }
  }
  if (weekdays > 0) a.calls_per_weekday = {c / weekdays, std::sqrt(c_var) / weekdays};
  const double cw = a.calls_per_weekday.value;
  for (std::size_t w = 0; w < 7; ++w) {
    if (a.days[w] == 0 || cw <= 0.0) continue;
    const double f = mean[w] / cw;
    const double rel_m = mean[w] > 0.0 ? mean_se[w] / mean[w] : 1.0 / a.days[w];
    const double rel_c = a.calls_per_weekday.se / cw;
    a.weekday_factor[w] = {f, mean[w] > 0.0 ? f * std::sqrt(rel_m * rel_m + rel_c * rel_c) : mean_se[w] / cw};
  }

  // Slot shares, shrunk toward the hour's mean by the evidence for within-hour differences (empirical Bayes:
  // keep the share 1 - df/X of each slot's own deviation, where X is the within-hour chi-square).
  double x = 0.0;
  int df = 0;
  std::array<double, kSlots> hour_mean{};
  for (int h = 0; h < 24; ++h) {
    double sum = 0.0;
    for (int q = 0; q < 4; ++q)
      sum += slot_total[static_cast<std::size_t>(4 * h + q)];
    for (int q = 0; q < 4; ++q)
      hour_mean[static_cast<std::size_t>(4 * h + q)] = sum / 4.0;
    if (sum <= 0.0) continue;
    df += 3;
    for (int q = 0; q < 4; ++q) {
      const double d = slot_total[static_cast<std::size_t>(4 * h + q)] - sum / 4.0;
      x += d * d / (sum / 4.0);
    }
  }
  a.smoothing = x > 0.0 ? std::max(0.0, 1.0 - df / x) : 0.0;
  double total = 0.0;
  for (std::size_t s = 0; s < kSlots; ++s) {
    a.slot_share[s] = hour_mean[s] + a.smoothing * (slot_total[s] - hour_mean[s]);
    total += a.slot_share[s];
  }
  if (total > 0.0)
    for (double& v : a.slot_share)
      v /= total;

  // Goodness of fit: weekday x hour counts on ordinary weekdays against days * daily mean * hour share.
  std::array<double, 24> hour_share{};
  for (std::size_t s = 0; s < kSlots; ++s)
    hour_share[s / 4] += a.slot_share[s];
  int cells = 0, hours = 0, used_days = 0;
  for (double hs : hour_share)
    if (hs > 0.0) ++hours;
  for (std::size_t w = 0; w < 5; ++w) {
    if (a.days[w] == 0) continue;
    ++used_days;
    for (std::size_t h = 0; h < 24; ++h) {
      const double e = a.errands[w] * hour_share[h];
      if (e <= 0.0) continue;
      const double d = weekday_hour[w][h] - e;
      a.fit.statistic += d * d / e;
      ++cells;
    }
  }
  a.fit.df = std::max(1, cells - used_days - (hours - 1));
  a.fit.p = chi_square_upper(a.fit.statistic, a.fit.df);

  // Day factors of the calendar's special days: their new errands against what an ordinary day of the same
  // weekday brings (mean[w] = calls_per_weekday * weekday_factor[w]). The expected count is itself estimated, from
  // the ordinary days, so its variance joins the special days' Poisson variance (delta method); without it the SE
  // came out too small (over 40 one-year logs the summer factor's errors spread 1.1 SEs wide; now 1.0).
  struct SpecialDays {
    double sum = 0.0;                    // new errands on them
    std::array<double, 7> by_weekday{};  // how many fall on each weekday
  };
  SpecialDays reduced, summer;
  for (int i = 0; i < span; ++i) {
    const model::DayNumber day = first_day + i;
    const auto w = static_cast<std::size_t>(model::weekday_of(day));
    const double n =
        std::accumulate(counts[static_cast<std::size_t>(i)].begin(), counts[static_cast<std::size_t>(i)].end(), 0.0);
    const DayClass k = class_of(cal, day);
    SpecialDays* into = k == DayClass::Reduced ? &reduced : k == DayClass::Summer ? &summer : nullptr;
    if (!into) continue;
    into->sum += n;
    into->by_weekday[w] += 1.0;
  }
  auto factor = [&](const SpecialDays& d) -> std::optional<Value> {
    double expected = 0.0, expected_var = 0.0;
    for (std::size_t w = 0; w < 7; ++w) {
      expected += d.by_weekday[w] * mean[w];
      expected_var += d.by_weekday[w] * d.by_weekday[w] * mean_se[w] * mean_se[w];
    }
    if (expected <= 0.0) return std::nullopt;
    const double f = d.sum / expected;
    return Value{f, std::sqrt(d.sum + f * f * expected_var) / expected};
  };
  a.reduced_day_factor = factor(reduced);
  a.summer_factor = factor(summer);
  return a;
}

const char* redial_rule(cdr::Outcome o) {
  switch (o) {
    case cdr::Outcome::Abandoned:
      return "after_abandon";
    case cdr::Outcome::Busy:
      return "after_busy";
    case cdr::Outcome::NoAnswer:
    case cdr::Outcome::Unanswered:
      return "after_no_answer";
    case cdr::Outcome::MobileGiven:
      return "after_mobile";
    case cdr::Outcome::Closed:
      return "after_closed";
    case cdr::Outcome::ReturnTime:
      return "after_referral";
    default:
      return nullptr;
  }
}

}  // namespace

double chi_square_upper(double x, int df) {
  if (df <= 0) return 1.0;
  return std::clamp(gamma_q(df / 2.0, x / 2.0), 0.0, 1.0);
}

LognormalFit fit_lognormal(std::vector<double> samples) {
  LognormalFit f;
  f.n = static_cast<int>(samples.size());
  if (f.n < 2) return f;
  std::vector<double> y;
  y.reserve(samples.size());
  for (double v : samples)
    y.push_back(std::log(std::max(v, kMinPositive_s)));
  const double n = f.n;
  const double mu = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double ss = 0.0;
  for (double v : y)
    ss += (v - mu) * (v - mu);
  const double sigma = std::sqrt(ss / n);  // the MLE divides by n
  f.mu = {mu, sigma / std::sqrt(n)};
  f.sigma = {sigma, sigma / std::sqrt(2.0 * n)};
  const double mean = std::exp(mu + sigma * sigma / 2.0);
  f.mean = {mean, mean * std::sqrt(sigma * sigma / n + std::pow(sigma, 4) / (2.0 * n))};
  const double e = std::exp(sigma * sigma);
  const double cv = std::sqrt(e - 1.0);
  f.cv = {cv, cv > 0.0 ? sigma * e / cv * f.sigma.se : 0.0};
  std::sort(y.begin(), y.end());
  double d = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double fz = sigma > 0.0 ? normal_cdf((y[i] - mu) / sigma) : 0.5;
    d = std::max({d, fz - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - fz});
  }
  f.ks_d = d;
  f.ks_p = kolmogorov_p(d, f.n);
  return f;
}

Result fit(const std::vector<cdr::CdrRecord>& records, const model::Scenario& org) {
  Result result;
  result.calls = static_cast<int>(records.size());
  if (records.empty()) return result;
  const model::Directory& dir = org.directory;

  // Calls in caller order, then time: errands and redials follow from the same caller calling again.
  std::vector<const cdr::CdrRecord*> by_caller;
  for (const cdr::CdrRecord& r : records)
    by_caller.push_back(&r);
  std::stable_sort(by_caller.begin(), by_caller.end(), [](const cdr::CdrRecord* a, const cdr::CdrRecord* b) {
    return a->caller != b->caller ? a->caller < b->caller : a->start_s < b->start_s;
  });
  model::WallSeconds log_first = records.front().start_s, log_last = records.front().start_s;
  for (const cdr::CdrRecord& r : records) {
    log_first = std::min(log_first, r.start_s);
    log_last = std::max(log_last, r.start_s);
  }

  std::vector<const cdr::CdrRecord*> firsts;
  std::map<std::string, RedialFit> redials;
  std::map<std::string, std::vector<double>> delays;
  for (std::size_t i = 0; i < by_caller.size(); ++i) {
    const cdr::CdrRecord& r = *by_caller[i];
    const bool anonymous = r.caller == 0;
    const cdr::CdrRecord* prev =
        i > 0 && !anonymous && by_caller[i - 1]->caller == r.caller ? by_caller[i - 1] : nullptr;
    const cdr::CdrRecord* next =
        i + 1 < by_caller.size() && !anonymous && by_caller[i + 1]->caller == r.caller ? by_caller[i + 1] : nullptr;
    if (!prev || r.start_s - prev->start_s > kErrandGapDays * model::kSecondsPerDay) firsts.push_back(&r);

    const char* rule = redial_rule(r.outcome);
    if (!rule || anonymous) continue;
    // The caller had calls left today (scenario callers.max_attempts_per_day), else the next-day rule applies.
    int today = 1;
    for (std::size_t j = i; j > 0 && by_caller[j - 1]->caller == r.caller &&
                            model::day_of(by_caller[j - 1]->start_s) == model::day_of(r.start_s);
         --j)
      ++today;
    if (today >= org.callers.max_attempts_per_day) continue;
    const double end = r.start_s + r.duration_s;
    double from = end;
    if (r.outcome == cdr::Outcome::Closed) {
      const auto opens = org.switchboard.hours.next_open(org.calendar, end, 30);
      if (!opens) continue;
      from = *opens;
    }
    const double window =
        r.outcome == cdr::Outcome::ReturnTime ? kErrandGapDays * model::kSecondsPerDay : kRedialWindow_s;
    if (from + window > log_last) continue;  // the log ends before a redial could be seen
    RedialFit& f = redials[rule];
    f.rule = rule;
    ++f.failures;
    if (next && next->start_s - from <= window) {
      ++f.redials;
      if (r.outcome != cdr::Outcome::ReturnTime) delays[rule].push_back(std::max(0.0, next->start_s - from));
    }
  }
  result.errands = static_cast<int>(firsts.size());
  for (auto& [rule, f] : redials) {
    f.probability = binomial(f.redials, f.failures);
    f.delay_s = fit_lognormal(delays[rule]);
    result.redials.push_back(f);
  }

  result.arrivals = fit_arrivals(firsts, model::day_of(log_first), model::day_of(log_last), org.calendar);

  // The errand mix by entry number: every entry the demand names, plus any the log shows.
  std::vector<int> entry_counts(dir.entries.size(), 0);
  for (const cdr::CdrRecord* r : firsts)
    ++entry_counts[r->entry.value];
  for (const model::EntryNumber& e : dir.entries) {
    const bool in_demand = std::any_of(org.demand.entries.begin(), org.demand.entries.end(),
                                       [&](const model::EntryDemand& d) { return d.entry == e.id; });
    const int n = entry_counts[e.id.value];
    if (!in_demand && n == 0) continue;
    result.entries.push_back({e.name, n, binomial(n, static_cast<int>(firsts.size()))});
  }

  // Operator handle times by the class a log can tell, and the patience of queued callers.
  std::vector<double> answer, referral, transfer, message;
  for (const cdr::CdrRecord& r : records) {
    if (r.queued) {
      ++result.patience.queued;
      result.patience.exposure_s += r.queue_wait_s;
      if (r.outcome == cdr::Outcome::Abandoned && r.answered_by == cdr::AnsweredBy::Nobody) ++result.patience.abandoned;
    }
    if (!r.handle_s) continue;
    if (r.transferred_to.valid())
      transfer.push_back(*r.handle_s);
    else if (r.outcome == cdr::Outcome::AnsweredByOperator)
      answer.push_back(*r.handle_s);
    else if (r.outcome == cdr::Outcome::ReturnTime || r.outcome == cdr::Outcome::MobileGiven)
      referral.push_back(*r.handle_s);
    else if (r.outcome == cdr::Outcome::Message)
      message.push_back(*r.handle_s);
  }
  result.answer_s = fit_lognormal(answer);
  result.referral_s = fit_lognormal(referral);
  result.transfer_s = fit_lognormal(transfer);
  result.message_call_s = fit_lognormal(message);
  Patience& p = result.patience;
  if (p.abandoned > 0) {
    const double mean = p.exposure_s / p.abandoned;
    p.mean_s = {mean, mean / std::sqrt(static_cast<double>(p.abandoned))};
  }

  // Transfers answered, by the unit of the extension transferred to.
  std::vector<int> tried(dir.units.size(), 0), answered(dir.units.size(), 0);
  int all_tried = 0, all_answered = 0;
  for (const cdr::CdrRecord& r : records) {
    if (!r.transferred_to.valid()) continue;
    const std::size_t u = dir.person(r.transferred_to).unit.value;
    ++tried[u];
    ++all_tried;
    if (r.transfer_answered) {
      ++answered[u];
      ++all_answered;
    }
  }
  for (std::size_t u = 0; u < dir.units.size(); ++u)
    if (tried[u] > 0)
      result.transfers.push_back({dir.units[u].name, tried[u], answered[u], binomial(answered[u], tried[u])});
  result.transfers.push_back({"all units", all_tried, all_answered, binomial(all_answered, all_tried)});
  return result;
}

}  // namespace vaxel::sim::calibration
