// Paired and Welch differences, KPI directions, baseline judgement and the baseline file format.
#include "sim/comparison.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/metrics.hpp"
#include "sim/report.hpp"

namespace vaxel::sim {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

double as_number(const nlohmann::json& j) {
  return j.is_number() ? j.get<double>() : kNaN;
}
}  // namespace

bool Difference::significant() const {
  if (diff.n < 2 || std::isnan(diff.mean) || !std::isfinite(diff.half_width)) return false;
  return diff.low() > 0.0 || diff.high() < 0.0;
}

Difference paired_difference(const std::vector<double>& base, const std::vector<double>& other, double confidence) {
  std::vector<double> d;
  for (std::size_t i = 0; i < base.size() && i < other.size(); ++i)
    if (!std::isnan(base[i]) && !std::isnan(other[i])) d.push_back(other[i] - base[i]);
  Difference out;
  out.paired = true;
  out.diff = estimate(d, confidence);
  if (d.empty()) out.diff.mean = kNaN;
  return out;
}

Difference welch_difference(const Estimate& base, const Estimate& other, double confidence) {
  Difference out;
  out.paired = false;
  out.diff.mean = other.mean - base.mean;
  out.diff.n = std::min(base.n, other.n);
  if (base.n < 2 || other.n < 2) {
    out.diff.half_width = kInf;
    return out;
  }
  const double q = 0.5 + confidence / 2.0;
  // Each estimate's standard error from its own half-width: hw = t(q, n-1) * se.
  const double se_a = base.half_width / student_t_quantile(q, base.n - 1);
  const double se_b = other.half_width / student_t_quantile(q, other.n - 1);
  const double va = se_a * se_a;
  const double vb = se_b * se_b;
  const double v = va + vb;
  if (v <= 0.0) {
    out.diff.half_width = 0.0;  // both runs without spread: the means differ exactly by this much
    return out;
  }
  const double df = v * v / (va * va / (base.n - 1) + vb * vb / (other.n - 1));
  out.diff.half_width = student_t_quantile(q, df) * std::sqrt(v);
  return out;
}

std::vector<double> kpi_values(const ExperimentResult& r, const std::string& kpi) {
  std::vector<double> v;
  for (const auto& rep : r.replications)
    v.push_back(as_number(rep.at("kpis").value(kpi, nlohmann::json())));
  return v;
}

std::vector<double> series_values(const ExperimentResult& r, const std::string& section, const std::string& key,
                                  std::size_t index) {
  std::vector<double> v;
  for (const auto& rep : r.replications) {
    const auto& s = rep.at(section).at(key);
    v.push_back(index < s.size() ? as_number(s[index]) : kNaN);
  }
  return v;
}

std::vector<double> group_values(const ExperimentResult& r, const std::string& section, const std::string& group,
                                 const std::string& kpi) {
  std::vector<double> v;
  for (const auto& rep : r.replications) {
    const auto& sec = rep.at(section);
    v.push_back(sec.contains(group) ? as_number(sec.at(group).value(kpi, nlohmann::json())) : kNaN);
  }
  return v;
}

bool shares_random_numbers(const ExperimentResult& a, const ExperimentResult& b) {
  return a.options.seed == b.options.seed && a.options.replications == b.options.replications &&
         a.options.days == b.options.days && a.options.warmup_days == b.options.warmup_days &&
         static_cast<int>(a.replications.size()) == a.options.replications &&
         static_cast<int>(b.replications.size()) == b.options.replications;
}

Difference kpi_difference(const ExperimentResult& base, const ExperimentResult& other, const std::string& kpi,
                          double confidence) {
  if (shares_random_numbers(base, other))
    return paired_difference(kpi_values(base, kpi), kpi_values(other, kpi), confidence);
  const Estimate* a = base.kpi(kpi);
  const Estimate* b = other.kpi(kpi);
  if (a == nullptr || b == nullptr) return Difference{{kNaN, kInf, 0}, false};
  return welch_difference(*a, *b, confidence);
}

int better_direction(const std::string& kpi) {
  // Demand is an input, and occupancy is a trade-off (idle operators vs. waiting callers): neither is judged.
  if (kpi == "errands_per_day" || kpi == "operator_occupancy") return 0;
  const KpiInfo* k = find_kpi(kpi);
  if (k == nullptr) return 0;
  return k->higher_is_better ? +1 : -1;
}

std::vector<BaselineFinding> compare_to_baseline(const ExperimentResult& baseline, const ExperimentResult& now,
                                                 double confidence) {
  std::vector<BaselineFinding> out;
  for (const auto& [name, e] : now.kpis) {
    const int dir = better_direction(name);
    const Estimate* b = baseline.kpi(name);
    if (dir == 0 || b == nullptr) continue;
    BaselineFinding f;
    f.kpi = name;
    f.baseline = *b;
    f.now = e;
    f.change = kpi_difference(baseline, now, name, confidence);
    if (f.change.significant()) {
      const bool up = f.change.diff.low() > 0.0;
      f.worse = (dir > 0) != up;
      f.better = !f.worse;
    }
    out.push_back(f);
  }
  return out;
}

