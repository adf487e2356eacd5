// The live adapter's JSON-lines protocol (docs/route-protocol.md): parsing input lines into calls, events and
// world updates, and writing the routing core's actions back as JSON.
#include "sim/route_adapter.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

#include "model/routing/messages.hpp"
#include "model/routing/names.hpp"

namespace vaxel::sim {

using nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace vaxel::model;
using namespace vaxel::model::routing;

LiveWorld::LiveWorld(const Scenario& scenario)
    : directory_(scenario.directory),
      calendar_(scenario.calendar),
      hours_(scenario.switchboard.hours),
      working_hours_(scenario.presence.working_hours),
      presence_(scenario.directory.people.size()),
      phone_hours_override_(scenario.directory.units.size()),
      next_hours_override_(scenario.directory.units.size()) {
  directory_.reindex();
  for (Presence& p : presence_)
    p.state = PresenceState::Available;
}

bool LiveWorld::switchboard_open(WallSeconds t) const {
  return open_override ? *open_override : hours_.is_open(calendar_, t);
}

std::string LiveWorld::switchboard_reopen_sentence(WallSeconds t) const {
  if (open_override && !*open_override) {
    if (!reopens || *reopens <= t) return "Please call again during our opening hours.";
    return fmt::format("We open again {}.", spoken_day_time(*reopens));
  }
  std::string text = hours_.reopen_sentence(calendar_, t);  // "we open again tomorrow at 08:00"
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text + ".";
}

bool LiveWorld::unit_in_phone_hours(UnitId unit, WallSeconds t) const {
  if (const auto& o = phone_hours_override_.at(unit.value)) return *o;
  const auto& hours = directory_.unit(unit).phone_hours;
  return !hours || hours->is_open(calendar_, t);
}

std::optional<WallSeconds> LiveWorld::next_phone_hours(UnitId unit, WallSeconds t) const {
  if (phone_hours_override_.at(unit.value)) return next_hours_override_.at(unit.value);
  const auto& hours = directory_.unit(unit).phone_hours;
  if (!hours) return std::nullopt;
  if (!hours->is_open(calendar_, t)) return hours->next_open(calendar_, t);
  const auto end = hours->next_change(calendar_, t);  // inside: the start after this interval
  return end ? hours->next_open(calendar_, *end) : std::nullopt;
}

std::optional<WallSeconds> LiveWorld::next_return(PersonId person, WallSeconds t) const {
  if (auto back = presence_.at(person.value).return_at) return back;
  // Outside working hours the next working morning is a fair answer; inside them an absence without a
  // hänvisning says nothing about when (M3 asks for one).
  if (working_hours_.is_open(calendar_, t)) return std::nullopt;
  return working_hours_.next_open(calendar_, t);
}

namespace {

/// A problem with one input line; becomes {"line": n, "error": what}.
struct LineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json& field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) throw LineError(fmt::format("missing field '{}'", key));
  return *it;
}

std::string text_field(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_string()) throw LineError(fmt::format("field '{}' must be a string", key));
  return v.get<std::string>();
}

WallSeconds time_value(const json& v, const char* key) {
  // Seconds are held to the years a written time may have (0001-9999): beyond them the calendar arithmetic
  // overflows (a PBX sending 1e308 crashed the sanitized build).
  static const WallSeconds kEarliest = at(to_day_number(Date{1, 1, 1}), 0);
  static const WallSeconds kLatest = at(to_day_number(Date{9999, 12, 31}), kMinutesPerDay);
  if (v.is_number()) {
    const WallSeconds t = v.get<double>();
    if (t >= kEarliest && t < kLatest) return t;
    throw LineError(fmt::format("field '{}' is {} seconds, outside the years 0001-9999", key, v.dump()));
  }
  WallSeconds t = 0.0;
  if (v.is_string() && parse_date_time(v.get<std::string>(), t)) return t;
  throw LineError(fmt::format("field '{}' must be a time like \"2027-01-11T10:00:00\" or seconds", key));
}
WallSeconds time_field(const json& j, const char* key) {
  return time_value(field(j, key), key);
}
std::optional<WallSeconds> optional_time(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return time_value(*it, key);
}

PersonId person_field(const Directory& d, const json& j, const char* key) {
  const std::string name = text_field(j, key);
  if (auto p = d.find_person(name)) return *p;
  if (auto p = d.find_extension(name)) return *p;
  throw LineError(fmt::format("unknown person '{}' (give a name or an extension from the directory)", name));
}

UnitId unit_field(const Directory& d, const json& j, const char* key) {
  const std::string name = text_field(j, key);
  if (auto u = d.find_unit(name)) return *u;
  throw LineError(fmt::format("unknown unit '{}'", name));
}

template <class E, std::size_t N>
E enum_field(const json& j, const char* key, const std::array<const char*, N>& names) {
  const std::string text = text_field(j, key);
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<E>(i);
  std::string known;
  for (const char* n : names)
    known += std::string(known.empty() ? "" : ", ") + n;
  throw LineError(fmt::format("field '{}' is '{}'; expected one of: {}", key, text, known));
}

