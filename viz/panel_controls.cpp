// The playback bar: play/pause, one step, speed from 1x to 10,000x, the day picker, and a scrubber over the
// shown day. The cursor never passes what the child has recorded: the future has not been simulated yet.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "viz/panels.hpp"

namespace vaxel::viz {

void DrawControls(UiState& ui, const ScenarioView& view) {
  const Timeline& tl = view.timeline();
  const SimulationFeed& feed = *view.feed;
  const model::DayNumber first_day = model::day_of(feed.window_start_s());
  const int days = feed.spec().days;

  ImGui::TextColored(ImVec4(0.62f, 0.72f, 0.95f, 1.0f), "vaxel-viz");
  ImGui::SameLine();
  ImGui::TextUnformatted(view.label.c_str());
  ImGui::SameLine(0.0f, 20.0f);
  if (ImGui::Button(ui.playing ? "Pause" : "Play", ImVec2(70, 0))) ui.playing = !ui.playing;
  ImGui::SameLine();
  if (ImGui::Button("Step")) {
    ui.playing = false;
    ui.play_t_s += ui.step_s;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pause and advance one frame (%.0f simulated seconds)", ui.step_s);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(170);
  ImGui::SliderFloat("speed", &ui.speed, 1.0f, 10000.0f, "%.0fx", ImGuiSliderFlags_Logarithmic);
  for (float s : {1.0f, 60.0f, 600.0f, 3600.0f}) {
    ImGui::SameLine();
    const std::string label = s >= 3600.0f ? "1 h/s" : s >= 60.0f ? fmt::format("{:.0f} min/s", s / 60.0f) : "1x";
    if (ImGui::SmallButton(label.c_str())) ui.speed = s;
  }

  ImGui::SameLine(0.0f, 24.0f);
  ImGui::SetNextItemWidth(220);
  const std::string current = day_text(model::start_of_day(first_day + ui.day));
  if (ImGui::BeginCombo("day", current.c_str())) {
    for (int d = 0; d < days; ++d) {
      const model::WallSeconds day0 = model::start_of_day(first_day + d);
      const bool recorded = tl.last_t() >= day0;
      const std::string label = day_text(day0) + (recorded ? "" : "  (not simulated yet)");
      if (ImGui::Selectable(label.c_str(), d == ui.day, recorded ? 0 : ImGuiSelectableFlags_Disabled)) {
        ui.day = d;
        ui.play_t_s = day0 + 7.5 * 3600.0;  // just before opening: the day's story starts there
      }
    }
    ImGui::EndCombo();
  }

  ImGui::SameLine(0.0f, 24.0f);
  const std::string now = clock_text(ui.play_t_s, true);
  ImGui::TextColored(ImVec4(1.0f, 1.0f, 1.0f, 1.0f), "%s", now.c_str());

  ImGui::SameLine(0.0f, 24.0f);
  if (!tl.error.empty())
    ImGui::TextColored(to_vec4(kBad), "simulation failed: %s", tl.error.c_str());
  else if (tl.ended)
    ImGui::TextColored(to_vec4(kMuted), "simulated %d days of %s (seed %llu)", days, view.scenario->name.c_str(),
                       static_cast<unsigned long long>(feed.spec().seed));
  else
    ImGui::TextColored(to_vec4(kWarn), "simulating ... reached %s %s", day_text(tl.last_t()).c_str(),
                       clock_text(tl.last_t()).c_str());

  // The scrubber covers the shown day in minutes; dragging past the recorded end stops at it.
  const model::WallSeconds day0 = model::start_of_day(first_day + ui.day);
  int minute = static_cast<int>((ui.play_t_s - day0) / 60.0);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string scrub_label = clock_text(ui.play_t_s);
  if (ImGui::SliderInt("##scrub", &minute, 0, model::kMinutesPerDay - 1, scrub_label.c_str())) {
    ui.play_t_s = day0 + minute * 60.0;
    ui.playing = false;
  }
}

}  // namespace vaxel::viz
