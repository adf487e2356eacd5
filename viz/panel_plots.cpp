// The shown day so far, as four plots over the working hours: queue length per minute, service level per 15
// minutes against its target (T1, G2), calls per hour with the repeat calls in them (G4: every repeat is an
// errand the first call did not resolve).
#include "viz/panels.hpp"

namespace vaxel::viz {

void DrawPlots(UiState& ui, const Timeline& timeline, const model::Scenario& scenario) {
  const DaySeries d = timeline.day_series(ui.play_t_s, scenario.run.service_level_s);
  const auto now_hour =
      static_cast<float>((ui.play_t_s - model::start_of_day(model::day_of(ui.play_t_s))) / model::kSecondsPerHour);
  float sl_target = -1.0f;
  for (const model::Target& t : scenario.targets)
    if (t.kpi == "service_level") sl_target = static_cast<float>(t.value);

  // The switchboard's day, with an hour either side so the opening and closing show.
  const float from = 7.0f;
  const float to = 17.0f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float w = (avail.x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  const float h = avail.y * 0.5f - ImGui::GetTextLineHeightWithSpacing() - 4.0f;

  ImGui::BeginGroup();
  PlotDay({.title = "Queue length (callers waiting)", .values = &d.queue_length, .y_max = 2.0f}, from, to, now_hour,
          ImVec2(w, h));
  PlotDay({.title = "Calls per hour (red: repeat calls, G4)",
           .values = &d.calls_per_hour,
           .y_max = 5.0f,
           .bars = true,
           .colour = {92, 107, 192},
           .overlay = &d.repeat_calls},
          from, to, now_hour, ImVec2(w, h));
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  PlotDay({.title = "Service level per 15 min (dashed: target)",
           .values = &d.service_level,
           .y_max = 1.0f,
           .bars = true,
           .percent = true,
           .colour = {0, 150, 136},
           .target = sl_target},
          from, to, now_hour, ImVec2(w, h));
  ImGui::Text("Today: %d calls, %d queued, %d answered within %.0f s", d.calls, d.queued, d.answered_in_target,
              scenario.run.service_level_s);
  ImGui::Text("%d resolved, %d failed; repeat calls %d", d.resolved, d.failed, [&] {
    int n = 0;
    for (float r : d.repeat_calls)
      n += static_cast<int>(r);
    return n;
  }());
  ImGui::EndGroup();
}

}  // namespace vaxel::viz
