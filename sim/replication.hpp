// One replication of a scenario on SimGrid: the story of every caller, operator and person over the run,
// with the routing core deciding each step, and the KPIs of the measured window as JSON.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/scenario.hpp"

namespace vaxel::sim {

class Observer;

struct ReplicationSpec {
  std::uint64_t seed = 1;            ///< the run's seed; replication r uses stream r of every source
  int replication = 0;               ///< index r
  int warmup_days = 7;               ///< simulated before the measured window, not counted
  int days = 28;                     ///< the measured window
  int drain_days = 2;                ///< simulated after it, so the window's errands can end (redials, callbacks)
  std::string trace_path;            ///< write the event trace here as JSON lines; empty = none
  std::vector<Observer*> observers;  ///< told of every step, call end and tick (sim/observer.hpp); not owned
  double tick_s = 0.0;               ///< Observer::on_tick every this many simulated seconds; 0 = never
};

/// Runs one replication. Creates this process's SimGrid engine: call it once per process (sim/workers.hpp).
[[nodiscard]] nlohmann::json run_replication(const model::Scenario& scenario, const ReplicationSpec& spec);

}  // namespace vaxel::sim
