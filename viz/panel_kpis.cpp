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
  if (u == "s") return v >= 600.0 ? duration_text(v) : fmt::format("{:.0f} s", v);
  return fmt::format("{:.1f}", v);
}

// "79.8 ± 0.8 %": mean and half-width, short enough for the column.
std::string estimate_text(const sim::Estimate& e, const char* unit) {
  const std::string u = unit;
  if (u == "share") return fmt::format("{:.1f} ± {:.1f} %", e.mean * 100.0, e.half_width * 100.0);
  if (u == "s" && e.mean >= 600.0) return fmt::format("{} ± {}", duration_text(e.mean), duration_text(e.half_width));
  if (u == "s") return fmt::format("{:.0f} ± {:.0f} s", e.mean, e.half_width);
  return fmt::format("{:.1f} ± {:.1f}", e.mean, e.half_width);
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
  if (!ImGui::BeginTable("kpis", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("KPI", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 24);
  ImGui::TableSetupColumn("target", ImGuiTableColumnFlags_WidthFixed, 64);
  ImGui::TableSetupColumn("mean ± 95 % CI", ImGuiTableColumnFlags_WidthFixed, 124);
  ImGui::TableSetupColumn("verdict", ImGuiTableColumnFlags_WidthFixed, 84);
  ImGui::TableSetupColumn("this run", ImGuiTableColumnFlags_WidthFixed, 58);
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
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s, %s)", info.label, info.name, info.clause);
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", info.clause);
      ImGui::TableNextColumn();
      if (target != nullptr) ImGui::TextUnformatted(target_text(*target, info.unit).c_str());
      ImGui::TableNextColumn();
      sim::Verdict verdict = sim::Verdict::NoData;
      if (ready && kpis->error().empty()) {
        if (const sim::Estimate* e = kpis->result().kpi(info.name); e != nullptr && e->n > 0) {
          ImGui::TextUnformatted(estimate_text(*e, info.unit).c_str());
          if (ImGui::IsItemHovered())
            ImGui::SetTooltip("95 %% CI [%s, %s] over %d replications", value_text(e->low(), info.unit).c_str(),
                              value_text(e->high(), info.unit).c_str(), e->n);
          if (target != nullptr) verdict = sim::judge(*target, *e);
        } else {
          ImGui::TextDisabled("no data");
        }
      }
      ImGui::TableNextColumn();
      if (target != nullptr && ready) Chip(sim::to_string(verdict), verdict_colour(verdict), 80.0f);
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
