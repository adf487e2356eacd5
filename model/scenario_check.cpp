// The meaning pass across sections, run once the structure is clean and the directory is built: what one
// section says about another (entry names in the demand, operator names, unit demand weights).
#include <fmt/format.h>

#include <set>

#include "model/limits.hpp"
#include "model/scenario_keys.hpp"
#include "model/scenario_sections.hpp"

namespace vaxel::model::yaml {

namespace k = keys;

namespace {

/// The position of a dotted path's value in the document, or the deepest existing ancestor's.
SourcePos position_of(const YNode& doc, std::initializer_list<std::string_view> path) {
  const YNode* n = &doc;
  for (std::string_view key : path) {
    const YEntry* e = n->is_map() ? n->find(key) : nullptr;
    if (e == nullptr) break;
    n = &e->value;
  }
  return n->pos;
}

}  // namespace

void check_scenario(Ctx& ctx, Scenario& s, const OrganisationSpec& org, const DemandRefs& refs, const YNode& doc) {
  Directory& dir = s.directory;

  // Demand by entry number (T2, M4, M6): every name must be an entry of the organisation.
  if (!refs.entries_given) {
    const std::optional<EntryId> main = dir.find_entry_kind(EntryKind::Main);
    if (!main) {
      ctx.meaning(refs.pos.line > 0 ? refs.pos : position_of(doc, {k::kOrganisation, k::kEntries}),
                  "'demand.entries' is not given and the organisation has no entry of kind main to take all calls");
    } else {
      s.demand.entries = {EntryDemand{*main, 1.0, {0.55, 0.30, 0.15, 0.0}}};
    }
  } else {
    std::vector<std::string_view> names;
    for (const EntryNumber& e : dir.entries)
      names.push_back(e.name);
    for (std::size_t i = 0; i < refs.entry_names.size(); ++i) {
      const auto& [name, pos] = refs.entry_names[i];
      if (auto id = dir.find_entry(name)) {
        s.demand.entries[i].entry = *id;
        continue;
      }
      std::string message = "'demand.entries': unknown entry number '" + name + "'";
      const std::string near = did_you_mean(name, names);
      if (!near.empty()) message += "; did you mean '" + near + "'?";
      ctx.meaning(pos, message);
    }
  }

  // Relative demand per unit: given weights, and head count for units without one.
  bool any_weight = false;
  for (const UnitSpec& u : org.units)
    any_weight = any_weight || u.demand_weight.has_value();
  if (any_weight) {
    s.demand.unit_weight.clear();
    for (std::size_t i = 0; i < org.units.size(); ++i)
      s.demand.unit_weight.push_back(org.units[i].demand_weight.value_or(double(dir.units[i].people.size())));
  }

  // Operators are told apart by name in traces and reports.
  std::set<std::string> operator_names;
  const YNode* ops = nullptr;
  if (const YEntry* sb = doc.find(k::kSwitchboard); sb != nullptr && sb->value.is_map())
    if (const YEntry* o = sb->value.find(k::kOperators)) ops = &o->value;
  for (std::size_t i = 0; i < s.switchboard.operators.size(); ++i) {
    const OperatorSpec& op = s.switchboard.operators[i];
    if (!operator_names.insert(op.name).second) {
      const SourcePos pos = ops != nullptr && i < ops->items.size() ? ops->items[i].pos : SourcePos{};
      ctx.meaning(pos, "operator '" + op.name + "' is listed twice");
    }
  }

  // The run's size: each figure passed its own range, their product may still be a run of days (limits.hpp).
  const std::string too_big = run_size_problem(s, s.run.days, s.run.warmup_days, s.run.replications);
  if (!too_big.empty()) {
    const YNode* run = doc.find(k::kRun) != nullptr ? &doc.find(k::kRun)->value : nullptr;
    ctx.meaning(run != nullptr ? position_of(doc, {k::kRun, k::kDays}) : position_of(doc, {k::kDemand}), too_big);
  }
}

}  // namespace vaxel::model::yaml
