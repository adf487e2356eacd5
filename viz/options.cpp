// vaxel-viz's command line (see options.hpp). Dates and times are checked here, where the flag is known, so
// a bad one is reported as "--at: ..." rather than as a failure later.
#include "viz/options.hpp"

#include <CLI/CLI.hpp>

#include "sim/cli_common.hpp"

namespace vaxel::viz {

int parse_options(int argc, char** argv, VizOptions& out) {
  CLI::App app{"vaxel-viz: watch a simulated day at the switchboard", "vaxel-viz"};
  std::string day;
  std::string at;
  app.add_option("file", out.file, "Scenario YAML file; none = the built-in default (scenarios/sotenas.yaml)");
  app.add_option("--compare", out.compare, "A second scenario to show side by side, simulated with the same seed");
  app.add_option("--seed", out.seed, "Random seed (default: the scenario's run.seed)");
  app.add_option("--day", day, "Day shown first, YYYY-MM-DD (default: the scenario's run.start)");
  auto* at_opt = app.add_option("--at", at, "Moment shown first, YYYY-MM-DDTHH:MM (paused there)");
  app.add_option("--screenshot", out.screenshot, "Write the window as PNG once --at is simulated, then exit")
      ->needs(at_opt);
  app.add_option("--width", out.width, "Window width in pixels")->check(CLI::Range(640, 7680));
  app.add_option("--height", out.height, "Window height in pixels")->check(CLI::Range(480, 4320));
  app.add_option("--days", out.days, "Days simulated and shown, from run.start")->check(CLI::Range(1, 60));
  app.add_option("-r,--replications", out.replications, "Replications of the KPI experiment (confidence intervals)")
      ->check(CLI::Range(2, 200));
  app.footer(
      "Examples:\n"
      "  vaxel-viz                                      # the built-in Sotenäs-like default\n"
      "  vaxel-viz scenarios/sotenas.yaml --compare more-operators.yaml\n"
      "  xvfb-run -a vaxel-viz --at 2027-01-11T10:30 --screenshot out.png   # headless\n"
      "Keys: space play/pause, right arrow one step.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : cli::kExitBadInput;
  }
  if (!day.empty()) {
    model::Date d;
    if (!model::parse_date(day, d)) {
      std::fprintf(stderr, "vaxel-viz: error: --day: '%s' is not a date like 2027-01-11\n", day.c_str());
      return cli::kExitBadInput;
    }
    out.day = d;
  }
  if (!at.empty()) {
    model::WallSeconds t = 0.0;
    if (!model::parse_date_time(at, t)) {
      std::fprintf(stderr, "vaxel-viz: error: --at: '%s' is not a moment like 2027-01-11T10:30\n", at.c_str());
      return cli::kExitBadInput;
    }
    out.at = t;
  }
  return -1;
}

}  // namespace vaxel::viz
