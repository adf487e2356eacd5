// Calibration: the parameters of a scenario estimated from a switchboard's call log (`vaxel calibrate`). Each
// fit says its sample size and standard error, so a planner can tell a measured figure from a guess, and the
// result becomes an overlay scenario that `extends:` the organisation's (docs/cdr.md "Calibration").
//
// What is fitted, and from which calls:
//  - arrivals: new errands (a caller's first call in kErrandGapDays) per weekday and 15-minute slot on ordinary
//    days, smoothed toward the hour; holidays, reduced-hours and summer days recognised with the calendar;
//  - the errand mix by entry number (share of new errands);
//  - operator handle times, lognormal by maximum likelihood: `answer_s` (question answered, no transfer),
//    `referral_s` (return time or mobile number told, no transfer), `transfer_s` (talk before the first
//    transfer, which includes any referral conversation before a colleague transfer: report only);
//  - caller patience: exponential, censored (abandoned waits are events, answered waits are censored);
//  - redial probability and delay per failure kind, from the same (hashed) caller calling again;
//  - the answer rate of operator transfers by unit (a diagnostic: the scenario models it through presence).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/cdr.hpp"

namespace vaxel::sim::calibration {

inline constexpr double kErrandGapDays = 7.0;  ///< a caller silent this long starts a new errand
inline constexpr int kMinSample = 30;          ///< fewer observations: keep the organisation's value

/// A fitted number and its standard error.
struct Value {
  double value = 0.0;
  double se = 0.0;
};

struct LognormalFit {
  int n = 0;
  Value mu, sigma;    ///< of the log, by maximum likelihood
  Value mean;         ///< exp(mu + sigma^2/2), SE by the delta method
  Value cv;           ///< sqrt(exp(sigma^2) - 1)
  double ks_d = 0.0;  ///< Kolmogorov-Smirnov distance of the logs to the fitted normal
  double ks_p = 1.0;  ///< its asymptotic p-value (conservative: the parameters were fitted)
};
/// Lognormal MLE of positive samples (values below 0.05 s are taken as 0.05 s); n < 2 gives n and zeros.
[[nodiscard]] LognormalFit fit_lognormal(std::vector<double> samples);

struct ChiSquare {
  double statistic = 0.0;
  int df = 0;
  double p = 1.0;
};
/// Upper tail of the chi-square distribution with df degrees of freedom.
[[nodiscard]] double chi_square_upper(double x, int df);

struct Arrivals {
  int ordinary_days = 0;
  std::array<int, 7> days{};            ///< ordinary days per weekday, Monday first
  std::array<double, 7> errands{};      ///< new errands on them
  Value calls_per_weekday;              ///< mean of the Monday..Friday daily means
  std::array<Value, 7> weekday_factor;  ///< daily mean / calls_per_weekday
  std::array<double, 96> slot_share{};  ///< smoothed, sums to 1
  double smoothing = 0.0;               ///< weight kept on each slot's own count (0 = hour means only)
  ChiSquare fit;                        ///< weekday x hour counts against the fitted rates
  int holiday_days = 0, reduced_days = 0, summer_days = 0;
  std::optional<Value> reduced_day_factor, summer_factor;
  double holiday_mean = 0.0;  ///< new errands per holiday (the model uses the Sunday factor)
};

struct EntryShare {
  std::string entry;  ///< entry name in the organisation
  int n = 0;
  Value share;
};

struct Patience {
  int queued = 0, abandoned = 0;
  double exposure_s = 0.0;
  Value mean_s;  ///< exposure / abandonments
};

struct RedialFit {
  std::string rule;  ///< e.g. "after_abandon"
  int failures = 0;  ///< eligible failed calls (the caller had calls left that day)
  int redials = 0;
  Value probability;
  LognormalFit delay_s;  ///< from the end of the failed call to the next call (after_closed: from the opening)
};

struct TransferRate {
  std::string unit;
  int transfers = 0, answered = 0;
  Value rate;
};

struct Result {
  int calls = 0, errands = 0;
  Arrivals arrivals;
  std::vector<EntryShare> entries;
  LognormalFit answer_s, referral_s, transfer_s, message_call_s;
  Patience patience;
  std::vector<RedialFit> redials;
  std::vector<TransferRate> transfers;  ///< by unit; the last row is "all units"
};

/// Fits everything from the records of a read log against the organisation scenario.
[[nodiscard]] Result fit(const std::vector<cdr::CdrRecord>& records, const model::Scenario& organisation);

/// The overlay scenario: `extends: <extends_path>`, then only fitted values with enough data (kMinSample).
[[nodiscard]] std::string overlay_yaml(const Result& result, const model::Scenario& organisation,
                                       const std::string& extends_path, const std::string& name,
                                       const std::string& log_summary_line);

/// The fit report: sample sizes, fitted values with standard errors, goodness of fit, the log summary.
[[nodiscard]] std::string report_text(const Result& result, const cdr::ReadResult& read,
                                      const model::Scenario& organisation);

}  // namespace vaxel::sim::calibration
