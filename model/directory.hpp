// The organisation as the switchboard knows it: administrations (förvaltningar) and companies, their units
// (avdelningar), the people who can be reached, and the numbers callers dial (T2, M4, M6). The directory is
// read-only during a run; presence and phone hours live elsewhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/ids.hpp"
#include "model/schedule.hpp"

namespace vaxel::model {

/// The kind of phone a person answers (E1). MEX phones are extensions and may be transferred to (MO4).
enum class PhoneType { Desk, Mex, Cordless };

/// What a person does; managers spend far more time in meetings (domain.md).
enum class Role { Staff, Manager };

/// How a person's absence shows to callers (M8): hänvisning with reason and return time, a forward to a
/// colleague, or nothing at all (the phone just rings: the case M8 forbids, kept to measure it).
enum class AbsenceMode { Referral, Forward, None };

/// How far the switchboard's directory entry matches reality (F2: changes must be reported to the switchboard).
enum class DirectoryStatus { Current, Moved, Left };

struct Person {
  PersonId id;
  std::string name;  ///< first and last name (M2)
  UnitId unit;
  Role role = Role::Staff;
  std::string extension;    ///< anknytning, e.g. "4123"
  std::string direct_dial;  ///< direktval, e.g. "0523-664123"; empty when none
  PhoneType phone = PhoneType::Desk;
  std::optional<std::string> mobile;  ///< mobile number the operator may give out (MO4); MEX is a phone type
  bool voicemail = false;             ///< has a röstbrevlåda (V2)
  AbsenceMode absence_mode = AbsenceMode::Referral;
  std::vector<PersonId> colleagues;                   ///< whom to forward or offer first (T3a, M8b); same unit
  DirectoryStatus status = DirectoryStatus::Current;  ///< stale entries make transfers fail (F2)
};

struct Unit {
  UnitId id;
  std::string name;  ///< e.g. "Bygglov"
  AdministrationId administration;
  std::vector<PersonId> people;           ///< in directory order
  std::optional<Schedule> phone_hours;    ///< telefontid (P1-P4); unset = reachable all working hours
  bool answers_simple_questions = false;  ///< the switchboard can answer its common questions directly
};

struct Administration {
  AdministrationId id;
  std::string name;  ///< e.g. "Samhällsbyggnadsförvaltningen" or "Sotenäsbostäder AB"
  std::vector<UnitId> units;
};

/// The numbers callers dial. The greeting depends on which (T2); 4111 is the automatic attendant (M6).
enum class EntryKind { Main, Housing, AutoAttendant, DirectDial };

struct EntryNumber {
  EntryId id;
  std::string name;    ///< e.g. "main", "housing", "attendant"
  std::string number;  ///< e.g. "0523-664000"
  EntryKind kind = EntryKind::Main;
  std::string greeting;  ///< e.g. "Hej och välkommen till Sotenäs kommun" (T2)
};

/// An on-call number read out by the closed message (T4), e.g. social services' journummer.
struct OnCallNumber {
  std::string name;
  std::string number;
};

/// The whole directory with fast look-ups. Ids are indices into the tables.
class Directory {
 public:
  std::vector<Administration> administrations;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<EntryNumber> entries;
  std::vector<OnCallNumber> on_call;

  /// Rebuilds the look-up indexes; call after the tables change.
  void reindex();

  [[nodiscard]] const Person& person(PersonId id) const { return people.at(id.value); }
  [[nodiscard]] const Unit& unit(UnitId id) const { return units.at(id.value); }
  [[nodiscard]] const Administration& administration(AdministrationId id) const { return administrations.at(id.value); }
  [[nodiscard]] const EntryNumber& entry(EntryId id) const { return entries.at(id.value); }

  [[nodiscard]] std::optional<PersonId> find_extension(std::string_view extension) const;
  [[nodiscard]] std::optional<PersonId> find_person(std::string_view name) const;
  [[nodiscard]] std::optional<UnitId> find_unit(std::string_view name) const;
  [[nodiscard]] std::optional<EntryId> find_entry(std::string_view name) const;
  [[nodiscard]] std::optional<EntryId> find_entry_kind(EntryKind kind) const;

 private:
  std::unordered_map<std::string, PersonId> by_extension_;
  std::unordered_map<std::string, PersonId> by_name_;
  std::unordered_map<std::string, UnitId> by_unit_name_;
  std::unordered_map<std::string, EntryId> by_entry_name_;
};

}  // namespace vaxel::model
