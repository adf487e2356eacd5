// Watching a replication from outside without touching its logic: the event trace, synthetic call detail
// records, and the live view all implement this interface. The simulator calls it at each routing step,
// at the end of each call, and every `tick_s` of simulated time with the whole switchboard to look at.
#pragma once

#include <cstdint>
#include <vector>

#include "model/ids.hpp"
#include "model/presence.hpp"
#include "model/routing/actions.hpp"
#include "model/routing/call.hpp"
#include "model/routing/events.hpp"
#include "model/scenario.hpp"

namespace vaxel::sim {

/// One finished call, as a call detail record would have it. Times are wall-clock seconds.
struct CallSummary {
  std::uint64_t call = 0;    ///< the run's call number
  std::uint64_t errand = 0;  ///< the errand's stable number (its caller, pseudonymously)
  int attempt = 1;           ///< 1 for the errand's first call
  model::WallSeconds arrival_s = 0.0;
  model::WallSeconds end_s = 0.0;
  model::EntryId entry;  ///< number dialled
  model::Intent intent = model::Intent::Person;
  model::PersonId person;  ///< sought person
  model::UnitId unit;      ///< sought unit
  bool queued = false;     ///< waited for an operator
  bool answered_by_operator = false;
  double wait_s = 0.0;  ///< queue wait until an operator answered or the caller left
  model::routing::CallOutcome outcome;
};

/// What an operator is doing now.
enum class OperatorState : std::uint8_t { OffShift, Idle, Busy };

/// The switchboard at one moment, for the live view.
struct Snapshot {
  model::WallSeconds t = 0.0;
  int queue_length = 0;
  int lines_in_use = 0;
  int trunk_lines = 0;
  bool open = false;
  std::vector<OperatorState> operators;
  std::vector<double> waiting_s;               ///< how long each queued caller has waited, longest first
  std::vector<model::PresenceState> presence;  ///< by person
  std::vector<model::ReferralReason> reasons;  ///< by person, meaningful for Referral
};

class Observer {
 public:
  Observer() = default;
  Observer(const Observer&) = default;
  Observer& operator=(const Observer&) = default;
  virtual ~Observer() = default;

  /// One routing step of a call: the event fed and the actions that came back.
  virtual void on_step(std::uint64_t /*call*/, std::uint64_t /*errand*/, const model::routing::Event& /*event*/,
                       const model::routing::CallState& /*state*/, const model::routing::ActionList& /*actions*/) {}
  /// An operator worked on a call: task `task` from wall time `start_s` for `busy_s` seconds (handle time plus
  /// wrap-up). Call detail records need it: a PBX logs the operator's talk time before a transfer.
  virtual void on_operator_task(std::uint64_t /*call*/, model::routing::OperatorTaskKind /*task*/,
                                model::WallSeconds /*start_s*/, double /*busy_s*/) {}
  /// A call ended.
  virtual void on_call_end(const CallSummary& /*call*/) {}
  /// Every tick_s of simulated time (see ReplicationSpec), the switchboard as it is.
  virtual void on_tick(const Snapshot& /*snapshot*/) {}
  /// The replication ended; flush what is buffered.
  virtual void on_end() {}
};

}  // namespace vaxel::sim
