// The scenario loader as a planner meets it: the default scenario, extends overlays, generated organisations,
// and one exact `file:line:col: error: message` per mistake in tests/fixtures/invalid/.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "model/org_generator.hpp"
#include "model/scenario_loader.hpp"

using namespace vaxel::model;

namespace {

const std::string kRoot = std::string(VAXEL_SOURCE_DIR) + "/";

std::string fixture(const std::string& name) {
  return kRoot + "tests/fixtures/" + name;
}

/// The diagnostics of loading a fixture, with the repository root cut off the file names.
std::vector<std::string> errors_of(const std::string& path) {
  try {
    (void)load_scenario_file(path);
  } catch (const ScenarioError& e) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : e.diagnostics) {
      std::string line = d.str();
      if (line.rfind(kRoot, 0) == 0) line.erase(0, kRoot.size());
      lines.push_back(line);
    }
    return lines;
  }
  return {};
}

struct Expected {
  const char* fixture;
  std::vector<std::string> lines;
};

const std::string kInv = "tests/fixtures/invalid/";

// One entry per file in tests/fixtures/invalid/; the test below fails when a fixture has no entry.
const std::vector<Expected> kInvalid = {
    {"bad_date.yaml", {kInv + "bad_date.yaml:3:10: error: 'run.start': expected a date YYYY-MM-DD, got '2027-02-30'"}},
    {"bad_day_key.yaml",
     {kInv + "bad_day_key.yaml:4:40: error: 'switchboard.hours.weekly': 'sun-sat' is not a day or day range "
             "(mon..sun, e.g. mon-fri)"}},
    {"bad_offer.yaml",
     {kInv + "bad_offer.yaml:3:28: error: 'policy.offer_order[1]': expected one of colleague, return_time, message, "
             "voicemail, got 'voicemial'; did you mean 'voicemail'?"}},
    {"base_with_error.yaml",
     {kInv + "base_with_error.yaml:4:16: error: 'run.warmup_days': value -1 is outside [0, 3660]"}},
    {"cycle_a.yaml",
     {kInv + "cycle_b.yaml:1:10: error: 'extends' makes a cycle: " + kRoot + kInv + "cycle_a.yaml -> " + kRoot + kInv +
      "cycle_b.yaml -> " + kRoot + kInv + "cycle_a.yaml"}},
    {"cycle_b.yaml",
     {kInv + "cycle_a.yaml:1:10: error: 'extends' makes a cycle: " + kRoot + kInv + "cycle_b.yaml -> " + kRoot + kInv +
      "cycle_a.yaml -> " + kRoot + kInv + "cycle_b.yaml"}},
    {"days_zero.yaml", {kInv + "days_zero.yaml:3:9: error: 'run.days': value 0 is outside [1, 3660]"}},
    {"duplicate_extension.yaml",
     {kInv + "duplicate_extension.yaml:7:36: error: extension 1000 is given twice (already 'Anna Ek')"}},
    {"duplicate_key.yaml", {kInv + "duplicate_key.yaml:4:3: error: duplicate key 'days' (first given at line 3)"}},
    {"duplicate_operator.yaml", {kInv + "duplicate_operator.yaml:5:7: error: operator 'Op 1' is listed twice"}},
    {"entry_shares_not_one.yaml",
     {kInv + "entry_shares_not_one.yaml:7:5: error: 'demand.entries': shares add up to 0.8, not 1"}},
    {"exclusive_keys.yaml",
     {kInv + "exclusive_keys.yaml:5:5: error: 'slots' cannot be given together with 'hourly' ('hourly', 'slots' "
             "exclude each other)"}},
    {"extends_base_error.yaml",
     {kInv + "base_with_error.yaml:4:16: error: 'run.warmup_days': value -1 is outside [0, 3660]"}},
    {"extends_missing.yaml",
     {kInv + "extends_missing.yaml:1:10: error: cannot read the extended file '" + kRoot + kInv +
      "no_such_base.yaml'"}},
    {"generate_exclusive_shares.yaml",
     {kInv + "generate_exclusive_shares.yaml:5:17: error: 'organisation.units.Unit B.generate': shares mex and "
             "cordless exclude each other but add up to 1.2"}},
    {"interval_backwards.yaml",
     {kInv + "interval_backwards.yaml:4:24: error: 'switchboard.hours.weekly.mon-fri': interval 16:00-08:00 ends "
             "before it starts"}},
    {"intraday_not_one.yaml",
     {kInv + "intraday_not_one.yaml:5:7: error: 'demand.intraday.hourly': shares add up to 0.9, not 1"}},
    {"missing_key_in_map.yaml",
     {kInv + "missing_key_in_map.yaml:4:14: error: missing required key 'kind' in 'organisation.entries.housing'"}},
    {"missing_shift.yaml",
     {kInv + "missing_shift.yaml:4:7: error: missing required key 'shift' in 'switchboard.operators[0]'"}},
    {"missing_switchboard.yaml",
     {kInv + "missing_switchboard.yaml:1:1: error: missing required section 'switchboard' (hours and operators)"}},
    {"negative_rate.yaml",
     {kInv + "negative_rate.yaml:3:22: error: 'demand.calls_per_weekday': calls per weekday -5 is outside [0, "
             "1e+06]"}},
    {"not_a_map.yaml",
     {kInv + "not_a_map.yaml:1:1: error: a scenario file is a map of sections (calendar:, switchboard:, ...)"}},
    {"overlapping_shift.yaml",
     {kInv + "overlapping_shift.yaml:6:43: error: 'switchboard.operators[0].shift.weekly.mon-fri': intervals "
             "08:00-12:00 and 11:30-13:00 overlap"}},
    {"probability_out_of_range.yaml",
     {kInv + "probability_out_of_range.yaml:4:16: error: 'callers.accept.colleague': probability 1.5 is outside "
             "[0, 1]"}},
    {"range_used_up.yaml",
     {"tests/fixtures/valid/minimal.yaml:19:5: error: unit 'Unit B': extension range 1000-1003 is used up"}},
    {"replications_zero.yaml",
     {kInv + "replications_zero.yaml:3:17: error: 'run.replications': value 0 is outside [1, 10000]"}},
    {"self_colleague.yaml", {kInv + "self_colleague.yaml:6:59: error: 'Anna Ek' cannot be their own colleague"}},
    {"summer_backwards.yaml",
     {kInv + "summer_backwards.yaml:4:30: error: 'calendar.summer[0]': summer period ends (2027-06-28) before it "
             "starts (2027-08-08)"}},
    {"three_errors.yaml",
     {kInv + "three_errors.yaml:3:16: error: 'switchboard.trunk_lines': value -1 is outside [1, 100000]",
      kInv + "three_errors.yaml:5:13: error: 'callers.next_day': probability 2 is outside [0, 1]",
      kInv + "three_errors.yaml:7:9: error: 'run.seed': expected a whole number, got 'lots'"}},
    {"too_many_calls.yaml",
     {kInv + "too_many_calls.yaml:3:22: error: 'demand.calls_per_weekday': calls per weekday 2e+06 is outside [0, "
             "1e+06]"}},
    {"too_many_days.yaml", {kInv + "too_many_days.yaml:3:9: error: 'run.days': value 5000 is outside [1, 3660]"}},
    {"too_many_people.yaml",
     {kInv + "too_many_people.yaml:5:26: error: 'organisation.units.Unit B.generate.people': people 250000 is "
             "outside [0, 200000]"}},
    {"uniform_backwards.yaml",
     {kInv + "uniform_backwards.yaml:4:76: error: 'callers.redial.after_referral.delay_s.uniform': max 0 is below "
             "min 1800"}},
    {"unknown_administration.yaml",
     {kInv + "unknown_administration.yaml:5:23: error: unit 'Unit B': unknown administration 'Admn'; did you mean "
             "'Adm'?"}},
    {"unknown_colleague.yaml",
     {kInv + "unknown_colleague.yaml:6:59: error: 'Anna Ek': unknown colleague 'Bo Eck'; did you mean 'Bo Ek'?"}},
    {"unknown_distribution.yaml",
     {kInv + "unknown_distribution.yaml:4:40: error: unknown key 'cvv' in "
             "'switchboard.handle_times.transfer_s.lognormal'; did you mean 'cv'?"}},
    {"unknown_entry.yaml",
     {kInv + "unknown_entry.yaml:4:5: error: 'demand.entries': unknown entry number 'mian'; did you mean 'main'?"}},
    {"unknown_key.yaml",
     {kInv + "unknown_key.yaml:3:3: error: unknown key 'trunk_line' in 'switchboard'; did you mean 'trunk_lines'?"}},
    {"unknown_kpi.yaml",
     {kInv + "unknown_kpi.yaml:3:5: error: 'targets[0]': unknown KPI 'one_call_resolutoin'; did you mean "
             "'one_call_resolution'?"}},
    {"unknown_section.yaml", {kInv + "unknown_section.yaml:2:1: error: unknown key 'demnad'; did you mean 'demand'?"}},
    {"unknown_unit.yaml",
     {kInv + "unknown_unit.yaml:4:5: error: unknown unit 'Unit Bb': a new unit needs 'administration' and 'people' "
             "or 'generate', and an overlay can only change a unit its base has; did you mean 'Unit B'?"}},
    {"wrong_type_bool.yaml",
     {kInv + "wrong_type_bool.yaml:3:23: error: 'policy.transfer_to_mobile': expected true or false, got "
             "'sometimes'"}},
    {"wrong_type_integer.yaml",
     {kInv + "wrong_type_integer.yaml:3:16: error: 'switchboard.trunk_lines': expected a whole number, got 'many'"}},
    {"yaml_syntax.yaml", {kInv + "yaml_syntax.yaml:4:7: error: YAML syntax: end of sequence flow not found"}},
};

