// The event trace: one JSON line per routing step of every call (`vaxel run --trace FILE`). Its lines are a
// contract: a determinism test hashes them, and docs/kpis.md explains the fields.
#pragma once

#include <fstream>
#include <string>

#include "sim/observer.hpp"

namespace vaxel::sim {

class TraceWriter : public Observer {
 public:
  /// Opens `path` for writing; throws std::runtime_error naming the file when it cannot.
  explicit TraceWriter(const std::string& path);
  void on_step(std::uint64_t call, std::uint64_t errand, const model::routing::Event& event,
               const model::routing::CallState& state, const model::routing::ActionList& actions) override;
  void on_end() override { out_.flush(); }

 private:
  std::ofstream out_;
};

}  // namespace vaxel::sim
