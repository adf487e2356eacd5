// The KPIs of one replication, streamed: every call and errand updates running sums for the whole run and for
// its day, hour of day, unit and administration, then is forgotten. Definitions and formulas: docs/kpis.md.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/routing/call.hpp"
#include "model/scenario.hpp"
#include "sim/statistics.hpp"

namespace vaxel::sim {

/// The headline KPIs, in report order. Names are those a scenario's `targets:` use.
enum class Kpi {
  OneCallResolution,  ///< G4
  RepeatCallRate,     ///< G4
  CallsPerErrand,     ///< G4
  Unanswered,         ///< M1
  ReturnTimesKept,    ///< M3
  CallbackDelay,      ///< M5
  DirectAnswer,       ///< KKiK
  ServiceLevel,       ///< T1, G2
  Waited,             ///< T1: P(wait), the share of queued calls that found every operator busy
  MeanWait,           ///< T1
  P90Wait,            ///< T1
  Abandoned,          ///< T1, G2
  Busy,               ///< trunk and queue blocking
  Closed,             ///< T4
  OperatorOccupancy,
  ErrandsPerDay,
  CallsPerDay,
};
inline constexpr int kKpiCount = 17;

struct KpiInfo {
  Kpi kpi;
  const char* name;    ///< e.g. "one_call_resolution"
  const char* label;   ///< e.g. "one-call resolution"
  const char* clause;  ///< guideline clause, e.g. "G4"
  const char* unit;    ///< "share", "s", "calls"
  bool higher_is_better;
};

[[nodiscard]] const std::array<KpiInfo, kKpiCount>& kpi_catalogue();
[[nodiscard]] const KpiInfo* find_kpi(const std::string& name);

/// Running sums for one slice of a run (the whole run, one hour of day, one unit, ...).
struct KpiSums {
  double errands = 0;  ///< errands whose first call fell in the slice
  double errands_resolved_first = 0;
  double errand_calls = 0;    ///< calls the callers of those errands made, in all
  double calls = 0;           ///< calls arriving in the slice
  double m1_violations = 0;   ///< calls ending with no person, voicemail or message (M1)
  double closed = 0;          ///< calls meeting the closed message (T4)
  double busy = 0;            ///< calls refused: all trunk lines busy, or the queue full
  double queued = 0;          ///< calls that entered the switchboard queue (first time per call)
  double waited = 0;          ///< ... and found every operator busy, so waited > 0 (the rest had wait 0)
  double answered = 0;        ///< ... answered by an operator
  double answered_in_sl = 0;  ///< ... within the service-level time
  double abandoned = 0;       ///< ... hung up before an operator answered
  Tally wait_s;               ///< waits of the answered
  double promises = 0;        ///< callbacks and return times promised (M3)
  double promises_kept = 0;
  Tally callback_delay_s;         ///< voicemail or message to callback (M5)
  double questions = 0;           ///< simple questions an operator handled
  double questions_answered = 0;  ///< ... answered directly (KKiK)
  double operator_busy_s = 0;
  double operator_staffed_s = 0;
  std::array<double, model::routing::kOutcomeReasonCount> outcomes{};

  /// The KPI's value in this slice; NaN when it has no data (e.g. no call queued).
  [[nodiscard]] double value(Kpi k, double days) const;
};

/// A KPI value as JSON, which has no NaN or infinity: a value without data is null.
[[nodiscard]] inline nlohmann::json json_number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

/// The hour of day (0-23) of a simulation time (seconds since the run's first midnight, never negative).
[[nodiscard]] inline std::size_t hour_of_day(double t_s) {
  return static_cast<std::size_t>(static_cast<std::uint64_t>(t_s) % 86400u / 3600u);
}

/// All slices of one replication.
class Metrics {
 public:
  Metrics(const model::Scenario& scenario, double window_start_s, double window_end_s);

  [[nodiscard]] bool in_window(double t) const { return t >= window_start_ && t < window_end_; }

  /// A slice selector: which day, hour and unit a call or errand belongs to.
  struct Where {
    double t = 0;        ///< time the slice is chosen by (call arrival, errand's first call)
    model::UnitId unit;  ///< sought unit, if any
  };

  /// Adds `f(sums)` to the whole run and to the slices of `where`, if it lies in the window.
  template <class F>
  void add(const Where& where, F&& f) {
    if (!in_window(where.t)) return;
    f(total_);
    const auto day = static_cast<std::size_t>((where.t - window_start_) / 86400.0);
    const std::size_t hour = hour_of_day(where.t);
    f(by_day_[day]);
    f(by_hour_[hour]);
    if (where.unit.valid() && where.unit.value < by_unit_.size()) {
      f(by_unit_[where.unit.value]);
      f(by_admin_[admin_of_[where.unit.value]]);
    }
  }
  /// Waits go to the histograms as well (90th percentile).
  void add_wait(const Where& where, double wait_s);
  /// Operator time on shift and busy, split over the hours it spans.
  void add_operator_time(double from_s, double to_s, bool busy);

  [[nodiscard]] nlohmann::json to_json() const;

 private:
  const model::Scenario& scenario_;
  double window_start_;
  double window_end_;
  double days_;
  KpiSums total_;
  std::vector<KpiSums> by_day_;
  std::array<KpiSums, 24> by_hour_{};
  std::vector<KpiSums> by_unit_;
  std::vector<KpiSums> by_admin_;
  std::vector<std::uint32_t> admin_of_;
  WaitHistogram waits_;
  std::vector<WaitHistogram> waits_by_hour_;
};

}  // namespace vaxel::sim