int exit_status_of(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const Unit& unit_named(const Scenario& s, const std::string& name) {
  const std::optional<UnitId> id = s.directory.find_unit(name);
  REQUIRE(id.has_value());
  return s.directory.unit(*id);
}

}  // namespace

TEST_CASE("every invalid fixture gives exactly its file:line:col: error: message lines") {
  for (const Expected& e : kInvalid) {
    CAPTURE(e.fixture);
    CHECK(errors_of(fixture(std::string("invalid/") + e.fixture)) == e.lines);
  }
}

TEST_CASE("every file in tests/fixtures/invalid has an expected diagnostic, and there are at least 25") {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(fixture("invalid")))
    files.insert(entry.path().filename().string());
  std::set<std::string> covered;
  for (const Expected& e : kInvalid)
    covered.insert(e.fixture);
  CHECK(files == covered);
  CHECK(files.size() >= 25);
}

TEST_CASE("all errors of a file are reported at once, sorted by position: three mistakes give three lines") {
  try {
    (void)load_scenario_file(fixture("invalid/three_errors.yaml"));
    FAIL("loaded");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics.size() == 3);
    const std::string what = e.what();
    CHECK(std::count(what.begin(), what.end(), '\n') == 2);
    CHECK(e.diagnostics[0].line < e.diagnostics[1].line);
    CHECK(e.diagnostics[1].line < e.diagnostics[2].line);
  }
}

