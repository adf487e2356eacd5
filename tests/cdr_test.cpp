// Tests of the call-log readers (docs/cdr.md): both formats read into the same records, every kind of bad row
// is reported with its line and skipped while the rest is used, and caller ids never leave in clear.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/scenario_loader.hpp"
#include "sim/calibration.hpp"
#include "sim/cdr.hpp"

namespace {

using namespace vaxel;
using sim::cdr::AnsweredBy;
using sim::cdr::Outcome;

const model::Scenario& org() {
  static const model::Scenario s = model::load_default_scenario();
  return s;
}

const std::string kHeader =
    "start,caller,dialled,queue_wait_s,answered_by,transferred_to,outcome,handle_s,duration_s\n";

/// The problem reported for `line`, or "" when that line was not reported bad.
std::string problem_at(const sim::cdr::ReadResult& r, int line) {
  for (const auto& b : r.bad)
    if (b.line == line) return b.problem;
  return "";
}

int exit_status_of(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("generic CDR: good rows become records with entry, wait, who answered, transfer and outcome") {
  const std::string text =
      kHeader +
      "2027-01-11T08:15:03,0701234567,0523-664000,12.5,operator,,answered_by_operator,140.2,152.7\n"
      "2027-01-11 08:16:00,0701234568,+46 523 664000,3.0,4410,4410,connected,30.1,200\n"
      "2027-01-11T08:17:00,,0523-664410,,4410,,connected,,95\n";
  const auto r = sim::cdr::read_cdr_text(text, "log.csv", org(), {});
  CHECK(r.format == sim::cdr::Format::Generic);
  CHECK(r.rows == 3);
  CHECK(r.bad_count == 0);
  REQUIRE(r.records.size() == 3);
  const auto& a = r.records[0];
  CHECK(a.line == 2);
  CHECK(org().directory.entry(a.entry).name == "main");
  CHECK(a.queued);
  CHECK(a.queue_wait_s == doctest::Approx(12.5));
  CHECK(a.answered_by == AnsweredBy::Operator);
  CHECK(a.outcome == Outcome::AnsweredByOperator);
  CHECK(*a.handle_s == doctest::Approx(140.2));
  const auto& b = r.records[1];
  CHECK(org().directory.entry(b.entry).name == "main");  // +46 prefix and spaces normalised
  CHECK(b.transferred_to == *org().directory.find_extension("4410"));
  CHECK(b.transfer_answered);
  const auto& c = r.records[2];
  CHECK(org().directory.entry(c.entry).name == "direct");  // a person's direct-dial number
  CHECK(c.caller == 0);                                    // anonymous
  CHECK_FALSE(c.queued);
  CHECK_FALSE(c.handle_s.has_value());
}

TEST_CASE("generic CDR: each kind of bad row is reported with its line number, the rest is used") {
  const std::string text =
      kHeader +
      "2027-01-11T08:15:03,0701,0523-664000,12.5,operator,,answered_by_operator,140.2,152.7\n"  // 2
      "2027-01-11T08:17:00,0702,0523-664000,3.0,operator,,answered_by_operator,30.1\n"          // 3
      "2027-01-11T25:17:00,0703,0523-664000,3.0,operator,,answered_by_operator,30.1,40\n"       // 4
      "2027-01-11T08:18:00,0704,0523-664000,-3.0,operator,,answered_by_operator,30.1,40\n"      // 5
      "2027-01-11T08:19:00,0705,0523-999999,3.0,operator,,answered_by_operator,30.1,40\n"       // 6
      "2027-01-11T08:20:00,0706,0523-664000,3.0,,9999,no_answer,30.1,40\n"                      // 7
      "2027-01-11T08:21:00,0707,0523-664000,3.0,operator,,lost,30.1,40\n"                       // 8
      "\n"                                                                                      // 9
      "2027-01-11T08:22:00,0708,0523-664000,2,operator,,message,x,40\n"                         // 10
      "2027-01-11T08:23:00,0709,0523-664000,2,operator,,message,80,40\n";                       // 11
  const auto r = sim::cdr::read_cdr_text(text, "log.csv", org(), {});
  CHECK(r.rows == 9);  // the blank line is no row
  CHECK(r.bad_count == 7);
  CHECK(r.records.size() == 2);
  CHECK(problem_at(r, 3) == "expected 9 columns as in the header, got 8");
  CHECK(problem_at(r, 4) == "start: cannot read the time '2027-01-11T25:17:00' (expected YYYY-MM-DD HH:MM:SS)");
  CHECK(problem_at(r, 5) == "queue_wait_s: negative duration -3.0");
  CHECK(problem_at(r, 6) == "dialled: unknown number dialled '0523-999999'");
  CHECK(problem_at(r, 7) == "transferred_to: unknown number '9999'");
  CHECK(problem_at(r, 8) == "outcome: unknown outcome 'lost'");
  CHECK(problem_at(r, 10) == "handle_s: 'x' is not a number of seconds");
  CHECK(r.records[1].line == 11);
  const std::string summary = r.summary();
  CHECK(summary.find("log.csv: generic format, 9 rows, 2 used, 7 bad") == 0);
  CHECK(summary.find("log.csv:5: queue_wait_s: negative duration -3.0") != std::string::npos);
}

TEST_CASE("generic CDR: bad rows beyond the listing cap are counted, not listed") {
  std::string text = kHeader;
  for (int i = 0; i < 50; ++i)
    text += "2027-01-11T08:15:03,07,0523-000000,1,operator,,answered_by_operator,1,2\n";
  sim::cdr::ReadOptions o;
  o.max_listed = 5;
  const auto r = sim::cdr::read_cdr_text(text, "log.csv", org(), o);
  CHECK(r.bad_count == 50);
  CHECK(r.bad.size() == 5);
  CHECK(r.bad.back().line == 6);
  CHECK(r.summary().find("... and 45 more bad rows") != std::string::npos);
}

TEST_CASE("generic CDR: a missing header or a missing required column is one clear problem, never a crash") {
  sim::cdr::ReadOptions generic;
  generic.format = sim::cdr::Format::Generic;
  const auto no_header = sim::cdr::read_cdr_text("2027-01-11T08:15:03,07,0523-664000\n", "x.csv", org(), generic);
  CHECK(no_header.records.empty());
  CHECK(problem_at(no_header, 1).find("needs a header line") != std::string::npos);
  const auto no_outcome = sim::cdr::read_cdr_text("start,caller,dialled,answered_by\n", "x.csv", org(), {});
  CHECK(problem_at(no_outcome, 1) == "header: required column 'outcome' missing");
  const auto empty = sim::cdr::read_cdr_text("", "x.csv", org(), {});
  CHECK(empty.rows == 0);
}

TEST_CASE("Asterisk CDR: cdr_csv rows with and without userfield, and its bad rows by line") {
  const std::string text =
      // 1: answered by the operator, userfield says everything
      R"("","0701234567","0523-664000","vaxel-queue","""Caller"" <0701234567>","SIP/trunk-00000001","SIP/operator-00000001","Queue","vaxel","2027-01-11 08:15:03","2027-01-11 08:15:15","2027-01-11 08:17:40",157,145,"ANSWERED","DOCUMENTATION","1799741703.1","outcome=answered_by_operator;wait_s=12.4;handle_s=145.3")"
      "\n"
      // 2: a plain 16-column row: transferred by the operator to 4410, who answered
      R"("","0701234568","0523-664000","from-trunk","","SIP/trunk-00000002","SIP/4410-00000002","Dial","SIP/4410,25","2027-01-11 08:20:00","2027-01-11 08:20:07","2027-01-11 08:24:00",240,233,"ANSWERED","DOCUMENTATION")"
      "\n"
      // 3: abandoned in the queue, no userfield
      R"("","0701234569","0523-664650","from-trunk","","SIP/trunk-00000003","","Queue","vaxel","2027-01-11 08:21:00","","2027-01-11 08:23:30",150,0,"NO ANSWER","DOCUMENTATION","","")"
      "\n"
      // 4: wrong column count
      R"("","0701","0523-664000","x","","SIP/trunk-4","","Queue","vaxel","2027-01-11 08:21:00","","2027-01-11 08:23:30",150,0,"NO ANSWER")"
      "\n"
      // 5: unknown disposition
      R"("","0702","0523-664000","x","","SIP/trunk-5","","Queue","vaxel","2027-01-11 08:21:00","","2027-01-11 08:23:30",150,0,"LOST","DOCUMENTATION")"
      "\n"
      // 6: negative billsec
      R"("","0703","0523-664000","x","","SIP/trunk-6","","Queue","vaxel","2027-01-11 08:21:00","","2027-01-11 08:23:30",150,-1,"NO ANSWER","DOCUMENTATION")"
      "\n"
      // 7: the end before the start
      R"("","0704","0523-664000","x","","SIP/trunk-7","","Queue","vaxel","2027-01-11 08:21:00","","2027-01-11 08:20:30",150,0,"NO ANSWER","DOCUMENTATION")"
      "\n"
      // 8: unknown number dialled
      R"("","0705","0523-111111","x","","SIP/trunk-8","","Queue","vaxel","2027-01-11 08:21:00","","2027-01-11 08:23:30",150,0,"NO ANSWER","DOCUMENTATION")"
      "\n"
      // 9: unparsable answer time
      R"("","0706","0523-664000","x","","SIP/trunk-9","SIP/operator-9","Queue","vaxel","2027-01-11 08:21:00","soon","2027-01-11 08:23:30",150,0,"ANSWERED","DOCUMENTATION")"
      "\n";
  const auto r = sim::cdr::read_cdr_text(text, "Master.csv", org(), {});
  CHECK(r.format == sim::cdr::Format::Asterisk);
  CHECK(r.rows == 9);
  REQUIRE(r.records.size() == 3);
  CHECK(r.bad_count == 6);
  CHECK(problem_at(r, 4) == "expected 16 or 18 columns (Asterisk Master.csv), got 15");
  CHECK(problem_at(r, 5) == "disposition: unknown disposition 'LOST'");
  CHECK(problem_at(r, 6) == "billsec: negative duration -1");
  CHECK(problem_at(r, 7) == "end: the call ends before it starts");
  CHECK(problem_at(r, 8) == "dst: unknown number dialled '0523-111111'");
  CHECK(problem_at(r, 9) == "answer: cannot read the time 'soon' (expected YYYY-MM-DD HH:MM:SS)");

  const auto& a = r.records[0];
  CHECK(a.outcome == Outcome::AnsweredByOperator);
  CHECK(a.answered_by == AnsweredBy::Operator);
  CHECK(a.queue_wait_s == doctest::Approx(12.4));
  CHECK(*a.handle_s == doctest::Approx(145.3));
  CHECK(a.duration_s == doctest::Approx(157));
  const auto& b = r.records[1];
  CHECK(b.outcome == Outcome::Connected);
  CHECK(b.transferred_to == *org().directory.find_extension("4410"));
  CHECK(b.transfer_answered);
  CHECK(b.queue_wait_s == doctest::Approx(7.0));  // answer - start without userfield
  const auto& c = r.records[2];
  CHECK(c.outcome == Outcome::Abandoned);
  CHECK(org().directory.entry(c.entry).name == "housing");
  CHECK(c.queue_wait_s == doctest::Approx(150.0));
}

TEST_CASE("privacy: caller ids are salted hashes; same salt same pseudonym, other salt other pseudonym") {
  const std::string row = "2027-01-11T08:15:03,0701234567,0523-664000,1,operator,,answered_by_operator,1,2\n";
  sim::cdr::ReadOptions salted;
  salted.salt = "s1";
  const auto a = sim::cdr::read_cdr_text(kHeader + row, "a.csv", org(), salted);
  const auto b = sim::cdr::read_cdr_text(kHeader + row + row, "b.csv", org(), salted);
  salted.salt = "s2";
  const auto c = sim::cdr::read_cdr_text(kHeader + row, "a.csv", org(), salted);
  REQUIRE(a.records.size() == 1);
  CHECK(a.records[0].caller == b.records[0].caller);  // linkable across logs with one salt
  CHECK(a.records[0].caller != c.records[0].caller);
  // The default salt comes from the content: the same file gives the same pseudonyms, another file others.
  const auto d1 = sim::cdr::read_cdr_text(kHeader + row, "a.csv", org(), {});
  const auto d2 = sim::cdr::read_cdr_text(kHeader + row, "a.csv", org(), {});
  const auto d3 = sim::cdr::read_cdr_text(kHeader + row + row, "b.csv", org(), {});
  CHECK(d1.records[0].caller == d2.records[0].caller);
  CHECK(d1.records[0].caller != d3.records[0].caller);
  CHECK(d1.salt_from_content);
  CHECK(sim::cdr::hash_caller("", "") != 0);
}

TEST_CASE("privacy: vaxel calibrate never writes a clear caller id to the overlay, the report or stderr") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("vaxel_cdr_privacy_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // 40 callers, each calling twice (the second after an abandoned first call), with distinctive ids.
  std::string text = kHeader;
  for (int i = 0; i < 40; ++i) {
    const std::string id = "0709" + std::to_string(100000 + i);
    const std::string t = "2027-01-1" + std::to_string(1 + i % 5) + "T" + std::to_string(10 + i % 6) + ":";
    text += t + "00:00," + id + ",0523-664000,60,,,abandoned,,60\n";
    text += t + "10:00," + id + ",0523-664000,5,operator,,answered_by_operator,120,125\n";
  }
  text += "2027-01-11T09:00:00,0709999999,0523-000000,1,operator,,answered_by_operator,1,2\n";  // a bad row
  std::ofstream(dir / "log.csv") << text;
  const std::string vaxel = VAXEL_BINARY;
  const std::string org_path = std::string(VAXEL_SOURCE_DIR) + "/scenarios/sotenas.yaml";
  const std::string cmd = vaxel + " calibrate " + (dir / "log.csv").string() + " --org " + org_path + " --out " +
                          (dir / "fitted.yaml").string() + " --report " + (dir / "fit.txt").string() + " 2> " +
                          (dir / "stderr.txt").string();
  REQUIRE(exit_status_of(cmd) == 0);
  const std::string all = slurp(dir / "fitted.yaml") + slurp(dir / "fit.txt") + slurp(dir / "stderr.txt");
  CHECK(all.find("log.csv:82: bad row: dialled: unknown number dialled '0523-000000'") != std::string::npos);
  for (int i = 0; i < 40; ++i)
    CHECK(all.find("0709" + std::to_string(100000 + i)) == std::string::npos);  // no clear id
  CHECK(all.find("0709999999") == std::string::npos);                           // not even the bad row's
  CHECK(all.find("content-derived") != std::string::npos);
  CHECK(exit_status_of(vaxel + " validate " + (dir / "fitted.yaml").string() + " > /dev/null") == 0);
  fs::remove_all(dir);
}
