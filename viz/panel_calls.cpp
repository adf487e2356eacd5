// Calls in flight at the cursor (greeting, queue, operator, transfer and ringing, choosing options) and the
// calls that ended in the last ten minutes with how they ended (answered, referral, voicemail, message ...).
#include <fmt/format.h>

#include "viz/panels.hpp"

namespace vaxel::viz {

namespace {

Rgb stage_colour(CallStage s) {
  switch (s) {
    case CallStage::Greeting:
      return kMuted;
    case CallStage::Queue:
      return kWarn;
    case CallStage::Operator:
      return kBusy;
    case CallStage::Transfer:
    case CallStage::Ringing:
      return Rgb{0, 150, 136};
    case CallStage::Options:
      return Rgb{121, 134, 203};
  }
  return kMuted;
}

}  // namespace

void DrawCallsInFlight(UiState& ui, const Timeline& timeline, const model::Scenario& scenario) {
  const Frame* f = timeline.frame_at(ui.play_t_s);
  if (f == nullptr) {
    ImGui::TextDisabled("waiting for the simulation ...");
    return;
  }
  const model::WallSeconds t = f->snapshot.t;
  ImGui::Text("In flight: %zu", f->calls.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerH;
  const float half = ImGui::GetContentRegionAvail().y * 0.42f;
  if (ImGui::BeginTable("inflight", 4, flags, ImVec2(0, half))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("since", ImGuiTableColumnFlags_WidthFixed, 54);
    ImGui::TableSetupColumn("stage", ImGuiTableColumnFlags_WidthFixed, 124);
    ImGui::TableSetupColumn("wants");
    ImGui::TableSetupColumn("ringing");
    ImGui::TableHeadersRow();
    for (const CallInFlight& c : f->calls) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(duration_text(t - c.arrival_s).c_str());
      ImGui::TableNextColumn();
      Chip(to_string(c.stage), stage_colour(c.stage), 118.0f);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(wants_text(c.intent, c.person, c.unit, scenario).c_str());
      ImGui::TableNextColumn();
      if (c.ringing.valid() && c.ringing.value < scenario.directory.people.size())
        ImGui::TextUnformatted(scenario.directory.person(c.ringing).name.c_str());
    }
    ImGui::EndTable();
  }

  ImGui::Spacing();
  ImGui::TextUnformatted("Ended in the last 10 minutes");
  const auto ended = timeline.ended_between(t - 600.0, t);
  if (ImGui::BeginTable("ended", 3, flags, ImVec2(0, 0))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("at", ImGuiTableColumnFlags_WidthFixed, 54);
    ImGui::TableSetupColumn("wanted", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("outcome", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    for (const sim::CallSummary* c : ended) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(clock_text(c->end_s).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(wants_text(c->intent, c->person, c->unit, scenario).c_str());
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(outcome_colour(c->outcome.reason)));
      ImGui::TextWrapped("%s", outcome_sentence(*c, scenario).c_str());
      ImGui::PopStyleColor();
      if (ImGui::IsItemClicked()) ui.errand = c->errand;
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Click to open errand %llu in the explorer", static_cast<unsigned long long>(c->errand));
    }
    ImGui::EndTable();
  }
}

}  // namespace vaxel::viz
