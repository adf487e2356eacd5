// Engine validation (engine_validation.hpp): the shape check that turns a scenario back into its queueing model,
// the analytic values converted to the simulator's KPI definitions, and the comparison over replications.
#include "sim/engine_validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "sim/replication.hpp"

namespace vaxel::sim {

namespace {

namespace an = vaxel::analytic;
constexpr int kMinutesPerDay = 24 * 60;
constexpr const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

bool around_the_clock(const model::DayHours& hours) {
  return hours.size() == 1 && hours[0].start_minute == 0 && hours[0].end_minute == kMinutesPerDay;
}

// Empty when the schedule is open every minute of every day (holidays, summer and reduced days included).
std::string not_around_the_clock(const model::Schedule& s) {
  for (int d = 0; d < 7; ++d)
    if (!around_the_clock(s.weekly.days[static_cast<std::size_t>(d)]))
      return fmt::format("weekly hours on {} are not 00:00-24:00", kDayNames[d]);
  if (s.summer)
    for (int d = 0; d < 7; ++d)
      if (!around_the_clock(s.summer->days[static_cast<std::size_t>(d)]))
        return fmt::format("summer hours on {} are not 00:00-24:00", kDayNames[d]);
  if (!s.holiday_hours || !around_the_clock(*s.holiday_hours)) return "holiday hours are not 00:00-24:00";
  if (s.reduced_day_close) return "reduced_day_close shortens some days";
  if (!s.overrides.empty()) return "dated exceptions change some days";
  return {};
}

bool same(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

// Why the scenario is not the textbook queue, or empty. Every rule keeps one assumption of the formulas.
std::string shape_problem(const model::Scenario& s) {
  const auto& board = s.switchboard;
  if (auto why = not_around_the_clock(board.hours); !why.empty()) return "switchboard.hours: " + why;
  for (const auto& op : board.operators)
    if (auto why = not_around_the_clock(op.shift); !why.empty()) return "operator " + op.name + ": shift " + why;

  // Stationary Poisson arrivals: the same rate every day and every 15-minute slot.
  const auto& demand = s.demand;
  for (int d = 0; d < 7; ++d)
    if (!same(demand.weekday_factor[static_cast<std::size_t>(d)], 1.0))
      return fmt::format("demand.weekday_factor: {} is {}, not 1", kDayNames[d],
                         demand.weekday_factor[static_cast<std::size_t>(d)]);
  if (!same(demand.summer_factor, 1.0)) return "demand.summer_factor is not 1";
  if (!same(demand.reduced_day_factor, 1.0)) return "demand.reduced_day_factor is not 1";
  for (std::size_t slot = 0; slot < demand.slot_share.size(); ++slot)
    if (!same(demand.slot_share[slot], 1.0 / static_cast<double>(demand.slot_share.size())))
      return fmt::format("demand.intraday: quarter hour {} does not get 1/96 of the day's calls", slot);

  // Every call a simple question the operator answers: one exponential task, then the call ends.
  for (const auto& e : demand.entries) {
    if (e.share <= 0) continue;
    if (!same(e.intent_mix[static_cast<std::size_t>(model::Intent::Question)], 1.0))
      return "demand.entries: every caller must have intent question (1)";
    if (s.directory.entry(e.entry).kind == model::EntryKind::DirectDial)
      return "demand.entries: a direct-dial entry bypasses the switchboard";
  }
  const auto& units = s.directory.units;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const double w =
        u < demand.unit_weight.size() ? demand.unit_weight[u] : static_cast<double>(units[u].people.size());
    if (w > 0 && !units[u].answers_simple_questions)
      return "unit " + units[u].name + " gets calls but does not have answers_simple_questions: true";
  }
  if (board.handle.answer_s.kind != model::DistributionKind::Exponential)
    return "switchboard.handle_times.answer_s is not exponential";
  if (board.handle.wrap_up_s.kind != model::DistributionKind::Constant || board.handle.wrap_up_s.mean != 0)
    return "switchboard.handle_times.wrap_up_s is not 0";

  // Nobody calls again, so the arrival process stays Poisson.
  const auto& c = s.callers;
  for (const model::RedialRule* r : {&c.after_abandon, &c.after_no_answer, &c.after_referral, &c.after_mobile,
                                     &c.after_closed, &c.after_busy, &c.after_broken_promise})
    if (r->probability != 0) return "callers.redial: every redial probability must be 0";

  if (s.policy.callback_offer_wait_s) return "policy.callback_offer_wait_s offers callbacks instead of queueing";
  if (s.policy.queue_capacity && s.policy.overflow != model::OverflowAction::Busy)
    return "policy.overflow must be busy when the queue has a capacity";
  if (board.trunk_lines < static_cast<int>(board.operators.size()))
    return "switchboard.trunk_lines is below the number of operators";
  return {};
}

}  // namespace

QueueShape queue_shape(const model::Scenario& s) {
  QueueShape shape;
  shape.why_not = shape_problem(s);
  if (!shape.why_not.empty()) return shape;

  an::QueueModel m;
  m.operators = static_cast<int>(s.switchboard.operators.size());
  m.traffic.arrivals_per_second = s.demand.calls_per_weekday / model::kSecondsPerDay;
  m.traffic.mean_handle_time_s = s.switchboard.handle.answer_s.mean;

  // A constant patience longer than the whole run never runs out: callers who never hang up.
  const model::Distribution& patience = s.callers.patience_s;
  const double run_s = (s.run.warmup_days + s.run.days + ReplicationSpec{}.drain_days) * model::kSecondsPerDay;
  if (patience.kind == model::DistributionKind::Exponential) {
    m.mean_patience_s = patience.mean;
  } else if (patience.kind == model::DistributionKind::Constant && patience.mean > run_s) {
    m.mean_patience_s = an::kNeverAbandon;
  } else {
    shape.why_not = "callers.patience_s must be exponential, or a constant longer than the run (never hang up)";
    return shape;
  }

  // K counts calls in service plus waiting: the trunk lines, or fewer when the queue has a capacity.
  int lines = s.switchboard.trunk_lines;
  if (s.policy.queue_capacity) lines = std::min(lines, m.operators + *s.policy.queue_capacity);
  m.lines = lines;
  shape.model = m;
  return shape;
}

std::string kendall_name(const an::QueueModel& m) {
  std::string name = fmt::format("M/M/{}", m.operators);
  if (m.lines) name += fmt::format("/{}", *m.lines);
  if (!std::isinf(m.mean_patience_s)) name += "+M";
  return name;
}

an::QueueMetrics analytic_metrics(const an::QueueModel& model, double sl_seconds) {
  if (model.lines) {
    an::QueueModel unlimited = model;
    unlimited.lines.reset();
    const bool stable = !std::isinf(model.mean_patience_s) || model.traffic.offered_load_erlangs() < model.operators;
    // solve_queue truncates the unlimited chain where the tail mass falls below kTailMass: a truncation point
    // below K means the lines are (to that precision) never all busy.
    if (stable && an::solve_queue(unlimited, sl_seconds).states <= static_cast<std::size_t>(*model.lines))
      return an::erlang_a(model.operators, model.traffic, model.mean_patience_s, sl_seconds);
    return an::solve_queue(model, sl_seconds);
  }
  return an::erlang_a(model.operators, model.traffic, model.mean_patience_s, sl_seconds);
}

ValidationCheck compare_with_theory(std::string kpi, std::string label, double analytic,
                                    const std::vector<double>& values, double trials) {
  ValidationCheck c;
  c.kpi = std::move(kpi);
  c.label = std::move(label);
  c.analytic = analytic;
  c.simulated = estimate(values, kValidationConfidence);
  const bool none_seen =
      c.simulated.n > 1 && c.simulated.half_width == 0.0 && (c.simulated.mean == 0.0 || c.simulated.mean == 1.0);
  if (none_seen && trials >= 1) c.exact_bound = 1.0 - std::pow((1.0 - kValidationConfidence) / 2.0, 1.0 / trials);
  // Rounding slack only: an interval of exactly [0, 0] (nobody ever waited, as in Erlang B) must contain an
  // analytic 0 computed as 1e-17.
  const double slack = 1e-12 * std::max(1.0, std::abs(analytic));
  c.passed = c.simulated.n > 0 && c.low() - slack <= analytic && analytic <= c.high() + slack;
  return c;
}

double ValidationCheck::low() const {
  if (std::isnan(exact_bound)) return simulated.low();
  return simulated.mean == 1.0 ? 1.0 - exact_bound : 0.0;
}

double ValidationCheck::high() const {
  if (std::isnan(exact_bound)) return simulated.high();
  return simulated.mean == 1.0 ? 1.0 : exact_bound;
}

bool ValidationCase::passed() const {
  return std::all_of(checks.begin(), checks.end(), [](const ValidationCheck& c) { return c.passed; });
}

ValidationCase validate_engine_case(const model::Scenario& scenario, const ValidationOptions& options) {
  const QueueShape shape = queue_shape(scenario);
  if (!shape.model) throw std::invalid_argument(scenario.source + ": not a textbook queue: " + shape.why_not);

  ValidationCase vc;
  vc.name = scenario.name;
  vc.source = scenario.source;
  vc.queue = *shape.model;
  const double sl_s = scenario.run.service_level_s;
  vc.theory = analytic_metrics(vc.queue, sl_s);
  vc.lines_matter =
      vc.theory.states > 0 && vc.queue.lines && vc.theory.states == static_cast<std::size_t>(*vc.queue.lines) + 1;
  an::QueueModel shown = vc.queue;
  if (!vc.lines_matter) shown.lines.reset();
  vc.model = kendall_name(shown);

  vc.options = options_from(scenario);
  vc.options.days = std::max(1, static_cast<int>(std::lround(vc.options.days * options.days_scale)));
  // Nobody calls back or redials here, so the drain only has to let the last day's calls end: one day does.
  vc.options.drain_days = 1;
  vc.options.jobs = options.jobs;
  vc.options.progress = options.progress;
  const auto started = std::chrono::steady_clock::now();
  const ExperimentResult result = run_experiment(scenario, vc.options);
  vc.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // The simulator counts waits, abandonment and service level over the calls that reached the operators'
  // queue (answered + abandoned), the formulas over all offered calls: divide by the share given a line.
  const an::QueueMetrics& t = vc.theory;
  const double accepted = 1 - t.p_blocked;
  // `trials` names the counts a share is taken over (metrics.cpp, "counts"), for the exact bound.
  const std::vector<const char*> queued = {"answered", "abandoned"};
  const std::vector<const char*> offered = {"calls"};
  const std::vector<const char*> none;
  const auto check = [&](const char* kpi, const std::string& label, double analytic,
                         const std::vector<const char*>& trials) {
    std::vector<double> values;
    double calls = 0;
    for (const auto& r : result.replications) {
      const auto& v = r.at("kpis").at(kpi);
      values.push_back(v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN());
      for (const char* count : trials)
        calls += r.at("counts").at(count).get<double>();
    }
    vc.checks.push_back(compare_with_theory(kpi, label, analytic, values, calls));
  };
  check("waited", "P(wait)", t.p_wait / accepted, queued);
  check("mean_wait_s", "mean wait of answered [s]", t.mean_wait_answered_s, none);
  check("service_level", fmt::format("P(answered within {:g} s)", sl_s), t.service_level_accepted, queued);
  // Checked in every case, also where theory says 0 (patient callers, lines that never fill): a simulator that
  // let a patient caller hang up, or refused a call with lines free, fails there.
  check("abandoned", "P(abandon)", t.p_abandon / accepted, queued);
  check("busy", "P(blocked)", t.p_blocked, offered);
  check("operator_occupancy", "occupancy", t.occupancy, none);
  return vc;
}

std::vector<std::string> validation_files(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw std::runtime_error(
        fmt::format("{}: no such folder (the validation scenarios are in scenarios/validation "
                    "of the source tree; give --folder when running elsewhere)",
                    folder));
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  if (ec) throw std::runtime_error(fmt::format("{}: cannot be read: {}", folder, ec.message()));
  if (files.empty()) throw std::runtime_error(fmt::format("{}: holds no validation scenarios (*.yaml)", folder));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace vaxel::sim