TEST_CASE("T2, M6: the default Sotenäs scenario has about 200 people and a greeting per entry number") {
  const Scenario s = load_default_scenario();
  CHECK(s.name == "sotenas");
  CHECK(s.source == "sotenas.yaml (built in)");
  CHECK(s.directory.people.size() >= 180);
  CHECK(s.directory.people.size() <= 220);
  CHECK(s.directory.administrations.size() == 5);
  const auto main = s.directory.find_entry_kind(EntryKind::Main);
  const auto housing = s.directory.find_entry_kind(EntryKind::Housing);
  const auto attendant = s.directory.find_entry_kind(EntryKind::AutoAttendant);
  REQUIRE(main);
  REQUIRE(housing);
  REQUIRE(attendant);
  CHECK(s.directory.entry(*main).greeting == "Hej och välkommen till Sotenäs kommun");
  CHECK(s.directory.entry(*main).number == "0523-664000");
  CHECK(s.directory.entry(*housing).greeting == "Sotenäs Bostäder");
  CHECK(s.directory.entry(*attendant).number == "4111");
  CHECK_FALSE(s.directory.find_extension("4111"));  // the attendant's number is no one's extension
  CHECK(s.directory.on_call.size() == 2);           // T4
}

TEST_CASE("P1-P4: the default scenario's phone hours, operators and demand are as domain.md says") {
  const Scenario s = load_default_scenario();
  const Unit& bygglov = unit_named(s, "Bygglov");
  REQUIRE(bygglov.phone_hours.has_value());
  CHECK(bygglov.phone_hours->weekly.on(Weekday::Monday) == DayHours{{9 * 60, 10 * 60}});
  CHECK(s.directory.administration(bygglov.administration).name == "Samhällsbyggnadsförvaltningen");
  CHECK(unit_named(s, "Servicecenter").answers_simple_questions);
  CHECK_FALSE(unit_named(s, "Ekonomi").answers_simple_questions);

  REQUIRE(s.switchboard.operators.size() == 2);
  CHECK(s.switchboard.hours.weekly.on(Weekday::Friday) == DayHours{{8 * 60, 16 * 60}});
  CHECK(s.switchboard.hours.weekly.on(Weekday::Saturday).empty());
  CHECK(s.switchboard.operators[0].shift.weekly.on(Weekday::Monday) ==
        DayHours{{8 * 60, 12 * 60}, {12 * 60 + 45, 16 * 60}});
  CHECK(s.switchboard.operators[1].shift.weekly.on(Weekday::Monday) ==
        DayHours{{9 * 60, 11 * 60}, {11 * 60 + 45, 12 * 60 + 45}, {13 * 60, 15 * 60}});
  CHECK(s.switchboard.handle.transfer_s.expected() == doctest::Approx(35.0));

  CHECK(s.demand.calls_per_weekday == 80.0);
  CHECK(std::accumulate(s.demand.slot_share.begin(), s.demand.slot_share.end(), 0.0) == doctest::Approx(1.0));
  CHECK(s.demand.slot_share[8 * 4] == doctest::Approx(0.03));  // 12 % of 08-09 over four quarter hours
  CHECK(s.demand.slot_share[12 * 4 + 3] == doctest::Approx(0.0175));
  CHECK(s.demand.slot_share[16 * 4] == 0.0);
  double share = 0.0;
  for (const EntryDemand& e : s.demand.entries)
    share += e.share;
  CHECK(share == doctest::Approx(1.0));
  CHECK(s.directory.entry(s.demand.entries[0].entry).kind == EntryKind::Main);
  CHECK(s.demand.entries[0].intent_mix == std::array<double, 4>{0.55, 0.30, 0.15, 0.0});

  CHECK(s.policy.offer_order ==
        std::vector<OfferKind>{OfferKind::Colleague, OfferKind::ReturnTime, OfferKind::Message, OfferKind::Voicemail});
  CHECK_FALSE(s.policy.transfer_to_mobile);  // MO4
  CHECK_FALSE(s.policy.queue_capacity.has_value());
  CHECK(s.targets.size() == 4);
  CHECK(s.run.start == Date{2027, 1, 11});
  CHECK(weekday_of(s.run.start) == Weekday::Monday);
  CHECK(s.run.days == 28);
  CHECK(s.run.replications == 10);
  CHECK(s.calendar.kind_of(Date{2027, 5, 7}) == DayKind::Closure);  // the klämdag
  CHECK(s.calendar.is_summer(to_day_number(Date{2027, 7, 1})));
  CHECK_FALSE(s.calendar.is_summer(to_day_number(Date{2027, 8, 9})));
}

