// `vaxel calibrate`: reads a call log (docs/cdr.md), fits arrivals, the entry mix, handle times, patience,
// redials and transfer answer rates against the organisation scenario, and writes an overlay scenario that
// extends it plus a fit report. Bad rows are listed by line on stderr and skipped; a summary ends the run.
#include "sim/cmd_calibrate.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "model/scenario.hpp"
#include "model/scenario_keys.hpp"
#include "model/scenario_loader.hpp"
#include "model/time.hpp"
#include "sim/calibration.hpp"
#include "sim/cdr.hpp"
#include "sim/cli_common.hpp"

namespace vaxel::cli {

namespace {
struct CalibrateArgs {
  std::string log;
  std::string org;
  std::string out;
  std::string format = "auto";
  std::string report;
  std::optional<std::string> salt;
  std::string name;
  int max_listed = 20;
};

void write_file(const std::string& path, const std::string& text, const char* what) {
  std::ofstream f(path);
  if (f) f << text;
  if (!f) {
    std::cerr << path << ": error: cannot write the " << what << "\n";
    throw ExitRequest{kExitBadInput};
  }
}
}  // namespace

void add_calibrate_command(CLI::App& root) {
  auto a = std::make_shared<CalibrateArgs>();
  CLI::App* cmd = root.add_subcommand("calibrate", "Fit a scenario to a switchboard's call detail records (CDRs)");
  cmd->add_option("log", a->log, "Call log: Asterisk Master.csv or the generic CSV (docs/cdr.md)")->required();
  cmd->add_option("--org", a->org, "The organisation scenario the fit extends")->required();
  cmd->add_option("--out", a->out, "Write the fitted overlay scenario here")->required();
  cmd->add_option("--format", a->format, "Log format: auto, asterisk or generic")
      ->check(CLI::IsMember({"auto", "asterisk", "generic"}));
  cmd->add_option("--report", a->report, "Write the fit report here (default: stdout)");
  cmd->add_option("--salt", a->salt,
                  "Salt for hashing caller ids (default: derived from the log's content; give one to link callers "
                  "across logs)");
  cmd->add_option("--name", a->name, "Name of the fitted scenario (default: the --out file name)");
  cmd->add_option("--max-listed", a->max_listed, "Bad rows listed by line before only counting them")
      ->check(CLI::Range(0, 1000000));
  cmd->footer(
      "Examples:\n"
      "  vaxel calibrate Master.csv --org scenarios/sotenas.yaml --out fitted.yaml --report fit.txt\n"
      "  vaxel run -r 1 --days 60 --cdr-out calls.csv && vaxel calibrate calls.csv --org scenarios/sotenas.yaml "
      "--out fitted.yaml\n"
      "Bad rows are reported on stderr as LOG:LINE: problem and skipped. Caller ids are hashed on reading and never\n"
      "written out. The overlay extends --org by a relative path; check it with `vaxel validate`.");
  cmd->callback([a] {
    const model::Scenario org = load_scenario_or_exit(a->org);
    sim::cdr::ReadOptions options;
    if (a->format != "auto") {
      sim::cdr::Format f{};
      if (sim::cdr::parse_format(a->format, f)) options.format = f;
    }
    options.salt = a->salt;
    options.max_listed = a->max_listed;
    sim::cdr::ReadResult read;
    try {
      read = sim::cdr::read_cdr_file(a->log, org, options);
    } catch (const std::runtime_error& e) {
      std::cerr << "error: " << e.what() << "\n";
      throw ExitRequest{kExitBadInput};
    }
    for (const sim::cdr::BadRow& b : read.bad)
      std::cerr << a->log << ":" << b.line << ": bad row: " << b.problem << "\n";
    if (read.bad_count > static_cast<int>(read.bad.size()))
      std::cerr << a->log << ": ... and " << read.bad_count - static_cast<int>(read.bad.size()) << " more bad rows\n";
    if (read.records.empty()) {
      std::cerr << a->log << ": error: no usable rows (" << read.rows << " rows, " << read.bad_count << " bad)\n";
      throw ExitRequest{kExitBadInput};
    }
    // A mistyped year (1027 for 2027) made the fit count every day in between: a two-row log spanning 8,400 years
    // took 80 s and 2.3 GB. A log longer than the longest run (docs/scenario.md, "Limits") is refused instead.
    const auto [earliest, latest] = std::minmax_element(
        read.records.begin(), read.records.end(),
        [](const sim::cdr::CdrRecord& x, const sim::cdr::CdrRecord& y) { return x.start_s < y.start_s; });
    const long long span_days =
        static_cast<long long>(model::day_of(latest->start_s)) - model::day_of(earliest->start_s) + 1;
    if (span_days > model::keys::kMaxDays) {
      std::cerr << a->log << ": error: the log spans " << span_days << " days, from "
                << model::format_date_time(earliest->start_s) << " (line " << earliest->line << ") to "
                << model::format_date_time(latest->start_s) << " (line " << latest->line << "); at most "
                << model::keys::kMaxDays << " days are supported: is a year mistyped?\n";
      throw ExitRequest{kExitBadInput};
    }
    const sim::calibration::Result fit = sim::calibration::fit(read.records, org);
    const std::string name = a->name.empty() ? std::filesystem::path(a->out).stem().string() : a->name;
    const std::string summary_line = std::to_string(read.rows) + " rows, " + std::to_string(read.records.size()) +
                                     " used, " + std::to_string(read.bad_count) + " bad";
    write_file(a->out, sim::calibration::overlay_yaml(fit, org, extends_path(a->org, a->out), name, summary_line),
               "fitted scenario");
    const std::string report = sim::calibration::report_text(fit, read, org);
    if (a->report.empty())
      std::cout << report;
    else
      write_file(a->report, report, "fit report");
    std::cerr << "calibrate: " << a->log << ": " << summary_line << "; wrote " << a->out
              << (a->report.empty() ? "" : " and " + a->report) << "\n";
  });
}

}  // namespace vaxel::cli
