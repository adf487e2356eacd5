// A scenario: everything one simulated switchboard needs, as loaded and validated from a YAML file
// (sections as in design.md: calendar, switchboard, organisation, presence, demand, callers, policy,
// targets, run). Loading lives in scenario_loader.hpp; this header is only the data.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/calendar.hpp"
#include "model/directory.hpp"
#include "model/distribution.hpp"
#include "model/policy.hpp"
#include "model/schedule.hpp"

namespace vaxel::model {

/// One switchboard operator (telefonist) and when they sit at the switchboard. Breaks (lunch) are gaps in the
/// shift's intervals; two operators cover each other's lunch by having different gaps.
struct OperatorSpec {
  std::string name;
  Schedule shift;
};

/// How long an operator is busy with one task, by task type, in seconds (domain.md: lognormal, CV about 1).
struct HandleTimes {
  Distribution transfer_s = Distribution::lognormal(35.0, 1.0);        ///< greet, find, transfer
  Distribution referral_s = Distribution::lognormal(75.0, 1.0);        ///< tell return time, offer options
  Distribution message_s = Distribution::lognormal(75.0, 1.0);         ///< take a message
  Distribution answer_s = Distribution::lognormal(150.0, 1.0);         ///< answer a simple question directly
  Distribution international_s = Distribution::lognormal(120.0, 1.0);  ///< order an international call (U1)
  Distribution wrap_up_s = Distribution::constant(0.0);                ///< after every task
};

struct SwitchboardSpec {
  Schedule hours;  ///< opening hours; outside them the closed message runs (T4)
  std::vector<OperatorSpec> operators;
  int trunk_lines = 30;  ///< simultaneous calls the trunk carries; the next caller hears busy
  HandleTimes handle;
};

/// How a role spends the working day (domain.md: staff state at work). Shares of working time, in [0, 1].
struct RolePresence {
  double meeting = 0.20;            ///< in meetings
  double on_call = 0.08;            ///< busy on other calls
  double out = 0.12;                ///< out of the office (site visits, errands)
  double absent_day = 0.10;         ///< chance of being absent the whole day (sick, leave)
  double absent_day_summer = 0.30;  ///< the same inside summer periods (vacation)
  Distribution meeting_s = Distribution::lognormal(3600.0, 0.5);    ///< length of one meeting, seconds
  Distribution out_s = Distribution::lognormal(5400.0, 0.6);        ///< length of one absence from the desk
  Distribution other_call_s = Distribution::lognormal(240.0, 1.0);  ///< length of one other call
};

struct PresenceSpec {
  Schedule working_hours;  ///< staff office hours (flexible hours averaged), lunch a gap
  RolePresence staff;
  RolePresence manager;
  double answer_probability = 0.95;            ///< chance a present, free person picks up within the ring timeout
  double referral_accuracy = 0.9;              ///< chance a hänvisning's return time is kept (M3)
  double voicemail_check_interval_s = 3600.0;  ///< how often voicemail is listened to (M5, V3)
  Distribution callback_delay_s = Distribution::lognormal(3.0 * 3600.0, 1.0);  ///< message to callback
};

/// What callers want (design.md): a named person, a unit or function, a simple question, an international call.
enum class Intent { Person, Unit, Question, International };

/// Share of the day's calls that come in on one entry number, and what those callers want.
struct EntryDemand {
  EntryId entry;
  double share = 0.0;                                          ///< of all calls; entries sum to 1
  std::array<double, 4> intent_mix = {0.55, 0.30, 0.15, 0.0};  ///< by Intent; sums to 1
};

struct DemandSpec {
  double calls_per_weekday = 80.0;  ///< mean new errands on an ordinary weekday (domain.md: 55-110)
  std::array<double, 7> weekday_factor = {1.25, 1.05, 0.95, 0.95, 0.80, 0.0, 0.0};  ///< Monday first
  std::array<double, 96> slot_share{};  ///< share of a day's calls in each 15-minute slot; sums to 1
  double summer_factor = 1.15;          ///< demand multiplier inside summer periods
  double reduced_day_factor = 0.7;      ///< demand multiplier on reduced-hours days
  std::vector<EntryDemand> entries;     ///< by entry number
  std::vector<double> unit_weight;      ///< relative demand per unit (by UnitId); empty = by head count
};

/// A caller's second try: with this probability, after this delay.
struct RedialRule {
  double probability = 0.0;
  Distribution delay_s = Distribution::constant(0.0);
};

struct CallerSpec {
  Distribution patience_s = Distribution::exponential(216.0);  ///< time a caller waits in queue (mean 3.6 min)
  double accept_colleague = 0.6;   ///< takes a colleague in the same unit when offered (T3a)
  double accept_message = 0.5;     ///< leaves a message when offered (T3c)
  double accept_voicemail = 0.4;   ///< goes to voicemail when offered (T3c, M9)
  double accept_callback = 0.375;  ///< accepts a callback instead of waiting (domain.md: 62.5 % decline)
  RedialRule after_abandon{0.6, Distribution::lognormal(300.0, 1.0)};
  RedialRule after_no_answer{0.7, Distribution::lognormal(2700.0, 1.0)};
  RedialRule after_referral{0.8, Distribution::uniform(0.0, 1800.0)};  ///< delay counted from the return time
  RedialRule after_mobile{0.9, Distribution::lognormal(60.0, 0.5)};    ///< dials the mobile number given (MO4)
  RedialRule after_closed{0.8, Distribution::constant(0.0)};           ///< delay counted from the next opening
  RedialRule after_busy{0.7, Distribution::lognormal(600.0, 1.0)};
  RedialRule after_broken_promise{0.7, Distribution::lognormal(3600.0, 1.0)};  ///< promised callback not kept
  int max_attempts_per_day = 3;
  double next_day = 0.5;  ///< chance to try again the next working day after the last attempt
};

enum class Comparison { AtLeast, AtMost };

/// A target a scenario promises, e.g. `one_call_resolution >= 0.9`.
struct Target {
  std::string kpi;  ///< a KPI name from docs/kpis.md
  Comparison op = Comparison::AtLeast;
  double value = 0.0;
};

struct RunSpec {
  Date start{2027, 1, 11};  ///< first simulated day
  int days = 28;            ///< simulated days after warm-up
  int warmup_days = 7;      ///< discarded days before `start` + ... (carry-over of redials)
  int replications = 10;
  std::uint64_t seed = 1;
  double service_level_s = 20.0;  ///< answered within this many seconds counts as good service (T1, G2)
};

struct Scenario {
  std::string name;  ///< from `name:` or the file name
  std::string description;
  std::string source;  ///< the file it came from (or "sotenas.yaml (built in)")
  std::string text;    ///< the effective YAML after `extends:` merging, for hashing and storing
  Calendar calendar;
  SwitchboardSpec switchboard;
  Directory directory;
  PresenceSpec presence;
  DemandSpec demand;
  CallerSpec callers;
  Policy policy;
  std::vector<Target> targets;
  RunSpec run;
};

}  // namespace vaxel::model