TEST_CASE("T3a: generated people have unique extensions and names, and colleagues in their own unit") {
  const Scenario s = load_default_scenario();
  std::set<std::string> extensions;
  std::set<std::string> names;
  for (const Person& p : s.directory.people) {
    CHECK(extensions.insert(p.extension).second);
    CHECK(names.insert(p.name).second);
    CHECK(p.direct_dial == "0523-66" + p.extension);  // M4
    CHECK(s.directory.find_extension(p.extension) == p.id);
    for (PersonId c : p.colleagues)
      CHECK(s.directory.person(c).unit == p.unit);
  }
  const Unit& bygglov = unit_named(s, "Bygglov");
  const Person& eva = s.directory.person(*s.directory.find_person("Eva Bergkvist"));
  CHECK(eva.role == Role::Manager);
  REQUIRE(eva.colleagues.size() == 1);  // listed colleagues replace the default
  CHECK(s.directory.person(eva.colleagues[0]).name == "Jonas Hedlund");
  CHECK(bygglov.people.size() == 7);
  CHECK(s.directory.person(bygglov.people[2]).colleagues.size() == 5);  // the default cap
}

TEST_CASE("generated organisations are deterministic and their shares are exact counts") {
  const Scenario a = load_scenario_file(fixture("valid/minimal.yaml"));
  const Scenario b = load_scenario_file(fixture("valid/minimal.yaml"));
  REQUIRE(a.directory.people.size() == 6);
  for (std::size_t i = 0; i < a.directory.people.size(); ++i) {
    CHECK(a.directory.people[i].name == b.directory.people[i].name);
    CHECK(a.directory.people[i].extension == b.directory.people[i].extension);
    CHECK(a.directory.people[i].voicemail == b.directory.people[i].voicemail);
  }
  CHECK(scenario_hash(a) == scenario_hash(b));
  const Unit& unit_b = unit_named(a, "Unit B");
  int voicemail = 0;
  for (PersonId id : unit_b.people)
    voicemail += a.directory.person(id).voicemail ? 1 : 0;
  CHECK(voicemail == 2);  // voicemail: 0.5 of 4 people
  // Extensions continue the range in order after those listed by hand.
  CHECK(a.directory.person(unit_b.people[0]).extension == "1002");
  CHECK(a.directory.person(unit_b.people[3]).extension == "1005");
  CHECK(generated_name("Unit B", 0, 0) == a.directory.person(unit_b.people[0]).name);
}

