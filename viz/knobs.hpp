// The knobs a planner turns before a rerun: which operator shifts there are (operators per hour), one unit's
// phone hours (telefontid, P1-P4) and the MO4 policy (transfer to mobile or give the number out). They are
// edited as text in UiState and applied to a copy of the scenario here, with no UI code, so they are tested.
#pragma once

#include <optional>
#include <string>

#include "model/scenario.hpp"
#include "viz/ui_state.hpp"

namespace vaxel::viz {

/// "08:00-12:00, 12:45-16:00" -> intervals; "" -> none. On bad text returns nullopt and says why in problem.
[[nodiscard]] std::optional<model::DayHours> parse_hours(const std::string& text, std::string& problem);
/// The inverse of parse_hours.
[[nodiscard]] std::string format_hours(const model::DayHours& hours);

/// Fills the knob fields from the scenario (its Monday hours stand for the week).
void load_knobs(UiState& ui, const model::Scenario& scenario);

/// The scenario with the knobs applied, or nullopt with the problem ("Telefonist 2: interval 12:00-11:00 ends
/// before it starts"). A shift or phone hour whose text is unchanged keeps its full schedule (reduced days,
/// summer hours); an edited one becomes the same hours Monday to Friday.
[[nodiscard]] std::optional<model::Scenario> apply_knobs(const model::Scenario& base, const UiState& ui,
                                                         std::string& problem);

}  // namespace vaxel::viz
