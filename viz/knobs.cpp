// Knob text to scenario changes (see knobs.hpp).
#include "viz/knobs.hpp"

#include <cstring>
#include <sstream>

namespace vaxel::viz {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

template <std::size_t N>
void set_text(char (&field)[N], const std::string& text) {
  std::strncpy(field, text.c_str(), N - 1);
  field[N - 1] = '\0';
}

}  // namespace

std::optional<model::DayHours> parse_hours(const std::string& text, std::string& problem) {
  model::DayHours hours;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    part = trim(part);
    if (part.empty()) continue;
    const auto dash = part.find('-');
    int from = 0;
    int to = 0;
    if (dash == std::string::npos || !model::parse_clock(trim(part.substr(0, dash)), from) ||
        !model::parse_clock(trim(part.substr(dash + 1)), to)) {
      problem = "'" + part + "' is not an interval like 08:00-12:00";
      return std::nullopt;
    }
    hours.push_back({from, to});
  }
  if (auto p = model::day_hours_problem(hours)) {
    problem = *p;
    return std::nullopt;
  }
  return hours;
}

std::string format_hours(const model::DayHours& hours) {
  std::string out;
  for (const model::Interval& i : hours) {
    if (!out.empty()) out += ", ";
    out += model::format_clock(i.start_minute) + "-" + model::format_clock(i.end_minute);
  }
  return out;
}

void load_knobs(UiState& ui, const model::Scenario& scenario) {
  ui.operators.clear();
  for (const model::OperatorSpec& op : scenario.switchboard.operators) {
    OperatorKnob k;
    k.name = op.name;
    set_text(k.shift, format_hours(op.shift.weekly.on(model::Weekday::Monday)));
    ui.operators.push_back(k);
  }
  ui.knob_unit = 0;
  for (const model::Unit& u : scenario.directory.units)
    if (u.phone_hours) {
      ui.knob_unit = static_cast<int>(u.id.value);
      break;
    }
  const auto& units = scenario.directory.units;
  const bool has = ui.knob_unit < static_cast<int>(units.size()) &&
                   units[static_cast<std::size_t>(ui.knob_unit)].phone_hours.has_value();
  set_text(
      ui.phone_hours,
      has ? format_hours(units[static_cast<std::size_t>(ui.knob_unit)].phone_hours->weekly.on(model::Weekday::Monday))
          : "");
  ui.transfer_to_mobile = scenario.policy.transfer_to_mobile;
  ui.knobs_loaded = true;
}

std::optional<model::Scenario> apply_knobs(const model::Scenario& base, const UiState& ui, std::string& problem) {
  model::Scenario s = base;
  std::vector<model::OperatorSpec> ops;
  for (std::size_t i = 0; i < ui.operators.size(); ++i) {
    const OperatorKnob& k = ui.operators[i];
    if (!k.enabled) continue;
    std::string why;
    const auto hours = parse_hours(k.shift, why);
    if (!hours) {
      problem = k.name + ": " + why;
      return std::nullopt;
    }
    const bool original = !k.added && i < base.switchboard.operators.size();
    if (original && *hours == base.switchboard.operators[i].shift.weekly.on(model::Weekday::Monday)) {
      ops.push_back(base.switchboard.operators[i]);
    } else {
      if (hours->empty()) continue;  // no hours at all: the same as removing the shift
      ops.push_back({k.name, model::weekday_schedule(*hours)});
    }
  }
  s.switchboard.operators = ops;

  if (ui.knob_unit >= 0 && ui.knob_unit < static_cast<int>(s.directory.units.size())) {
    model::Unit& u = s.directory.units[static_cast<std::size_t>(ui.knob_unit)];
    std::string why;
    const auto hours = parse_hours(ui.phone_hours, why);
    if (!hours) {
      problem = u.name + " phone hours: " + why;
      return std::nullopt;
    }
    const bool unchanged = u.phone_hours ? *hours == u.phone_hours->weekly.on(model::Weekday::Monday) : hours->empty();
    if (!unchanged) {
      if (hours->empty())
        u.phone_hours.reset();  // P1-P4 no longer apply: reachable all working hours
      else
        u.phone_hours = model::weekday_schedule(*hours);
    }
  }
  s.policy.transfer_to_mobile = ui.transfer_to_mobile;
  return s;
}

}  // namespace vaxel::viz