ExperimentResult result_from_json(const nlohmann::json& j, const std::string& source) {
  auto need = [&](const char* key) -> const nlohmann::json& {
    if (!j.contains(key)) throw std::runtime_error(source + ": not a vaxel results file (no '" + key + "')");
    return j.at(key);
  };
  ExperimentResult r;
  const auto& sc = need("scenario");
  r.scenario = sc.value("name", "");
  r.hash = sc.value("hash", "");
  r.source = source;
  r.options.seed = need("seed").get<std::uint64_t>();
  r.options.replications = need("replications").get<int>();
  r.options.days = need("days").get<int>();
  r.options.warmup_days = j.value("warmup_days", 0);
  r.options.progress = false;
  for (const KpiInfo& k : kpi_catalogue()) {
    const auto& kpis = need("kpis");
    if (!kpis.contains(k.name)) continue;
    const auto& e = kpis.at(k.name);
    Estimate est;
    est.mean = as_number(e.value("mean", nlohmann::json()));
    est.half_width = as_number(e.value("half_width", nlohmann::json()));
    if (std::isnan(est.half_width)) est.half_width = 0.0;
    est.n = e.value("n", 0);
    r.kpis.emplace_back(k.name, est);
  }
  if (j.contains("per_replication")) {
    const auto& per = j.at("per_replication");
    for (int i = 0; i < r.options.replications; ++i) {
      nlohmann::json rep;
      rep["kpis"] = nlohmann::json::object();
      for (const auto& [name, values] : per.items())
        if (values.is_array() && static_cast<int>(values.size()) == r.options.replications)
          rep["kpis"][name] = values[static_cast<std::size_t>(i)];
      r.replications.push_back(rep);
    }
  }
  return r;
}

nlohmann::json baseline_json(const ExperimentResult& r, const model::Scenario& scenario) {
  nlohmann::json full = to_json(r, scenario);
  nlohmann::json j;
  for (const char* key : {"vaxel_version", "scenario", "seed", "replications", "days", "warmup_days", "confidence",
                          "service_level_s", "kpis", "targets"})
    j[key] = full[key];
  for (const auto& [name, e] : r.kpis) {
    nlohmann::json values = nlohmann::json::array();
    for (double v : kpi_values(r, name))
      values.push_back(json_number(v));
    j["per_replication"][name] = values;
  }
  return j;
}

}  // namespace vaxel::sim

namespace vaxel::sim {

namespace {
// Scale and unit of a KPI for display: shares as percent, seconds as s.
std::pair<double, std::string> display_unit(const std::string& kpi, bool difference) {
  const KpiInfo* k = find_kpi(kpi);
  const std::string unit = k != nullptr ? k->unit : "";
  if (unit == "share") return {100.0, difference ? " pp" : " %"};
  if (unit == "s") return {1.0, " s"};
  return {1.0, ""};
}
}  // namespace

std::string format_estimate(const std::string& kpi, const Estimate& e) {
  if (e.n == 0 || std::isnan(e.mean)) return "-";
  const auto [scale, unit] = display_unit(kpi, false);
  const int digits = scale == 1.0 && unit.empty() ? 2 : 1;
  if (e.n < 2) return fmt::format("{:.{}f}{}", scale * e.mean, digits, unit);
  return fmt::format("{:.{}f} ± {:.{}f}{}", scale * e.mean, digits, scale * e.half_width, digits, unit);
}

std::string format_difference(const std::string& kpi, const Difference& d) {
  if (d.diff.n == 0 || std::isnan(d.diff.mean)) return "-";
  const auto [scale, unit] = display_unit(kpi, true);
  int digits = scale == 1.0 && unit.empty() ? 2 : 1;
  // Paired differences can be far narrower than the KPI's own display precision: show up to two more decimals
  // until the half-width is visible, so a significant change never reads "+0.0 ± 0.0 pp *".
  for (int extra = 0; extra < 2 && std::isfinite(d.diff.half_width) && d.diff.half_width > 0.0 &&
                      scale * d.diff.half_width < 0.5 * std::pow(10.0, -digits);
       ++extra)
    ++digits;
  // A difference that rounds to zero is shown as 0, not as "-0.0".
  const double shown = std::fabs(scale * d.diff.mean) < 0.5 * std::pow(10.0, -digits) ? 0.0 : scale * d.diff.mean;
  if (!std::isfinite(d.diff.half_width)) return fmt::format("{:+.{}f}{} (no CI)", shown, digits, unit);
  return fmt::format("{:+.{}f} ± {:.{}f}{}", shown, digits, scale * d.diff.half_width, digits, unit);
}

nlohmann::json estimate_to_json(const Estimate& e) {
  return {{"mean", json_number(e.mean)},
          {"low", json_number(e.low())},
          {"high", json_number(e.high())},
          {"half_width", json_number(e.half_width)},
          {"n", e.n}};
}

nlohmann::json difference_to_json(const Difference& d) {
  nlohmann::json j = estimate_to_json(d.diff);
  j["paired"] = d.paired;
  j["significant"] = d.significant();
  return j;
}

}  // namespace vaxel::sim
