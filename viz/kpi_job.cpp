// The background experiment for the KPI panel (see kpi_job.hpp).
#include "viz/kpi_job.hpp"

namespace vaxel::viz {

KpiJob::KpiJob(const model::Scenario& scenario, const sim::RunOptions& options) : options_(options) {
  options_.progress = false;  // stderr belongs to the user, not to a background job
  options_.trace_path.clear();
  // The scenario is copied into the thread: knobs may change the app's copy while the experiment runs.
  thread_ = std::thread([this, scenario] {
    try {
      result_ = sim::run_experiment(scenario, options_);
    } catch (const std::exception& e) {
      error_ = e.what();
    }
    done_.store(true, std::memory_order_release);
  });
}

KpiJob::~KpiJob() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace vaxel::viz