TEST_CASE("a unit given as counts and shares: 45 people, 20 % managers, 60 % voicemail, 10 % MEX, the same twice") {
  const std::string text =
      "extends: minimal.yaml\n"
      "organisation: {units: {Unit B: {generate: {people: 45, managers: 0.2, voicemail: 0.6, mex: 0.1}}}}\n";
  const Scenario a = load_scenario_text(text, "counts.yaml", fixture("valid"));
  const Scenario b = load_scenario_text(text, "counts.yaml", fixture("valid"));
  const Unit& unit_b = unit_named(a, "Unit B");
  REQUIRE(unit_b.people.size() == 45);
  int managers = 0;
  int voicemail = 0;
  int mex = 0;
  for (PersonId id : unit_b.people) {
    const Person& p = a.directory.person(id);
    managers += p.role == Role::Manager ? 1 : 0;
    voicemail += p.voicemail ? 1 : 0;
    mex += p.phone == PhoneType::Mex ? 1 : 0;
  }
  CHECK(managers == 9);    // 0.2 x 45
  CHECK(voicemail == 27);  // 0.6 x 45
  CHECK(mex == 5);         // 0.1 x 45 = 4.5, rounded half away from zero
  REQUIRE(b.directory.people.size() == a.directory.people.size());
  for (std::size_t i = 0; i < a.directory.people.size(); ++i) {
    const Person& pa = a.directory.people[i];
    const Person& pb = b.directory.people[i];
    CHECK(pa.name == pb.name);
    CHECK(pa.extension == pb.extension);
    CHECK(pa.role == pb.role);
    CHECK(pa.voicemail == pb.voicemail);
    CHECK(pa.phone == pb.phone);
    CHECK(pa.mobile == pb.mobile);
  }
}

TEST_CASE("a large generated organisation stays unique without a 50,000-line file") {
  const std::string text =
      "switchboard: {hours: {weekly: {mon-fri: [\"08:00-16:00\"]}}, operators: [{name: A, shift: {weekly: "
      "{mon-fri: [\"08:00-16:00\"]}}}]}\n"
      "organisation:\n  extensions: {first: 10000, last: 99999}\n  entries: {main: {kind: main}}\n"
      "  administrations: {Big: {}}\n"
      "  units:\n    U1: {administration: Big, generate: {people: 20000, mobile: 0.5}}\n"
      "    U2: {administration: Big, generate: {people: 5000}}\n";
  const Scenario s = load_scenario_text(text, "big.yaml", ".");
  REQUIRE(s.directory.people.size() == 25000);
  std::set<std::string> names;
  std::set<std::string> extensions;
  for (const Person& p : s.directory.people) {
    names.insert(p.name);
    extensions.insert(p.extension);
  }
  CHECK(names.size() == 25000);
  CHECK(extensions.size() == 25000);
  CHECK(s.directory.people.back().extension == "34999");
}

