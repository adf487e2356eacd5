// The staffing search: Erlang A seed, whole-week simulations with a per-hour queue observer, hour-by-hour
// adjustment (see sim/staffing.hpp).
#include "sim/staffing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "model/scenario_loader.hpp"
#include "model/time.hpp"
#include "sim/erlang.hpp"
#include "sim/metrics.hpp"
#include "sim/observer.hpp"
#include "sim/progress.hpp"
#include "sim/replication.hpp"
#include "sim/workers.hpp"

namespace vaxel::sim {

namespace {

constexpr int kDays = 7;
constexpr int kHours = 24;

// Counts the queue of every hour of the week inside the measured window.
class HourQueueObserver : public Observer {
 public:
  HourQueueObserver(double window_start_s, double window_end_s, double sl_s)
      : start_(window_start_s), end_(window_end_s), sl_s_(sl_s) {}
  void on_call_end(const CallSummary& c) override {
    if (!c.queued || c.arrival_s < start_ || c.arrival_s >= end_) return;
    const int wd = static_cast<int>(model::weekday_of(model::day_of(c.arrival_s)));
    const int h = model::minute_of_day(c.arrival_s) / 60;
    HourQueue& q = cells_[static_cast<std::size_t>(wd * kHours + h)];
    q.offered += 1;
    if (c.answered_by_operator) {
      q.answered += 1;
      q.wait_sum_s += c.wait_s;
      if (c.wait_s <= sl_s_) q.answered_in_sl += 1;
    } else {
      q.abandoned += 1;
    }
  }
  [[nodiscard]] nlohmann::json to_json() const {
    nlohmann::json a = nlohmann::json::array();
    for (const HourQueue& q : cells_)
      a.push_back({q.offered, q.answered, q.answered_in_sl, q.abandoned, q.wait_sum_s});
    return a;
  }

