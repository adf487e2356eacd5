// Reading the organisation (administrations, units, people, generated units, entry numbers, on-call numbers)
// and the demand (calls per weekday, weekday factors, intraday profile, entry and intent mix) of a scenario.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "model/scenario_keys.hpp"
#include "model/scenario_sections.hpp"

namespace vaxel::model::yaml {

namespace k = keys;

namespace {

std::optional<ExtensionRange> read_range(Ctx& ctx, const YNode& n, const std::string& path) {
  MapView m(ctx, &n, path, {k::kFirst, k::kLast});
  const YNode* first = m.require(k::kFirst);
  const YNode* last = m.require(k::kLast);
  if (!m.valid() || first == nullptr || last == nullptr) return std::nullopt;
  const auto lo = read_integer(ctx, *first, m.path(k::kFirst), 0, 999'999'999);
  const auto hi = read_integer(ctx, *last, m.path(k::kLast), 0, 999'999'999);
  if (!lo || !hi) return std::nullopt;
  if (*hi < *lo) {
    ctx.meaning(last->pos, where(path) + fmt::format("range ends ({}) before it starts ({})", *hi, *lo));
    return std::nullopt;
  }
  return ExtensionRange{*lo, *hi, n.pos};
}

std::optional<std::string> read_extension(Ctx& ctx, const YNode& n, const std::string& path) {
  if (n.is_scalar() && !n.scalar.empty() && n.scalar.size() <= 12 &&
      std::all_of(n.scalar.begin(), n.scalar.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return n.scalar;
  ctx.structure(n.pos, where(path) + "expected an extension of digits, e.g. 4123, got " + describe(n));
  return std::nullopt;
}

void read_person(Ctx& ctx, const YNode& item, const std::string& path, std::vector<PersonSpec>& out) {
  MapView m(ctx, &item, path,
            {k::kName, k::kExtension, k::kDirectDial, k::kRole, k::kPhone, k::kMobile, k::kVoicemail, k::kAbsence,
             k::kColleagues, k::kStatus});
  const YNode* name = m.require(k::kName);
  if (!m.valid() || name == nullptr) return;
  PersonSpec p;
  p.pos = item.pos;
  if (auto v = read_string(ctx, *name, m.path(k::kName))) p.name = *v;
  if (const YNode* e = m.get(k::kExtension)) {
    p.extension = read_extension(ctx, *e, m.path(k::kExtension));
    p.extension_pos = e->pos;
  }
  if (const YNode* d = m.get(k::kDirectDial)) p.direct_dial = read_string(ctx, *d, m.path(k::kDirectDial));
  if (const YNode* r = m.get(k::kRole))
    if (auto v = read_choice<Role>(ctx, *r, m.path(k::kRole), {{"staff", Role::Staff}, {"manager", Role::Manager}}))
      p.role = *v;
  if (const YNode* r = m.get(k::kPhone))  // E1
    if (auto v = read_choice<PhoneType>(
            ctx, *r, m.path(k::kPhone),
            {{"desk", PhoneType::Desk}, {"mex", PhoneType::Mex}, {"cordless", PhoneType::Cordless}}))
      p.phone = *v;
  if (const YNode* mob = m.get(k::kMobile)) p.mobile = read_string(ctx, *mob, m.path(k::kMobile));
  if (const YNode* v = m.get(k::kVoicemail))
    if (auto b = read_bool(ctx, *v, m.path(k::kVoicemail))) p.voicemail = *b;
  if (const YNode* r = m.get(k::kAbsence))  // M8
    if (auto v = read_choice<AbsenceMode>(
            ctx, *r, m.path(k::kAbsence),
            {{"referral", AbsenceMode::Referral}, {"forward", AbsenceMode::Forward}, {"none", AbsenceMode::None}}))
      p.absence = *v;
  if (const YNode* c = m.get(k::kColleagues)) {
    if (!c->is_sequence()) {
      ctx.structure(c->pos, where(m.path(k::kColleagues)) + "expected a list of names, got " + describe(*c));
    } else {
      p.colleagues.emplace();
      for (const YNode& who : c->items)
        if (auto v = read_string(ctx, who, m.path(k::kColleagues))) p.colleagues->emplace_back(*v, who.pos);
    }
  }
  if (const YNode* s = m.get(k::kStatus))  // F2
    if (auto v = read_choice<DirectoryStatus>(ctx, *s, m.path(k::kStatus),
                                              {{"current", DirectoryStatus::Current},
                                               {"moved", DirectoryStatus::Moved},
                                               {"left", DirectoryStatus::Left}}))
      p.status = *v;
  out.push_back(std::move(p));
}

std::optional<GenerateSpec> read_generate(Ctx& ctx, const YNode& n, const std::string& path) {
  MapView m(ctx, &n, path,
            {k::kPeople, k::kManagers, k::kVoicemail, k::kMex, k::kCordless, k::kMobile, k::kForward,
             k::kNoAbsenceNotice, k::kMoved, k::kLeft});
  const YNode* people = m.require(k::kPeople);
  if (!m.valid() || people == nullptr) return std::nullopt;
  GenerateSpec g;
  g.pos = n.pos;
  const auto count = read_integer(ctx, *people, m.path(k::kPeople), 0, k::kMaxPeople, "people");
  if (!count) return std::nullopt;
  g.people = static_cast<int>(*count);
  auto share = [&](std::string_view key, double& field) {
    if (const YNode* v = m.get(key))
      if (auto p = read_number_in(ctx, *v, m.path(key), 0.0, 1.0, "share")) field = *p;
  };
  share(k::kManagers, g.managers);
  share(k::kVoicemail, g.voicemail);
  share(k::kMex, g.mex);
  share(k::kCordless, g.cordless);
  share(k::kMobile, g.mobile);
  share(k::kForward, g.forward);
  share(k::kNoAbsenceNotice, g.no_absence_notice);
  share(k::kMoved, g.moved);
  share(k::kLeft, g.left);
  auto exclusive = [&](std::string_view a, double va, std::string_view b, double vb) {
    if (va + vb > 1.0 + k::kSumTolerance)
      ctx.meaning(n.pos,
                  where(path) + fmt::format("shares {} and {} exclude each other but add up to {:g}", a, b, va + vb));
  };
  exclusive(k::kMex, g.mex, k::kCordless, g.cordless);
  exclusive(k::kForward, g.forward, k::kNoAbsenceNotice, g.no_absence_notice);
  exclusive(k::kMoved, g.moved, k::kLeft, g.left);
  return g;
}

// A unit with neither an administration nor anybody is not a unit but a change to one: an `extends` overlay
// addresses units by name, and a misspelt name ("Byglov") would otherwise become a new, half-written unit. Say
// so once, with the nearest unit name, rather than as two missing keys.
bool report_unknown_unit(Ctx& ctx, const YEntry& entry, const MapView& m, const YNode& units) {
  if (m.get(k::kAdministration) != nullptr || m.get(k::kPeople) != nullptr || m.get(k::kGenerate) != nullptr)
    return false;
  std::vector<std::string_view> names;
  for (const YEntry& other : units.entries)
    if (&other != &entry) names.push_back(other.key);
  std::string message = "unknown unit '" + entry.key +
                        "': a new unit needs 'administration' and 'people' or 'generate', and an overlay can only "
                        "change a unit its base has";
  const std::string near = did_you_mean(entry.key, names);
  if (!near.empty()) message += "; did you mean '" + near + "'?";
  ctx.structure(entry.key_pos, message);
  return true;
}

void read_unit(Ctx& ctx, const YEntry& entry, const YNode& units, const std::string& path, OrganisationSpec& out) {
  MapView m(
      ctx, &entry.value, path,
      {k::kAdministration, k::kPhoneHours, k::kAnswersSimpleQuestions, k::kDemandWeight, k::kPeople, k::kGenerate});
  if (!m.valid()) return;
  if (entry.value.is_null()) {
    ctx.structure(entry.key_pos, where(path) + "a unit needs at least 'administration' and 'people' or 'generate'");
    return;
  }
  if (report_unknown_unit(ctx, entry, m, units)) return;
  UnitSpec u;
  u.name = entry.key;
  u.pos = entry.key_pos;
  if (const YNode* a = m.require(k::kAdministration)) {
    if (auto v = read_string(ctx, *a, m.path(k::kAdministration))) u.administration = *v;
    u.administration_pos = a->pos;
  }
  if (const YNode* h = m.get(k::kPhoneHours)) u.phone_hours = read_schedule(ctx, *h, m.path(k::kPhoneHours));
  if (const YNode* q = m.get(k::kAnswersSimpleQuestions))
    if (auto v = read_bool(ctx, *q, m.path(k::kAnswersSimpleQuestions))) u.answers_simple_questions = *v;
  if (const YNode* w = m.get(k::kDemandWeight))
    u.demand_weight = read_number_in(ctx, *w, m.path(k::kDemandWeight), 0.0, HUGE_VAL);
  if (const YNode* people = m.get(k::kPeople)) {
    if (!people->is_sequence()) {
      ctx.structure(people->pos, where(m.path(k::kPeople)) + "expected a list of people, got " + describe(*people));
    } else {
      for (std::size_t i = 0; i < people->items.size(); ++i)
        read_person(ctx, people->items[i], m.path(k::kPeople) + "[" + std::to_string(i) + "]", u.people);
    }
  }
  if (const YNode* g = m.get(k::kGenerate)) u.generate = read_generate(ctx, *g, m.path(k::kGenerate));
  if (m.get(k::kPeople) == nullptr && m.get(k::kGenerate) == nullptr)
    ctx.meaning(entry.key_pos, "unit '" + u.name + "' has nobody: give 'people' or 'generate'");
  out.units.push_back(std::move(u));
}

void read_entries(Ctx& ctx, const MapView& org, OrganisationSpec& out) {
  const YNode* entries = org.get(k::kEntries);
  if (entries == nullptr) return;
  const std::string path = org.path(k::kEntries);
  if (!entries->is_map() || entries->entries.empty()) {
    ctx.structure(entries->pos, where(path) + "expected a map of entry numbers, e.g. main: {number: ..., kind: main}");
    return;
  }
  for (const YEntry& e : entries->entries) {
    const std::string epath = path + "." + e.key;
    MapView m(ctx, &e.value, epath, {k::kNumber, k::kKind, k::kGreeting});
    const YNode* kind = m.require(k::kKind);
    if (!m.valid() || kind == nullptr) continue;
    EntrySpec spec;
    spec.pos = e.key_pos;
    spec.entry.name = e.key;
    if (auto v = read_choice<EntryKind>(ctx, *kind, m.path(k::kKind),
                                        {{"main", EntryKind::Main},
                                         {"housing", EntryKind::Housing},
                                         {"auto_attendant", EntryKind::AutoAttendant},  // M6
                                         {"direct_dial", EntryKind::DirectDial}}))      // M4
      spec.entry.kind = *v;
    if (const YNode* n = m.get(k::kNumber))
      if (auto v = read_string(ctx, *n, m.path(k::kNumber))) spec.entry.number = *v;
    if (const YNode* g = m.get(k::kGreeting))  // T2
      if (auto v = read_string(ctx, *g, m.path(k::kGreeting))) spec.entry.greeting = *v;
    out.entries.push_back(std::move(spec));
  }
}

}  // namespace

void read_organisation(Ctx& ctx, const YNode* node, OrganisationSpec& out) {
  MapView m(ctx, node, std::string(k::kOrganisation),
            {k::kExtensions, k::kDirectDialPrefix, k::kDefaultColleagues, k::kEntries, k::kOnCall, k::kAdministrations,
             k::kUnits});
  if (node == nullptr) {
    ctx.structure({0, 1, 1}, "missing required section 'organisation' (administrations, units, entries)");
    return;
  }
  if (!m.valid()) return;
  out.pos = node->pos;
  if (const YNode* r = m.get(k::kExtensions)) out.extensions = read_range(ctx, *r, m.path(k::kExtensions));
  if (const YNode* p = m.get(k::kDirectDialPrefix))
    if (auto v = read_string(ctx, *p, m.path(k::kDirectDialPrefix))) out.direct_dial_prefix = *v;
  if (const YNode* c = m.get(k::kDefaultColleagues))
    if (auto v = read_integer(ctx, *c, m.path(k::kDefaultColleagues), 0, 100)) out.default_colleagues = int(*v);
  m.require(k::kEntries);
  read_entries(ctx, m, out);
  if (const YNode* oc = m.get(k::kOnCall)) {  // T4
    if (!oc->is_sequence()) {
      ctx.structure(oc->pos, where(m.path(k::kOnCall)) + "expected a list of {name, number}, got " + describe(*oc));
    } else {
      for (std::size_t i = 0; i < oc->items.size(); ++i) {
        MapView e(ctx, &oc->items[i], m.path(k::kOnCall) + "[" + std::to_string(i) + "]", {k::kName, k::kNumber});
        const YNode* name = e.require(k::kName);
        const YNode* number = e.require(k::kNumber);
        if (name == nullptr || number == nullptr) continue;
        auto n = read_string(ctx, *name, e.path(k::kName));
        auto num = read_string(ctx, *number, e.path(k::kNumber));
        if (n && num) out.on_call.push_back({*n, *num});
      }
    }
  }
  if (const YNode* admins = m.require(k::kAdministrations)) {
    const std::string path = m.path(k::kAdministrations);
    if (!admins->is_map()) {
      ctx.structure(admins->pos, where(path) + "expected a map of administrations by name, got " + describe(*admins));
    } else {
      for (const YEntry& e : admins->entries) {
        MapView a(ctx, &e.value, path + "." + e.key, {k::kExtensions});
        AdministrationSpec spec{e.key, e.key_pos, std::nullopt};
        if (const YNode* r = a.get(k::kExtensions)) spec.extensions = read_range(ctx, *r, a.path(k::kExtensions));
        out.administrations.push_back(std::move(spec));
      }
    }
  }
  if (const YNode* units = m.require(k::kUnits)) {
    const std::string path = m.path(k::kUnits);
    if (!units->is_map()) {
      ctx.structure(units->pos, where(path) + "expected a map of units by name, got " + describe(*units));
    } else {
      for (const YEntry& e : units->entries)
        read_unit(ctx, e, *units, path + "." + e.key, out);
    }
  }
}

void read_demand(Ctx& ctx, const YNode* node, DemandSpec& out, DemandRefs& refs) {
  MapView m(
      ctx, node, std::string(k::kDemand),
      {k::kCallsPerWeekday, k::kWeekdayFactor, k::kIntraday, k::kSummerFactor, k::kReducedDayFactor, k::kEntries});
  if (node != nullptr) refs.pos = node->pos;
  read_into(m, k::kCallsPerWeekday, out.calls_per_weekday, [&](const YNode& n, const std::string& p) {
    return read_number_in(ctx, n, p, 0.0, k::kMaxCallsPerWeekday, "calls per weekday");
  });
  if (const YNode* f = m.get(k::kWeekdayFactor)) {
    const std::string path = m.path(k::kWeekdayFactor);
    if (!f->is_map()) {
      ctx.structure(f->pos, where(path) + "expected a map of days to factors, e.g. {mon: 1.25}, got " + describe(*f));
    } else {
      for (const YEntry& e : f->entries) {
        const std::vector<int> days = parse_day_key(e.key);
        if (days.empty()) {
          ctx.structure(e.key_pos, where(path) + "'" + e.key + "' is not a day or day range (mon..sun, e.g. mon-fri)");
          continue;
        }
        if (auto v = read_number_in(ctx, e.value, path + "." + e.key, 0.0, k::kMaxDemandFactor, "factor"))
          for (int d : days)
            out.weekday_factor[static_cast<std::size_t>(d)] = *v;
      }
    }
  }
  MapView intraday(ctx, m.get(k::kIntraday), m.path(k::kIntraday), {k::kHourly, k::kSlots});
  intraday.exclusive({k::kHourly, k::kSlots});
  for (std::string_view key : {k::kHourly, k::kSlots}) {
    const YNode* profile = intraday.get(key);
    if (profile == nullptr || (key == k::kSlots && intraday.get(k::kHourly) != nullptr)) continue;
    const std::string path = intraday.path(key);
    const int step = key == k::kHourly ? 60 : 15;
    if (!profile->is_map()) {
      ctx.structure(profile->pos, where(path) + "expected a map of clock times to shares, e.g. {\"08:00\": 0.12}");
      continue;
    }
    std::array<double, 96> slots{};
    double sum = 0.0;
    bool ok = true;
    for (const YEntry& e : profile->entries) {
      int minute = 0;
      if (!parse_clock(e.key, minute) || minute % step != 0 || minute >= kMinutesPerDay) {
        ctx.structure(e.key_pos, where(path) + "'" + e.key + "' is not " +
                                     (step == 60 ? "a whole hour such as 08:00" : "a quarter hour such as 08:15"));
        ok = false;
        continue;
      }
      const auto share = read_number_in(ctx, e.value, path + "." + e.key, 0.0, 1.0, "share");
      if (!share) {
        ok = false;
        continue;
      }
      sum += *share;
      // An hour's share is spread evenly over its four quarter hours.
      for (int q = 0; q < step / 15; ++q)
        slots[static_cast<std::size_t>(minute / 15 + q)] += *share / (step / 15);
    }
    if (ok && check_sums_to_one(ctx, sum, profile->pos, path)) out.slot_share = slots;
  }
  read_into(m, k::kSummerFactor, out.summer_factor, [&](const YNode& n, const std::string& p) {
    return read_number_in(ctx, n, p, 0.0, k::kMaxDemandFactor, "factor");
  });
  read_into(m, k::kReducedDayFactor, out.reduced_day_factor, [&](const YNode& n, const std::string& p) {
    return read_number_in(ctx, n, p, 0.0, k::kMaxDemandFactor, "factor");
  });
  if (const YNode* entries = m.get(k::kEntries)) {
    const std::string path = m.path(k::kEntries);
    refs.entries_given = true;
    refs.pos = entries->pos;
    if (!entries->is_map()) {
      ctx.structure(entries->pos,
                    where(path) + "expected a map of entry names to {share, intent}, got " + describe(*entries));
      return;
    }
    double total = 0.0;
    bool ok = true;
    for (const YEntry& e : entries->entries) {
      const std::string epath = path + "." + e.key;
      MapView d(ctx, &e.value, epath, {k::kShare, k::kIntent});
      const YNode* share = d.require(k::kShare);
      if (!d.valid() || share == nullptr) {
        ok = false;
        continue;
      }
      EntryDemand demand;
      if (auto v = read_number_in(ctx, *share, d.path(k::kShare), 0.0, 1.0, "share"))
        demand.share = *v;
      else
        ok = false;
      total += demand.share;
      if (const YNode* intent = d.get(k::kIntent)) {
        MapView i(ctx, intent, d.path(k::kIntent), {k::kPerson, k::kUnit, k::kQuestion, k::kInternational});
        if (i.valid()) {
          demand.intent_mix = {0.0, 0.0, 0.0, 0.0};  // given keys only: a mix written out is complete
          const std::array<std::string_view, 4> names = {k::kPerson, k::kUnit, k::kQuestion, k::kInternational};
          double sum = 0.0;
          bool intent_ok = true;
          for (std::size_t x = 0; x < names.size(); ++x)
            if (const YNode* v = i.get(names[x])) {
              if (auto p = read_number_in(ctx, *v, i.path(names[x]), 0.0, 1.0, "share"))
                demand.intent_mix[x] = *p;
              else
                intent_ok = false;
              sum += demand.intent_mix[x];
            }
          if (intent_ok) check_sums_to_one(ctx, sum, intent->pos, d.path(k::kIntent));
        }
      }
      out.entries.push_back(demand);
      refs.entry_names.emplace_back(e.key, e.key_pos);
    }
    if (ok && !entries->entries.empty()) check_sums_to_one(ctx, total, entries->pos, path);
  }
}

}  // namespace vaxel::model::yaml
