// Every key name a scenario file may use, in one place, so the loader, its "did you mean" suggestions, the
// documentation (docs/scenario.md) and the tests agree on spelling. Also the KPI names a target may name and
// the size limits a scenario may not exceed.
#pragma once

#include <array>
#include <string_view>

namespace vaxel::model::keys {

// Top level: the sections of design.md.
inline constexpr std::string_view kName = "name";
inline constexpr std::string_view kDescription = "description";
inline constexpr std::string_view kExtends = "extends";
inline constexpr std::string_view kCalendar = "calendar";
inline constexpr std::string_view kSwitchboard = "switchboard";
inline constexpr std::string_view kOrganisation = "organisation";
inline constexpr std::string_view kPresence = "presence";
inline constexpr std::string_view kDemand = "demand";
inline constexpr std::string_view kCallers = "callers";
inline constexpr std::string_view kPolicy = "policy";
inline constexpr std::string_view kTargets = "targets";
inline constexpr std::string_view kRun = "run";

// calendar:
inline constexpr std::string_view kClosures = "closures";
inline constexpr std::string_view kSummer = "summer";
inline constexpr std::string_view kDate = "date";
inline constexpr std::string_view kFrom = "from";
inline constexpr std::string_view kTo = "to";

// A schedule (hours, shifts, phone hours, working hours).
inline constexpr std::string_view kWeekly = "weekly";
inline constexpr std::string_view kReducedDayClose = "reduced_day_close";
inline constexpr std::string_view kHolidays = "holidays";
inline constexpr std::string_view kExceptions = "exceptions";
inline constexpr std::string_view kHours = "hours";
inline constexpr std::string_view kReason = "reason";
inline constexpr std::string_view kClosed = "closed";  // a value: no hours at all

// switchboard:
inline constexpr std::string_view kOperators = "operators";
inline constexpr std::string_view kShift = "shift";
inline constexpr std::string_view kTrunkLines = "trunk_lines";
inline constexpr std::string_view kHandleTimes = "handle_times";
inline constexpr std::string_view kTransferS = "transfer_s";
inline constexpr std::string_view kReferralS = "referral_s";
inline constexpr std::string_view kMessageS = "message_s";
inline constexpr std::string_view kAnswerS = "answer_s";
inline constexpr std::string_view kInternationalS = "international_s";
inline constexpr std::string_view kWrapUpS = "wrap_up_s";

// organisation:
inline constexpr std::string_view kExtensions = "extensions";
inline constexpr std::string_view kFirst = "first";
inline constexpr std::string_view kLast = "last";
inline constexpr std::string_view kDirectDialPrefix = "direct_dial_prefix";
inline constexpr std::string_view kDefaultColleagues = "default_colleagues";
inline constexpr std::string_view kEntries = "entries";
inline constexpr std::string_view kNumber = "number";
inline constexpr std::string_view kKind = "kind";
inline constexpr std::string_view kGreeting = "greeting";
inline constexpr std::string_view kOnCall = "on_call";
inline constexpr std::string_view kAdministrations = "administrations";
inline constexpr std::string_view kUnits = "units";
inline constexpr std::string_view kAdministration = "administration";
inline constexpr std::string_view kPhoneHours = "phone_hours";
inline constexpr std::string_view kAnswersSimpleQuestions = "answers_simple_questions";
inline constexpr std::string_view kDemandWeight = "demand_weight";
inline constexpr std::string_view kPeople = "people";
inline constexpr std::string_view kGenerate = "generate";
// a person
inline constexpr std::string_view kExtension = "extension";
inline constexpr std::string_view kDirectDial = "direct_dial";
inline constexpr std::string_view kRole = "role";
inline constexpr std::string_view kPhone = "phone";
inline constexpr std::string_view kMobile = "mobile";
inline constexpr std::string_view kVoicemail = "voicemail";
inline constexpr std::string_view kAbsence = "absence";
inline constexpr std::string_view kColleagues = "colleagues";
inline constexpr std::string_view kStatus = "status";
// generate: shares of the unit's people
inline constexpr std::string_view kManagers = "managers";
inline constexpr std::string_view kMex = "mex";
inline constexpr std::string_view kCordless = "cordless";
inline constexpr std::string_view kForward = "forward";
inline constexpr std::string_view kNoAbsenceNotice = "no_absence_notice";
inline constexpr std::string_view kMoved = "moved";
inline constexpr std::string_view kLeft = "left";

// presence:
inline constexpr std::string_view kWorkingHours = "working_hours";
inline constexpr std::string_view kStaff = "staff";
inline constexpr std::string_view kManager = "manager";
inline constexpr std::string_view kMeeting = "meeting";
inline constexpr std::string_view kOut = "out";
inline constexpr std::string_view kAbsentDay = "absent_day";
inline constexpr std::string_view kAbsentDaySummer = "absent_day_summer";
inline constexpr std::string_view kMeetingS = "meeting_s";
inline constexpr std::string_view kOutS = "out_s";
inline constexpr std::string_view kOtherCallS = "other_call_s";
inline constexpr std::string_view kAnswerProbability = "answer_probability";
inline constexpr std::string_view kReferralAccuracy = "referral_accuracy";
inline constexpr std::string_view kVoicemailCheckIntervalS = "voicemail_check_interval_s";
inline constexpr std::string_view kCallbackDelayS = "callback_delay_s";

// demand:
inline constexpr std::string_view kCallsPerWeekday = "calls_per_weekday";
inline constexpr std::string_view kWeekdayFactor = "weekday_factor";
inline constexpr std::string_view kIntraday = "intraday";
inline constexpr std::string_view kHourly = "hourly";
inline constexpr std::string_view kSlots = "slots";
inline constexpr std::string_view kSummerFactor = "summer_factor";
inline constexpr std::string_view kReducedDayFactor = "reduced_day_factor";
inline constexpr std::string_view kShare = "share";
inline constexpr std::string_view kIntent = "intent";
inline constexpr std::string_view kPerson = "person";
inline constexpr std::string_view kUnit = "unit";
inline constexpr std::string_view kQuestion = "question";
inline constexpr std::string_view kInternational = "international";

// callers:
inline constexpr std::string_view kPatienceS = "patience_s";
inline constexpr std::string_view kAccept = "accept";
inline constexpr std::string_view kColleague = "colleague";
inline constexpr std::string_view kMessage = "message";
inline constexpr std::string_view kCallback = "callback";
inline constexpr std::string_view kRedial = "redial";
inline constexpr std::string_view kAfterAbandon = "after_abandon";
inline constexpr std::string_view kAfterNoAnswer = "after_no_answer";
inline constexpr std::string_view kAfterReferral = "after_referral";
inline constexpr std::string_view kAfterMobile = "after_mobile";
inline constexpr std::string_view kAfterClosed = "after_closed";
inline constexpr std::string_view kAfterBusy = "after_busy";
inline constexpr std::string_view kAfterBrokenPromise = "after_broken_promise";
inline constexpr std::string_view kProbability = "probability";
inline constexpr std::string_view kDelayS = "delay_s";
inline constexpr std::string_view kMaxAttemptsPerDay = "max_attempts_per_day";
inline constexpr std::string_view kNextDay = "next_day";

// policy:
inline constexpr std::string_view kRingTimeoutS = "ring_timeout_s";
inline constexpr std::string_view kOfferOrder = "offer_order";
inline constexpr std::string_view kTransferToMobile = "transfer_to_mobile";
inline constexpr std::string_view kCallbackOfferWaitS = "callback_offer_wait_s";
inline constexpr std::string_view kQueueCapacity = "queue_capacity";
inline constexpr std::string_view kOverflow = "overflow";
inline constexpr std::string_view kOutsidePhoneHours = "outside_phone_hours";
inline constexpr std::string_view kCallbackPromiseS = "callback_promise_s";
inline constexpr std::string_view kMaxTransferAttempts = "max_transfer_attempts";

// targets: (map form)
inline constexpr std::string_view kKpi = "kpi";
inline constexpr std::string_view kOp = "op";
inline constexpr std::string_view kValue = "value";

// run:
inline constexpr std::string_view kStart = "start";
inline constexpr std::string_view kDays = "days";
inline constexpr std::string_view kWarmupDays = "warmup_days";
inline constexpr std::string_view kReplications = "replications";
inline constexpr std::string_view kSeed = "seed";
inline constexpr std::string_view kServiceLevelS = "service_level_s";

// Distributions: `{lognormal: {mean: 35, cv: 1}}`, a bare number = constant.
inline constexpr std::string_view kConstant = "constant";
inline constexpr std::string_view kExponential = "exponential";
inline constexpr std::string_view kLognormal = "lognormal";
inline constexpr std::string_view kUniform = "uniform";
inline constexpr std::string_view kEmpirical = "empirical";
inline constexpr std::string_view kMean = "mean";
inline constexpr std::string_view kCv = "cv";
inline constexpr std::string_view kMin = "min";
inline constexpr std::string_view kMax = "max";

/// The KPIs a target may name (docs/kpis.md); design.md's headline KPIs plus the switchboard's own.
inline constexpr std::array<std::string_view, 14> kKpiNames = {
    "one_call_resolution",         // G4
    "repeat_call_rate",            // G4
    "calls_per_errand",            // G4
    "unanswered",                  // M1
    "return_times_kept",           // M3
    "voicemail_callback_delay_s",  // M5
    "direct_answer",               // KKiK: a simple question answered directly
    "service_level",               // T1, G2: answered within run.service_level_s
    "waited",                      // T1: found every operator busy
    "mean_wait_s",                 // T1
    "p90_wait_s",                  // T1
    "abandoned",                   // T1
    "busy",                        // trunk or queue full
    "operator_occupancy",
};

/// Sizes no scenario may exceed: beyond them a typo (an extra zero) is far likelier than intent, and a run
/// would exhaust memory or time before saying so.
inline constexpr int kMaxPeople = 200'000;
inline constexpr int kMaxOperators = 1'000;
inline constexpr int kMaxDays = 3'660;
inline constexpr int kMaxReplications = 10'000;
inline constexpr double kMaxCallsPerWeekday = 1e6;
inline constexpr int kMaxTrunkLines = 100'000;
inline constexpr int kMaxExtendsDepth = 32;
/// Every distribution in a scenario is a time in seconds: a value or mean beyond a year is a unit slip
/// (milliseconds?), and a coefficient of variation beyond 10 makes lognormal samples overflow to inf and NaN.
inline constexpr double kMaxDurationS = 366.0 * 86400.0;
inline constexpr double kMaxCv = 10.0;
/// A demand multiplier (weekday_factor, summer_factor, reduced_day_factor) above this is a slip, not a plan.
inline constexpr double kMaxDemandFactor = 100.0;
/// Expected new errands one replication simulates (model/limits.hpp): about 100 s of one core at the
/// simulator's pace, and memory for the calls alive at once stays small since trunk_lines bounds them.
inline constexpr double kMaxErrandsPerReplication = 10e6;
/// The same over all replications of one run: beyond it a run would take hours however many cores.
inline constexpr double kMaxErrandsPerRun = 200e6;
/// A scenario file (or one it extends) larger than this is not a hand-written scenario.
inline constexpr long long kMaxScenarioFileBytes = 16LL << 20;

/// How close shares and profiles must sum to 1.
inline constexpr double kSumTolerance = 1e-6;

}  // namespace vaxel::model::keys