 private:
  double start_;
  double end_;
  double sl_s_;
  std::array<HourQueue, kDays * kHours> cells_{};
};

double hour_share(const model::Scenario& s, int hour) {
  double share = 0;
  for (int q = 0; q < 4; ++q)
    share += s.demand.slot_share[static_cast<std::size_t>(hour * 4 + q)];
  return share;
}

// Share of calls that reach the switchboard (main and housing numbers) and their mean handle time.
std::pair<double, double> switchboard_share_and_handle_s(const model::Scenario& s) {
  const model::HandleTimes& h = s.switchboard.handle;
  double share = 0;
  double handle = 0;
  for (const model::EntryDemand& e : s.demand.entries) {
    const model::EntryKind kind = s.directory.entry(e.entry).kind;
    if (kind != model::EntryKind::Main && kind != model::EntryKind::Housing) continue;
    // A call for a person is mostly transferred, sometimes referred (T3b); a question is answered directly.
    const double person = 0.7 * h.transfer_s.expected() + 0.3 * h.referral_s.expected();
    const double mix = e.intent_mix[0] * person + e.intent_mix[1] * h.transfer_s.expected() +
                       e.intent_mix[2] * h.answer_s.expected() + e.intent_mix[3] * h.international_s.expected();
    share += e.share;
    handle += e.share * (mix + h.wrap_up_s.expected());
  }
  if (share <= 0) return {1.0, h.transfer_s.expected()};
  return {share, handle / share};
}

const model::Target* find_target(const model::Scenario& s, const std::string& kpi) {
  for (const model::Target& t : s.targets)
    if (t.kpi == kpi) return &t;
  return nullptr;
}

bool meets(const model::Target& t, double value) {
  if (std::isnan(value)) return true;  // no calls queued in that hour: nothing to miss
  return t.op == model::Comparison::AtLeast ? value >= t.value : value <= t.value;
}

double queue_value(const HourQueue& q, const std::string& kpi) {
  if (kpi == "service_level")
    return q.answered + q.abandoned > 0 ? q.answered_in_sl / (q.answered + q.abandoned) : kNaN;
  if (kpi == "abandoned") return q.answered + q.abandoned > 0 ? q.abandoned / (q.answered + q.abandoned) : kNaN;
  if (kpi == "mean_wait_s") return q.answered > 0 ? q.wait_sum_s / q.answered : kNaN;
  return kNaN;
}

std::string interval_text(int from_hour, int to_hour) {
  return fmt::format("\"{}-{}\"", model::format_clock(from_hour * 60), model::format_clock(to_hour * 60));
}

const char* const kDayKeys[kDays] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Simulated {
  ExperimentResult result;
  std::array<HourQueue, kDays * kHours> cells{};
};

// run_experiment's summary, with the hour-of-week queue observer in every replication.
Simulated simulate(const model::Scenario& scenario, const RunOptions& o) {
  Simulated out;
  ExperimentResult& r = out.result;
  r.scenario = scenario.name;
  r.source = scenario.source;
  r.hash = model::scenario_hash(scenario);
  r.options = o;
  const double start = model::start_of_day(model::to_day_number(scenario.run.start));
  const double end = start + o.days * model::kSecondsPerDay;
  Progress progress("replications");
  auto job = [&](int rep) {
    HourQueueObserver obs(start, end, scenario.run.service_level_s);
    ReplicationSpec spec;
    spec.seed = o.seed;
    spec.replication = rep;
    spec.warmup_days = o.warmup_days;
    spec.days = o.days;
    spec.observers = {&obs};
    nlohmann::json j = run_replication(scenario, spec);
    j["hour_of_week_queue"] = obs.to_json();
    return j.dump();
  };
  const auto texts = run_in_workers(o.replications, o.jobs, job, [&](int done, int total) {
    if (o.progress) progress.update(done, total);
  });
  for (const std::string& t : texts) {
    nlohmann::json j = nlohmann::json::parse(t);
    const auto& cells = j.at("hour_of_week_queue");
    for (std::size_t i = 0; i < cells.size() && i < out.cells.size(); ++i) {
      out.cells[i].offered += cells[i][0].get<double>();
      out.cells[i].answered += cells[i][1].get<double>();
      out.cells[i].answered_in_sl += cells[i][2].get<double>();
      out.cells[i].abandoned += cells[i][3].get<double>();
      out.cells[i].wait_sum_s += cells[i][4].get<double>();
    }
    j.erase("hour_of_week_queue");
    r.replications.push_back(std::move(j));
  }
  summarise(r, scenario);
  return out;
}

}  // namespace

int StaffingPlan::weekly_operator_hours() const {
  int sum = 0;
  for (const auto& day : operators)
    for (int n : day)
      sum += n;
  return sum;
}

int StaffingPlan::peak() const {
  int p = 0;
  for (const auto& day : operators)
    for (int n : day)
      p = std::max(p, n);
  return p;
}

bool open_in_hour(const model::Scenario& s, int weekday, int hour) {
  for (const model::Interval& i : s.switchboard.hours.weekly.days[static_cast<std::size_t>(weekday)])
    if (i.start_minute < (hour + 1) * 60 && i.end_minute > hour * 60) return true;
  return false;
}

StaffingPlan seed_plan(const model::Scenario& s, int max_operators) {
  StaffingPlan plan;
  const auto [share, handle_s] = switchboard_share_and_handle_s(s);
  analytic::StaffingTarget target;
  const model::Target* sl = find_target(s, "service_level");
  target.service_level = sl != nullptr && sl->op == model::Comparison::AtLeast ? sl->value : 0.8;
  target.sl_seconds = s.run.service_level_s;
  target.basis = analytic::ServiceLevelBasis::accepted;  // as the KPI: abandoned count, busy does not
  const model::Target* ab = find_target(s, "abandoned");
  target.max_abandon = ab != nullptr && ab->op == model::Comparison::AtMost ? ab->value : 1.0;
  target.max_operators = max_operators;
  for (int d = 0; d < kDays; ++d)
    for (int h = 0; h < kHours; ++h) {
      if (!open_in_hour(s, d, h)) continue;
      const double per_hour =
          s.demand.calls_per_weekday * s.demand.weekday_factor[static_cast<std::size_t>(d)] * hour_share(s, h) * share;
      int n = 1;
      if (per_hour > 0) {
        analytic::QueueModel m;
        m.traffic = analytic::Traffic::per_hour(per_hour, handle_s);
        m.mean_patience_s = s.callers.patience_s.expected();
        m.lines = std::max(s.switchboard.trunk_lines, 1);
        const auto found = analytic::find_min_operators(m, target);
        n = found ? found->operators : max_operators;
      }
      plan.operators[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)] = std::clamp(n, 1, max_operators);
    }
  return plan;
}

