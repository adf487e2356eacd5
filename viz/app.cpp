// The viewer's state and layout (see app.hpp). The dashboard is fixed, one window per panel, so a screenshot
// of a given moment always looks the same and nothing hides behind anything else:
//   playback bar across the top;
//   left: switchboard, calls in flight;  middle: organisation, plots;  right: KPIs, then errands / knobs /
//   compare as tabs.
#include "viz/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "sim/workers.hpp"
#include "viz/knobs.hpp"
#include "viz/panels.hpp"

namespace vaxel::viz {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

bool BeginPanel(const char* title, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  return ImGui::Begin(title, nullptr, kPanelFlags | extra);
}

sim::RunOptions experiment_options(const model::Scenario& s, const VizOptions& o, std::uint64_t seed) {
  sim::RunOptions r = sim::options_from(s);
  r.seed = seed;
  r.replications = o.replications;
  // Two workers at most: the viewer shares the machine with the UI and the streaming child.
  r.jobs = std::min(2, sim::available_cores());
  return r;
}

}  // namespace

App::App(const VizOptions& options, model::Scenario main, std::optional<model::Scenario> compare)
    : options_(options), base_(std::move(main)), current_(base_), compare_(std::move(compare)) {
  spec_.seed = options.seed.value_or(base_.run.seed);
  spec_.warmup_days = base_.run.warmup_days;
  spec_.days = options.days;
  start(current_, false);
  if (compare_) start(*compare_, true);

  const model::DayNumber first = model::to_day_number(base_.run.start);
  const model::DayNumber day = options.day ? model::to_day_number(*options.day) : first;
  ui_.play_t_s = model::start_of_day(day) + 7.5 * model::kSecondsPerHour;
  if (options.at) {
    ui_.play_t_s = *options.at;
    ui_.playing = false;
  }
  if (!options.screenshot.empty()) ui_.frozen = true;
  ui_.day = static_cast<int>(model::day_of(ui_.play_t_s) - first);
  load_knobs(ui_, base_);
}

App::~App() {
  // Stop the children before joining experiments, so nothing waits on a pipe nobody reads.
  feed_.reset();
  compare_feed_.reset();
}

void App::start(const model::Scenario& scenario, bool compare_side) {
  auto feed = std::make_unique<SimulationFeed>(scenario, spec_);
  auto job = std::make_unique<KpiJob>(scenario, experiment_options(scenario, options_, spec_.seed));
  if (compare_side) {
    compare_feed_ = std::move(feed);
    if (compare_kpis_) retired_.push_back(std::move(compare_kpis_));
    compare_kpis_ = std::move(job);
  } else {
    feed_ = std::move(feed);
    if (kpis_) retired_.push_back(std::move(kpis_));
    kpis_ = std::move(job);
  }
}

void App::rerun() {
  ui_.rerun_requested = false;
  std::string problem;
  auto changed = apply_knobs(base_, ui_, problem);
  if (!changed) {
    ui_.knob_message = "Not rerun: " + problem;
    return;
  }
  current_ = std::move(*changed);
  ++reruns_;
  ui_.knob_message = "Rerun " + std::to_string(reruns_) + ": " + std::to_string(current_.switchboard.operators.size()) +
                     " operator shifts, MO4 " +
                     (current_.policy.transfer_to_mobile ? "transfer to mobile" : "give the number") + ".";
  start(current_, false);
}

void App::advance(double dt_s) {
  const Timeline& tl = feed_->timeline();
  if (ui_.playing && !ui_.frozen) ui_.play_t_s += dt_s * static_cast<double>(ui_.speed);
  // The cursor stays inside the window and never passes what has been simulated.
  const model::WallSeconds hi = std::min(feed_->window_end_s() - 1.0, tl.ended ? feed_->window_end_s() : tl.last_t());
  if (!ui_.frozen && !tl.frames.empty()) ui_.play_t_s = std::min(ui_.play_t_s, hi);
  ui_.play_t_s = std::max(ui_.play_t_s, feed_->window_start_s());
  ui_.day = std::clamp(static_cast<int>(model::day_of(ui_.play_t_s) - model::day_of(feed_->window_start_s())), 0,
                       spec_.days - 1);
}

