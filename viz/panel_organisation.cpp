// The organisation at the cursor: every unit as a row of small squares, one per person, coloured by presence
// (available, on a call, meeting, other hänvisning, forwarded, off duty), with the unit's phone hours
// (telefontid, P1-P4) and whether they are on now. Hover a square for the person.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "viz/panels.hpp"

namespace vaxel::viz {

namespace {

constexpr float kSquare = 12.0f;
constexpr float kGap = 3.0f;

std::string phone_hours_text(const model::Unit& u, const model::Calendar& cal, model::WallSeconds t) {
  if (!u.phone_hours) return "";
  std::string out;
  for (const model::Interval& i : u.phone_hours->hours_on(cal, model::day_of(t))) {
    if (!out.empty()) out += ", ";
    out += model::format_clock(i.start_minute) + "-" + model::format_clock(i.end_minute);
  }
  return out.empty() ? "no phone hour today" : "phone " + out;
}

}  // namespace

void DrawOrganisation(UiState& ui, const Timeline& timeline, const model::Scenario& scenario) {
  const Frame* f = timeline.frame_at(ui.play_t_s);
  if (f == nullptr) {
    ImGui::TextDisabled("waiting for the simulation ...");
    return;
  }
  const sim::Snapshot& s = f->snapshot;
  const model::Directory& dir = scenario.directory;

  // Legend with counts, so the whole organisation reads in one line.
  std::array<int, kPresenceKindCount> counts{};
  for (std::size_t p = 0; p < s.presence.size(); ++p)
    ++counts[static_cast<std::size_t>(
        presence_kind(s.presence[p], p < s.reasons.size() ? s.reasons[p] : model::ReferralReason::Meeting))];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int k = 0; k < kPresenceKindCount; ++k) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + 10, p.y + 13), to_imu32(kPresenceColours[k]));
    ImGui::Dummy(ImVec2(12, 14));
    ImGui::SameLine();
    const std::string text =
        fmt::format("{} {}", kPresenceLabels[static_cast<std::size_t>(k)], counts[static_cast<std::size_t>(k)]);
    ImGui::TextUnformatted(text.c_str());
    // Wrap the legend rather than let it run out of the window.
    if (k + 1 < kPresenceKindCount) {
      ImGui::SameLine(0.0f, 12.0f);
      const std::string next = fmt::format("{} 000", kPresenceLabels[static_cast<std::size_t>(k + 1)]);
      if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(next.c_str()).x + 16.0f) ImGui::NewLine();
    }
  }
  ImGui::Separator();

  ImGui::BeginChild("units", ImVec2(0, 0), false);
  // Units flow down in as many columns as fit, each column about equally tall, administrations as headers:
  // the whole organisation is visible at once, which is the point of the panel.
  struct Entry {
    const model::Administration* adm = nullptr;  ///< a header when set
    const model::Unit* unit = nullptr;
    float height = 0.0f;
  };
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const int cols = std::max(1, static_cast<int>(avail_w / 280.0f));
  const float col_w = avail_w / static_cast<float>(cols);
  const float label_w = 146.0f;
  const int per_row = std::max(1, static_cast<int>((col_w - label_w - 8.0f) / (kSquare + kGap)));
  std::vector<Entry> entries;
  float total = 0.0f;
  for (const model::Administration& adm : dir.administrations) {
    entries.push_back({&adm, nullptr, 20.0f});
    for (model::UnitId uid : adm.units) {
      const model::Unit& u = dir.unit(uid);
      const int rows = std::max(1, (static_cast<int>(u.people.size()) + per_row - 1) / per_row);
      entries.push_back({nullptr, &u, std::max(u.phone_hours ? 32.0f : 17.0f, rows * (kSquare + kGap) + 2.0f)});
    }
  }
  for (const Entry& e : entries)
    total += e.height;
  const float col_target = total / static_cast<float>(cols);

  int col = 0;
  float y = 0.0f;
  float max_y = 0.0f;
  int hovered = -1;
  const model::Unit* hovered_unit = nullptr;
  for (const Entry& e : entries) {
    if (y > 0.0f && y + e.height * 0.5f > col_target && col + 1 < cols) {
      ++col;
      y = 0.0f;
    }
    const ImVec2 row(origin.x + static_cast<float>(col) * col_w, origin.y + y);
    if (e.adm != nullptr) {
      dl->AddText(ImVec2(row.x, row.y + 2.0f), IM_COL32(158, 184, 242, 255), e.adm->name.c_str());
    } else {
      const model::Unit& u = *e.unit;
      dl->PushClipRect(row, ImVec2(row.x + label_w - 4.0f, row.y + e.height), true);
      dl->AddText(ImVec2(row.x + 8.0f, row.y), IM_COL32(225, 228, 235, 255), u.name.c_str());
      if (u.phone_hours) {
        const bool now_on = u.phone_hours->is_open(scenario.calendar, s.t);
        const std::string ph = phone_hours_text(u, scenario.calendar, s.t);
        dl->AddText(ImVec2(row.x + 14.0f, row.y + 15.0f), now_on ? to_imu32(kGood) : IM_COL32(150, 155, 170, 255),
                    ph.c_str());
      }
      dl->PopClipRect();
      for (std::size_t i = 0; i < u.people.size(); ++i) {
        const std::uint32_t person = u.people[i].value;
        const int k = static_cast<int>(i);
        const ImVec2 a(row.x + label_w + static_cast<float>(k % per_row) * (kSquare + kGap),
                       row.y + 2.0f + static_cast<float>(k / per_row) * (kSquare + kGap));
        const ImVec2 b(a.x + kSquare, a.y + kSquare);
        const PresenceKind kind =
            person < s.presence.size()
                ? presence_kind(s.presence[person],
                                person < s.reasons.size() ? s.reasons[person] : model::ReferralReason::Meeting)
                : PresenceKind::OffDuty;
        dl->AddRectFilled(a, b, to_imu32(kPresenceColours[static_cast<std::size_t>(kind)]));
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(a, b)) {
          hovered = static_cast<int>(person);
          hovered_unit = &u;
        }
      }
    }
    y += e.height;
    max_y = std::max(max_y, y);
  }
  ImGui::Dummy(ImVec2(avail_w, max_y));
  if (hovered >= 0 && static_cast<std::size_t>(hovered) < dir.people.size() &&
      static_cast<std::size_t>(hovered) < s.presence.size()) {
    const model::Person& who = dir.people[static_cast<std::size_t>(hovered)];
    const auto st = s.presence[static_cast<std::size_t>(hovered)];
    ImGui::BeginTooltip();
    ImGui::Text("%s, %s (%s), ext. %s", who.name.c_str(), hovered_unit->name.c_str(),
                who.role == model::Role::Manager ? "manager" : "staff", who.extension.c_str());
    ImGui::Text("%s", model::to_string(st));
    if (st == model::PresenceState::Referral && static_cast<std::size_t>(hovered) < s.reasons.size())
      ImGui::Text("hänvisning: %s", model::to_string_sv(s.reasons[static_cast<std::size_t>(hovered)]));
    ImGui::EndTooltip();
    ui.highlight_unit = static_cast<int>(hovered_unit->id.value);
  }
  ImGui::EndChild();
}

}  // namespace vaxel::viz
