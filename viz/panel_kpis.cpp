// KPIs against the scenario's targets: the 95 % confidence interval of each KPI from the background
// experiment, the target and its verdict as green (met: the whole CI on the right side), amber (inconclusive:
// the CI straddles it) or red (missed), the value of the replication being watched, and today so far.
#include <fmt/format.h>

#include <cmath>

#include "sim/metrics.hpp"
#include "viz/panels.hpp"

namespace vaxel::viz {

namespace {

std::string value_text(double v, const char* unit) {
  if (!std::isfinite(v)) return "-";
  const std::string u = unit;
  if (u == "share") return fmt::format("{:.1f} %", v * 100.0);
  if (u == "s") return fmt::format("{:.0f} s", v);
  return fmt::format("{:.1f}", v);
}

std::string target_text(const model::Target& t, const char* unit) {
  return fmt::format("{} {}", t.op == model::Comparison::AtLeast ? ">=" : "<=", value_text(t.value, unit));
}

}  // namespace

void DrawKpis(UiState& ui, const Timeline& timeline, const model::Scenario& scenario, const KpiJob* kpis) {
  // Today so far, from the recorded calls: what a supervisor would see on the wallboard.
  const DaySeries today = timeline.day_series(ui.play_t_s, scenario.run.service_level_s);
  const double sl = today.queued > 0 ? static_cast<double>(today.answered_in_target) / today.queued : NAN;
  ImGui::Text("Today so far: %d calls, service level %s, %d resolved, %d failed (must call again)", today.calls,
              value_text(sl, "share").c_str(), today.resolved, today.failed);

  const bool ready = kpis != nullptr && kpis->ready();
  if (kpis == nullptr) {
    ImGui::TextDisabled("No experiment.");
  } else if (!ready) {
    ImGui::TextColored(to_vec4(kWarn), "Running %d replications x %d days for the confidence intervals ...",
                       kpis->options().replications, kpis->options().days);
  } else if (!kpis->error().empty()) {
    ImGui::TextColored(to_vec4(kBad), "experiment failed: %s", kpis->error().c_str());
  } else {
    ImGui::TextDisabled("95 %% CIs over %d replications x %d days, seed %llu", kpis->options().replications,
                        kpis->options().days, static_cast<unsigned long long>(kpis->options().seed));
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("kpis", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("KPI", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("target", ImGuiTableColumnFlags_WidthFixed, 70);
  ImGui::TableSetupColumn("mean [95 % CI]", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("verdict", ImGuiTableColumnFlags_WidthFixed, 88);
  ImGui::TableSetupColumn("this run", ImGuiTableColumnFlags_WidthFixed, 64);
  ImGui::TableHeadersRow();
  // Targeted KPIs first: they are what the scenario promises.
  for (int pass = 0; pass < 2; ++pass) {
    for (const sim::KpiInfo& info : sim::kpi_catalogue()) {
      const model::Target* target = nullptr;
      for (const model::Target& t : scenario.targets)
        if (t.kpi == info.name) target = &t;
      if ((pass == 0) != (target != nullptr)) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s", info.label);
      ImGui::SameLine();
      ImGui::TextDisabled("%s", info.clause);
      ImGui::TableNextColumn();
      if (target != nullptr) ImGui::TextUnformatted(target_text(*target, info.unit).c_str());
      ImGui::TableNextColumn();
      sim::Verdict verdict = sim::Verdict::NoData;
      if (ready && kpis->error().empty()) {
        if (const sim::Estimate* e = kpis->result().kpi(info.name); e != nullptr && e->n > 0) {
          ImGui::Text("%s  [%s, %s]", value_text(e->mean, info.unit).c_str(), value_text(e->low(), info.unit).c_str(),
                      value_text(e->high(), info.unit).c_str());
          if (target != nullptr) verdict = sim::judge(*target, *e);
        } else {
          ImGui::TextDisabled("no data");
        }
      }
      ImGui::TableNextColumn();
      if (target != nullptr && ready) Chip(sim::to_string(verdict), verdict_colour(verdict), 84.0f);
      ImGui::TableNextColumn();
      const auto& run = timeline.kpis;
      if (run.is_object() && run.contains("kpis") && run["kpis"].contains(info.name) &&
          run["kpis"][info.name].is_number())
        ImGui::TextUnformatted(value_text(run["kpis"][info.name].get<double>(), info.unit).c_str());
      else
        ImGui::TextDisabled(timeline.ended ? "-" : "...");
    }
  }
  ImGui::EndTable();
}

}  // namespace vaxel::viz
