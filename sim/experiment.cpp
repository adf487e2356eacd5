// Replications in workers, then the summary: each KPI's mean and Student-t interval over replications.
#include "sim/experiment.hpp"

#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

#include "model/limits.hpp"
#include "model/scenario_loader.hpp"
#include "sim/cdr_writer.hpp"
#include "sim/metrics.hpp"
#include "sim/progress.hpp"
#include "sim/replication.hpp"
#include "sim/workers.hpp"

namespace vaxel::sim {

RunOptions options_from(const model::Scenario& scenario) {
  RunOptions o;
  o.replications = scenario.run.replications;
  o.seed = scenario.run.seed;
  o.days = scenario.run.days;
  o.warmup_days = scenario.run.warmup_days;
  return o;
}

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Met:
      return "met";
    case Verdict::Missed:
      return "missed";
    case Verdict::Inconclusive:
      return "inconclusive";
    case Verdict::NoData:
      return "no data";
  }
  return "?";
}

Verdict judge(const model::Target& target, const Estimate& e) {
  if (e.n == 0 || std::isnan(e.mean)) return Verdict::NoData;
  const bool at_least = target.op == model::Comparison::AtLeast;
  const double lo = e.low();
  const double hi = e.high();
  if (at_least ? lo >= target.value : hi <= target.value) return Verdict::Met;
  if (at_least ? hi < target.value : lo > target.value) return Verdict::Missed;
  return Verdict::Inconclusive;
}

namespace {
double as_number(const nlohmann::json& j) {
  return j.is_number() ? j.get<double>() : std::numeric_limits<double>::quiet_NaN();
}
}  // namespace

const Estimate* ExperimentResult::kpi(const std::string& name) const {
  for (const auto& [n, e] : kpis)
    if (n == name) return &e;
  return nullptr;
}

Estimate ExperimentResult::series(const std::string& section, const std::string& key, std::size_t index) const {
  std::vector<double> values;
  for (const auto& r : replications) {
    const auto& s = r.at(section).at(key);
    values.push_back(index < s.size() ? as_number(s[index]) : std::numeric_limits<double>::quiet_NaN());
  }
  return estimate(values);
}

Estimate ExperimentResult::group(const std::string& section, const std::string& grp, const std::string& kpi) const {
  std::vector<double> values;
  for (const auto& r : replications)
    values.push_back(as_number(r.at(section).at(grp).at(kpi)));
  return estimate(values);
}

ExperimentResult run_experiment(const model::Scenario& scenario, const RunOptions& options) {
  // The last guard against a run of days: callers (vaxel run) check first and say it as bad input.
  if (std::string problem = model::run_size_problem(scenario, options.days, options.warmup_days, options.replications);
      !problem.empty())
    throw std::invalid_argument(problem);
  ExperimentResult result;
  result.scenario = scenario.name;
  result.source = scenario.source;
  result.hash = model::scenario_hash(scenario);
  result.options = options;

  Progress progress("replications");
  auto job = [&](int r) {
    ReplicationSpec spec;
    spec.seed = options.seed;
    spec.replication = r;
    spec.warmup_days = options.warmup_days;
    spec.days = options.days;
    spec.drain_days = options.drain_days;
    if (r == 0) spec.trace_path = options.trace_path;
    std::unique_ptr<CdrWriter> cdr;
    if (r == 0 && !options.cdr_path.empty()) {
      cdr = std::make_unique<CdrWriter>(options.cdr_path, options.cdr_format, scenario);
      spec.observers.push_back(cdr.get());
    }
    return run_replication(scenario, spec).dump();
  };
  const auto texts = run_in_workers(options.replications, options.jobs, job, [&](int done, int total) {
    if (options.progress) progress.update(done, total);
  });
  for (const std::string& t : texts)
    result.replications.push_back(nlohmann::json::parse(t));

  summarise(result, scenario);
  return result;
}

void summarise(ExperimentResult& result, const model::Scenario& scenario) {
  result.kpis.clear();
  result.targets.clear();
  for (const KpiInfo& k : kpi_catalogue()) {
    std::vector<double> values;
    for (const auto& r : result.replications)
      values.push_back(as_number(r.at("kpis").at(k.name)));
    result.kpis.emplace_back(k.name, estimate(values));
  }
  for (const model::Target& t : scenario.targets) {
    TargetResult tr;
    tr.target = t;
    if (const Estimate* e = result.kpi(t.kpi)) tr.estimate = *e;
    tr.verdict = judge(t, tr.estimate);
    result.targets.push_back(tr);
  }
}

}  // namespace vaxel::sim
