// A small municipality for the routing core's tests: three units, six people, four entry numbers, and a fake
// world view whose presence, opening and queue the tests set by hand. Also a one-line summary of a step's
// actions ("play:greeting enqueue") so the clause tables read like the story they check.
#pragma once

#include <string>
#include <vector>

#include "model/routing/names.hpp"
#include "model/routing/router.hpp"

namespace vaxel::test {

using namespace vaxel::model;
using namespace vaxel::model::routing;

// People (ids): 0 Anna Berg, 1 Bo Ek, 2 Cecilia Dahl in Bygglov; 3 David Falk (MEX), 4 Eva Gran (left the
// municipality: a stale entry, F2), 5 Fredrik Holm in Omsorg. Units: 0 Bygglov, 1 Omsorg, 2 Kundtjänst.
// Entries: 0 main, 1 housing, 2 attendant 4111, 3 direct dial. Bo lists David of Omsorg as his colleague by
// mistake, which T3a must ignore.
inline Directory test_directory() {
  Directory d;
  d.administrations = {{AdministrationId{0}, "Samhällsbyggnadsförvaltningen", {UnitId{0}, UnitId{2}}},
                       {AdministrationId{1}, "Omsorgsförvaltningen", {UnitId{1}}}};
  d.units = {{UnitId{0}, "Bygglov", AdministrationId{0}, {PersonId{0}, PersonId{1}, PersonId{2}}, {}, false},
             {UnitId{1}, "Omsorg", AdministrationId{1}, {PersonId{3}, PersonId{4}, PersonId{5}}, {}, false},
             {UnitId{2}, "Kundtjänst", AdministrationId{0}, {}, {}, true}};
  auto person = [](std::uint32_t id, const char* name, std::uint32_t unit, const char* ext) {
    Person p;
    p.id = PersonId{id};
    p.name = name;
    p.unit = UnitId{unit};
    p.extension = ext;
    return p;
  };
  d.people = {person(0, "Anna Berg", 0, "4101"),    person(1, "Bo Ek", 0, "4102"),
              person(2, "Cecilia Dahl", 0, "4103"), person(3, "David Falk", 1, "4201"),
              person(4, "Eva Gran", 1, "4202"),     person(5, "Fredrik Holm", 1, "4203")};
  d.people[0].voicemail = true;
  d.people[0].colleagues = {PersonId{2}, PersonId{1}};
  d.people[1].colleagues = {PersonId{3}};  // a directory slip: David is in Omsorg; T3a must never offer him
  d.people[2].voicemail = true;
  d.people[2].mobile = "070-123 45 67";
  d.people[3].phone = PhoneType::Mex;
  d.people[3].mobile = "070-765 43 21";
  d.people[4].status = DirectoryStatus::Left;
  d.people[5].voicemail = true;
  d.entries = {{EntryId{0}, "main", "0523-664000", EntryKind::Main, "Hej och välkommen till Sotenäs kommun"},
               {EntryId{1}, "housing", "0523-664400", EntryKind::Housing, "Hej och välkommen till Sotenäs Bostäder"},
               {EntryId{2}, "attendant", "4111", EntryKind::AutoAttendant, "Säg namnet på den du söker"},
               {EntryId{3}, "direct", "0523-66xxxx", EntryKind::DirectDial, ""}};
  d.on_call = {{"Socialjouren", "0522-44 08 00"}, {"VA-jouren", "0523-66 40 99"}};
  d.reindex();
  return d;
}

inline constexpr PersonId kAnna{0}, kBo{1}, kCecilia{2}, kDavid{3}, kEva{4}, kFredrik{5};
inline constexpr UnitId kBygglov{0}, kOmsorg{1}, kKundtjanst{2};
inline constexpr EntryId kMain{0}, kHousing{1}, kAttendant{2}, kDirect{3};

/// Monday 2027-01-11 10:00, an ordinary working morning.
inline WallSeconds monday_10() {
  return at(to_day_number(Date{2027, 1, 11}), 10 * 60);
}

inline Presence presence_in(PresenceState s) {
  Presence p;
  p.state = s;
  return p;
}

class FakeWorld : public WorldView {
 public:
  Directory dir = test_directory();
  std::vector<Presence> people = std::vector<Presence>(dir.people.size(), presence_in(PresenceState::Available));
  bool open = true;
  std::vector<bool> in_phone_hours = std::vector<bool>(dir.units.size(), true);
  std::vector<std::optional<WallSeconds>> phone_hours_start = std::vector<std::optional<WallSeconds>>(dir.units.size());
  std::optional<WallSeconds> back_by_schedule;
  int free_operators = 1;
  int waiting = 0;
  double wait_s = 0.0;

