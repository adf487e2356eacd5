// Synthetic call detail records from a simulation run (`vaxel run --cdr-out FILE`): an Observer that follows
// each call's routing steps and operator tasks and writes one row per call when it ends, in either format of
// docs/cdr.md. The caller id is a pseudonym derived from the errand number, so a caller who calls again
// appears again under the same id, as in a real log.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <unordered_map>

#include "model/scenario.hpp"
#include "sim/cdr.hpp"
#include "sim/observer.hpp"

namespace vaxel::sim {

class CdrWriter : public Observer {
 public:
  /// Opens `path` and writes the header (generic format); throws std::runtime_error naming the file.
  CdrWriter(const std::string& path, cdr::Format format, const model::Scenario& scenario);

  void on_step(std::uint64_t call, std::uint64_t errand, const model::routing::Event& event,
               const model::routing::CallState& state, const model::routing::ActionList& actions) override;
  void on_operator_task(std::uint64_t call, model::routing::OperatorTaskKind task, model::WallSeconds start_s,
                        double busy_s) override;
  void on_call_end(const CallSummary& call) override;
  void on_end() override { out_.flush(); }

 private:
  /// What a call log learns about a call while it runs.
  struct Track {
    double first_answer_s = -1.0;  ///< operator or person picked up first (Asterisk `answer`)
    bool operator_answered = false;
    bool segment_done = false;  ///< the operator released the call the first time (transfer or end)
    bool count_tasks = false;   ///< tasks of the current step still belong to the first segment
    double handle_s = 0.0;      ///< operator talk time in the first segment
    model::PersonId transfer;   ///< the operator's first transfer
    bool awaiting_transfer = false;
    bool transfer_answered = false;
    bool ring_direct = false;  ///< an extension was rung straight from the dialled number
    model::PersonId rung;      ///< the last extension rung
  };

  void write_generic(const CallSummary& call, const Track& t);
  void write_asterisk(const CallSummary& call, const Track& t);
  [[nodiscard]] std::string dialled(const CallSummary& call) const;
  [[nodiscard]] std::string extension(model::PersonId p) const;

  std::ofstream out_;
  cdr::Format format_;
  const model::Scenario& scenario_;
  std::unordered_map<std::uint64_t, Track> calls_;
};

}  // namespace vaxel::sim
