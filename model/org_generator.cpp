// Building the directory from the organisation spec: explicit people first (their names and extensions are
// reserved across the whole organisation), then generated people, unit by unit in file order, so adding a unit
// at the end never renames or renumbers anyone before it.
#include "model/org_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "model/scenario_keys.hpp"
#include "model/scenario_reader.hpp"

namespace vaxel::model {

namespace {

// Common Swedish first and family names (SCB's name statistics, top of the lists). Fixed forever: changing
// them renames every generated person of every scenario.
constexpr std::array<std::string_view, 48> kFirstNames = {
    "Anna",   "Eva",    "Maria",   "Karin",  "Sara",   "Lena",    "Kerstin", "Emma",    "Malin",   "Ingrid",
    "Linnea", "Sofia",  "Elin",    "Jenny",  "Hanna",  "Annika",  "Helena",  "Johanna", "Camilla", "Ida",
    "Frida",  "Louise", "Therese", "Ulrika", "Lars",   "Mikael",  "Anders",  "Johan",   "Erik",    "Per",
    "Karl",   "Peter",  "Thomas",  "Jan",    "Daniel", "Fredrik", "Hans",    "Andreas", "Stefan",  "Magnus",
    "Mats",   "Jonas",  "Niklas",  "Oskar",  "Björn",  "Henrik",  "Patrik",  "Gustav"};
constexpr std::array<std::string_view, 48> kLastNames = {
    "Andersson",   "Johansson",  "Karlsson",   "Nilsson",   "Eriksson", "Larsson",    "Olsson",    "Persson",
    "Svensson",    "Gustafsson", "Pettersson", "Jonsson",   "Jansson",  "Hansson",    "Bengtsson", "Jönsson",
    "Lindberg",    "Jakobsson",  "Magnusson",  "Lindström", "Olofsson", "Lindqvist",  "Lindgren",  "Berg",
    "Axelsson",    "Bergström",  "Lundberg",   "Lind",      "Lundgren", "Lundqvist",  "Mattsson",  "Berglund",
    "Fredriksson", "Sandberg",   "Henriksson", "Forsberg",  "Sjöberg",  "Wallin",     "Engström",  "Eklund",
    "Danielsson",  "Lundin",     "Håkansson",  "Björk",     "Bergman",  "Gunnarsson", "Holm",      "Samuelsson"};

std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 14695981039346656037ULL) {
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::uint64_t person_hash(const std::string& unit, int index, std::string_view salt) {
  return fnv1a(salt, fnv1a(std::to_string(index) + '\x1f', fnv1a(unit + '\x1f')));
}

/// The people of a generated unit in a deterministic shuffled order for one property, so the shares of
/// different properties fall on different people.
std::vector<int> ranking(const std::string& unit, int n, std::string_view property) {
  std::vector<std::pair<std::uint64_t, int>> keyed;
  for (int i = 0; i < n; ++i)
    keyed.emplace_back(person_hash(unit, i, property), i);
  std::sort(keyed.begin(), keyed.end());
  std::vector<int> order;
  for (const auto& [h, i] : keyed)
    order.push_back(i);
  return order;
}

int count_of(double share, int n) {
  return static_cast<int>(std::llround(share * n));
}

std::string mobile_number(const std::string& unit, int index) {
  const std::uint64_t h = person_hash(unit, index, "mobile");
  return fmt::format("070-{:03} {:02} {:02}", h % 1000, (h / 1000) % 100, (h / 100000) % 100);
}

std::string range_text(const ExtensionRange& r) {
  return fmt::format("{}-{}", r.first, r.last);
}

/// Hands out extensions from one range in order, skipping those already taken.
struct Allocator {
  const ExtensionRange* range = nullptr;
  long long next = 0;

  std::optional<std::string> take(std::unordered_set<std::string>& used) {
    for (; next <= range->last; ++next) {
      std::string ext = std::to_string(next);
      if (used.insert(ext).second) {
        ++next;
        return ext;
      }
    }
    return std::nullopt;
  }
};

}  // namespace

std::string generated_name(const std::string& unit, int index, int attempt) {
  const std::uint64_t h = person_hash(unit, index, "name" + std::to_string(attempt));
  return std::string(kFirstNames[h % kFirstNames.size()]) + " " +
         std::string(kLastNames[(h >> 32) % kLastNames.size()]);
}

std::optional<Directory> build_directory(const OrganisationSpec& spec, yaml::Diagnostics& diags) {
  const std::size_t errors_before = diags.size();
  Directory dir;

  long long total = 0;
  for (const UnitSpec& u : spec.units)
    total += static_cast<long long>(u.people.size()) + (u.generate ? u.generate->people : 0);
  if (total > keys::kMaxPeople) {
    diags.error(spec.pos,
                fmt::format("the organisation has {} people; at most {} are supported", total, keys::kMaxPeople));
    return std::nullopt;
  }

  std::unordered_set<std::string> used_extensions;
  std::unordered_map<std::string, std::string> extension_owner;  // extension -> who holds it, for messages
  for (const EntrySpec& e : spec.entries) {
    EntryNumber entry = e.entry;
    entry.id = EntryId(static_cast<std::uint32_t>(dir.entries.size()));
    dir.entries.push_back(entry);
    // Short entry numbers such as 4111 (M6) live in the extension plan; no person may take them.
    if (!entry.number.empty() && used_extensions.insert(entry.number).second)
      extension_owner[entry.number] = "entry number '" + entry.name + "'";
  }
  dir.on_call = spec.on_call;

  std::unordered_map<std::string, std::size_t> admin_index;
  std::vector<std::string_view> admin_names;
  for (const AdministrationSpec& a : spec.administrations) {
    admin_index.emplace(a.name, dir.administrations.size());
    admin_names.push_back(a.name);
    dir.administrations.push_back(
        {AdministrationId(static_cast<std::uint32_t>(dir.administrations.size())), a.name, {}});
  }

  // Pass 1: units, and the names and extensions of listed people, reserved before anything is generated.
  std::unordered_map<std::string, yaml::SourcePos> listed_names;
  std::vector<int> unit_admin(spec.units.size(), -1);
  for (std::size_t ui = 0; ui < spec.units.size(); ++ui) {
    const UnitSpec& u = spec.units[ui];
    auto it = admin_index.find(u.administration);
    if (it == admin_index.end()) {
      std::string message = "unit '" + u.name + "': unknown administration '" + u.administration + "'";
      const std::string near = yaml::did_you_mean(u.administration, admin_names);
      if (!near.empty()) message += "; did you mean '" + near + "'?";
      diags.error(u.administration_pos, message);
    } else {
      unit_admin[ui] = static_cast<int>(it->second);
    }
    for (const PersonSpec& p : u.people) {
      if (auto [at, fresh] = listed_names.emplace(p.name, p.pos); !fresh)
        diags.error(p.pos, fmt::format("person '{}' is listed twice (first at line {})", p.name, at->second.line));
      if (!p.extension) continue;
      if (!used_extensions.insert(*p.extension).second) {
        diags.error(p.extension_pos, fmt::format("extension {} is given twice (already {})", *p.extension,
                                                 extension_owner[*p.extension]));
        continue;
      }
      extension_owner[*p.extension] = "'" + p.name + "'";
    }
  }
  if (diags.size() != errors_before) return std::nullopt;

  // Pass 2: people, unit by unit; extensions from the administration's range, else the scenario's.
  std::map<int, Allocator> allocators;  // by administration index; -1 = the scenario-wide range
  std::unordered_set<std::string> taken_names;
  // Per generated base name, the next number to try after it: all below are taken, so a unit of many thousand
  // people does not retry "Anna Berg 2", "Anna Berg 3", ... from the start for every person (quadratic).
  std::unordered_map<std::string, int> next_number;
  for (const auto& [name, pos] : listed_names)
    taken_names.insert(name);
  for (std::size_t ui = 0; ui < spec.units.size(); ++ui) {
    const UnitSpec& u = spec.units[ui];
    const AdministrationSpec& admin = spec.administrations[static_cast<std::size_t>(unit_admin[ui])];
    Unit unit;
    unit.id = UnitId(static_cast<std::uint32_t>(dir.units.size()));
    unit.name = u.name;
    unit.administration = AdministrationId(static_cast<std::uint32_t>(unit_admin[ui]));
    unit.phone_hours = u.phone_hours;
    unit.answers_simple_questions = u.answers_simple_questions;
    dir.administrations[static_cast<std::size_t>(unit_admin[ui])].units.push_back(unit.id);

    bool unit_failed = false;
    auto allocate = [&]() -> std::optional<std::string> {
      const int key = admin.extensions ? unit_admin[ui] : -1;
      const ExtensionRange* range = admin.extensions  ? &*admin.extensions
                                    : spec.extensions ? &*spec.extensions
                                                      : nullptr;
      if (range == nullptr) {
        if (!unit_failed)
          diags.error(u.pos, "unit '" + u.name +
                                 "': people need extensions but there is no range; set "
                                 "organisation.extensions or the administration's extensions");
        unit_failed = true;
        return std::nullopt;
      }
      auto [it, fresh] = allocators.try_emplace(key, Allocator{range, range->first});
      std::optional<std::string> ext = it->second.take(used_extensions);
      if (!ext && !unit_failed) {
        diags.error(u.pos, "unit '" + u.name + "': extension range " + range_text(*range) + " is used up");
        unit_failed = true;
      }
      return ext;
    };
    auto add_person = [&](Person p) {
      p.id = PersonId(static_cast<std::uint32_t>(dir.people.size()));
      p.unit = unit.id;
      if (p.direct_dial.empty() && !spec.direct_dial_prefix.empty() && !p.extension.empty())
        p.direct_dial = spec.direct_dial_prefix + p.extension;
      unit.people.push_back(p.id);
      dir.people.push_back(std::move(p));
    };

    for (const PersonSpec& ps : u.people) {
      Person p;
      p.name = ps.name;
      p.role = ps.role;
      p.phone = ps.phone;
      p.mobile = ps.mobile;
      p.voicemail = ps.voicemail;
      p.absence_mode = ps.absence;
      p.status = ps.status;
      if (ps.direct_dial) p.direct_dial = *ps.direct_dial;
      if (ps.extension) {
        p.extension = *ps.extension;
      } else if (auto ext = allocate()) {
        p.extension = *ext;
      }
      add_person(std::move(p));
    }

    if (u.generate) {
      const GenerateSpec& g = *u.generate;
      const int n = g.people;
      std::vector<Person> made(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        Person& p = made[static_cast<std::size_t>(i)];
        // Hashed names first; a large unit may exhaust the lists' combinations, then a number tells apart.
        for (int attempt = 0; attempt < 16 && p.name.empty(); ++attempt) {
          std::string name = generated_name(u.name, i, attempt);
          if (taken_names.insert(name).second) p.name = std::move(name);
        }
        if (p.name.empty()) {
          const std::string base = generated_name(u.name, i, 0);
          int& number = next_number.try_emplace(base, 2).first->second;
          while (!taken_names.insert(base + " " + std::to_string(number)).second)
            ++number;
          p.name = base + " " + std::to_string(number++);
        }
        p.role = i < count_of(g.managers, n) ? Role::Manager : Role::Staff;
        if (auto ext = allocate()) p.extension = *ext;
      }
      auto apply = [&](std::string_view property, std::initializer_list<std::pair<double, void (*)(Person&)>> shares) {
        const std::vector<int> order = ranking(u.name, n, property);
        std::size_t next = 0;
        for (const auto& [share, set] : shares)
          for (int k = 0; k < count_of(share, n) && next < order.size(); ++k)
            set(made[static_cast<std::size_t>(order[next++])]);
      };
      apply("voicemail", {{g.voicemail, [](Person& p) { p.voicemail = true; }}});
      apply("phone", {{g.mex, [](Person& p) { p.phone = PhoneType::Mex; }},
                      {g.cordless, [](Person& p) { p.phone = PhoneType::Cordless; }}});
      apply("absence", {{g.forward, [](Person& p) { p.absence_mode = AbsenceMode::Forward; }},
                        {g.no_absence_notice, [](Person& p) { p.absence_mode = AbsenceMode::None; }}});
      apply("status", {{g.moved, [](Person& p) { p.status = DirectoryStatus::Moved; }},
                       {g.left, [](Person& p) { p.status = DirectoryStatus::Left; }}});
      const std::vector<int> mobile_order = ranking(u.name, n, "mobile");
      for (int k = 0; k < count_of(g.mobile, n); ++k)
        made[static_cast<std::size_t>(mobile_order[static_cast<std::size_t>(k)])].mobile =
            mobile_number(u.name, mobile_order[static_cast<std::size_t>(k)]);
      for (Person& p : made)
        add_person(std::move(p));
    }
    dir.units.push_back(std::move(unit));
  }
  if (diags.size() != errors_before) return std::nullopt;

  // Colleagues (T3a, M8b): as listed, else the next ones in the unit, wrapping, who still work there.
  std::unordered_map<std::string, PersonId> by_name;
  for (const Person& p : dir.people)
    by_name.emplace(p.name, p.id);
  std::size_t person_index = 0;
  for (std::size_t ui = 0; ui < spec.units.size(); ++ui) {
    const Unit& unit = dir.units[ui];
    const std::size_t listed = spec.units[ui].people.size();
    for (std::size_t k = 0; k < unit.people.size(); ++k, ++person_index) {
      Person& p = dir.people[unit.people[k].value];
      const PersonSpec* ps = k < listed ? &spec.units[ui].people[k] : nullptr;
      if (ps != nullptr && ps->colleagues) {
        for (const auto& [name, pos] : *ps->colleagues) {
          auto it = by_name.find(name);
          if (it == by_name.end()) {
            std::string message = "'" + p.name + "': unknown colleague '" + name + "'";
            if (dir.people.size() <= 5000) {
              std::vector<std::string_view> names;
              for (const Person& q : dir.people)
                names.push_back(q.name);
              const std::string near = yaml::did_you_mean(name, names);
              if (!near.empty()) message += "; did you mean '" + near + "'?";
            }
            diags.error(pos, message);
          } else if (it->second == p.id) {
            diags.error(pos, "'" + p.name + "' cannot be their own colleague");
          } else {
            p.colleagues.push_back(it->second);
          }
        }
        continue;
      }
      const std::size_t n = unit.people.size();
      for (std::size_t step = 1; step < n && static_cast<int>(p.colleagues.size()) < spec.default_colleagues; ++step) {
        const PersonId other = unit.people[(k + step) % n];
        if (dir.people[other.value].status != DirectoryStatus::Left) p.colleagues.push_back(other);
      }
    }
  }
  if (diags.size() != errors_before) return std::nullopt;
  dir.reindex();
  return dir;
}

}  // namespace vaxel::model
