// The `vaxel erlang` subcommand: reads traffic, operators, patience and trunk lines from the command line, picks
// the queueing model they describe (Erlang B, C, A or the general M/M/c/K+M), and prints every metric as an
// aligned table or one JSON object. With --staff it finds the fewest operators meeting the service-level target,
// the first question a manager asks before sweeping staffing in the simulator.
#include "sim/cmd_erlang.hpp"

#include "sim/erlang.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace vaxel::cli {
namespace {

namespace an = vaxel::analytic;

// Usage errors exit with status 2, the shell convention, rather than CLI11's own codes.
constexpr int kUsageError = 2;
constexpr int kNoAnswer = 1;

struct ErlangOptions {
  double arrivals_per_hour = 0;      // [calls/h]
  double handle_time_s = 0;          // [s]
  int operators = 0;                 // [count]
  double patience_s = 0;             // [s], only when given
  int lines = 0;                     // [count], only when given
  double sl_target = 0.8;            // [fraction]
  double sl_seconds = 20;            // [s]
  std::string sl_basis = "offered";  // offered | accepted | answered
  bool json = false;
  bool staff = false;
  CLI::Option* operators_opt = nullptr;
  CLI::Option* patience_opt = nullptr;
  CLI::Option* lines_opt = nullptr;
};

[[noreturn]] void usage_error(const std::string& what) {
  throw CLI::ValidationError(what, kUsageError);
}

void check_positive(double value, const char* flag, const char* unit) {
  if (!std::isfinite(value) || value <= 0) usage_error(fmt::format("{} must be a positive number of {}", flag, unit));
}

an::ServiceLevelBasis parse_basis(const std::string& name) {
  if (name == "offered") return an::ServiceLevelBasis::offered;
  if (name == "accepted") return an::ServiceLevelBasis::accepted;
  if (name == "answered") return an::ServiceLevelBasis::answered;
  usage_error(fmt::format("--sl-basis must be offered, accepted or answered (got \"{}\")", name));
}

// Checks the options together (CLI11 checks each alone) and builds the model; operators is 1 when staffing.
an::QueueModel validated_model(const ErlangOptions& o) {
  check_positive(o.arrivals_per_hour, "--arrivals-per-hour", "calls per hour");
  check_positive(o.handle_time_s, "--handle-time", "seconds");
  const bool has_operators = o.operators_opt->count() > 0;
  if (o.staff && has_operators) usage_error("give either --operators N or --staff, not both");
  if (!o.staff && !has_operators) usage_error("give --operators N, or --staff to find the fewest operators");
  if (has_operators && o.operators < 1) usage_error("--operators must be at least 1");
  if (o.patience_opt->count() > 0) check_positive(o.patience_s, "--patience", "seconds (mean patience)");
  if (o.lines_opt->count() > 0) {
    if (o.lines < 1) usage_error("--lines must be at least 1");
    if (has_operators && o.lines < o.operators) {
      usage_error(fmt::format("--lines ({}) must be at least --operators ({}): every call in service holds a line",
                              o.lines, o.operators));
    }
  }
  if (!(o.sl_target > 0 && o.sl_target <= 1)) usage_error("--sl-target must be a fraction in (0, 1], e.g. 0.8");
  if (!std::isfinite(o.sl_seconds) || o.sl_seconds < 0) usage_error("--sl-seconds must be zero or more seconds");

  an::QueueModel model;
  model.operators = has_operators ? o.operators : 1;
  model.traffic = an::Traffic::per_hour(o.arrivals_per_hour, o.handle_time_s);
  if (o.patience_opt->count() > 0) model.mean_patience_s = o.patience_s;
  if (o.lines_opt->count() > 0) model.lines = o.lines;
  return model;
}

std::string model_name(const an::QueueModel& m) {
  const bool patient = std::isinf(m.mean_patience_s);
  if (!m.lines) return patient ? "Erlang C (M/M/c)" : "Erlang A (M/M/c+M)";
  if (patient && *m.lines == m.operators) return "Erlang B (M/M/c/c)";
  return patient ? "M/M/c/K (trunk lines, patient callers)" : "M/M/c/K+M (trunk lines, callers hang up)";
}

// The closed forms where they apply (they are cheaper and are what planners recognise), else the general solver.
an::QueueMetrics evaluate(const an::QueueModel& m, double sl_seconds) {
  if (!m.lines) return an::erlang_a(m.operators, m.traffic, m.mean_patience_s, sl_seconds);
  return an::solve_queue(m, sl_seconds);
}

std::string percent(double fraction) {
  return fmt::format("{:.2f} %", 100 * fraction);
}
std::string number(double value, int decimals) {
  return std::isfinite(value) ? fmt::format("{:.{}f}", value, decimals) : std::string("infinite");
}

void print_table(const an::QueueModel& model, const an::QueueMetrics& m, const ErlangOptions& o, bool staffed,
                 bool met) {
  const auto row = [](const std::string& label, const std::string& value, const std::string& unit = "") {
    fmt::print("  {:<42}{:>14}{}{}\n", label, value, unit.empty() ? "" : "  ", unit);
  };
  const std::string within = fmt::format("answered within {} s", number(o.sl_seconds, 0));
  fmt::print("{}\n", model_name(model));
  row("arrivals", number(o.arrivals_per_hour, 1), "calls/h");
  row("mean handle time", number(o.handle_time_s, 1), "s");
  row("offered load", number(m.offered_load_erlangs, 3), "erlangs");
  row(staffed ? "operators (fewest meeting the target)" : "operators", std::to_string(m.operators));
  row("trunk lines", model.lines ? std::to_string(*model.lines) : "unlimited");
  if (std::isinf(model.mean_patience_s)) {
    row("mean patience", "infinite", "callers never hang up");
  } else {
    row("mean patience", number(model.mean_patience_s, 1), "s");
  }
  row("blocked (all lines busy)", percent(m.p_blocked), "of offered calls");
  row("waited (all operators busy)", percent(m.p_wait), "of offered calls");
  row("abandoned (hung up in queue)", percent(m.p_abandon), "of offered calls");
  row("answered", percent(m.p_answered), "of offered calls");
  row("mean wait", number(m.mean_wait_s, 2), "s, calls given a line");
  row("mean wait of answered calls", number(m.mean_wait_answered_s, 2), "s");
  row("mean queue length", number(m.mean_queue_length, 3), "callers waiting");
  row("occupancy", percent(m.occupancy), "of operator time");
  row("service level, " + within, percent(m.service_level_offered), "of offered calls");
  row("service level, " + within, percent(m.service_level_accepted), "of calls given a line");
  row("service level, " + within, percent(m.service_level_answered), "of answered calls");
  row(fmt::format("target {} within {} s ({})", percent(o.sl_target), number(o.sl_seconds, 0), o.sl_basis),
      met ? "met" : "NOT met");
  if (!m.stable) {
    fmt::print(
        "note: {:.3f} erlangs on {} operators with patient callers and unlimited lines: the queue grows "
        "without bound\n",
        m.offered_load_erlangs, m.operators);
  }
}

void print_json(const an::QueueModel& model, const an::QueueMetrics& m, const ErlangOptions& o, bool staffed,
                bool met) {
  // JSON has no infinity: unbounded waits are written as null next to "stable": false.
  const auto finite = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  nlohmann::json j;
  j["model"] = model_name(model);
  j["arrivals_per_hour"] = o.arrivals_per_hour;
  j["handle_time_s"] = o.handle_time_s;
  j["patience_s"] = finite(model.mean_patience_s);
  j["lines"] = model.lines ? nlohmann::json(*model.lines) : nlohmann::json(nullptr);
  j["offered_load_erlangs"] = m.offered_load_erlangs;
  j["operators"] = m.operators;
  j["staffed"] = staffed;
  j["stable"] = m.stable;
  j["p_blocked"] = m.p_blocked;
  j["p_wait"] = m.p_wait;
  j["p_abandon"] = m.p_abandon;
  j["p_answered"] = m.p_answered;
  j["mean_wait_s"] = finite(m.mean_wait_s);
  j["mean_wait_answered_s"] = finite(m.mean_wait_answered_s);
  j["mean_queue_length"] = finite(m.mean_queue_length);
  j["occupancy"] = m.occupancy;
  j["sl_seconds"] = o.sl_seconds;
  j["service_level_offered"] = m.service_level_offered;
  j["service_level_accepted"] = m.service_level_accepted;
  j["service_level_answered"] = m.service_level_answered;
  j["sl_target"] = o.sl_target;
  j["sl_basis"] = o.sl_basis;
  j["target_met"] = met;
  fmt::print("{}\n", j.dump(2));
}

void run(const ErlangOptions& o) {
  an::QueueModel model = validated_model(o);
  an::StaffingTarget target;
  target.service_level = o.sl_target;
  target.sl_seconds = o.sl_seconds;
  target.basis = parse_basis(o.sl_basis);

  try {
    an::QueueMetrics metrics;
    if (o.staff) {
      const auto staffing = an::find_min_operators(model, target);
      if (!staffing) {
        const std::string cap =
            model.lines ? fmt::format("{} (the trunk lines)", *model.lines) : std::to_string(target.max_operators);
        // CLI11 prints nothing for a RuntimeError, which suits an answer that is not a usage mistake.
        fmt::print(stderr, "vaxel erlang: no number of operators up to {} answers {} of {} calls within {} s{}\n", cap,
                   percent(o.sl_target), o.sl_basis, o.sl_seconds,
                   model.lines ? "; blocking on the trunk lines alone breaks the target" : "");
        throw CLI::RuntimeError(kNoAnswer);
      }
      model.operators = staffing->operators;
      metrics = evaluate(model, o.sl_seconds);
    } else {
      metrics = evaluate(model, o.sl_seconds);
    }
    const bool met = metrics.stable && metrics.service_level(target.basis) >= o.sl_target - 1e-12;
    if (o.json) {
      print_json(model, metrics, o, o.staff, met);
    } else {
      print_table(model, metrics, o, o.staff, met);
    }
  } catch (const std::invalid_argument& e) {
    usage_error(e.what());
  } catch (const std::domain_error& e) {
    fmt::print(stderr, "vaxel erlang: {}\n", e.what());
    throw CLI::RuntimeError(kNoAnswer);
  }
}

constexpr const char* kFooter = R"(
Models: no --patience and no --lines is Erlang C; --patience is Erlang A (exponential patience);
--lines adds trunk lines (calls in service plus waiting; --lines equal to --operators is Erlang B).
Service level = calls answered within --sl-seconds divided by the --sl-basis calls: offered (all,
blocked and abandoned count as failures), accepted (given a line) or answered.

Examples:
  vaxel erlang --arrivals-per-hour 200 --handle-time 180 --operators 11
  vaxel erlang --arrivals-per-hour 200 --handle-time 180 --patience 216 --staff --sl-target 0.8 --sl-seconds 20
  vaxel erlang --arrivals-per-hour 200 --handle-time 180 --operators 11 --lines 15 --json

Exit status: 0 result printed, 1 no staffing meets the target (or the load is too close to
capacity to solve), 2 invalid options.
)";

}  // namespace

