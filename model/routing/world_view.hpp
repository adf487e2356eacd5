// The routing core's read-only window on the world: the directory, each person's presence, whether the
// switchboard and a unit's phone hours are open, and the switchboard's queue. The simulator implements it
// over its own state and the scenario's schedules, the live adapter over the lines it is fed, tests over a
// small fake. The core never changes the world; it only reads it when a decision is due.
#pragma once

#include <optional>
#include <string>

#include "model/directory.hpp"
#include "model/ids.hpp"
#include "model/presence.hpp"
#include "model/time.hpp"

namespace vaxel::model::routing {

class WorldView {
 public:
  WorldView() = default;
  WorldView(const WorldView&) = default;
  WorldView& operator=(const WorldView&) = default;
  virtual ~WorldView() = default;

  [[nodiscard]] virtual const Directory& directory() const = 0;
  /// Where the person is now (M8: hänvisning, forward, off duty ...).
  [[nodiscard]] virtual Presence presence(PersonId person) const = 0;

  /// The switchboard's opening hours at t (T4).
  [[nodiscard]] virtual bool switchboard_open(WallSeconds t) const = 0;
  /// The opening-hours sentence of the closed message at t, e.g. "We open again Monday 11 January at 08:00."
  /// Called only when a message is rendered to text, never by the router.
  [[nodiscard]] virtual std::string switchboard_reopen_sentence(WallSeconds t) const = 0;

  /// Whether t is inside the unit's phone hours (telefontid, P1-P4); true for a unit without phone hours.
  [[nodiscard]] virtual bool unit_in_phone_hours(UnitId unit, WallSeconds t) const = 0;
  /// The next start of the unit's phone hours after t (P4, T3b), if any.
  [[nodiscard]] virtual std::optional<WallSeconds> next_phone_hours(UnitId unit, WallSeconds t) const = 0;
  /// When an off-duty person is next at work by their working hours (T3b when there is no hänvisning).
  [[nodiscard]] virtual std::optional<WallSeconds> next_return(PersonId person, WallSeconds t) const = 0;

  [[nodiscard]] virtual int operators_free() const = 0;      ///< operators on shift and idle now
  [[nodiscard]] virtual int queue_length() const = 0;        ///< calls waiting for an operator now
  [[nodiscard]] virtual double expected_wait_s() const = 0;  ///< a new caller's expected wait in the queue
};

}  // namespace vaxel::model::routing