void App::frame(double dt_s) {
  const double budget_ms = ui_.frozen ? 50.0 : 8.0;
  feed_->pump(budget_ms);
  if (compare_feed_) compare_feed_->pump(budget_ms);
  if (ui_.rerun_requested) rerun();

  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) ui_.playing = !ui_.playing;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
      ui_.playing = false;
      ui_.play_t_s += ui_.step_s;
    }
  }
  advance(dt_s);
  draw_dashboard();
}

void App::draw_dashboard() {
  const ImVec2 d = ImGui::GetIO().DisplaySize;
  const float top = 62.0f;
  const float body = d.y - top;
  const float wa = std::floor(d.x * 0.25f);
  const float wb = std::floor(d.x * 0.40f);
  const float wc = d.x - wa - wb;
  const Timeline& tl = feed_->timeline();
  const ScenarioView main_view{&current_, feed_.get(), kpis_.get(),
                               "A: " + current_.name + (reruns_ > 0 ? " (knobs changed)" : "")};

  if (BeginPanel("controls", ImVec2(0, 0), ImVec2(d.x, top), ImGuiWindowFlags_NoTitleBar)) DrawControls(ui_, main_view);
  ImGui::End();

  const float sb_h = std::floor(body * 0.36f);
  if (BeginPanel("Switchboard", ImVec2(0, top), ImVec2(wa, sb_h))) DrawSwitchboard(ui_, tl, current_);
  ImGui::End();
  if (BeginPanel("Calls in flight", ImVec2(0, top + sb_h), ImVec2(wa, body - sb_h)))
    DrawCallsInFlight(ui_, tl, current_);
  ImGui::End();

  const float org_h = std::floor(body * 0.56f);
  if (BeginPanel("Organisation: presence now", ImVec2(wa, top), ImVec2(wb, org_h))) DrawOrganisation(ui_, tl, current_);
  ImGui::End();
  if (BeginPanel("The day so far", ImVec2(wa, top + org_h), ImVec2(wb, body - org_h))) DrawPlots(ui_, tl, current_);
  ImGui::End();

  const float kpi_h = std::floor(body * 0.47f);
  if (BeginPanel("KPIs against targets", ImVec2(wa + wb, top), ImVec2(wc, kpi_h)))
    DrawKpis(ui_, tl, current_, kpis_.get());
  ImGui::End();
  if (BeginPanel("Explore", ImVec2(wa + wb, top + kpi_h), ImVec2(wc, body - kpi_h), ImGuiWindowFlags_NoTitleBar)) {
    if (ImGui::BeginTabBar("tabs")) {
      // With a second scenario the comparison is what the user asked for, so it opens first.
      const ImGuiTabItemFlags compare_flags = (compare_ && !ui_.compare_tab_opened) ? ImGuiTabItemFlags_SetSelected : 0;
      ui_.compare_tab_opened = true;
      if (ImGui::BeginTabItem("Errand explorer")) {
        DrawErrands(ui_, tl, current_);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Knobs")) {
        DrawKnobs(ui_, base_);
        ImGui::EndTabItem();
      }
      if (compare_ && ImGui::BeginTabItem("Compare", nullptr, compare_flags)) {
        const ScenarioView other{&*compare_, compare_feed_.get(), compare_kpis_.get(), "B: " + compare_->name};
        DrawCompare(ui_, main_view, other);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

bool App::ready_for_screenshot() const {
  auto reached = [this](const SimulationFeed* f) {
    return f == nullptr || f->timeline().last_t() >= ui_.play_t_s || f->finished();
  };
  auto done = [](const KpiJob* j) { return j == nullptr || j->ready(); };
  return reached(feed_.get()) && reached(compare_feed_.get()) && done(kpis_.get()) && done(compare_kpis_.get());
}

std::string App::screenshot_problem() const {
  const Timeline& tl = feed_->timeline();
  if (!tl.error.empty()) return "the simulation failed: " + tl.error;
  if (tl.ended && tl.last_t() < ui_.play_t_s) return "the simulation ended before the moment asked for";
  return "";
}

}  // namespace vaxel::viz
