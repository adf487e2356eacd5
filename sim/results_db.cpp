// The SQLite results database: schema creation, appending a run, listing and loading runs. Every statement is
// prepared with bound parameters (no SQL is built from values).
#include "sim/results_db.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <limits>

#include "model/scenario_loader.hpp"
#include "sim/metrics.hpp"
#include "vaxel/version.hpp"

namespace vaxel::sim {

namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  command TEXT NOT NULL,
  scenario TEXT NOT NULL,
  source TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  seed INTEGER NOT NULL,
  replications INTEGER NOT NULL,
  days INTEGER NOT NULL,
  warmup_days INTEGER NOT NULL,
  vaxel_version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kpis (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  kpi TEXT NOT NULL,
  mean REAL, low REAL, high REAL, half_width REAL,
  n INTEGER NOT NULL,
  PRIMARY KEY (run_id, kpi)
);
CREATE TABLE IF NOT EXISTS replication_kpis (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  replication INTEGER NOT NULL,
  kpi TEXT NOT NULL,
  value REAL,
  PRIMARY KEY (run_id, replication, kpi)
);
CREATE TABLE IF NOT EXISTS replications (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  replication INTEGER NOT NULL,
  result_json TEXT NOT NULL,
  PRIMARY KEY (run_id, replication)
);
CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs(scenario, id);
)sql";

// A prepared statement that finalises itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& path) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int i, const std::string& v) { check(sqlite3_bind_text(stmt_, i, v.c_str(), -1, SQLITE_TRANSIENT)); }
  void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
  void bind_real(int i, double v) {
    check(std::isfinite(v) ? sqlite3_bind_double(stmt_, i, v) : sqlite3_bind_null(stmt_, i));
  }
  /// Steps once: true while a row is available.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail("step");
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  [[nodiscard]] std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t != nullptr ? reinterpret_cast<const char*>(t) : "";
  }
  [[nodiscard]] std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  [[nodiscard]] double real(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                          : sqlite3_column_double(stmt_, col);
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail("bind");
  }
  [[noreturn]] void fail(const char* what) {
    throw ResultsDbError(fmt::format("results database {}: {} failed: {}", path_, what, sqlite3_errmsg(db_)));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string path_;
};

void exec(sqlite3* db, const char* sql, const std::string& path) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err != nullptr ? err : "unknown error";
    sqlite3_free(err);
    throw ResultsDbError(fmt::format("results database {}: {}", path, msg));
  }
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

StoredRunInfo info_from(const Statement& s) {
  StoredRunInfo i;
  i.id = s.integer(0);
  i.created_at = s.text(1);
  i.command = s.text(2);
  i.scenario = s.text(3);
  i.source = s.text(4);
  i.hash = s.text(5);
  i.seed = static_cast<std::uint64_t>(s.integer(6));
  i.replications = static_cast<int>(s.integer(7));
  i.days = static_cast<int>(s.integer(8));
  i.warmup_days = static_cast<int>(s.integer(9));
  i.version = s.text(10);
  return i;
}

constexpr const char* kInfoColumns =
    "id, created_at, command, scenario, source, scenario_hash, seed, replications, days, warmup_days, vaxel_version";

}  // namespace

