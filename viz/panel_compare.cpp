// The compare view: two scenarios side by side at the same moment, both simulated with the same seed, so
// their callers are the same people calling at the same times (common random numbers) and a difference is
// the scenarios' doing, not luck. Per side: the switchboard now, the day's queue, and the KPIs with CIs.
#include <fmt/format.h>

#include <cmath>

#include "sim/metrics.hpp"
#include "viz/panels.hpp"

namespace vaxel::viz {

namespace {

std::string estimate_text(const sim::Estimate& e, const char* unit) {
  if (e.n == 0 || !std::isfinite(e.mean)) return "-";
  if (std::string(unit) == "share") return fmt::format("{:.1f} ± {:.1f} %", e.mean * 100.0, e.half_width * 100.0);
  if (std::string(unit) == "s" && e.mean >= 600.0)
    return fmt::format("{} ± {}", duration_text(e.mean), duration_text(e.half_width));
  return fmt::format("{:.1f} ± {:.1f}", e.mean, e.half_width);
}

void DrawSide(UiState& ui, const ScenarioView& v, float height) {
  const Timeline& tl = v.timeline();
  ImGui::TextColored(ImVec4(0.62f, 0.72f, 0.95f, 1.0f), "%s", v.label.c_str());
  ImGui::TextDisabled("%s", v.scenario->source.c_str());
  const Frame* f = tl.frame_at(ui.play_t_s);
  if (f == nullptr) {
    ImGui::TextDisabled("waiting for the simulation ...");
    return;
  }
  const sim::Snapshot& s = f->snapshot;
  int busy = 0;
  int on_shift = 0;
  for (sim::OperatorState o : s.operators) {
    busy += o == sim::OperatorState::Busy;
    on_shift += o != sim::OperatorState::OffShift;
  }
  Chip(s.open ? "OPEN" : "CLOSED", s.open ? kGood : kBad, 70.0f);
  ImGui::SameLine();
  ImGui::Text("%d waiting, %d/%d operators busy, %d lines", s.queue_length, busy, on_shift, s.lines_in_use);
  const DaySeries d = tl.day_series(ui.play_t_s, v.scenario->run.service_level_s);
  const auto now_hour =
      static_cast<float>((ui.play_t_s - model::start_of_day(model::day_of(ui.play_t_s))) / model::kSecondsPerHour);
  PlotDay({.title = "Queue length today", .values = &d.queue_length, .y_max = 2.0f}, 7.0f, 17.0f, now_hour,
          ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImGui::Text("today: %d calls, %d resolved, %d failed", d.calls, d.resolved, d.failed);
}

}  // namespace

void DrawCompare(UiState& ui, const ScenarioView& a, const ScenarioView& b) {
  const float plot_h = 90.0f;
  if (ImGui::BeginTable("sides", 2, ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableNextColumn();
    DrawSide(ui, a, plot_h);
    ImGui::TableNextColumn();
    DrawSide(ui, b, plot_h);
    ImGui::EndTable();
  }
  ImGui::Separator();
  const bool ready = a.kpis != nullptr && a.kpis->ready() && b.kpis != nullptr && b.kpis->ready() &&
                     a.kpis->error().empty() && b.kpis->error().empty();
  if (!ready) {
    ImGui::TextColored(to_vec4(kWarn), "Running the experiments for both scenarios (same seed) ...");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("kpi compare", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("KPI", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("A", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("B better?", ImGuiTableColumnFlags_WidthFixed, 70);
  ImGui::TableHeadersRow();
  for (const sim::KpiInfo& info : sim::kpi_catalogue()) {
    const sim::Estimate* ea = a.kpis->result().kpi(info.name);
    const sim::Estimate* eb = b.kpis->result().kpi(info.name);
    if (ea == nullptr || eb == nullptr) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(info.label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(estimate_text(*ea, info.unit).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(estimate_text(*eb, info.unit).c_str());
    ImGui::TableNextColumn();
    // Non-overlapping intervals are a conservative sign of a real difference.
    if (ea->n > 0 && eb->n > 0 && std::isfinite(ea->mean) && std::isfinite(eb->mean)) {
      const bool apart = ea->high() < eb->low() || eb->high() < ea->low();
      const bool b_higher = eb->mean > ea->mean;
      if (!apart)
        ImGui::TextDisabled("same");
      else
        Chip(b_higher == info.higher_is_better ? "better" : "worse", b_higher == info.higher_is_better ? kGood : kBad,
             64.0f);
    }
  }
  ImGui::EndTable();
}

}  // namespace vaxel::viz
