// The errand explorer (G4: errands, not calls): the errands whose first call fell on the shown day, and for
// the one picked, every attempt with when, how long it waited and why it ended as it did. Only what had
// happened by the cursor shows: an errand's later attempts are its future.
#include <fmt/format.h>

#include "viz/panels.hpp"

namespace vaxel::viz {

void DrawErrands(UiState& ui, const Timeline& timeline, const model::Scenario& scenario) {
  const model::WallSeconds day0 = model::start_of_day(model::day_of(ui.play_t_s));
  auto so_far = [&](const std::vector<std::size_t>& all) {
    std::vector<std::size_t> out;
    for (std::size_t i : all)
      if (timeline.calls[i].arrival_s <= ui.play_t_s) out.push_back(i);
    return out;
  };
  ImGui::Checkbox("only errands that took more than one call", &ui.errand_only_failed);

  ImGui::BeginChild("errand list", ImVec2(250.0f, 0), true);
  int shown = 0;
  std::uint64_t first_listed = 0;
  for (const auto& [errand, all] : timeline.errands) {
    const std::vector<std::size_t> attempts = so_far(all);
    if (attempts.empty()) continue;
    const sim::CallSummary& first = timeline.calls[attempts.front()];
    if (first.arrival_s < day0 || first.arrival_s >= day0 + model::kSecondsPerDay) continue;
    if (ui.errand_only_failed && attempts.size() < 2) continue;
    const sim::CallSummary& last = timeline.calls[attempts.back()];
    // The errand number is a pseudonymous hash, too long to read; the list names it by time and wish.
    const std::string label = fmt::format("{}  {} call{}  {}##{}", clock_text(first.arrival_s), attempts.size(),
                                          attempts.size() == 1 ? "" : "s",
                                          wants_text(first.intent, first.person, first.unit, scenario), errand);
    const bool ended = last.end_s <= ui.play_t_s;
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(ended ? outcome_colour(last.outcome.reason) : kMuted));
    if (ImGui::Selectable(label.c_str(), ui.errand == errand)) ui.errand = errand;
    ImGui::PopStyleColor();
    if (shown++ == 0) first_listed = errand;
  }
  if (ui.errand == 0) ui.errand = first_listed;  // show one story from the start rather than an empty pane
  if (shown == 0) ImGui::TextDisabled("none yet today");
  ImGui::EndChild();
  ImGui::SameLine();

  ImGui::BeginChild("errand detail", ImVec2(0, 0), false);
  const auto it = timeline.errands.find(ui.errand);
  const std::vector<std::size_t> attempts =
      it == timeline.errands.end() ? std::vector<std::size_t>{} : so_far(it->second);
  if (attempts.empty()) {
    ImGui::TextWrapped(
        "Pick an errand on the left (the colour is how its last call ended: green resolved, amber "
        "promised, red failed), or click an ended call in the calls panel.");
    ImGui::EndChild();
    return;
  }
  const sim::CallSummary& first = timeline.calls[attempts.front()];
  ImGui::Text("Wants %s", wants_text(first.intent, first.person, first.unit, scenario).c_str());
  ImGui::TextDisabled("errand %llu", static_cast<unsigned long long>(ui.errand));
  const sim::CallSummary& last = timeline.calls[attempts.back()];
  const auto kind = last.outcome.kind();
  if (last.end_s > ui.play_t_s)
    ImGui::TextColored(to_vec4(kMuted), "Call %zu in progress", attempts.size());
  else
    ImGui::TextColored(to_vec4(outcome_colour(last.outcome.reason)), "%s after %zu call%s",
                       kind == model::routing::OutcomeKind::Resolved   ? "Resolved"
                       : kind == model::routing::OutcomeKind::Promised ? "Promised a callback"
                                                                       : "Not resolved (so far)",
                       attempts.size(), attempts.size() == 1 ? "" : "s");
  ImGui::Separator();
  for (std::size_t i : attempts) {
    const sim::CallSummary& c = timeline.calls[i];
    const std::string entry = c.entry.valid() && c.entry.value < scenario.directory.entries.size()
                                  ? scenario.directory.entry(c.entry).name
                                  : "?";
    const bool ended = c.end_s <= ui.play_t_s;
    ImGui::Text("Call %d  %s %s-%s via %s", c.attempt,
                model::format_date(model::from_day_number(model::day_of(c.arrival_s))).c_str(),
                clock_text(c.arrival_s).c_str(), ended ? clock_text(c.end_s).c_str() : "", entry.c_str());
    if (!ended) {
      ImGui::TextDisabled("   in progress");
      continue;
    }
    if (c.queued)
      ImGui::TextDisabled("   waited %s in the queue%s", duration_text(c.wait_s).c_str(),
                          c.answered_by_operator ? "" : ", no operator answered");
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(outcome_colour(c.outcome.reason)));
    ImGui::TextWrapped("   %s", outcome_sentence(c, scenario).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

}  // namespace vaxel::viz
