// Shared command-line plumbing: parse-error mapping, the program's exit status and the shared run flags.
#include "sim/cli_common.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <utility>

#include "model/scenario_loader.hpp"
#include "sim/experiment.hpp"
#include "sim/results_db.hpp"
#include "sim/workers.hpp"

namespace vaxel::cli {

namespace {
int g_exit_status = kExitOk;
}

int exit_for_parse_error(const CLI::App& app, const CLI::ParseError& e) {
  // With no subcommand CLI11 reports only "A subcommand is required" and drops what it could not place, so a
  // typo (`vaxel --verison`, `vaxel rn`) went unnamed: name the unknown flag or command instead.
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && app.get_subcommands().empty() &&
      !app.remaining().empty()) {
    const std::string first = app.remaining().front();
    if (first.starts_with('-')) {
      std::cerr << "vaxel: error: unknown option '" << first << "'\n";
    } else {
      std::string commands;
      for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        commands += (commands.empty() ? "" : ", ") + sub->get_name();
      std::cerr << "vaxel: error: unknown command '" << first << "' (commands: " << commands << ")\n";
    }
    std::cerr << "Run `vaxel --help` for the commands and `vaxel <command> --help` for their options.\n";
    return kExitBadInput;
  }
  // A command that ran and says no (`vaxel erlang --staff` with no staffing meeting the target) throws
  // CLI::RuntimeError with its own status, which CLI11 passes through without printing: that is not bad input.
  if (dynamic_cast<const CLI::RuntimeError*>(&e) != nullptr) return e.get_exit_code();
  const int cli_status = app.exit(e);  // prints help, version, or "error: ..." with the hint to run --help
  if (cli_status == static_cast<int>(CLI::ExitCodes::Success)) return kExitOk;
  return kExitBadInput;
}

void set_exit_status(int status) {
  g_exit_status = status;
}
int exit_status() {
  return g_exit_status;
}

model::Scenario load_scenario_or_exit(const std::string& path) {
  try {
    return path.empty() ? model::load_default_scenario() : model::load_scenario_file(path);
  } catch (const model::ScenarioError& e) {
    for (const model::Diagnostic& d : e.diagnostics)
      std::cerr << d.str() << "\n";
    throw ExitRequest{kExitBadInput};
  }
}

void add_run_flags(CLI::App* cmd, RunFlags& f) {
  cmd->add_option("--seed", f.seed, "Random seed (default: the scenario's run.seed)");
  cmd->add_option("-r,--replications", f.replications, "Independent replications (default: run.replications)")
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--days", f.days, "Measured days (default: run.days)")->check(CLI::Range(1, 3660));
  cmd->add_option("--warmup", f.warmup, "Warm-up days, simulated and discarded (default: run.warmup_days)")
      ->check(CLI::Range(0, 366));
  cmd->add_option("-j,--jobs", f.jobs, "Worker processes at once (default: all cores)")->check(CLI::Range(0, 256));
}

void add_output_flags(CLI::App* cmd, RunFlags& f) {
  cmd->add_flag("--json", f.json, "Print the results as one JSON document instead of the table");
  cmd->add_flag("-q,--quiet", f.quiet, "No progress line on stderr");
}

void add_db_flags(CLI::App* cmd, RunFlags& f) {
  cmd->add_option("--db", f.db, "Results database to append this run to (default: " + default_db_path() + ")");
  cmd->add_flag("--no-db", f.no_db, "Do not store this run in the results database");
}

sim::RunOptions run_options(const model::Scenario& scenario, const RunFlags& f) {
  sim::RunOptions o = sim::options_from(scenario);
  if (f.seed) o.seed = *f.seed;
  if (f.replications) o.replications = *f.replications;
  if (f.days) o.days = *f.days;
  if (f.warmup) o.warmup_days = *f.warmup;
  o.jobs = f.jobs > 0 ? f.jobs : sim::available_cores();
  o.progress = !f.quiet;
  return o;
}

std::string default_db_path() {
  namespace fs = std::filesystem;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && *xdg != '\0') return (fs::path(xdg) / "vaxel" / "results.sqlite").string();
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0')
    return (fs::path(home) / ".local" / "share" / "vaxel" / "results.sqlite").string();
  return "vaxel-results.sqlite";
}

std::string db_path(const RunFlags& f) {
  if (f.no_db) return "";
  return f.db.empty() ? default_db_path() : f.db;
}

bool looks_like_run_id(const std::string& text) {
  if (text.empty() || text.size() > 18) return false;
  if (!std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) return false;
  std::error_code ec;
  return !std::filesystem::exists(text, ec);
}

std::optional<std::int64_t> store_run(const RunFlags& flags, const sim::ExperimentResult& result,
                                      const model::Scenario& scenario, const std::string& command) {
  const std::string path = db_path(flags);
  if (path.empty()) return std::nullopt;
  try {
    sim::ResultsDb db(path);
    const std::int64_t id = db.append(result, scenario, command);
    if (!flags.quiet) std::cerr << "stored as run " << id << " in " << path << "\n";
    return id;
  } catch (const std::exception& e) {
    std::cerr << "vaxel: warning: results not stored: " << e.what() << "\n";
    return std::nullopt;
  }
}

std::pair<sim::ExperimentResult, model::Scenario> load_stored_run_or_exit(const RunFlags& flags,
                                                                          const std::string& id) {
  const std::string path = flags.db.empty() ? default_db_path() : flags.db;
  try {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      std::cerr << "vaxel: error: '" << id << "' is neither a file nor a stored run: no results database at " << path
                << "\n";
      throw ExitRequest{kExitBadInput};
    }
    const sim::ResultsDb db(path);
    std::optional<sim::StoredRun> run = db.load(std::stoll(id));
    if (!run) {
      std::cerr << "vaxel: error: '" << id << "' is neither a file nor a stored run in " << path
                << " (see `vaxel history`)\n";
      throw ExitRequest{kExitBadInput};
    }
    model::Scenario scenario =
        model::load_scenario_text(run->scenario_text, "stored run " + id + " (" + run->info.scenario + ")", ".");
    scenario.name = run->info.scenario;
    scenario.source = run->result.source;
    return {std::move(run->result), std::move(scenario)};
  } catch (const sim::ResultsDbError& e) {
    std::cerr << "vaxel: error: " << e.what() << "\n";
    throw ExitRequest{kExitBadInput};
  } catch (const model::ScenarioError& e) {
    for (const model::Diagnostic& d : e.diagnostics)
      std::cerr << d.str() << "\n";
    throw ExitRequest{kExitBadInput};
  }
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;  // count lead bytes, not continuation bytes
  return width;
}

std::string extends_path(const std::string& scenario, const std::string& overlay) {
  namespace fs = std::filesystem;
  const fs::path overlay_dir = fs::absolute(overlay).parent_path().lexically_normal();
  const fs::path rel = fs::absolute(scenario).lexically_normal().lexically_relative(overlay_dir);
  return rel.empty() ? fs::absolute(scenario).string() : rel.generic_string();
}

}  // namespace vaxel::cli