void add_erlang_command(CLI::App& root) {
  auto options = std::make_shared<ErlangOptions>();
  CLI::App* cmd = root.add_subcommand(
      "erlang", "Analytic queueing answers (Erlang B/C/A, M/M/c/K+M) and staffing for the switchboard");
  cmd->footer(kFooter);
  cmd->add_option("--arrivals-per-hour", options->arrivals_per_hour, "Mean calls offered per hour [calls/h]")
      ->required();
  cmd->add_option("--handle-time", options->handle_time_s, "Mean handle time, talk and wrap-up [s]")->required();
  options->operators_opt = cmd->add_option("--operators", options->operators, "Operators answering [count]");
  options->patience_opt =
      cmd->add_option("--patience", options->patience_s, "Mean patience before a caller hangs up [s]; default never");
  options->lines_opt = cmd->add_option("--lines", options->lines,
                                       "Trunk lines: calls in service plus waiting [count]; default unlimited");
  cmd->add_option("--sl-target", options->sl_target, "Service-level target [fraction]")->capture_default_str();
  cmd->add_option("--sl-seconds", options->sl_seconds, "Service-level threshold: answered within [s]")
      ->capture_default_str();
  cmd->add_option("--sl-basis", options->sl_basis, "Service level over offered | accepted | answered calls")
      ->capture_default_str();
  cmd->add_flag("--json", options->json, "Print one JSON object instead of the table");
  cmd->add_flag("--staff", options->staff, "Find the fewest operators meeting the target (instead of --operators)");
  cmd->callback([options] { run(*options); });
}

}  // namespace vaxel::cli
