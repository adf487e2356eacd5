// The switchboard at the cursor: open or closed and when it next opens (T4), the callers waiting with their
// waits against the service-level time (T1), each operator and what they do, and the trunk lines in use.
#include <fmt/format.h>

#include <algorithm>

#include "viz/panels.hpp"

namespace vaxel::viz {

namespace {

// Today's hours of a schedule as "08:00-12:00, 12:45-16:00", or "off" when closed all day.
std::string hours_text(const model::Schedule& s, const model::Calendar& cal, model::DayNumber day) {
  const model::DayHours hours = s.hours_on(cal, day);
  if (hours.empty()) return "off today";
  std::string out;
  for (const model::Interval& i : hours) {
    if (!out.empty()) out += ", ";
    out += model::format_clock(i.start_minute) + "-" + model::format_clock(i.end_minute);
  }
  return out;
}

}  // namespace

void DrawSwitchboard(UiState& ui, const Timeline& timeline, const model::Scenario& scenario) {
  const Frame* f = timeline.frame_at(ui.play_t_s);
  if (f == nullptr) {
    ImGui::TextDisabled("waiting for the simulation ...");
    return;
  }
  const sim::Snapshot& s = f->snapshot;
  const model::Schedule& hours = scenario.switchboard.hours;

  Chip(s.open ? "OPEN" : "CLOSED", s.open ? kGood : kBad, 80.0f);
  ImGui::SameLine();
  if (s.open) {
    const auto change = hours.next_change(scenario.calendar, s.t, 2);
    ImGui::Text("closes at %s", change ? clock_text(*change).c_str() : "-");
  } else {
    ImGui::TextWrapped("%s", hours.reopen_sentence(scenario.calendar, s.t).c_str());
  }
  ImGui::TextDisabled("hours today: %s", hours_text(hours, scenario.calendar, model::day_of(s.t)).c_str());
  ImGui::Separator();

  // The queue: one bar per waiting caller, longest wait first, coloured against the service-level time.
  const double sl_s = scenario.run.service_level_s;
  ImGui::Text("Queue: %d waiting", s.queue_length);
  if (s.waiting_s.empty()) {
    ImGui::TextDisabled("  nobody waits");
  } else {
    const double longest = std::max(s.waiting_s.front(), 3.0 * sl_s);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x - 60.0f;
    for (std::size_t i = 0; i < s.waiting_s.size() && i < 10; ++i) {
      const double w = s.waiting_s[i];
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float len = std::max(3.0f, static_cast<float>(w / longest) * width);
      const Rgb c = w <= sl_s ? kGood : w <= 3.0 * sl_s ? kWarn : kBad;
      dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + len, p.y + 14), to_imu32(c), 2.0f);
      const std::string label = duration_text(w);
      dl->AddText(ImVec2(p.x + len + 6, p.y), IM_COL32(230, 230, 235, 255), label.c_str());
      ImGui::Dummy(ImVec2(width + 60.0f, 16.0f));
    }
    if (s.waiting_s.size() > 10) ImGui::TextDisabled("  ... and %zu more", s.waiting_s.size() - 10);
  }
  ImGui::Separator();

  // Operators, with their shift today so an idle-looking operator off shift is not mistaken for a free one.
  ImGui::TextUnformatted("Operators");
  for (std::size_t i = 0; i < s.operators.size(); ++i) {
    const sim::OperatorState st = s.operators[i];
    const char* word = st == sim::OperatorState::Busy ? "busy" : st == sim::OperatorState::Idle ? "free" : "off shift";
    const Rgb c = st == sim::OperatorState::Busy ? kBusy : st == sim::OperatorState::Idle ? kGood : kMuted;
    Chip(word, c, 78.0f);
    ImGui::SameLine();
    const bool known = i < scenario.switchboard.operators.size();
    ImGui::Text("%s", known ? scenario.switchboard.operators[i].name.c_str() : "operator");
    if (known) {
      ImGui::SameLine();
      ImGui::TextDisabled(
          "(%s)", hours_text(scenario.switchboard.operators[i].shift, scenario.calendar, model::day_of(s.t)).c_str());
    }
  }
  ImGui::Separator();

  // Trunk lines: a call occupies one from arrival to hang-up, queued or not; all in use = busy tone.
  ImGui::Text("Trunk lines: %d of %d in use", s.lines_in_use, s.trunk_lines);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float box = 16.0f;
  for (int i = 0; i < s.trunk_lines; ++i) {
    const ImVec2 a(p.x + static_cast<float>(i % 20) * (box + 3), p.y + static_cast<float>(i / 20) * (box + 3));
    const bool used = i < s.lines_in_use;
    const Rgb c = !used ? Rgb{55, 58, 68} : s.lines_in_use >= s.trunk_lines ? kBad : kBusy;
    dl->AddRectFilled(a, ImVec2(a.x + box, a.y + box), to_imu32(c), 2.0f);
  }
  ImGui::Dummy(ImVec2(20 * (box + 3), static_cast<float>((s.trunk_lines + 19) / 20) * (box + 3)));
}

}  // namespace vaxel::viz
