// `vaxel route`: loads the scenario (its directory, calendars and policy), then answers each JSON line on stdin
// with one JSON line on stdout, flushed, until end of input. A bad line gets an error object naming its line
// number and processing goes on; only an unloadable scenario stops the command (exit status 2).
#include "sim/cmd_route.hpp"

#include <iostream>
#include <memory>
#include <string>

#include "model/scenario_loader.hpp"
#include "sim/cli_common.hpp"
#include "sim/route_adapter.hpp"

namespace vaxel::cli {

void add_route_command(CLI::App& root) {
  auto scenario_path = std::make_shared<std::string>();
  CLI::App* cmd = root.add_subcommand("route", "Live adapter: route calls from JSON lines on stdin (the routing core)");
  cmd->add_option("--scenario", *scenario_path, "Scenario YAML file; default: the built-in Sotenäs scenario");
  cmd->footer(
      "Example:\n"
      "  printf '%s\\n' '{\"type\":\"call\",\"call\":\"c1\",\"t\":\"2027-01-11T10:00:00\",\"entry\":\"main\","
      "\"intent\":\"question\"}' | vaxel route --scenario scenarios/sotenas.yaml\n"
      "Input and output line types are described in docs/route-protocol.md. One output line per input line;\n"
      "a bad line gets {\"line\":N,\"error\":\"...\"} and processing goes on.");
  cmd->callback([scenario_path] {
    model::Scenario scenario;
    try {
      scenario = scenario_path->empty() ? model::load_default_scenario() : model::load_scenario_file(*scenario_path);
    } catch (const model::ScenarioError& e) {
      for (const model::Diagnostic& d : e.diagnostics)
        std::cerr << d.str() << "\n";
      throw ExitRequest{kExitBadInput};
    }
    sim::RouteAdapter adapter(scenario);
    std::cerr << "vaxel route: scenario '" << scenario.name << "' (" << scenario.directory.people.size()
              << " people); reading JSON lines on stdin\n";
    const int errors = adapter.run(std::cin, std::cout);
    if (errors > 0) std::cerr << "vaxel route: " << errors << " input line(s) answered with an error\n";
  });
}

}  // namespace vaxel::cli
