// The live adapter's core: the routing core driven by JSON lines (docs/route-protocol.md), as `vaxel route`
// runs it between a real PBX and the guidelines. A LiveWorld holds what the lines tell about the world
// (presence, the switchboard's state and queue, units' phone hours); a RouteAdapter turns each input line into
// one output line: the actions of a call step, an acknowledgement, or an error naming the line and the problem.
// Built from a Scenario the caller owns, so tests construct one by hand without the YAML loader.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/routing/router.hpp"
#include "model/routing/world_view.hpp"
#include "model/scenario.hpp"

namespace vaxel::sim {

/// The world as the scenario's calendars and the live lines describe it. The switchboard's opening (T4) and the
/// units' phone hours (P4) follow the scenario's schedules unless a line overrides them (the PBX's night mode
/// is the truth live). Until told otherwise: everyone available, one free operator, an empty queue.
class LiveWorld : public model::routing::WorldView {
 public:
  explicit LiveWorld(const model::Scenario& scenario);

  const model::Directory& directory() const override { return directory_; }
  model::Presence presence(model::PersonId person) const override { return presence_.at(person.value); }
  bool switchboard_open(model::WallSeconds t) const override;
  std::string switchboard_reopen_sentence(model::WallSeconds t) const override;
  bool unit_in_phone_hours(model::UnitId unit, model::WallSeconds t) const override;
  std::optional<model::WallSeconds> next_phone_hours(model::UnitId unit, model::WallSeconds t) const override;
  std::optional<model::WallSeconds> next_return(model::PersonId person, model::WallSeconds t) const override;
  int operators_free() const override { return operators_free_; }
  int queue_length() const override { return queue_length_; }
  double expected_wait_s() const override { return expected_wait_s_; }

  void set_presence(model::PersonId person, const model::Presence& p) { presence_.at(person.value) = p; }
  /// Overrides the unit's phone hours; nullopt returns to the scenario's schedule.
  void set_unit_phone_hours(model::UnitId unit, std::optional<bool> in_hours, std::optional<model::WallSeconds> next) {
    phone_hours_override_.at(unit.value) = in_hours;
    next_hours_override_.at(unit.value) = next;
  }

  std::optional<bool> open_override;          ///< the switchboard line's "open"; unset = by opening hours
  std::optional<model::WallSeconds> reopens;  ///< with open_override false: when it opens next (T4 sentence)
  int operators_free_ = 1;
  int queue_length_ = 0;
  double expected_wait_s_ = 0.0;

 private:
  model::Directory directory_;
  model::Calendar calendar_;
  model::Schedule hours_;
  model::Schedule working_hours_;
  std::vector<model::Presence> presence_;
  std::vector<std::optional<bool>> phone_hours_override_;
  std::vector<std::optional<model::WallSeconds>> next_hours_override_;
};

class RouteAdapter {
 public:
  /// The scenario's directory and policy are copied; the scenario need not outlive the adapter.
  explicit RouteAdapter(const model::Scenario& scenario);
  RouteAdapter(const RouteAdapter&) = delete;
  RouteAdapter& operator=(const RouteAdapter&) = delete;

  /// One input line (line_no counts from 1) -> one JSON output line, without the newline.
  std::string handle_line(std::string_view line, long line_no);
  /// Reads lines until end of input, writes one response per non-blank line, flushed. Returns the number of
  /// lines answered with an error.
  int run(std::istream& in, std::ostream& out);

  [[nodiscard]] std::size_t calls_in_progress() const { return calls_.size(); }
  [[nodiscard]] const LiveWorld& world() const { return world_; }

 private:
  model::Policy policy_;
  LiveWorld world_;
  model::routing::Router router_;
  std::map<std::string, model::routing::CallState, std::less<>> calls_;
  bool last_was_error_ = false;
};

}  // namespace vaxel::sim