std::string plan_overlay_yaml(const model::Scenario& base, const std::string& extends, const StaffingPlan& plan) {
  std::string y =
      fmt::format("extends: \"{}\"\nname: \"{} staffed\"\nswitchboard:\n  operators:\n", extends, base.name);
  for (int k = 1; k <= plan.peak(); ++k) {
    y += fmt::format("    - name: \"Telefonist {}\"\n      shift:\n        weekly: {{", k);
    bool first_day = true;
    for (int d = 0; d < kDays; ++d) {
      std::vector<std::string> intervals;
      int from = -1;
      for (int h = 0; h <= kHours; ++h) {
        const bool on = h < kHours && plan.at(d, h) >= k;
        if (on && from < 0) from = h;
        if (!on && from >= 0) {
          intervals.push_back(interval_text(from, h));
          from = -1;
        }
      }
      if (intervals.empty()) continue;
      std::string list;
      for (const std::string& i : intervals)
        list += (list.empty() ? "" : ", ") + i;
      y += fmt::format("{}{}: [{}]", first_day ? "" : ", ", kDayKeys[d], list);
      first_day = false;
    }
    y += "}\n";
    if (base.switchboard.hours.reduced_day_close)
      y += fmt::format("        reduced_day_close: \"{}\"\n",
                       model::format_clock(*base.switchboard.hours.reduced_day_close));
  }
  return y;
}

model::Scenario scenario_with_plan(const model::Scenario& base, const std::string& file, const StaffingPlan& plan) {
  namespace fs = std::filesystem;
  model::Scenario s = model::load_scenario_text(plan_overlay_yaml(base, fs::path(file).filename().string(), plan),
                                                "staffing plan overlay", fs::path(file).parent_path().string());
  return s;
}