constexpr std::array<const char*, 4> kIntentNames = {"person", "unit", "question", "international"};
constexpr std::array<const char*, 5> kStateNames = {"available", "on_call", "referral", "forwarded", "off_duty"};
constexpr std::array<const char*, 7> kReasonNames = {"meeting", "lunch",  "business_trip", "vacation",
                                                     "sick",    "course", "out_of_office"};

std::string name_of(const Directory& d, PersonId p) {
  return d.person(p).name;
}

ojson action_json(const Action& a, const WorldView& w, WallSeconds now) {
  const Directory& d = w.directory();
  ojson j;
  j["action"] = to_string(a.kind);
  switch (a.kind) {
    case ActionKind::PlayMessage:
      j["message"] = to_string(a.message);
      if (a.person.valid()) j["person"] = name_of(d, a.person);
      if (a.unit.valid()) j["unit"] = d.unit(a.unit).name;
      if (a.message == MessageKind::Referral) j["reason"] = to_string(a.reason);
      if (a.has_time && a.message != MessageKind::Closed && a.message != MessageKind::CallbackOffer)
        j["time"] = format_date_time(a.time_s);
      if (a.message == MessageKind::CallbackOffer) j["expected_wait_s"] = a.time_s;
      break;
    case ActionKind::Enqueue:
      j["priority"] = a.priority;
      break;
    case ActionKind::OperatorTask:
      j["task"] = to_string(a.task);
      break;
    case ActionKind::Ring:
      j["person"] = name_of(d, a.person);
      j["extension"] = d.person(a.person).extension;
      j["timeout_s"] = a.timeout_s;
      j["via_mobile"] = a.via_mobile;
      break;
    case ActionKind::Offer: {
      ojson options = ojson::array();
      for (Option o : a.options)
        options.push_back(to_string(o));
      j["options"] = options;
      j["by"] = a.recorded ? "recording" : "operator";
      if (a.options.contains(Option::Colleague)) j["colleague"] = name_of(d, a.person);
      if (a.has_time) j["return_time"] = format_date_time(a.time_s);
      break;
    }
    case ActionKind::Connect:
    case ActionKind::Voicemail:
      j["person"] = name_of(d, a.person);
      j["extension"] = d.person(a.person).extension;
      break;
    case ActionKind::TakeMessage:
      if (a.person.valid()) j["person"] = name_of(d, a.person);
      if (a.unit.valid()) j["unit"] = d.unit(a.unit).name;
      j["callback_by"] = format_date_time(a.time_s);
      break;
    case ActionKind::OrderCallback:
      j["callback_by"] = format_date_time(a.time_s);
      break;
    case ActionKind::GiveMobile:
      j["person"] = name_of(d, a.person);
      j["mobile"] = d.person(a.person).mobile.value_or("");
      break;
    case ActionKind::Finish:
      j["outcome"] = to_string(a.outcome.kind());
      j["reason"] = to_string(a.outcome.reason);
      j["violates_m1"] = a.outcome.violates_m1();
      if (a.outcome.person.valid()) j["person"] = name_of(d, a.outcome.person);
      if (a.outcome.unit.valid()) j["unit"] = d.unit(a.outcome.unit).name;
      if (a.outcome.time_s != 0.0) j["time"] = format_date_time(a.outcome.time_s);
      break;
  }
  if (std::string text = render_text(a, w, now); !text.empty()) j["text"] = text;
  return j;
}

}  // namespace

RouteAdapter::RouteAdapter(const Scenario& scenario) : policy_(scenario.policy), world_(scenario), router_(policy_) {}

