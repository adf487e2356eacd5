// The knobs: operator shifts (untick to remove one, edit its Monday-Friday hours, add a shift), one unit's
// phone hours (P1-P4) and the MO4 policy, then "Rerun" restarts the simulation and the experiment with a
// modified copy of the scenario. The file on disk is never changed.
#include <fmt/format.h>

#include <cstring>

#include "viz/knobs.hpp"
#include "viz/panels.hpp"

namespace vaxel::viz {

void DrawKnobs(UiState& ui, const model::Scenario& scenario) {
  if (!ui.knobs_loaded) load_knobs(ui, scenario);

  ImGui::TextUnformatted("Operator shifts, Monday to Friday");
  int to_remove = -1;
  for (std::size_t i = 0; i < ui.operators.size(); ++i) {
    OperatorKnob& k = ui.operators[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Checkbox("##on", &k.enabled);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::TextUnformatted(k.name.c_str());
    ImGui::SameLine(150);
    ImGui::SetNextItemWidth(-40);
    ImGui::InputText("##shift", k.shift, sizeof k.shift);
    if (k.added) {
      ImGui::SameLine();
      if (ImGui::SmallButton("x")) to_remove = static_cast<int>(i);
    }
    ImGui::PopID();
  }
  if (to_remove >= 0) ui.operators.erase(ui.operators.begin() + to_remove);
  if (ImGui::Button("+ add an operator shift")) {
    OperatorKnob k;
    k.name = fmt::format("Extra {}", ui.operators.size() + 1);
    std::strcpy(k.shift, "09:00-12:00, 13:00-15:00");
    k.added = true;
    ui.operators.push_back(k);
  }
  ImGui::Separator();

  ImGui::TextUnformatted("Phone hours (telefontid), Monday to Friday; empty = none");
  const auto& units = scenario.directory.units;
  ImGui::SetNextItemWidth(200);
  const char* current =
      ui.knob_unit < static_cast<int>(units.size()) ? units[static_cast<std::size_t>(ui.knob_unit)].name.c_str() : "";
  if (ImGui::BeginCombo("##unit", current)) {
    for (const model::Unit& u : units) {
      const std::string label = u.name + (u.phone_hours ? "  (has phone hours)" : "");
      if (ImGui::Selectable(label.c_str(), static_cast<int>(u.id.value) == ui.knob_unit)) {
        ui.knob_unit = static_cast<int>(u.id.value);
        const std::string text = u.phone_hours ? format_hours(u.phone_hours->weekly.on(model::Weekday::Monday)) : "";
        std::strncpy(ui.phone_hours, text.c_str(), sizeof ui.phone_hours - 1);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##phone", ui.phone_hours, sizeof ui.phone_hours);
  ImGui::Separator();

  ImGui::Checkbox("transfer calls to mobiles (MO4 forbids it: the number is given out instead)",
                  &ui.transfer_to_mobile);
  ImGui::Separator();

  if (ImGui::Button("Rerun with these knobs", ImVec2(220, 0))) ui.rerun_requested = true;
  ImGui::SameLine();
  if (ImGui::Button("Reset")) {
    load_knobs(ui, scenario);
    ui.knob_message.clear();
  }
  if (!ui.knob_message.empty()) ImGui::TextWrapped("%s", ui.knob_message.c_str());
}

}  // namespace vaxel::viz
