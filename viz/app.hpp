// The viewer without the window: the scenarios, their simulation feeds and KPI experiments, the UiState, the
// playback clock, and the dashboard layout that places one window per panel. main.cpp owns GLFW and the
// ImGui frame and calls frame() between NewFrame and Render.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "viz/feed.hpp"
#include "viz/kpi_job.hpp"
#include "viz/options.hpp"
#include "viz/ui_state.hpp"

namespace vaxel::viz {

class App {
 public:
  /// Starts the simulation child(ren) and the experiment thread(s) at once; nothing here waits for them.
  App(const VizOptions& options, model::Scenario main, std::optional<model::Scenario> compare);
  ~App();

  /// One UI frame: read the feeds, move the cursor by dt_s of wall time, draw every panel.
  void frame(double dt_s);

  /// Screenshot mode: the feeds have reached --at and the experiments are done (or failed), so a frame now
  /// shows the moment asked for with its CIs.
  [[nodiscard]] bool ready_for_screenshot() const;
  /// Why the moment asked for cannot be shown (the simulation failed or ended before it); "" when it can.
  [[nodiscard]] std::string screenshot_problem() const;

 private:
  void start(const model::Scenario& scenario, bool compare_side);
  void rerun();
  void advance(double dt_s);
  void draw_dashboard();

  VizOptions options_;
  model::Scenario base_;     ///< as loaded; the knobs start from it
  model::Scenario current_;  ///< base_ with the knobs applied (what is simulated)
  std::optional<model::Scenario> compare_;
  FeedSpec spec_;
  std::unique_ptr<SimulationFeed> feed_;
  std::unique_ptr<SimulationFeed> compare_feed_;
  std::unique_ptr<KpiJob> kpis_;
  std::unique_ptr<KpiJob> compare_kpis_;
  std::vector<std::unique_ptr<KpiJob>> retired_;  ///< replaced experiments, joined at exit (cannot be cancelled)
  UiState ui_;
  int reruns_ = 0;
};

}  // namespace vaxel::viz
