// `vaxel validate`: the scenario loader's two passes on each file, as a command for editors and CI. Exit status
// 2 when any file is invalid, so a pipeline stops before a run on a bad scenario.
#include "sim/cmd_validate.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "model/scenario_loader.hpp"
#include "sim/cli_common.hpp"

namespace vaxel::cli {

namespace {

void report_ok(const std::string& shown, const model::Scenario& s) {
  std::cout << shown << ": ok (" << s.directory.units.size() << " units, " << s.directory.people.size() << " people, "
            << s.switchboard.operators.size() << " operators)\n";
}

}  // namespace

void add_validate_command(CLI::App& root) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = root.add_subcommand("validate", "Check scenario files and report every problem with its position");
  cmd->add_option("files", *files, "Scenario YAML files; none = the built-in default scenario");
  cmd->footer(
      "Example:\n  vaxel validate scenarios/sotenas.yaml my-overlay.yaml\n"
      "Prints 'FILE: ok (N units, M people, K operators)' per valid file; errors go to stderr as\n"
      "'file:line:col: error: message'. Exit status 2 when any file is invalid.");
  cmd->callback([files] {
    bool all_ok = true;
    auto check = [&](const std::string& shown, auto&& load) {
      try {
        report_ok(shown, load());
      } catch (const model::ScenarioError& e) {
        for (const model::Diagnostic& d : e.diagnostics)
          std::cerr << d.str() << "\n";
        all_ok = false;
      }
    };
    if (files->empty()) {
      check("built-in default scenario", [] { return model::load_default_scenario(); });
    } else {
      for (const std::string& f : *files)
        check(f, [&f] { return model::load_scenario_file(f); });
    }
    if (!all_ok) throw ExitRequest{kExitBadInput};
  });
}

}  // namespace vaxel::cli
