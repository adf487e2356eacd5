// The scenario loader's entry points: text in, validated Scenario out, or a ScenarioError with every diagnostic.
// Order: parse and merge the extends chain (yaml_merge), structure pass over each section (scenario_sections,
// scenario_organisation), then, when the structure is clean, the meaning pass (org_generator, scenario_check).
#include "model/scenario_loader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/embedded_scenario.hpp"
#include "model/scenario_keys.hpp"
#include "model/scenario_sections.hpp"

namespace vaxel::model {

namespace k = keys;

std::string Diagnostic::str() const {
  if (line <= 0) return file + ": error: " + message;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

namespace {
std::string join_lines(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags)
    out += (out.empty() ? "" : "\n") + d.str();
  return out;
}

/// Defaults the scenario.hpp structs cannot give because they depend on domain.md figures or other headers.
void apply_defaults(Scenario& s) {
  // Staff office hours Mon-Fri 08:00-16:30 with lunch 12:00-12:45 [G].
  for (int d = 0; d < 5; ++d)
    s.presence.working_hours.weekly.days[static_cast<std::size_t>(d)] = {{8 * 60, 12 * 60},
                                                                         {12 * 60 + 45, 16 * 60 + 30}};
  s.presence.manager.meeting = 0.45;  // domain.md: managers far more in meetings than staff's 20 %
  // domain.md intraday profile, % per hour 08-16: 12, 16, 16, 12, 7, 14, 13, 10 [G].
  const double hourly[8] = {0.12, 0.16, 0.16, 0.12, 0.07, 0.14, 0.13, 0.10};
  for (int h = 0; h < 8; ++h)
    for (int q = 0; q < 4; ++q)
      s.demand.slot_share[static_cast<std::size_t>((8 + h) * 4 + q)] = hourly[h] / 4.0;
}

Scenario load(const std::string& text, const std::string& name, const std::string& base_dir,
              const std::string& source) {
  yaml::Diagnostics diags;
  std::optional<yaml::YNode> doc = yaml::load_with_extends(text, name, base_dir, diags);
  if (!doc) throw ScenarioError(diags.sorted());

  yaml::Ctx ctx{diags};
  Scenario s;
  apply_defaults(s);
  s.source = source;
  s.name = std::filesystem::path(name).stem().string();
  yaml::MapView top(ctx, &*doc, "",
                    {k::kName, k::kDescription, k::kExtends, k::kCalendar, k::kSwitchboard, k::kOrganisation,
                     k::kPresence, k::kDemand, k::kCallers, k::kPolicy, k::kTargets, k::kRun});
  if (const yaml::YNode* n = top.get(k::kName))
    if (auto v = yaml::read_string(ctx, *n, k::kName)) s.name = *v;
  if (const yaml::YNode* n = top.get(k::kDescription))
    if (auto v = yaml::read_string(ctx, *n, k::kDescription)) s.description = *v;

  // A missing section is reported at the top of the file that names the scenario.
  yaml::CalendarSpec calendar;
  yaml::read_calendar(ctx, top.get(k::kCalendar), calendar);
  if (top.get(k::kSwitchboard) == nullptr)
    ctx.structure(doc->pos, "missing required section 'switchboard' (hours and operators)");
  else
    yaml::read_switchboard(ctx, top.get(k::kSwitchboard), s.switchboard);
  OrganisationSpec org;
  if (top.get(k::kOrganisation) == nullptr)
    ctx.structure(doc->pos, "missing required section 'organisation' (entries, administrations, units)");
  else
    yaml::read_organisation(ctx, top.get(k::kOrganisation), org);
  yaml::read_presence(ctx, top.get(k::kPresence), s.presence);
  yaml::DemandRefs refs;
  yaml::read_demand(ctx, top.get(k::kDemand), s.demand, refs);
  yaml::read_callers(ctx, top.get(k::kCallers), s.callers);
  yaml::read_policy(ctx, top.get(k::kPolicy), s.policy);
  yaml::read_targets(ctx, top.get(k::kTargets), s.targets);
  yaml::read_run(ctx, top.get(k::kRun), s.run);

  // Meaning across sections only on a sound structure: otherwise it would report the consequences of errors
  // already reported (a person whose extension did not read as "unknown colleague", ...).
  if (!ctx.structure_failed) {
    if (std::optional<Directory> dir = build_directory(org, diags)) {
      s.directory = std::move(*dir);
      yaml::check_scenario(ctx, s, org, refs, *doc);
    }
  }
  if (!diags.empty()) throw ScenarioError(diags.sorted());

  for (const NamedDay& c : calendar.closures)
    s.calendar.add_closure(c.date, c.name);
  for (const DateRange& r : calendar.summer)
    s.calendar.add_summer_period(r);
  s.text = yaml::emit(*doc);
  return s;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diags)
    : std::runtime_error(join_lines(diags)), diagnostics(std::move(diags)) {}

Scenario load_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) throw ScenarioError({{path, 0, 0, "cannot read the file"}});
  // A pipe or device may be read (`vaxel run /dev/stdin`), but only up to a scenario's size: /dev/zero must not
  // fill memory.
  std::string text;
  char chunk[65536];
  while (text.size() <= static_cast<std::size_t>(k::kMaxScenarioFileBytes) && in.read(chunk, sizeof chunk).gcount() > 0)
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (text.size() > static_cast<std::size_t>(k::kMaxScenarioFileBytes))
    throw ScenarioError({{path, 0, 0,
                          "the file is larger than " + std::to_string(k::kMaxScenarioFileBytes >> 20) +
                              " MiB; a scenario is a few kilobytes of YAML"}});
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return load(text, path, dir.empty() ? "." : dir, path);
}

Scenario load_scenario_text(const std::string& yaml, const std::string& name, const std::string& base_dir) {
  return load(yaml, name, base_dir, name);
}

Scenario load_default_scenario() {
  return load(kEmbeddedScenarioText, kEmbeddedScenarioName, ".", std::string(kEmbeddedScenarioName) + " (built in)");
}

std::string scenario_hash(const Scenario& scenario) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64: byte order and word size do not matter
  for (unsigned char c : scenario.text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static const char* const kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4)
    out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return out;
}

}  // namespace vaxel::model
