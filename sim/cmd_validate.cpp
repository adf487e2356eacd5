// `vaxel validate`: the scenario loader's two passes on each file, as a command for editors and CI. Exit status
// 2 when any file is invalid, so a pipeline stops before a run on a bad scenario. With --json the verdicts are
// one JSON document on stdout (issue 7: every command that prints results takes --json); the diagnostics still
// go to stderr as well, where an editor reads them.
#include "sim/cmd_validate.hpp"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/scenario_loader.hpp"
#include "sim/cli_common.hpp"

namespace vaxel::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  bool json = false;
};

nlohmann::json ok_json(const std::string& shown, const model::Scenario& s) {
  return {{"file", shown},
          {"valid", true},
          {"name", s.name},
          {"hash", model::scenario_hash(s)},
          {"units", s.directory.units.size()},
          {"people", s.directory.people.size()},
          {"operators", s.switchboard.operators.size()},
          {"errors", nlohmann::json::array()}};
}

nlohmann::json error_json(const std::string& shown, const model::ScenarioError& e) {
  nlohmann::json errors = nlohmann::json::array();
  for (const model::Diagnostic& d : e.diagnostics)
    errors.push_back({{"file", d.file}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
  return {{"file", shown}, {"valid", false}, {"errors", errors}};
}

}  // namespace

void add_validate_command(CLI::App& root) {
  auto a = std::make_shared<ValidateArgs>();
  CLI::App* cmd = root.add_subcommand("validate", "Check scenario files and report every problem with its position");
  cmd->add_option("files", a->files, "Scenario YAML files; none = the built-in default scenario");
  cmd->add_flag("--json", a->json, "Print the verdicts as one JSON array (file, valid, counts, errors) instead");
  cmd->footer(
      "Examples:\n  vaxel validate scenarios/sotenas.yaml my-overlay.yaml\n"
      "  vaxel validate scenarios/*.yaml --json\n"
      "Prints 'FILE: ok (N units, M people, K operators)' per valid file; errors go to stderr as\n"
      "'file:line:col: error: message'. Exit status 2 when any file is invalid.");
  cmd->callback([a] {
    bool all_ok = true;
    nlohmann::json verdicts = nlohmann::json::array();
    auto check = [&](const std::string& shown, auto&& load) {
      try {
        const model::Scenario s = load();
        if (a->json) {
          verdicts.push_back(ok_json(shown, s));
        } else {
          std::cout << shown << ": ok (" << s.directory.units.size() << " units, " << s.directory.people.size()
                    << " people, " << s.switchboard.operators.size() << " operators)\n";
        }
      } catch (const model::ScenarioError& e) {
        for (const model::Diagnostic& d : e.diagnostics)
          std::cerr << d.str() << "\n";
        if (a->json) verdicts.push_back(error_json(shown, e));
        all_ok = false;
      }
    };
    if (a->files.empty()) {
      check("built-in default scenario", [] { return model::load_default_scenario(); });
    } else {
      for (const std::string& f : a->files)
        check(f, [&f] { return model::load_scenario_file(f); });
    }
    if (a->json) std::cout << verdicts.dump(2) << "\n";
    if (!all_ok) throw ExitRequest{kExitBadInput};
  });
}

}  // namespace vaxel::cli
