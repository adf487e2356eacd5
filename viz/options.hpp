// vaxel-viz's command line (CLI11): what to show, from when, and the headless screenshot mode.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/time.hpp"

namespace vaxel::viz {

struct VizOptions {
  std::string file;                      ///< scenario; empty = the built-in default
  std::string compare;                   ///< second scenario for the compare view; empty = none
  std::optional<std::uint64_t> seed;     ///< default: the scenario's run.seed
  std::optional<model::Date> day;        ///< day shown first; default run.start
  std::optional<model::WallSeconds> at;  ///< moment shown first (and screenshotted)
  std::string screenshot;                ///< write the window as PNG here once --at is reached, then exit
  int width = 1600;                      ///< window width, pixels
  int height = 1000;                     ///< window height, pixels
  int days = 5;                          ///< simulated days shown, from run.start
  int replications = 10;                 ///< replications of the KPI experiment
};

/// Parses the command line. Returns -1 to go on, else the exit status: 0 after --help, 2 after a bad flag
/// (CLI11's message on stderr names the flag).
[[nodiscard]] int parse_options(int argc, char** argv, VizOptions& out);

}  // namespace vaxel::viz
