// Small value-type identifiers for the things the switchboard deals with. A PersonId can never be passed
// where a UnitId is expected, and no identifier is a bare int (style.md, after Box2D's id.h).
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace vaxel::model {

/// A dense index into one table of the model (people, units, ...). Tag makes each kind its own type.
template <class Tag>
struct Id {
  static constexpr std::uint32_t kInvalid = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t value = kInvalid;  ///< index into the owning table; kInvalid when unset

  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t v) : value(v) {}
  [[nodiscard]] constexpr bool valid() const { return value != kInvalid; }
  constexpr auto operator<=>(const Id&) const = default;
};

using AdministrationId = Id<struct AdministrationTag>;  ///< a förvaltning or company
using UnitId = Id<struct UnitTag>;                      ///< an avdelning / unit inside an administration
using PersonId = Id<struct PersonTag>;                  ///< a reachable employee
using OperatorId = Id<struct OperatorTag>;              ///< a switchboard operator (telefonist)
using EntryId = Id<struct EntryTag>;                    ///< an entry number callers dial (main, housing, 4111 ...)
using CallId = Id<struct CallTag>;                      ///< one call attempt
using ErrandId = Id<struct ErrandTag>;                  ///< one caller's errand, possibly over several calls (G4)

}  // namespace vaxel::model

template <class Tag>
struct std::hash<vaxel::model::Id<Tag>> {
  std::size_t operator()(vaxel::model::Id<Tag> id) const noexcept { return std::hash<std::uint32_t>{}(id.value); }
};
