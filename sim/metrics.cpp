// KPI formulas (docs/kpis.md) over the running sums, and one replication's results as JSON.
#include "sim/metrics.hpp"

#include <cmath>
#include <limits>

#include "model/routing/names.hpp"

namespace vaxel::sim {

namespace {
double ratio(double a, double b) {
  return b > 0 ? a / b : kNaN;
}
}  // namespace

const std::array<KpiInfo, kKpiCount>& kpi_catalogue() {
  static const std::array<KpiInfo, kKpiCount> kCatalogue = {{
      {Kpi::OneCallResolution, "one_call_resolution", "one-call resolution", "G4", "share", true},
      {Kpi::RepeatCallRate, "repeat_call_rate", "repeat-call rate", "G4", "share", false},
      {Kpi::CallsPerErrand, "calls_per_errand", "calls per errand", "G4", "calls", false},
      {Kpi::Unanswered, "unanswered", "unanswered calls", "M1", "share", false},
      {Kpi::ReturnTimesKept, "return_times_kept", "return times kept", "M3", "share", true},
      {Kpi::CallbackDelay, "voicemail_callback_delay_s", "voicemail/message to callback", "M5", "s", false},
      {Kpi::DirectAnswer, "direct_answer", "direct answer to simple questions", "KKiK", "share", true},
      {Kpi::ServiceLevel, "service_level", "service level", "T1", "share", true},
      {Kpi::Waited, "waited", "waited for an operator", "T1", "share", false},
      {Kpi::MeanWait, "mean_wait_s", "mean wait", "T1", "s", false},
      {Kpi::P90Wait, "p90_wait_s", "90th percentile wait", "T1", "s", false},
      {Kpi::Abandoned, "abandoned", "abandoned in queue", "G2", "share", false},
      {Kpi::Busy, "busy", "busy (lines or queue full)", "G2", "share", false},
      {Kpi::Closed, "closed", "met the closed message", "T4", "share", false},
      {Kpi::OperatorOccupancy, "operator_occupancy", "operator occupancy", "T1", "share", false},
      {Kpi::ErrandsPerDay, "errands_per_day", "new errands per day", "", "errands", false},
      {Kpi::CallsPerDay, "calls_per_day", "calls per day", "", "calls", false},
  }};
  return kCatalogue;
}

const KpiInfo* find_kpi(const std::string& name) {
  for (const KpiInfo& k : kpi_catalogue())
    if (name == k.name) return &k;
  return nullptr;
}

double KpiSums::value(Kpi k, double days) const {
  switch (k) {
    case Kpi::OneCallResolution:
      return ratio(errands_resolved_first, errands);
    case Kpi::RepeatCallRate:
      return ratio(errand_calls - errands, errand_calls);
    case Kpi::CallsPerErrand:
      return ratio(errand_calls, errands);
    case Kpi::Unanswered:
      return ratio(m1_violations, calls);
    case Kpi::ReturnTimesKept:
      return ratio(promises_kept, promises);
    case Kpi::CallbackDelay:
      return callback_delay_s.mean();
    case Kpi::DirectAnswer:
      return ratio(questions_answered, questions);
    case Kpi::ServiceLevel:
      return ratio(answered_in_sl, answered + abandoned);
    case Kpi::Waited:
      // Same denominator as service_level and abandoned: the calls that reached the operators' queue.
      return ratio(waited, answered + abandoned);
    case Kpi::MeanWait:
      return wait_s.mean();
    case Kpi::P90Wait:
      return kNaN;  // from the histograms, see Metrics::to_json
    case Kpi::Abandoned:
      return ratio(abandoned, answered + abandoned);
    case Kpi::Busy:
      return ratio(busy, calls);
    case Kpi::Closed:
      return ratio(closed, calls);
    case Kpi::OperatorOccupancy:
      // An operator finishing a call after the shift ended is busy but no longer staffed: that overtime counts as
      // staffed too, so occupancy stays a share (under overload it read 1.01; tests/extreme_test.cpp).
      return ratio(operator_busy_s, std::max(operator_staffed_s, operator_busy_s));
    case Kpi::ErrandsPerDay:
      return ratio(errands, days);
    case Kpi::CallsPerDay:
      return ratio(calls, days);
  }
  return kNaN;
}

Metrics::Metrics(const model::Scenario& scenario, double window_start_s, double window_end_s)
    : scenario_(scenario),
      window_start_(window_start_s),
      window_end_(window_end_s),
      days_((window_end_s - window_start_s) / 86400.0),
      by_day_(static_cast<std::size_t>(std::ceil(days_)) + 1),
      by_unit_(scenario.directory.units.size()),
      by_admin_(scenario.directory.administrations.size()),
      waits_by_hour_(24) {
  for (const auto& u : scenario.directory.units)
    admin_of_.push_back(u.administration.value);
}

void Metrics::add_wait(const Where& where, double wait_s) {
  if (!in_window(where.t)) return;
  waits_.add(wait_s);
  waits_by_hour_[hour_of_day(where.t)].add(wait_s);
}

void Metrics::add_operator_time(double from_s, double to_s, bool busy) {
  from_s = std::max(from_s, window_start_);
  to_s = std::min(to_s, window_end_);
  while (from_s < to_s) {
    const double hour_end = (std::floor(from_s / 3600.0) + 1.0) * 3600.0;
    const double end = std::min(hour_end, to_s);
    const double len = end - from_s;
    auto& hour = by_hour_[hour_of_day(from_s)];
    auto& day = by_day_[static_cast<std::size_t>((from_s - window_start_) / 86400.0)];
    for (KpiSums* s : {&total_, &hour, &day})
      (busy ? s->operator_busy_s : s->operator_staffed_s) += len;
    from_s = end;
  }
}

namespace {

nlohmann::json slice_json(const KpiSums& s, double days) {
  nlohmann::json j = nlohmann::json::object();
  for (const KpiInfo& k : kpi_catalogue())
    j[k.name] = json_number(s.value(k.kpi, days));
  return j;
}
}  // namespace

nlohmann::json Metrics::to_json() const {
  nlohmann::json j;
  j["kpis"] = slice_json(total_, days_);
  j["kpis"]["p90_wait_s"] = json_number(waits_.quantile(0.9));

  nlohmann::json by_hour = nlohmann::json::object();
  for (const KpiInfo& k : kpi_catalogue()) {
    nlohmann::json series = nlohmann::json::array();
    for (std::size_t h = 0; h < 24; ++h)
      series.push_back(
          json_number(k.kpi == Kpi::P90Wait ? waits_by_hour_[h].quantile(0.9) : by_hour_[h].value(k.kpi, days_)));
    by_hour[k.name] = series;
  }
  j["by_hour"] = by_hour;

  nlohmann::json by_day = nlohmann::json::object();
  const auto ndays = static_cast<std::size_t>(std::llround(days_));
  for (const KpiInfo& k : kpi_catalogue()) {
    nlohmann::json series = nlohmann::json::array();
    for (std::size_t d = 0; d < ndays; ++d)
      series.push_back(json_number(by_day_[d].value(k.kpi, 1.0)));
    by_day[k.name] = series;
  }
  j["by_day"] = by_day;

  nlohmann::json by_unit = nlohmann::json::object();
  for (std::size_t u = 0; u < by_unit_.size(); ++u)
    by_unit[scenario_.directory.units[u].name] = slice_json(by_unit_[u], days_);
  j["by_unit"] = by_unit;
  nlohmann::json by_admin = nlohmann::json::object();
  for (std::size_t a = 0; a < by_admin_.size(); ++a)
    by_admin[scenario_.directory.administrations[a].name] = slice_json(by_admin_[a], days_);
  j["by_administration"] = by_admin;

  nlohmann::json outcomes = nlohmann::json::object();
  for (int r = 1; r < model::routing::kOutcomeReasonCount; ++r)
    outcomes[model::routing::to_string(static_cast<model::routing::OutcomeReason>(r))] =
        total_.outcomes[static_cast<std::size_t>(r)];
  j["outcomes"] = outcomes;
  j["counts"] = {{"calls", total_.calls},   {"errands", total_.errands},   {"queued", total_.queued},
                 {"waited", total_.waited}, {"answered", total_.answered}, {"abandoned", total_.abandoned}};
  return j;
}

}  // namespace vaxel::sim