StaffingResult find_staffing(const model::Scenario& base, const std::string& file, const RunOptions& options,
                             const StaffingOptions& staffing,
                             const std::function<void(const std::string&)>& on_progress) {
  StaffingResult out;
  std::vector<const model::Target*> queue_targets;
  for (const char* k : {"service_level", "abandoned", "mean_wait_s"})
    if (const model::Target* t = find_target(base, k)) {
      queue_targets.push_back(t);
      out.queue_targets.push_back(
          fmt::format("{} {} {}", t->kpi, t->op == model::Comparison::AtLeast ? ">=" : "<=", t->value));
    }
  model::Target fallback{"service_level", model::Comparison::AtLeast, 0.8};
  if (queue_targets.empty()) {
    queue_targets.push_back(&fallback);  // a switchboard must answer someone: 80/20 unless the scenario says
    out.queue_targets.push_back("service_level >= 0.8 (no queue target in the scenario)");
  }

  StaffingPlan plan = seed_plan(base, staffing.max_operators);
  using Cells = std::array<std::array<bool, kHours>, kDays>;
  Cells locked{};   // hours whose count must not go lower: one less missed
  Cells lowered{};  // hours the last step lowered
  bool lowering = false;
  auto cell = [](auto& grid, int d, int h) -> auto& {
    return grid[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)];
  };
  auto say = [&](const std::string& line) {
    out.log.push_back(line);
    if (on_progress) on_progress(line);
  };
  say(fmt::format("Erlang A seed: {} operator-hours a week, peak {}", plan.weekly_operator_hours(), plan.peak()));
  for (int iter = 1; iter <= staffing.max_iterations; ++iter) {
    const model::Scenario scenario = scenario_with_plan(base, file, plan);
    Simulated sim = simulate(scenario, options);
    ++out.simulations;
    Cells missed{};
    std::array<bool, kDays> day_missed{};
    int missing = 0;
    for (int d = 0; d < kDays; ++d)
      for (int h = 0; h < kHours; ++h) {
        if (!open_in_hour(base, d, h)) continue;
        const HourQueue& q = sim.cells[static_cast<std::size_t>(d * kHours + h)];
        bool ok = true;
        for (const model::Target* t : queue_targets)
          ok = ok && meets(*t, queue_value(q, t->kpi));
        if (ok) continue;
        cell(missed, d, h) = true;
        day_missed[static_cast<std::size_t>(d)] = true;
        ++missing;
      }
    if (missing > 0 && lowering) {
      // The last step lowered a feasible plan. Days are independent (the queue empties overnight), so on every
      // day with a miss the lowered hours go back up; those that missed themselves (or, when only their
      // neighbours missed, all of that day's lowered hours) are locked.
      int reverted = 0;
      for (int d = 0; d < kDays; ++d) {
        if (!day_missed[static_cast<std::size_t>(d)]) continue;
        bool own_miss = false;
        for (int h = 0; h < kHours; ++h)
          own_miss = own_miss || (cell(lowered, d, h) && cell(missed, d, h));
        for (int h = 0; h < kHours; ++h) {
          if (!cell(lowered, d, h)) continue;
          ++cell(plan.operators, d, h);
          ++reverted;
          if (!own_miss || cell(missed, d, h)) cell(locked, d, h) = true;
        }
      }
      lowering = false;
      lowered = Cells{};
      say(fmt::format("simulation {}: {} hour(s) miss with one operator less; {} hour(s) back up", iter, missing,
                      reverted));
      if (reverted > 0) continue;
    }
    if (missing > 0) {
      for (int d = 0; d < kDays; ++d)
        for (int h = 0; h < kHours; ++h)
          if (cell(missed, d, h)) {
            int& n = cell(plan.operators, d, h);
            if (n < staffing.max_operators) ++n;
            cell(locked, d, h) = true;
          }
      say(fmt::format("simulation {}: {} hour(s) of the week miss; adding an operator there", iter, missing));
      continue;
    }
    const int hours_now = plan.weekly_operator_hours();
    if (!out.found || hours_now <= out.plan.weekly_operator_hours()) {
      out.found = true;
      out.plan = plan;
      out.scenario = scenario;
      out.result = std::move(sim.result);
    }
    int lowering_count = 0;
    lowered = Cells{};
    for (int d = 0; d < kDays; ++d)
      for (int h = 0; h < kHours; ++h) {
        int& n = cell(plan.operators, d, h);
        if (n > 1 && !cell(locked, d, h)) {
          --n;
          cell(lowered, d, h) = true;
          ++lowering_count;
        }
      }
    lowering = lowering_count > 0;
    say(fmt::format("simulation {}: every open hour meets ({} operator-hours a week){}", iter, hours_now,
                    lowering ? fmt::format("; trying {} hour(s) with one operator less", lowering_count) : ""));
    if (!lowering) break;
  }
  if (!out.found) {
    // No plan met everywhere within the iteration limit: report the last one tried.
    out.plan = plan;
    out.scenario = scenario_with_plan(base, file, plan);
    out.result = simulate(out.scenario, options).result;
    ++out.simulations;
  }
  return out;
}

}  // namespace vaxel::sim
