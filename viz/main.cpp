// vaxel-viz: the switchboard at work, in a window. This file is only the GLFW + Dear ImGui loop, in the blocks
// of ImGui's example_glfw_opengl3: set up, then poll -> new frame -> the app's windows -> render -> swap, then
// clean up. What is shown and how it is simulated lives in App (app.hpp) and the feed (feed.hpp).
//
// Headless: with --screenshot the loop runs until the app has simulated the moment asked for (--at) and its
// KPI experiment is done, renders a few more frames so every window has settled its size, writes the frame
// as PNG and exits 0. Under Xvfb Mesa renders in software: `xvfb-run -a vaxel-viz --at ... --screenshot x.png`.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "model/scenario.hpp"
#include "sim/cli_common.hpp"
#include "viz/app.hpp"
#include "viz/options.hpp"
#include "viz/screenshot.hpp"

namespace {

// The moment or day asked for must lie in the days simulated, else there is nothing to show.
bool inside_window(const vaxel::viz::VizOptions& o, const vaxel::model::Scenario& s) {
  using namespace vaxel::model;
  const WallSeconds from = start_of_day(to_day_number(s.run.start));
  const WallSeconds to = start_of_day(to_day_number(s.run.start) + o.days);
  const std::string range = format_date(s.run.start) + " .. " + format_date(from_day_number(day_of(to - 1)));
  if (o.at && (*o.at < from || *o.at >= to)) {
    std::fprintf(stderr, "vaxel-viz: error: --at %s is outside the simulated days %s (see --days)\n",
                 format_date_time(*o.at).c_str(), range.c_str());
    return false;
  }
  if (o.day && (to_day_number(*o.day) < to_day_number(s.run.start) || start_of_day(to_day_number(*o.day)) >= to)) {
    std::fprintf(stderr, "vaxel-viz: error: --day %s is outside the simulated days %s (see --days)\n",
                 format_date(*o.day).c_str(), range.c_str());
    return false;
  }
  return true;
}

void glfw_error(int code, const char* what) {
  std::fprintf(stderr, "vaxel-viz: GLFW error %d: %s\n", code, what);
}

}  // namespace

int main(int argc, char** argv) {
  namespace viz = vaxel::viz;
  viz::VizOptions options;
  if (const int status = viz::parse_options(argc, argv, options); status >= 0) return status;

  // Set up: the scenarios first, so a bad file is reported before any window opens.
  vaxel::model::Scenario scenario;
  std::optional<vaxel::model::Scenario> compare;
  try {
    scenario = vaxel::cli::load_scenario_or_exit(options.file);
    if (!options.compare.empty()) compare = vaxel::cli::load_scenario_or_exit(options.compare);
  } catch (const vaxel::cli::ExitRequest& e) {
    return e.status;
  }
  if (!inside_window(options, scenario)) return vaxel::cli::kExitBadInput;

  glfwSetErrorCallback(glfw_error);
  if (!glfwInit()) {
    std::fprintf(stderr, "vaxel-viz: error: could not initialise GLFW (is there a display? try xvfb-run -a)\n");
    return 1;
  }
  const bool headless = !options.screenshot.empty();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_RESIZABLE, headless ? GLFW_FALSE : GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "vaxel-viz", nullptr, nullptr);
  if (window == nullptr) {
    std::fprintf(stderr, "vaxel-viz: error: could not open a %dx%d window\n", options.width, options.height);
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(headless ? 0 : 1);  // vsync paces the interactive loop; headless runs as fast as it can

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the dashboard has a fixed layout; nothing to remember between runs
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.ItemSpacing = ImVec2(8, 5);
  // DejaVu Sans (Debian's fonts-dejavu-core) reads better than the built-in bitmap font and has å, ä, ö.
  const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (std::FILE* f = std::fopen(font, "rb")) {
    std::fclose(f);
    io.Fonts->AddFontFromFileTTF(font, 14.0f);
  }
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  int status = 0;
  {
    viz::App app(options, std::move(scenario), std::move(compare));
    int settle_frames = -1;  // headless: frames left to draw once ready
    const auto started = std::chrono::steady_clock::now();
    auto last = started;

    while (!glfwWindowShouldClose(window)) {
      // Poll, or in the interactive case wait a little for input so an idle viewer does not spin a core.
      if (headless)
        glfwPollEvents();
      else
        glfwWaitEventsTimeout(1.0 / 60.0);
      const auto now = std::chrono::steady_clock::now();
      const double dt_s = std::chrono::duration<double>(now - last).count();
      last = now;

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      app.frame(dt_s);
      ImGui::Render();

      int w = 0;
      int h = 0;
      glfwGetFramebufferSize(window, &w, &h);
      glViewport(0, 0, w, h);
      glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

      if (headless) {
        if (const std::string problem = app.screenshot_problem(); !problem.empty()) {
          std::fprintf(stderr, "vaxel-viz: error: no screenshot: %s\n", problem.c_str());
          status = 1;
          break;
        }
        if (settle_frames < 0 && app.ready_for_screenshot()) settle_frames = 3;
        if (settle_frames == 0) {
          if (const std::string problem = viz::write_screenshot(options.screenshot, w, h); !problem.empty()) {
            std::fprintf(stderr, "vaxel-viz: error: %s\n", problem.c_str());
            status = 1;
          }
          break;
        }
        if (settle_frames > 0) --settle_frames;
        if (std::chrono::duration<double>(now - started).count() > 600.0) {
          std::fprintf(stderr, "vaxel-viz: error: no screenshot: the simulation took over 10 minutes\n");
          status = 1;
          break;
        }
      }
      glfwSwapBuffers(window);
    }
  }

  // Clean up.
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}
