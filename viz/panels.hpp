// The viewer's panels, one file each (panel_<name>.cpp, after Tracy's TracyView_<Panel>.cpp). Each draws the
// inside of a window the app placed; each reads the recorded timeline and the scenario, and changes only
// UiState. Shared drawing helpers (colours, clock text, the day plot) live here too.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/experiment.hpp"
#include "viz/feed.hpp"
#include "viz/kpi_job.hpp"
#include "viz/palette.hpp"
#include "viz/timeline.hpp"
#include "viz/ui_state.hpp"

namespace vaxel::viz {

/// One scenario as the panels see it: its recorded replication and, once ready, its experiment's CIs.
struct ScenarioView {
  const model::Scenario* scenario = nullptr;
  const SimulationFeed* feed = nullptr;
  const KpiJob* kpis = nullptr;  ///< nullptr or not ready: no CIs yet
  std::string label;             ///< "A: sotenas" in the compare view
  [[nodiscard]] const Timeline& timeline() const { return feed->timeline(); }
};

void DrawControls(UiState& ui, const ScenarioView& view);
void DrawSwitchboard(UiState& ui, const Timeline& timeline, const model::Scenario& scenario);
void DrawOrganisation(UiState& ui, const Timeline& timeline, const model::Scenario& scenario);
void DrawCallsInFlight(UiState& ui, const Timeline& timeline, const model::Scenario& scenario);
void DrawKpis(UiState& ui, const Timeline& timeline, const model::Scenario& scenario, const KpiJob* kpis);
void DrawPlots(UiState& ui, const Timeline& timeline, const model::Scenario& scenario);
void DrawErrands(UiState& ui, const Timeline& timeline, const model::Scenario& scenario);
void DrawKnobs(UiState& ui, const model::Scenario& scenario);
void DrawCompare(UiState& ui, const ScenarioView& a, const ScenarioView& b);

// Helpers shared by the panels (panel_common.cpp).
[[nodiscard]] ImU32 to_imu32(Rgb c, int alpha = 255);
[[nodiscard]] ImVec4 to_vec4(Rgb c);
// Verdict and state colours, all distinct from the presence palette so the screenshot check counts only the grid.
inline constexpr Rgb kGood{56, 142, 60};
inline constexpr Rgb kBusy{92, 107, 192};  ///< an operator busy, a trunk line in use
inline constexpr Rgb kWarn{251, 176, 45};
inline constexpr Rgb kBad{229, 57, 53};
inline constexpr Rgb kMuted{140, 146, 160};
[[nodiscard]] Rgb verdict_colour(sim::Verdict v);
[[nodiscard]] Rgb outcome_colour(model::routing::OutcomeReason r);
[[nodiscard]] std::string clock_text(model::WallSeconds t, bool seconds = false);  ///< "10:30" / "10:30:05"
[[nodiscard]] std::string duration_text(double s);                                 ///< "2:05" / "1 h 05"
[[nodiscard]] std::string day_text(model::WallSeconds t);                          ///< "Monday 11 January 2027"
[[nodiscard]] std::string outcome_sentence(const sim::CallSummary& c, const model::Scenario& scenario);
[[nodiscard]] std::string wants_text(model::Intent intent, model::PersonId person, model::UnitId unit,
                                     const model::Scenario& scenario);
/// A filled chip with centred text, for states and verdicts.
void Chip(const char* text, Rgb colour, float width = 0.0f);

/// A plot over the hours [from_hour, to_hour) of a day: lines or bars, hour grid and labels, values < 0 left
/// out (not yet happened / no data), a marker at now_hour. Drawn with the draw list; ImGui 1.86's PlotLines
/// has no x axis and would draw "not yet" as zero.
struct DayPlot {
  const char* title = "";
  const std::vector<float>* values = nullptr;  ///< evenly over the whole day (24 h)
  float y_max = 1.0f;                          ///< at least this high; grows to fit the data
  bool bars = false;
  bool percent = false;  ///< y labels as %
  Rgb colour = {30, 136, 229};
  const std::vector<float>* overlay = nullptr;  ///< drawn over values as bars in overlay_colour (e.g. repeats)
  Rgb overlay_colour = kBad;
  float target = -1.0f;  ///< a dashed line at this y (e.g. the service-level target)
};
void PlotDay(const DayPlot& plot, float from_hour, float to_hour, float now_hour, ImVec2 size);

}  // namespace vaxel::viz