std::string RouteAdapter::handle_line(std::string_view line, long line_no) {
  ojson reply;
  reply["line"] = line_no;
  last_was_error_ = false;
  try {
    json in;
    try {
      in = json::parse(line);
    } catch (const json::parse_error& e) {
      throw LineError(fmt::format("malformed JSON: {}", e.what()));
    }
    if (!in.is_object()) throw LineError("expected a JSON object");
    const std::string type = text_field(in, "type");
    const Directory& d = world_.directory();

    if (type == "call" || type == "event") {
      const std::string id = text_field(in, "call");
      reply["call"] = id;
      const WallSeconds t = time_field(in, "t");
      Event e;
      e.t = t;
      auto it = calls_.find(id);
      if (type == "call") {
        if (it != calls_.end()) throw LineError(fmt::format("call '{}' is already in progress", id));
        CallStart start;
        const std::string entry = text_field(in, "entry");
        auto entry_id = d.find_entry(entry);
        if (!entry_id) throw LineError(fmt::format("unknown entry '{}'", entry));
        start.entry = *entry_id;
        start.intent = enum_field<Intent>(in, "intent", kIntentNames);
        if (in.contains("person")) start.person = person_field(d, in, "person");
        if (in.contains("unit")) start.unit = unit_field(d, in, "unit");
        it = calls_.emplace(id, begin_call(d, start)).first;
        e.kind = EventKind::Arrived;
      } else {
        if (it == calls_.end()) throw LineError(fmt::format("no call '{}' in progress", id));
        const std::string name = text_field(in, "event");
        auto kind = parse_event_kind(name);
        if (!kind || *kind == EventKind::Arrived || *kind == EventKind::PresenceChanged)
          throw LineError(
              fmt::format("unknown event '{}'; expected one of: operator_answered, target_answered, no_answer, busy, "
                          "unreachable, chose, hung_up, queue_timeout",
                          name));
        e.kind = *kind;
        if (e.kind == EventKind::CallerChose) {
          const std::string option = text_field(in, "option");
          auto o = parse_option(option);
          if (!o) throw LineError(fmt::format("unknown option '{}'", option));
          e.option = *o;
        }
      }
      ActionList out;
      const RouteError err = router_.handle(it->second, e, world_, out);
      if (err != RouteError::None) {
        if (type == "call") calls_.erase(it);
        throw LineError(describe(err));
      }
      ojson actions = ojson::array();
      for (const Action& a : out)
        actions.push_back(action_json(a, world_, t));
      reply["actions"] = actions;
      if (it->second.ended()) calls_.erase(it);
    } else if (type == "presence") {
      const PersonId person = person_field(d, in, "person");
      Presence p;
      p.state = enum_field<PresenceState>(in, "state", kStateNames);
      if (in.contains("reason")) p.reason = enum_field<ReferralReason>(in, "reason", kReasonNames);
      p.return_at = optional_time(in, "return");
      if (p.state == PresenceState::Forwarded) p.forwarded_to = person_field(d, in, "to");
      world_.set_presence(person, p);
      reply["ok"] = true;
    } else if (type == "switchboard") {
      // Read every field before changing anything, so a refused line leaves the world as it was.
      auto open_override = world_.open_override;
      auto reopens = world_.reopens;
      int operators_free = world_.operators_free_;
      int queue_length = world_.queue_length_;
      double expected_wait_s = world_.expected_wait_s_;
      if (in.contains("open")) {
        const json& open = in["open"];
        if (!open.is_boolean() && !open.is_null())
          throw LineError("field 'open' must be true, false or null (null: by the opening hours)");
        open_override = open.is_null() ? std::nullopt : std::optional<bool>(open.get<bool>());
      }
      if (in.contains("reopens")) reopens = optional_time(in, "reopens");
      constexpr std::int64_t kMaxCount = 1'000'000;
      auto count = [&](const char* key, int& target) {
        if (!in.contains(key)) return;
        // Read wide first: get<int>() would silently wrap 99999999999 to a plausible count.
        const json& v = in[key];
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > kMaxCount)
          throw LineError(fmt::format("field '{}' must be a whole number from 0 to {}", key, kMaxCount));
        target = static_cast<int>(v.get<std::int64_t>());
      };
      count("operators_free", operators_free);
      count("queue_length", queue_length);
      if (in.contains("expected_wait_s")) {
        // Bounded so the callback offer's "about N minutes" stays a number (1e308 s overflowed it).
        constexpr double kMaxWaitS = 365.0 * kSecondsPerDay;
        const json& v = in["expected_wait_s"];
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > kMaxWaitS)
          throw LineError(
              fmt::format("field 'expected_wait_s' must be a number of seconds from 0 to {:.0f}", kMaxWaitS));
        expected_wait_s = v.get<double>();
      }
      world_.open_override = open_override;
      world_.reopens = reopens;
      world_.operators_free_ = operators_free;
      world_.queue_length_ = queue_length;
      world_.expected_wait_s_ = expected_wait_s;
      reply["ok"] = true;
    } else if (type == "phone_hours") {
      const UnitId unit = unit_field(d, in, "unit");
      const json& open = field(in, "open");
      if (!open.is_boolean() && !open.is_null())
        throw LineError("field 'open' must be true, false or null (null: by the unit's phone hours)");
      world_.set_unit_phone_hours(unit, open.is_null() ? std::nullopt : std::optional<bool>(open.get<bool>()),
                                  optional_time(in, "next"));
      reply["ok"] = true;
    } else {
      throw LineError(
          fmt::format("unknown type '{}'; expected one of: call, event, presence, switchboard, phone_hours", type));
    }
  } catch (const LineError& e) {
    reply["error"] = fmt::format("line {}: {}", line_no, e.what());
    last_was_error_ = true;
  } catch (const json::exception& e) {  // a wrongly typed value deeper down: still this line's problem
    reply["error"] = fmt::format("line {}: {}", line_no, e.what());
    last_was_error_ = true;
  }
  // An error quotes what the parser last read, which may be invalid UTF-8 (a Latin-1 PBX writing "Sotenäs"):
  // replace those bytes instead of throwing out of the adapter (found by tests/fuzz/fuzz_route).
  return reply.dump(-1, ' ', false, json::error_handler_t::replace);
}

int RouteAdapter::run(std::istream& in, std::ostream& out) {
  std::string line;
  long line_no = 0;
  int errors = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate, say nothing
    const std::string reply = handle_line(line, line_no);
    if (last_was_error_) ++errors;
    out << reply << '\n' << std::flush;
  }
  return errors;
}

}  // namespace vaxel::sim
