// The organisation as written in a scenario (explicit people and `generate:` counts and shares), and how it
// becomes a Directory: generated people get deterministic Swedish names and extensions allocated in order from
// the administration's or the scenario's range, so a municipality of 50,000 needs no 50,000-line file. Building
// the directory is also the organisation's meaning check: unknown administrations and colleagues, duplicate
// names and extensions, exhausted ranges.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/directory.hpp"
#include "model/yaml_merge.hpp"

namespace vaxel::model {

/// Extensions [first, last] that generated people (and listed people without one) are given, in order.
struct ExtensionRange {
  long long first = 0;
  long long last = 0;
  yaml::SourcePos pos;
};

/// One person listed by name.
struct PersonSpec {
  std::string name;
  yaml::SourcePos pos;
  std::optional<std::string> extension;  ///< unset = allocated from the range
  yaml::SourcePos extension_pos;
  std::optional<std::string> direct_dial;  ///< unset = prefix + extension when the organisation has a prefix
  Role role = Role::Staff;
  PhoneType phone = PhoneType::Desk;
  std::optional<std::string> mobile;
  bool voicemail = false;
  AbsenceMode absence = AbsenceMode::Referral;
  std::optional<std::vector<std::pair<std::string, yaml::SourcePos>>> colleagues;  ///< unset = the default
  DirectoryStatus status = DirectoryStatus::Current;
};

/// `generate: {people: 45, managers: 0.2, ...}`: a count and the shares of it that have each property. Shares
/// become exact counts (rounded), so a unit of 45 with `voicemail: 0.6` has exactly 27 voicemail boxes.
struct GenerateSpec {
  int people = 0;
  double managers = 0.0;           ///< the first ones in directory order are the managers
  double voicemail = 0.0;          ///< V2
  double mex = 0.0;                ///< phone type MEX (E1); MEX and cordless exclude each other
  double cordless = 0.0;           ///< phone type cordless (E1)
  double mobile = 0.0;             ///< has a mobile number the operator may give out (MO4)
  double forward = 0.0;            ///< absence shown by forwarding to a colleague (M8b)
  double no_absence_notice = 0.0;  ///< absence not shown at all (what M8 forbids)
  double moved = 0.0;              ///< directory entry out of date: moved unit (F2)
  double left = 0.0;               ///< directory entry out of date: left the organisation (F2)
  yaml::SourcePos pos;
};

struct UnitSpec {
  std::string name;
  yaml::SourcePos pos;
  std::string administration;
  yaml::SourcePos administration_pos;
  std::optional<Schedule> phone_hours;
  bool answers_simple_questions = false;
  std::optional<double> demand_weight;
  std::vector<PersonSpec> people;
  std::optional<GenerateSpec> generate;
};

struct AdministrationSpec {
  std::string name;
  yaml::SourcePos pos;
  std::optional<ExtensionRange> extensions;
};

struct EntrySpec {
  EntryNumber entry;
  yaml::SourcePos pos;
};

struct OrganisationSpec {
  std::optional<ExtensionRange> extensions;  ///< the scenario-wide range
  std::string direct_dial_prefix;            ///< e.g. "0523-66": direktval = prefix + extension (M4)
  int default_colleagues = 5;                ///< colleagues offered by default: the next ones in the unit (T3a)
  std::vector<AdministrationSpec> administrations;
  std::vector<UnitSpec> units;
  std::vector<EntrySpec> entries;
  std::vector<OnCallNumber> on_call;
  yaml::SourcePos pos;
};

/// Builds and indexes the directory; reports meaning errors to ctx.diags and returns nullopt when there were any.
/// Equal specs give equal directories, on every platform.
[[nodiscard]] std::optional<Directory> build_directory(const OrganisationSpec& spec, yaml::Diagnostics& diags);

/// The deterministic name of generated person `index` of `unit`, try `attempt` (FNV-1a over the three).
[[nodiscard]] std::string generated_name(const std::string& unit, int index, int attempt);

}  // namespace vaxel::model
