// The results database: a run appended and read back gives the same KPIs and replications; listing is newest
// first and filters by scenario; a file that is not a database is a clear error. Always a temporary file.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "model/scenario_loader.hpp"
#include "sim/experiment.hpp"
#include "sim/results_db.hpp"
#include "workflow_fixture.hpp"

using namespace vaxel::sim;

namespace {
ExperimentResult small_run(const vaxel::model::Scenario& s, std::uint64_t seed) {
  RunOptions o = options_from(s);
  o.seed = seed;
  o.replications = 2;
  o.days = 2;
  o.warmup_days = 1;
  o.jobs = 2;
  o.progress = false;
  return run_experiment(s, o);
}
}  // namespace

TEST_CASE("results database: a run round-trips with its KPIs, CIs, replications and scenario text") {
  vaxel::test::TempDir dir;
  const std::string path = dir.file("nested/folder/results.sqlite");  // folders are created
  const auto s = vaxel::model::load_default_scenario();
  const ExperimentResult r = small_run(s, 3);
  std::int64_t id = 0;
  {
    ResultsDb db(path);
    id = db.append(r, s, "run");
    CHECK(id == 1);
  }
  const ResultsDb db(path);  // reopened: the schema is there already
  const auto back = db.load(id);
  REQUIRE(back.has_value());
  CHECK(back->info.command == "run");
  CHECK(back->info.scenario == s.name);
  CHECK(back->info.hash == r.hash);
  CHECK(back->info.seed == 3);
  CHECK(back->info.replications == 2);
  CHECK(back->scenario_text == s.text);
  CHECK(back->info.created_at.size() == 20);  // 2027-01-11T08:30:05Z
  REQUIRE(back->result.kpis.size() == r.kpis.size());
  for (std::size_t i = 0; i < r.kpis.size(); ++i) {
    CAPTURE(r.kpis[i].first);
    CHECK(back->result.kpis[i].first == r.kpis[i].first);
    const Estimate& a = r.kpis[i].second;
    const Estimate& b = back->result.kpis[i].second;
    CHECK(b.n == a.n);
    if (std::isnan(a.mean)) {
      CHECK(std::isnan(b.mean));
    } else {
      CHECK(b.mean == a.mean);
      CHECK(b.half_width == a.half_width);
    }
  }
  CHECK(back->result.replications == r.replications);
  CHECK_FALSE(db.load(id + 1).has_value());
}

TEST_CASE("results database: newest first, limited, filtered by scenario name") {
  vaxel::test::TempDir dir;
  const auto s = vaxel::model::load_default_scenario();
  auto other = s;
  other.name = "other";
  const ExperimentResult r = small_run(s, 1);
  ExperimentResult r2 = r;
  r2.scenario = "other";
  ResultsDb db(dir.file("r.sqlite"));
  db.append(r, s, "run");
  db.append(r2, other, "compare");
  db.append(r, s, "check");
  const auto all = db.list();
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == 3);
  CHECK(all[0].command == "check");
  CHECK(db.list(1).size() == 1);
  const auto only = db.list(0, "other");
  REQUIRE(only.size() == 1);
  CHECK(only[0].command == "compare");
}

TEST_CASE("results database: a file that is not a database is an error naming the file") {
  vaxel::test::TempDir dir;
  const std::string path = dir.file("not-a-db.sqlite");
  vaxel::test::write_text(path, std::string(4096, 'x'));
  CHECK_THROWS_AS(ResultsDb{path}, ResultsDbError);
  try {
    ResultsDb db(path);
  } catch (const ResultsDbError& e) {
    CHECK(std::string(e.what()).find(path) != std::string::npos);
  }
}

TEST_CASE("vaxel run --db stores the run, vaxel history lists it, and compare and check --baseline accept its id") {
  vaxel::test::TempDir dir;
  const std::string db = dir.file("h.sqlite");
  const std::string file = vaxel::test::write_overlay(dir, "stored", "");
  REQUIRE(vaxel::test::run_vaxel(dir, "run " + file + " -q -j 2 --db " + db).status == 0);
  auto r = vaxel::test::run_vaxel(dir, "history --json --db " + db);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["scenario"] == "stored");
  CHECK(j[0]["command"] == "run");
  // The stored run as the base of a comparison with its own file: paired and exactly zero.
  r = vaxel::test::run_vaxel(dir, "compare 1 " + file + " -q -j 2 --json --db " + db);
  REQUIRE(r.status == 0);
  const auto c = nlohmann::json::parse(r.out);
  for (const auto& k : c["kpis"])
    if (!k["differences"][0]["mean"].is_null()) CHECK(k["differences"][0]["mean"].get<double>() == 0.0);
  CHECK(vaxel::test::run_vaxel(dir, "history --json --db " + db).out.find("\"compare\"") != std::string::npos);
  // The stored run as check's baseline: paired with the same file, so no KPI can be worse.
  r = vaxel::test::run_vaxel(dir, "check " + file + " --baseline 1 --no-targets -j 2 -q --db " + db);
  CHECK(r.status == 0);
  CHECK(r.out.find("baseline stored run 1 (paired") != std::string::npos);
  CHECK(vaxel::test::run_vaxel(dir, "check " + file + " --baseline 99 --no-targets -q --db " + db).status == 2);
  CHECK(vaxel::test::run_vaxel(dir, "compare 99 " + file + " -q --db " + db).status == 2);
  CHECK(vaxel::test::run_vaxel(dir, "run " + file + " -q -j 2 --no-db --db " + dir.file("none.sqlite")).status == 0);
  CHECK_FALSE(std::filesystem::exists(dir.file("none.sqlite")));
}
