// Stored results: every run of vaxel run, compare, sweep and check is appended to an embedded SQLite database,
// so a planner can find last week's numbers and CI can compare against a stored run by its id. A stored run
// keeps the scenario's effective text and hash, seed, replications, days, version and time, every KPI with its
// CI, and each replication's full results (so a stored run can be the base of a paired comparison).
//
// Schema (PRAGMA user_version = 1):
//   runs(id, created_at, command, scenario, source, scenario_hash, scenario_text, seed, replications, days,
//        warmup_days, vaxel_version)
//   kpis(run_id, kpi, mean, low, high, half_width, n)                 -- one row per KPI of the catalogue
//   replication_kpis(run_id, replication, kpi, value)                 -- NULL when the KPI had no data
//   replications(run_id, replication, result_json)                    -- the replication's whole JSON
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/scenario.hpp"
#include "sim/experiment.hpp"

struct sqlite3;

namespace vaxel::sim {

/// A database that cannot be opened, created or written; what() names the file and SQLite's message.
class ResultsDbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One stored run, as `vaxel history` lists it.
struct StoredRunInfo {
  std::int64_t id = 0;
  std::string created_at;  ///< UTC, ISO 8601 ("2027-01-11T08:30:05Z")
  std::string command;     ///< "run", "compare", "sweep", "check", ...
  std::string scenario;
  std::string source;
  std::string hash;
  std::uint64_t seed = 0;
  int replications = 0;
  int days = 0;
  int warmup_days = 0;
  std::string version;
};

/// A stored run read back: the info, the scenario text, and the result with its replications.
struct StoredRun {
  StoredRunInfo info;
  std::string scenario_text;
  ExperimentResult result;
};

class ResultsDb {
 public:
  /// Opens (creating the file, its folder and the schema when missing). Throws ResultsDbError.
  explicit ResultsDb(const std::string& path);
  ~ResultsDb();
  ResultsDb(const ResultsDb&) = delete;
  ResultsDb& operator=(const ResultsDb&) = delete;

  /// Appends one run in a single transaction and returns its id.
  std::int64_t append(const ExperimentResult& result, const model::Scenario& scenario, const std::string& command);
  /// The newest runs first, at most `limit` (0 = all), optionally only those of one scenario name.
  [[nodiscard]] std::vector<StoredRunInfo> list(int limit = 0, const std::string& scenario = "") const;
  /// One run by id, or nullopt when there is none.
  [[nodiscard]] std::optional<StoredRun> load(std::int64_t id) const;

  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace vaxel::sim
