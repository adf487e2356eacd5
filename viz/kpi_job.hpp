// The confidence intervals behind the KPI panel: a small experiment (sim::run_experiment, R replications in
// forked workers) on a background thread, so the UI keeps drawing while it runs. The UI polls ready(); the
// result is written once by the thread and read only after ready() turned true (the atomic orders it).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "model/scenario.hpp"
#include "sim/experiment.hpp"

namespace vaxel::viz {

class KpiJob {
 public:
  KpiJob(const model::Scenario& scenario, const sim::RunOptions& options);
  /// Joins the thread: the experiment cannot be cancelled, so a job being replaced is kept until it ends
  /// (the app retires it instead of destroying it on the UI thread).
  ~KpiJob();
  KpiJob(const KpiJob&) = delete;
  KpiJob& operator=(const KpiJob&) = delete;

  [[nodiscard]] bool ready() const { return done_.load(std::memory_order_acquire); }
  [[nodiscard]] const sim::ExperimentResult& result() const { return result_; }  ///< only when ready()
  [[nodiscard]] const std::string& error() const { return error_; }              ///< only when ready()
  [[nodiscard]] const sim::RunOptions& options() const { return options_; }

 private:
  sim::RunOptions options_;
  sim::ExperimentResult result_;
  std::string error_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace vaxel::viz
