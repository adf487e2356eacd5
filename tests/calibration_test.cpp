// The round trip of the digital twin: simulate the default scenario for a year, write its call log, calibrate
// from the log, and check (1) the fitted parameters against the scenario's true values within 4 standard errors,
// and (2) that the refitted scenario's KPIs fall inside the original's 95 % confidence intervals, while a refit
// with a wrong patience does not. Both log formats are read, and must give the same fit. Also the estimators on
// their own, against known samples.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "model/scenario_loader.hpp"
#include "sim/calibration.hpp"
#include "sim/cdr.hpp"
#include "sim/experiment.hpp"
#include "sim/random.hpp"
#include "sim/statistics.hpp"

namespace {

using namespace vaxel;
namespace fs = std::filesystem;
namespace cal = sim::calibration;

constexpr double kTolerance_se = 4.0;  // |fitted - truth| <= 4 SE: a false alarm about 1 in 16 000 per check

int exit_status_of(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

void check_within(const char* what, const cal::Value& fitted, double truth) {
  INFO(what << ": fitted " << fitted.value << " SE " << fitted.se << ", truth " << truth);
  CHECK(fitted.se > 0.0);
  CHECK(std::fabs(fitted.value - truth) <= kTolerance_se * fitted.se);
}

const cal::RedialFit* redial(const cal::Result& r, const std::string& rule) {
  for (const auto& f : r.redials)
    if (f.rule == rule) return &f;
  return nullptr;
}

/// How the original and the refitted scenarios are run for the KPI comparison: the scenario's own 28 days after
/// 7 warm-up days, the same seed for both. 20 replications, not 10: abandonment is rare and comes from the hours
/// one operator is on, and with 10 replications the comparison let a patience 30 % short through on `abandoned`
/// at 16 of 40 run seeds (with 20: at 2 of 40), while refits from one-year logs still agree on every KPI at 117 of
/// 130 (log, run) seed pairs.
sim::RunOptions kpi_run_options() {
  sim::RunOptions o;
  o.replications = 20;
  o.jobs = 2;
  o.seed = 5;
  o.progress = false;
  return o;
}

struct KpiComparison {
  bool agrees = false;
  std::string text;  ///< the numbers, for the failure message
};

/// Whether a KPI of a refitted scenario agrees with the original's. The fitted arrival rates differ a little from
/// the true ones, so the Poisson counts of each slot differ and the replications are not coupled as common random
/// numbers are: the two runs are compared as independent samples. The KPI agrees when the refitted mean lies inside
/// the original's 95 % CI or Welch's 95 % interval of the difference contains 0.
KpiComparison compare_kpi(const sim::ExperimentResult& original, const sim::ExperimentResult& refitted, const char* k) {
  const sim::Estimate* a = original.kpi(k);
  const sim::Estimate* b = refitted.kpi(k);
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(a->n > 1);
  REQUIRE(b->n > 1);
  // Standard errors back from the half-widths, then Welch-Satterthwaite degrees of freedom.
  const double sa = a->half_width / sim::student_t_quantile(0.975, a->n - 1.0);
  const double sb = b->half_width / sim::student_t_quantile(0.975, b->n - 1.0);
  const double se = std::sqrt(sa * sa + sb * sb);
  const double df = se > 0 ? std::pow(se, 4) / (std::pow(sa, 4) / (a->n - 1.0) + std::pow(sb, 4) / (b->n - 1.0)) : 1.0;
  const double diff = b->mean - a->mean;
  const double hw = se > 0 ? sim::student_t_quantile(0.975, std::max(1.0, df)) * se : 0.0;
  const bool inside = b->mean >= a->low() && b->mean <= a->high();
  const bool not_significant = std::fabs(diff) <= hw;
  std::ostringstream text;
  text << k << ": refitted " << b->mean << ", original " << a->mean << " CI [" << a->low() << ", " << a->high()
       << "], difference " << diff << " +- " << hw;
  return {inside || not_significant, text.str()};
}

/// The round trip's files, made once for all its test cases.
struct RoundTrip {
  fs::path dir;
  model::Scenario truth;
  sim::cdr::ReadResult generic, asterisk;
  cal::Result fit_generic, fit_asterisk;

  RoundTrip() {
    dir = fs::temp_directory_path() / ("vaxel_round_trip_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    truth = model::load_scenario_file(org_path());
    // 52 weeks from Monday 2027-01-11 (the log runs on two drain days, to Tuesday 2028-01-11): a year's holidays,
    // the summer period and the reduced-hours eves; no warm-up, a log has none. One replication, the same seed for
    // both formats. A year, not 12 weeks: the fit's own sampling error moves the refitted scenario's KPIs, and
    // from 12 weeks it moved them more than the KPI comparison below lets through (calls_per_weekday came out
    // 1.4 SE high, the refit's operator occupancy 2.7 % above the original's: the comparison failed at 25 of 30
    // run seeds, on occupancy at 23).
    for (const char* format : {"generic", "asterisk"}) {
      const std::string cmd = std::string(VAXEL_BINARY) + " run " + org_path() +
                              " -r 1 -j 1 --days 364 --warmup 0 --seed 11 -q --cdr-format " + format + " --cdr-out " +
                              (dir / (std::string(format) + ".csv")).string() + " > /dev/null";
      REQUIRE(exit_status_of(cmd) == 0);
    }
    generic = sim::cdr::read_cdr_file((dir / "generic.csv").string(), truth, {});
    asterisk = sim::cdr::read_cdr_file((dir / "asterisk.csv").string(), truth, {});
    fit_generic = cal::fit(generic.records, truth);
    fit_asterisk = cal::fit(asterisk.records, truth);
  }
  ~RoundTrip() { fs::remove_all(dir); }
  static std::string org_path() { return std::string(VAXEL_SOURCE_DIR) + "/scenarios/sotenas.yaml"; }

  /// The overlay `vaxel calibrate` writes from the Asterisk log (made on first use).
  fs::path fitted_overlay() {
    const fs::path fitted = dir / "fitted.yaml";
    if (!fs::exists(fitted))
      REQUIRE(exit_status_of(std::string(VAXEL_BINARY) + " calibrate " + (dir / "asterisk.csv").string() + " --org " +
                             org_path() + " --out " + fitted.string() + " --report " + (dir / "fit.txt").string() +
                             " 2> /dev/null") == 0);
    return fitted;
  }
  /// The original scenario's KPIs, to compare refits with (run on first use).
  const sim::ExperimentResult& original() {
    if (!original_) original_ = sim::run_experiment(truth, kpi_run_options());
    return *original_;
  }

 private:
  std::optional<sim::ExperimentResult> original_;
};

RoundTrip& round_trip() {
  static RoundTrip r;
  return r;
}

}  // namespace

TEST_CASE("lognormal MLE recovers mean and cv of a known sample, with honest standard errors") {
  sim::Rng rng(3, 0, sim::Source::Handling);
  std::vector<double> x;
  const double mu = std::log(100.0), sigma = 0.8;
  for (int i = 0; i < 4000; ++i)
    x.push_back(std::exp(mu + sigma * rng.normal()));
  const cal::LognormalFit f = cal::fit_lognormal(x);
  CHECK(f.n == 4000);
  check_within("mu", f.mu, mu);
  check_within("sigma", f.sigma, sigma);
  check_within("mean", f.mean, std::exp(mu + sigma * sigma / 2));
  check_within("cv", f.cv, std::sqrt(std::exp(sigma * sigma) - 1));
  CHECK(f.ks_p > 0.01);  // it is lognormal
  // An exponential sample is not: KS rejects it.
  std::vector<double> e;
  for (int i = 0; i < 4000; ++i)
    e.push_back(-100.0 * std::log(1.0 - rng.uniform()));
  CHECK(cal::fit_lognormal(e).ks_p < 0.001);
  CHECK(cal::fit_lognormal({}).n == 0);
  CHECK(cal::fit_lognormal({5.0}).mean.value == 0.0);
}

TEST_CASE("chi-square upper tail matches known quantiles") {
  CHECK(cal::chi_square_upper(3.841458820694124, 1) == doctest::Approx(0.05).epsilon(1e-6));
  CHECK(cal::chi_square_upper(18.307038053275146, 10) == doctest::Approx(0.05).epsilon(1e-6));
  CHECK(cal::chi_square_upper(0.0, 4) == 1.0);
  CHECK(cal::chi_square_upper(200.0, 28) < 1e-20);
}

TEST_CASE("round trip: both log formats read cleanly and give the same fit") {
  const RoundTrip& rt = round_trip();
  CHECK(rt.generic.bad_count == 0);
  CHECK(rt.asterisk.bad_count == 0);
  CHECK(rt.generic.records.size() > 5000);
  CHECK(rt.generic.records.size() == rt.asterisk.records.size());
  const cal::Result& g = rt.fit_generic;
  const cal::Result& a = rt.fit_asterisk;
  CHECK(g.errands == a.errands);
  CHECK(g.patience.abandoned == a.patience.abandoned);
  CHECK(g.answer_s.n == a.answer_s.n);
  CHECK(g.answer_s.mean.value == doctest::Approx(a.answer_s.mean.value));
  // Asterisk times are whole seconds: arrival counts may move a slot at most for calls on a slot edge.
  CHECK(g.arrivals.calls_per_weekday.value == doctest::Approx(a.arrivals.calls_per_weekday.value).epsilon(1e-9));
  CHECK(redial(g, "after_abandon")->redials == redial(a, "after_abandon")->redials);
}

TEST_CASE("round trip: fitted arrivals, entry mix, holidays and day factors are within 4 SE of the scenario's truth") {
  const RoundTrip& rt = round_trip();
  const cal::Result& r = rt.fit_generic;
  const model::DemandSpec& d = rt.truth.demand;
  check_within("calls_per_weekday", r.arrivals.calls_per_weekday, d.calls_per_weekday);
  for (std::size_t w = 0; w < 5; ++w)
    check_within("weekday_factor", r.arrivals.weekday_factor[w], d.weekday_factor[w]);
  CHECK(r.arrivals.weekday_factor[5].value == 0.0);
  // Named closed days, left out of the weekday fit (docs/calendar.md): the four of Easter, första maj, Kristi
  // himmelsfärdsdag, the scenario's klämdag, pingstafton, pingstdagen, nationaldagen, midsommarafton and -dagen,
  // alla helgons dag, julafton, juldagen, annandag jul, nyårsafton, and in 2028 nyårsdagen and trettondedag jul.
  CHECK(r.arrivals.holiday_days == 19);
  // Skärtorsdagen, valborgsmässoafton, the day before Kristi himmelsfärd, allhelgonaafton, trettondagsafton 2028.
  CHECK(r.arrivals.reduced_days == 5);
  CHECK(r.arrivals.summer_days == 30);  // the weekdays of 2027-06-28..08-08
  REQUIRE(r.arrivals.reduced_day_factor);
  REQUIRE(r.arrivals.summer_factor);
  check_within("reduced_day_factor", *r.arrivals.reduced_day_factor, d.reduced_day_factor);
  check_within("summer_factor", *r.arrivals.summer_factor, d.summer_factor);
  // Hour shares against the truth, each with its binomial SE over all ordinary-day errands.
  double n = 0.0;
  for (double e : r.arrivals.errands)
    n += e;
  for (int h = 8; h < 16; ++h) {
    double fitted = 0.0, truth = 0.0;
    for (int q = 0; q < 4; ++q) {
      fitted += r.arrivals.slot_share[static_cast<std::size_t>(4 * h + q)];
      truth += d.slot_share[static_cast<std::size_t>(4 * h + q)];
    }
    check_within("hour share", {fitted, std::sqrt(truth * (1 - truth) / n)}, truth);
  }
  CHECK(r.arrivals.smoothing < 0.5);  // the truth is hourly: slots are mostly pooled
  CHECK(r.arrivals.fit.p > 0.001);    // and the fitted rates fit the counts
  for (const auto& e : r.entries) {
    const auto id = rt.truth.directory.find_entry(e.entry);
    REQUIRE(id);
    double truth = 0.0;
    for (const auto& de : d.entries)
      if (de.entry == *id) truth = de.share;
    check_within(e.entry.c_str(), e.share, truth);
  }
}

TEST_CASE("round trip: handle times, patience and redials are within 4 SE of the scenario's truth") {
  const RoundTrip& rt = round_trip();
  const cal::Result& r = rt.fit_generic;
  const model::Scenario& t = rt.truth;
  CHECK(r.answer_s.n >= 300);
  check_within("answer_s mean", r.answer_s.mean, t.switchboard.handle.answer_s.mean);
  check_within("answer_s cv", r.answer_s.cv, t.switchboard.handle.answer_s.cv);
  CHECK(r.answer_s.ks_p > 0.001);
  check_within("referral_s mean", r.referral_s.mean, t.switchboard.handle.referral_s.mean);
  // transfer_s includes the referral talk before a colleague transfer (docs/cdr.md): it lies between the
  // transfer task alone and transfer plus referral.
  CHECK(r.transfer_s.mean.value > t.switchboard.handle.transfer_s.mean - kTolerance_se * r.transfer_s.mean.se);
  CHECK(r.transfer_s.mean.value < t.switchboard.handle.transfer_s.mean + t.switchboard.handle.referral_s.mean);

  CHECK(r.patience.abandoned >= 50);
  check_within("patience mean", r.patience.mean_s, t.callers.patience_s.mean);

  const cal::RedialFit* abandon = redial(r, "after_abandon");
  REQUIRE(abandon);
  CHECK(abandon->failures >= 50);
  check_within("after_abandon probability", abandon->probability, t.callers.after_abandon.probability);
  check_within("after_abandon delay mean", abandon->delay_s.mean, t.callers.after_abandon.delay_s.mean);
  for (const char* rule : {"after_no_answer", "after_busy", "after_mobile"}) {
    const cal::RedialFit* f = redial(r, rule);
    if (!f || f->failures < cal::kMinSample) continue;
    const model::RedialRule& truth = std::string(rule) == "after_no_answer" ? t.callers.after_no_answer
                                     : std::string(rule) == "after_busy"    ? t.callers.after_busy
                                                                            : t.callers.after_mobile;
    check_within(rule, f->probability, truth.probability);
    if (f->delay_s.n >= cal::kMinSample) check_within(rule, f->delay_s.mean, truth.delay_s.mean);
  }
  // Transfers: answered about as often as presence allows, and reported per unit.
  REQUIRE(!r.transfers.empty());
  CHECK(r.transfers.back().unit == "all units");
  CHECK(r.transfers.back().transfers > 500);
  CHECK(r.transfers.back().rate.value > 0.3);
  CHECK(r.transfers.back().rate.value < 0.95);
}

TEST_CASE("round trip: the overlay validates and the refitted scenario's KPIs fall inside the original's CIs") {
  RoundTrip& rt = round_trip();
  const std::string vaxel = VAXEL_BINARY;
  const fs::path fitted = rt.fitted_overlay();
  const std::string overlay = slurp(fitted);
  CHECK(overlay.find("extends: \"") != std::string::npos);
  CHECK(overlay.find("sotenas.yaml\"") != std::string::npos);
  CHECK(overlay.find("hourly: ~") != std::string::npos);
  CHECK(exit_status_of(vaxel + " validate " + fitted.string() + " > /dev/null") == 0);
  const model::Scenario refit = model::load_scenario_file(fitted.string());
  CHECK(refit.directory.people.size() == rt.truth.directory.people.size());  // the organisation is the base's

  const sim::ExperimentResult refitted = sim::run_experiment(refit, kpi_run_options());
  for (const char* k : {"service_level", "mean_wait_s", "abandoned", "one_call_resolution", "calls_per_errand",
                        "direct_answer", "unanswered", "repeat_call_rate", "operator_occupancy"}) {
    const KpiComparison c = compare_kpi(rt.original(), refitted, k);
    INFO(c.text);
    CHECK(c.agrees);
  }
}

TEST_CASE("round trip: a refit whose patience is 30 % short fails the same comparison on abandonment (T1, G2)") {
  // The comparison above can fail: the refitted overlay with only its patience scaled by 0.7 abandons about 40 %
  // more than the original, which compare_kpi must not let through.
  RoundTrip& rt = round_trip();
  const fs::path fitted = rt.fitted_overlay();
  const double patience_s = model::load_scenario_file(fitted.string()).callers.patience_s.expected();
  const fs::path misfit = rt.dir / "misfit.yaml";
  {
    std::ofstream f(misfit);
    f << "extends: " << fitted.filename().string()
      << "\nname: misfit\ncallers:\n  patience_s: {exponential: {mean: " << 0.7 * patience_s << "}}\n";
  }
  const model::Scenario wrong = model::load_scenario_file(misfit.string());
  REQUIRE(wrong.callers.patience_s.expected() == doctest::Approx(0.7 * patience_s));
  const KpiComparison c = compare_kpi(rt.original(), sim::run_experiment(wrong, kpi_run_options()), "abandoned");
  INFO(c.text);
  CHECK_FALSE(c.agrees);
}