ResultsDb::ResultsDb(const std::string& path) : path_(path) {
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec)
      throw ResultsDbError(
          fmt::format("results database {}: cannot create {}: {}", path, parent.string(), ec.message()));
  }
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw ResultsDbError(fmt::format("results database {}: cannot open: {}", path, msg));
  }
  try {
    sqlite3_busy_timeout(db_, 10000);  // several vaxel processes may append at once
    exec(db_, "PRAGMA foreign_keys = ON;", path_);
    Statement version(db_, "PRAGMA user_version;", path_);
    const std::int64_t found = version.step() ? version.integer(0) : 0;
    if (found > kSchemaVersion)
      throw ResultsDbError(fmt::format("results database {}: schema version {} is newer than this vaxel's {}", path,
                                       found, kSchemaVersion));
    exec(db_, kSchema, path_);
    exec(db_, "PRAGMA user_version = 1;", path_);
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

ResultsDb::~ResultsDb() {
  sqlite3_close(db_);
}

std::int64_t ResultsDb::append(const ExperimentResult& r, const model::Scenario& scenario, const std::string& command) {
  exec(db_, "BEGIN IMMEDIATE;", path_);
  try {
    Statement run(
        db_,
        "INSERT INTO runs (created_at, command, scenario, source, scenario_hash, scenario_text, seed, "
        "replications, days, warmup_days, vaxel_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);",
        path_);
    run.bind(1, utc_now());
    run.bind(2, command);
    run.bind(3, r.scenario);
    run.bind(4, r.source);
    run.bind(5, r.hash);
    run.bind(6, scenario.text);
    run.bind(7, static_cast<std::int64_t>(r.options.seed));
    run.bind(8, static_cast<std::int64_t>(r.options.replications));
    run.bind(9, static_cast<std::int64_t>(r.options.days));
    run.bind(10, static_cast<std::int64_t>(r.options.warmup_days));
    run.bind(11, std::string(kVersion));
    run.step();
    const std::int64_t id = sqlite3_last_insert_rowid(db_);

    Statement kpi(db_,
                  "INSERT INTO kpis (run_id, kpi, mean, low, high, half_width, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                  path_);
    for (const auto& [name, e] : r.kpis) {
      kpi.reset();
      kpi.bind(1, id);
      kpi.bind(2, name);
      kpi.bind_real(3, e.mean);
      kpi.bind_real(4, e.low());
      kpi.bind_real(5, e.high());
      kpi.bind_real(6, e.half_width);
      kpi.bind(7, static_cast<std::int64_t>(e.n));
      kpi.step();
    }
    Statement value(db_, "INSERT INTO replication_kpis (run_id, replication, kpi, value) VALUES (?1, ?2, ?3, ?4);",
                    path_);
    Statement whole(db_, "INSERT INTO replications (run_id, replication, result_json) VALUES (?1, ?2, ?3);", path_);
    for (std::size_t i = 0; i < r.replications.size(); ++i) {
      const nlohmann::json& rep = r.replications[i];
      for (const KpiInfo& k : kpi_catalogue()) {
        const nlohmann::json& v = rep.at("kpis").at(k.name);
        value.reset();
        value.bind(1, id);
        value.bind(2, static_cast<std::int64_t>(i));
        value.bind(3, std::string(k.name));
        value.bind_real(4, v.is_number() ? v.get<double>() : std::numeric_limits<double>::quiet_NaN());
        value.step();
      }
      whole.reset();
      whole.bind(1, id);
      whole.bind(2, static_cast<std::int64_t>(i));
      whole.bind(3, rep.dump());
      whole.step();
    }
    exec(db_, "COMMIT;", path_);
    return id;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK;", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<StoredRunInfo> ResultsDb::list(int limit, const std::string& scenario) const {
  const std::string sql =
      fmt::format("SELECT {} FROM runs WHERE (?1 = '' OR scenario = ?1) ORDER BY id DESC LIMIT ?2;", kInfoColumns);
  Statement s(db_, sql.c_str(), path_);
  s.bind(1, scenario);
  s.bind(2, static_cast<std::int64_t>(limit > 0 ? limit : -1));
  std::vector<StoredRunInfo> out;
  while (s.step())
    out.push_back(info_from(s));
  return out;
}

std::optional<StoredRun> ResultsDb::load(std::int64_t id) const {
  const std::string sql = fmt::format("SELECT {}, scenario_text FROM runs WHERE id = ?1;", kInfoColumns);
  Statement s(db_, sql.c_str(), path_);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  StoredRun run;
  run.info = info_from(s);
  run.scenario_text = s.text(11);
  ExperimentResult& r = run.result;
  r.scenario = run.info.scenario;
  r.source = fmt::format("stored run {}", id);
  r.hash = run.info.hash;
  r.options.seed = run.info.seed;
  r.options.replications = run.info.replications;
  r.options.days = run.info.days;
  r.options.warmup_days = run.info.warmup_days;
  r.options.progress = false;

  Statement kpis(db_, "SELECT kpi, mean, half_width, n FROM kpis WHERE run_id = ?1;", path_);
  kpis.bind(1, id);
  std::vector<std::pair<std::string, Estimate>> found;
  while (kpis.step()) {
    Estimate e;
    e.mean = kpis.real(1);
    e.half_width = kpis.real(2);
    e.n = static_cast<int>(kpis.integer(3));
    found.emplace_back(kpis.text(0), e);
  }
  for (const KpiInfo& k : kpi_catalogue())  // catalogue order, as run_experiment gives it
    for (const auto& [name, e] : found)
      if (name == k.name) r.kpis.emplace_back(name, e);

  Statement reps(db_, "SELECT result_json FROM replications WHERE run_id = ?1 ORDER BY replication;", path_);
  reps.bind(1, id);
  while (reps.step())
    r.replications.push_back(nlohmann::json::parse(reps.text(0)));
  return run;
}

}  // namespace vaxel::sim