  void referral(PersonId p, ReferralReason r, std::optional<WallSeconds> back) {
    people[p.value] = Presence{PresenceState::Referral, r, back, {}};
  }
  void set(PersonId p, PresenceState s) { people[p.value] = presence_in(s); }
  void forward(PersonId p, PersonId to) { people[p.value] = Presence{PresenceState::Forwarded, {}, {}, to}; }

  const Directory& directory() const override { return dir; }
  Presence presence(PersonId p) const override { return people.at(p.value); }
  bool switchboard_open(WallSeconds) const override { return open; }
  std::string switchboard_reopen_sentence(WallSeconds) const override {
    return "We open again Tuesday 12 January at 08:00.";
  }
  bool unit_in_phone_hours(UnitId u, WallSeconds) const override { return in_phone_hours.at(u.value); }
  std::optional<WallSeconds> next_phone_hours(UnitId u, WallSeconds) const override {
    return phone_hours_start.at(u.value);
  }
  std::optional<WallSeconds> next_return(PersonId, WallSeconds) const override { return back_by_schedule; }
  int operators_free() const override { return free_operators; }
  int queue_length() const override { return waiting; }
  double expected_wait_s() const override { return wait_s; }
};

/// "play:greeting enqueue", "operator_task:transfer ring:Anna Berg", "offer:colleague/message", "finish:closed".
inline std::string summary(const ActionList& out, const Directory& d) {
  std::string text;
  for (const Action& a : out) {
    if (!text.empty()) text += ' ';
    text += to_string(a.kind);
    auto name = [&](PersonId p) { return p.valid() ? d.person(p).name : std::string("?"); };
    switch (a.kind) {
      case ActionKind::PlayMessage:
        text += std::string(":") + to_string(a.message);
        break;
      case ActionKind::OperatorTask:
        text += std::string(":") + to_string(a.task);
        break;
      case ActionKind::Enqueue:
        if (a.priority) text += ":returning";
        break;
      case ActionKind::Ring:
      case ActionKind::Connect:
      case ActionKind::Voicemail:
      case ActionKind::GiveMobile:
        text += ":" + name(a.person);
        if (a.via_mobile) text += "(mobile)";
        break;
      case ActionKind::TakeMessage:
        text += ":" + (a.person.valid() ? name(a.person) : d.unit(a.unit).name);
        break;
      case ActionKind::Offer: {
        text += ':';
        for (std::uint8_t i = 0; i < a.options.size(); ++i)
          text += std::string(i ? "/" : "") + to_string(a.options[i]);
        if (a.options.contains(Option::Colleague)) text += "(" + name(a.person) + ")";
        break;
      }
      case ActionKind::Finish:
        text += std::string(":") + to_string(a.outcome.reason);
        break;
      case ActionKind::OrderCallback:
        break;
    }
  }
  return text;
}

/// One call driven step by step against a FakeWorld.
struct Drive {
  FakeWorld& world;
  Policy policy;
  Router router{policy};
  CallState state;
  ActionList out;
  WallSeconds t = monday_10();

  Drive(FakeWorld& w, const CallStart& start, Policy p = {}) : world(w), policy(std::move(p)) {
    state = begin_call(world.dir, start);
  }
  Drive(const Drive&) = delete;
  Drive& operator=(const Drive&) = delete;

  /// Feeds one event 10 s after the previous one and returns the summary of the actions ("" on error).
  std::string feed(EventKind k, Option o = Option::Wait) {
    Event e = Event::at(k, t);
    e.option = o;
    t += 10.0;
    last_error = router.handle(state, e, world, out);
    return summary(out, world.dir);
  }
  RouteError last_error = RouteError::None;
};

}  // namespace vaxel::test