TEST_CASE("extends: maps merge deeply, lists are replaced, a unit is addressed by its name") {
  const Scenario base = load_scenario_file(fixture("valid/minimal.yaml"));
  const Scenario s = load_scenario_file(fixture("valid/overlay.yaml"));
  CHECK(s.name == "overlay");
  // switchboard.hours comes from the base; the operators list is the overlay's, whole.
  CHECK(s.switchboard.hours.weekly.on(Weekday::Monday) == DayHours{{8 * 60, 16 * 60}});
  REQUIRE(s.switchboard.operators.size() == 2);
  CHECK(s.switchboard.operators[0].shift.weekly.on(Weekday::Monday).size() == 2);
  // Only Unit B changed: its phone hours; its generator and administration come from the base.
  const Unit& unit_b = unit_named(s, "Unit B");
  REQUIRE(unit_b.phone_hours.has_value());
  CHECK(unit_b.phone_hours->weekly.on(Weekday::Tuesday) == DayHours{{9 * 60, 10 * 60}});
  CHECK(unit_b.people.size() == 4);
  CHECK_FALSE(unit_named(s, "Unit A").phone_hours.has_value());
  CHECK(s.directory.people.size() == base.directory.people.size());
  CHECK(s.run.seed == 7);
  CHECK(s.run.days == base.run.days);
  CHECK(scenario_hash(s) != scenario_hash(base));
  CHECK(s.text.find("extends") == std::string::npos);
}

TEST_CASE("extends: a list is replaced whole, also by a shorter one, while the map around it merges") {
  // minimal.yaml lists Anna Ek and Bo Ek in Unit A. Merged element by element, a one-person list would keep Bo Ek
  // (and Anna Ek's other keys); replaced whole, Unit A has exactly the overlay's one person.
  const std::string text =
      "extends: minimal.yaml\n"
      "organisation: {units: {Unit A: {people: [{name: Cecilia Ek, extension: \"1000\"}]}}}\n";
  const Scenario s = load_scenario_text(text, "shorter.yaml", fixture("valid"));
  const Unit& unit_a = unit_named(s, "Unit A");
  REQUIRE(unit_a.people.size() == 1);
  CHECK(s.directory.person(unit_a.people[0]).name == "Cecilia Ek");
  CHECK_FALSE(s.directory.find_person("Bo Ek").has_value());
  CHECK_FALSE(s.directory.find_person("Anna Ek").has_value());
  CHECK(s.directory.administration(unit_a.administration).name == "Adm");  // the unit's other keys are the base's
  CHECK(unit_named(s, "Unit B").people.size() == 4);                       // the other unit is untouched
}

TEST_CASE("extends chains: each link adds to the one before") {
  const Scenario s = load_scenario_file(fixture("valid/chain.yaml"));
  CHECK(s.name == "chain");
  CHECK(s.run.seed == 7);          // from overlay.yaml
  CHECK(s.run.replications == 3);  // from chain.yaml
  CHECK(s.switchboard.operators.size() == 2);
  CHECK(unit_named(s, "Unit C").people.size() == 2);
  CHECK(unit_named(s, "Unit B").phone_hours.has_value());
}

TEST_CASE("load_scenario_text resolves extends from base_dir, and `key: ~` restores a default") {
  const std::string text =
      "extends: minimal.yaml\norganisation: {units: {Unit B: {phone_hours: ~}}}\nrun: {days: ~, seed: 3}\n";
  const Scenario s = load_scenario_text(text, "inline.yaml", fixture("valid"));
  CHECK(s.name == "minimal");  // `name:` of the base: the text says none
  CHECK(s.run.seed == 3);
  CHECK(s.run.days == RunSpec{}.days);
  CHECK_FALSE(unit_named(s, "Unit B").phone_hours.has_value());
}

TEST_CASE("Scenario::text is the effective scenario: loading it again gives the same scenario") {
  const Scenario s = load_scenario_file(fixture("valid/chain.yaml"));
  const Scenario again = load_scenario_text(s.text, "chain.yaml", ".");
  CHECK(again.text == s.text);
  CHECK(scenario_hash(again) == scenario_hash(s));
  CHECK(again.directory.people.size() == s.directory.people.size());
  CHECK(again.text.find("\"0100\"") != std::string::npos);  // a quoted number stays text
}

TEST_CASE("an unreadable file is an error naming the file") {
  const std::string path = fixture("no_such_file.yaml");
  try {
    (void)load_scenario_file(path);
    FAIL("loaded");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(std::string(e.what()) == path + ": error: cannot read the file");
  }
}

