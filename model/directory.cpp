// Look-up indexes of the directory: by extension, name, unit name and entry name.
#include "model/directory.hpp"

namespace vaxel::model {

void Directory::reindex() {
  by_extension_.clear();
  by_name_.clear();
  by_unit_name_.clear();
  by_entry_name_.clear();
  for (const Person& p : people) {
    if (!p.extension.empty()) by_extension_.emplace(p.extension, p.id);
    by_name_.emplace(p.name, p.id);
  }
  for (const Unit& u : units)
    by_unit_name_.emplace(u.name, u.id);
  for (const EntryNumber& e : entries)
    by_entry_name_.emplace(e.name, e.id);
}

namespace {
template <class Map>
auto find_in(const Map& map, std::string_view key) -> std::optional<typename Map::mapped_type> {
  auto it = map.find(std::string(key));
  if (it == map.end()) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<PersonId> Directory::find_extension(std::string_view extension) const {
  return find_in(by_extension_, extension);
}
std::optional<PersonId> Directory::find_person(std::string_view name) const {
  return find_in(by_name_, name);
}
std::optional<UnitId> Directory::find_unit(std::string_view name) const {
  return find_in(by_unit_name_, name);
}
std::optional<EntryId> Directory::find_entry(std::string_view name) const {
  return find_in(by_entry_name_, name);
}

std::optional<EntryId> Directory::find_entry_kind(EntryKind kind) const {
  for (const EntryNumber& e : entries)
    if (e.kind == kind) return e.id;
  return std::nullopt;
}

}  // namespace vaxel::model
