// The structure pass over each section of a scenario (internal to the loader). Each reader fills its part of the
// Scenario, keeping the defaults of scenario.hpp for keys not given, and reports to ctx. What can only be checked
// against other sections (entry names, the directory) is left for the meaning pass in scenario_check.cpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/org_generator.hpp"
#include "model/scenario.hpp"
#include "model/scenario_reader.hpp"

namespace vaxel::model::yaml {

/// Calendar additions, applied to the Calendar once the whole file is read.
struct CalendarSpec {
  std::vector<NamedDay> closures;
  std::vector<DateRange> summer;
};

/// Names the demand section uses that must match the organisation's, with where they were written.
struct DemandRefs {
  std::vector<std::pair<std::string, SourcePos>> entry_names;  ///< parallel to DemandSpec::entries
  bool entries_given = false;
  SourcePos pos;
};

void read_calendar(Ctx& ctx, const YNode* node, CalendarSpec& out);
void read_switchboard(Ctx& ctx, const YNode* node, SwitchboardSpec& out);
void read_organisation(Ctx& ctx, const YNode* node, OrganisationSpec& out);
void read_presence(Ctx& ctx, const YNode* node, PresenceSpec& out);
void read_demand(Ctx& ctx, const YNode* node, DemandSpec& out, DemandRefs& refs);
void read_callers(Ctx& ctx, const YNode* node, CallerSpec& out);
void read_policy(Ctx& ctx, const YNode* node, Policy& out);
void read_targets(Ctx& ctx, const YNode* node, std::vector<Target>& out);
void read_run(Ctx& ctx, const YNode* node, RunSpec& out);

/// Meaning checks across sections once the directory is built: demand entries name entry numbers, unit demand
/// weights, operator names.
void check_scenario(Ctx& ctx, Scenario& scenario, const OrganisationSpec& org, const DemandRefs& refs,
                    const YNode& doc);

/// Reports when values that are shares of one whole do not sum to 1 (within keys::kSumTolerance).
bool check_sums_to_one(Ctx& ctx, double sum, const SourcePos& pos, std::string_view path);

/// Assigns into `field` when the key is present and reads well.
template <class T, class Read>
void read_into(const MapView& m, std::string_view key, T& field, Read read) {
  if (const YNode* n = m.get(key))
    if (auto v = read(*n, m.path(key))) field = *v;
}

}  // namespace vaxel::model::yaml