TEST_CASE("intraday profiles: explicit quarter-hour slots, and targets written as maps") {
  const std::string text =
      "extends: minimal.yaml\n"
      "demand:\n  intraday:\n    slots: {\"08:00\": 0.25, \"08:15\": 0.25, \"08:30\": 0.5}\n"
      "targets:\n  - {kpi: abandoned, op: \"<=\", value: 0.05}\n  - mean_wait_s<=30\n";
  const Scenario s = load_scenario_text(text, "slots.yaml", fixture("valid"));
  CHECK(s.demand.slot_share[32] == 0.25);
  CHECK(s.demand.slot_share[34] == 0.5);
  CHECK(s.demand.slot_share[35] == 0.0);
  REQUIRE(s.targets.size() == 2);
  CHECK(s.targets[0].kpi == "abandoned");
  CHECK(s.targets[0].op == Comparison::AtMost);
  CHECK(s.targets[1].kpi == "mean_wait_s");
  CHECK(s.targets[1].value == 30.0);
}

TEST_CASE("the scenario hash is stable: comments do not change it, values do") {
  const std::string base = "extends: minimal.yaml\nrun: {seed: 3}\n";
  const Scenario a = load_scenario_text(base, "a.yaml", fixture("valid"));
  const Scenario b = load_scenario_text("# a comment\n" + base, "b.yaml", fixture("valid"));
  const Scenario c = load_scenario_text("extends: minimal.yaml\nrun: {seed: 4}\n", "c.yaml", fixture("valid"));
  CHECK(scenario_hash(a).size() == 16);
  CHECK(scenario_hash(a) == scenario_hash(b));
  CHECK(scenario_hash(a) != scenario_hash(c));
  Scenario fixed;
  fixed.text = "a";
  CHECK(scenario_hash(fixed) == "af63dc4c8601ec8c");  // FNV-1a 64 of "a"
}

TEST_CASE("distributions: bare numbers are constants, and each kind describes itself with its mean") {
  CHECK(Distribution::lognormal(35, 1).describe() == "lognormal(mean 35, cv 1)");
  CHECK(Distribution::uniform(0, 1800).expected() == 900.0);
  CHECK(Distribution::exponential(216).describe() == "exponential(mean 216)");
  Distribution e;
  e.kind = DistributionKind::Empirical;
  e.values = {1, 2, 6};
  CHECK(e.expected() == 3.0);
  CHECK(e.describe() == "empirical(3 values, mean 3)");
  const Scenario s = load_default_scenario();
  CHECK(s.switchboard.handle.wrap_up_s.describe() == "constant(0)");
  CHECK(s.callers.after_referral.delay_s.describe() == "uniform(0, 1800)");
}

TEST_CASE("vaxel validate: exit 0 and a summary for good files, exit 2 and file:line:col for a bad one") {
  const std::string vaxel = VAXEL_BINARY;
  CHECK(exit_status_of(vaxel + " validate > /dev/null") == 0);
  CHECK(exit_status_of(vaxel + " validate " + fixture("valid/minimal.yaml") + " > /dev/null") == 0);
  CHECK(exit_status_of(vaxel + " validate " + fixture("invalid/three_errors.yaml") + " 2> /dev/null") == 2);
  CHECK(exit_status_of(vaxel + " validate " + fixture("valid/minimal.yaml") + " " +
                       fixture("invalid/unknown_key.yaml") + " > /dev/null 2>&1") == 2);
}

TEST_CASE("docs/scenario.md documents every key the loader accepts (model/scenario_keys.hpp)") {
  auto read = [](const std::string& path) {
    std::ifstream in(kRoot + path);
    REQUIRE_MESSAGE(in.good(), path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  // Every word written in `inline code` in the reference, e.g. `{from, to}` gives "from" and "to".
  const std::string doc = read("docs/scenario.md");
  std::set<std::string> documented;
  const std::regex code("`([^`\\n]*)`");
  const std::regex word("[a-z_0-9]+");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), code); it != std::sregex_iterator(); ++it) {
    const std::string span = (*it)[1];
    for (auto w = std::sregex_iterator(span.begin(), span.end(), word); w != std::sregex_iterator(); ++w)
      documented.insert(w->str());
  }
  // The loader reads keys only through these constants, so this is the set of accepted keys.
  const std::string keys = read("model/scenario_keys.hpp");
  const std::regex key_constant("std::string_view k\\w+ = \"([a-z_]+)\"");
  int count = 0;
  for (auto it = std::sregex_iterator(keys.begin(), keys.end(), key_constant); it != std::sregex_iterator(); ++it) {
    const std::string key = (*it)[1];
    CAPTURE(key);
    CHECK(documented.count(key) == 1);
    ++count;
  }
  CHECK(count > 100);
}
