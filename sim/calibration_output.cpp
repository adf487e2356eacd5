// Calibration's two outputs: the overlay scenario (YAML that `extends:` the organisation and sets only what the
// log measured well enough) and the fit report. Neither contains a caller id, hashed or clear.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/calibration.hpp"

namespace vaxel::sim::calibration {

namespace {

constexpr std::array<const char*, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string num(double v) {
  return fmt::format("{:.6g}", v);
}

std::string pm(const Value& v) {
  return fmt::format("{} ± {}", num(v.value), num(v.se));
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// Shares written with nine decimals, the rounding put on the largest, so they sum to 1 as the loader checks.
std::vector<std::string> shares_text(const std::vector<double>& shares) {
  std::vector<long long> units;
  long long total = 0;
  for (double s : shares) {
    units.push_back(std::llround(s * 1e9));
    total += units.back();
  }
  if (!units.empty() && total != 0) {
    const auto biggest = std::max_element(units.begin(), units.end()) - units.begin();
    units[static_cast<std::size_t>(biggest)] += 1000000000LL - total;
  }
  std::vector<std::string> out;
  for (long long u : units)
    out.push_back(fmt::format("{}.{:09}", u / 1000000000LL, u % 1000000000LL));
  return out;
}

std::string lognormal_yaml(const LognormalFit& f) {
  return fmt::format("{{lognormal: {{mean: {}, cv: {}}}}}", num(f.mean.value), num(f.cv.value));
}

std::string lognormal_line(const char* name, const LognormalFit& f) {
  if (f.n < 2) return fmt::format("  {:<22} n = {}: too few to fit\n", name, f.n);
  return fmt::format("  {:<22} n = {:>5}  mean {} s  cv {}  (mu {}, sigma {})  KS D = {:.4f}, p = {:.3f}\n", name, f.n,
                     pm(f.mean), pm(f.cv), pm(f.mu), pm(f.sigma), f.ks_d, f.ks_p);
}

const char* kept(int n) {
  return n >= kMinSample ? "written" : "kept from the organisation (too few)";
}

}  // namespace

std::string overlay_yaml(const Result& r, const model::Scenario& org, const std::string& extends_path,
                         const std::string& name, const std::string& log_summary_line) {
  std::string y;
  y += "# Fitted by `vaxel calibrate` from a call log; every value below was estimated from it (the fit report\n";
  y += "# has sample sizes and standard errors). Values the log could not measure come from the organisation.\n";
  y += fmt::format("# Log: {}\n", log_summary_line);
  y += fmt::format("extends: {}\n", quoted(extends_path));
  y += fmt::format("name: {}\n", quoted(name));
  y += fmt::format("description: {}\n",
                   quoted(fmt::format("{} calibrated from {} calls ({} errands)", org.name, r.calls, r.errands)));

  // switchboard.handle_times
  std::string handle;
  auto add_handle = [&](const char* key, const LognormalFit& f) {
    if (f.n >= kMinSample)
      handle += fmt::format("    {}: {}  # n {}, mean SE {}\n", key, lognormal_yaml(f), f.n, num(f.mean.se));
  };
  add_handle("answer_s", r.answer_s);
  add_handle("referral_s", r.referral_s);
  // transfer_s is not written: a log's talk before a transfer includes the referral talk before a colleague
  // transfer, which overstates the task (the round trip showed +30 %, enough to move the service level).
  if (!handle.empty()) y += "switchboard:\n  handle_times:\n" + handle;

  // demand
  const Arrivals& a = r.arrivals;
  std::string demand;
  if (a.ordinary_days > 0 && a.calls_per_weekday.value > 0.0) {
    demand += fmt::format("  calls_per_weekday: {}  # SE {}, {} ordinary days\n", num(a.calls_per_weekday.value),
                          num(a.calls_per_weekday.se), a.ordinary_days);
    std::string factors;
    for (std::size_t w = 0; w < 7; ++w)
      if (a.days[w] > 0)
        factors += fmt::format("{}{}: {}", factors.empty() ? "" : ", ", kDayKeys[w], num(a.weekday_factor[w].value));
    demand += fmt::format("  weekday_factor: {{{}}}\n", factors);
    std::vector<double> shares;
    std::vector<int> slots;
    for (int s = 0; s < 96; ++s)
      if (a.slot_share[static_cast<std::size_t>(s)] > 0.0) {
        slots.push_back(s);
        shares.push_back(a.slot_share[static_cast<std::size_t>(s)]);
      }
    const std::vector<std::string> texts = shares_text(shares);
    demand += fmt::format("  intraday:  # smoothed 15-minute slots; chi-square {} on {} df, p = {:.3f}\n",
                          num(a.fit.statistic), a.fit.df, a.fit.p);
    demand += "    hourly: ~\n    slots:\n";
    for (std::size_t i = 0; i < slots.size(); ++i)
      demand += fmt::format("      \"{}\": {}\n", model::format_clock(slots[i] * 15), texts[i]);
    if (a.summer_factor && a.summer_days >= 10)
      demand += fmt::format("  summer_factor: {}  # SE {}, {} days\n", num(a.summer_factor->value),
                            num(a.summer_factor->se), a.summer_days);
    if (a.reduced_day_factor && a.reduced_days >= 3)
      demand += fmt::format("  reduced_day_factor: {}  # SE {}, {} days\n", num(a.reduced_day_factor->value),
                            num(a.reduced_day_factor->se), a.reduced_days);
  }
  if (r.errands >= kMinSample && !r.entries.empty()) {
    std::vector<double> shares;
    for (const EntryShare& e : r.entries)
      shares.push_back(e.share.value);
    const std::vector<std::string> texts = shares_text(shares);
    demand += "  entries:  # share of new errands; intents from the organisation\n";
    for (std::size_t i = 0; i < r.entries.size(); ++i)
      demand += fmt::format("    {}: {{share: {}}}  # n {}, SE {}\n", quoted(r.entries[i].entry), texts[i],
                            r.entries[i].n, num(r.entries[i].share.se));
  }
  if (!demand.empty()) y += "demand:\n" + demand;

  // callers
  std::string callers;
  if (r.patience.abandoned >= 10)
    callers +=
        fmt::format("  patience_s: {{exponential: {{mean: {}}}}}  # SE {}, {} abandoned of {} queued\n",
                    num(r.patience.mean_s.value), num(r.patience.mean_s.se), r.patience.abandoned, r.patience.queued);
  std::string redial;
  for (const RedialFit& f : r.redials) {
    if (f.rule == "after_closed" || f.rule == "after_referral") continue;  // delays from times a log lacks
    if (f.failures < kMinSample || f.delay_s.n < 10) continue;
    redial +=
        fmt::format("    {}: {{probability: {}, delay_s: {}}}  # {} of {}, SE {}\n", f.rule, num(f.probability.value),
                    lognormal_yaml(f.delay_s), f.redials, f.failures, num(f.probability.se));
  }
  if (!redial.empty()) callers += "  redial:\n" + redial;
  if (!callers.empty()) y += "callers:\n" + callers;
  return y;
}

std::string report_text(const Result& r, const cdr::ReadResult& read, const model::Scenario& org) {
  std::string t;
  t += fmt::format("vaxel calibrate: fit report\n\nLog\n  {}\n", read.summary());
  t += fmt::format("  caller ids: hashed with a {} salt on reading; none is written out\n",
                   read.salt_from_content ? "content-derived" : "given (--salt)");
  t +=
      fmt::format("  organisation: {} ({})\n  calls used {}, errands {}\n\n", org.name, org.source, r.calls, r.errands);

  const Arrivals& a = r.arrivals;
  t += "Arrivals (new errands: a caller's first call in 7 days)\n";
  t += fmt::format(
      "  ordinary days {}, holidays {} (mean {} new errands; the model uses the Sunday factor), "
      "reduced-hours days {}, summer weekdays {}\n",
      a.ordinary_days, a.holiday_days, num(a.holiday_mean), a.reduced_days, a.summer_days);
  t += fmt::format("  calls_per_weekday      {}\n", pm(a.calls_per_weekday));
  for (std::size_t w = 0; w < 7; ++w)
    if (a.days[w] > 0)
      t += fmt::format("  weekday_factor.{}     {}  ({} days, {} errands)\n", kDayKeys[w], pm(a.weekday_factor[w]),
                       a.days[w], num(a.errands[w]));
  if (a.reduced_day_factor)
    t += fmt::format("  reduced_day_factor     {}  ({} days{})\n", pm(*a.reduced_day_factor), a.reduced_days,
                     a.reduced_days >= 3 ? "" : "; too few to write");
  if (a.summer_factor)
    t += fmt::format("  summer_factor          {}  ({} days{})\n", pm(*a.summer_factor), a.summer_days,
                     a.summer_days >= 10 ? "" : "; too few to write");
  t += fmt::format(
      "  intraday: slot weight kept {:.3f} (0 = hour means); goodness of fit, weekday x hour: "
      "chi-square {} on {} df, p = {:.3f}\n",
      a.smoothing, num(a.fit.statistic), a.fit.df, a.fit.p);
  for (int h = 0; h < 24; ++h) {
    double share = 0.0;
    for (int q = 0; q < 4; ++q)
      share += a.slot_share[static_cast<std::size_t>(4 * h + q)];
    if (share > 0.0) t += fmt::format("    {:02}:00  {:.4f}\n", h, share);
  }

  t += "\nErrand mix by entry number (share of new errands)\n";
  for (const EntryShare& e : r.entries)
    t += fmt::format("  {:<22} n = {:>5}  share {}\n", e.entry, e.n, pm(e.share));

  t += "\nOperator handle times (lognormal, maximum likelihood; KS of the logs against the fitted normal)\n";
  t += lognormal_line("answer_s", r.answer_s);
  t += fmt::format("    {}\n", kept(r.answer_s.n));
  t += lognormal_line("referral_s", r.referral_s);
  t += fmt::format("    {}\n", kept(r.referral_s.n));
  t += lognormal_line("transfer_s", r.transfer_s);
  t += "    report only, an upper bound: includes any referral talk before a colleague transfer\n";
  t += lognormal_line("message call", r.message_call_s);
  t += "    report only: referral plus message, not one task\n";

  const Patience& p = r.patience;
  t += "\nCaller patience (exponential, censored: abandoned waits are events, answered waits censored)\n";
  t += fmt::format("  queued {}, abandoned {}, exposure {} s, mean {}{}\n", p.queued, p.abandoned, num(p.exposure_s),
                   p.abandoned > 0 ? pm(p.mean_s) : "n/a", p.abandoned >= 10 ? "" : " (too few abandonments to write)");

  t += "\nRedials (the same caller calling again; only failures with calls left that day)\n";
  for (const RedialFit& f : r.redials) {
    t += fmt::format("  {:<22} {} of {} redialled: probability {}\n", f.rule, f.redials, f.failures, pm(f.probability));
    if (f.delay_s.n >= 2) t += "  " + lognormal_line("  delay_s", f.delay_s);
  }

  t += "\nOperator transfers answered, by unit (a diagnostic: the scenario models it through presence)\n";
  for (const TransferRate& x : r.transfers)
    t += fmt::format("  {:<32} {:>5} transfers, {:>5} answered: {}\n", x.unit, x.transfers, x.answered, pm(x.rate));
  return t;
}

}  // namespace vaxel::sim::calibration
