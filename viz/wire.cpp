// Encoding and decoding the child's JSON-lines stream (see wire.hpp). Ids travel as their dense index, an
// unset id as -1, enums as their integer value: both ends are the same binary, so no names are needed.
#include "viz/wire.hpp"

#include <cstdint>

namespace vaxel::viz::wire {

namespace {

using nlohmann::json;

template <class Tag>
std::int64_t id_out(model::Id<Tag> id) {
  return id.valid() ? static_cast<std::int64_t>(id.value) : -1;
}
template <class Tag>
model::Id<Tag> id_in(const json& j) {
  const auto v = j.get<std::int64_t>();
  return v < 0 ? model::Id<Tag>{} : model::Id<Tag>{static_cast<std::uint32_t>(v)};
}

model::PresenceState presence_from(char c) {
  switch (c) {
    case 'A':
      return model::PresenceState::Available;
    case 'C':
      return model::PresenceState::OnCall;
    case 'R':
      return model::PresenceState::Referral;
    case 'F':
      return model::PresenceState::Forwarded;
    default:
      return model::PresenceState::OffDuty;
  }
}

char operator_letter(sim::OperatorState s) {
  return s == sim::OperatorState::Busy ? 'B' : s == sim::OperatorState::Idle ? 'I' : 'O';
}
sim::OperatorState operator_from(char c) {
  return c == 'B' ? sim::OperatorState::Busy : c == 'I' ? sim::OperatorState::Idle : sim::OperatorState::OffShift;
}

}  // namespace

char presence_letter(model::PresenceState s) {
  switch (s) {
    case model::PresenceState::Available:
      return 'A';
    case model::PresenceState::OnCall:
      return 'C';
    case model::PresenceState::Referral:
      return 'R';
    case model::PresenceState::Forwarded:
      return 'F';
    case model::PresenceState::OffDuty:
      return 'O';
  }
  return 'O';
}

std::string encode_frame(const Frame& f) {
  const sim::Snapshot& s = f.snapshot;
  std::string ops;
  for (sim::OperatorState o : s.operators)
    ops.push_back(operator_letter(o));
  std::string pres;
  std::string why;
  for (std::size_t i = 0; i < s.presence.size(); ++i) {
    pres.push_back(presence_letter(s.presence[i]));
    why.push_back(static_cast<char>(
        '0' + static_cast<int>(i < s.reasons.size() ? s.reasons[i] : model::ReferralReason::Meeting)));
  }
  json calls = json::array();
  for (const CallInFlight& c : f.calls)
    calls.push_back({c.call, c.errand, c.arrival_s, static_cast<int>(c.stage), static_cast<int>(c.intent),
                     id_out(c.person), id_out(c.unit), id_out(c.ringing)});
  const json j = {{"k", "tick"},
                  {"t", s.t},
                  {"q", s.queue_length},
                  {"lines", s.lines_in_use},
                  {"trunks", s.trunk_lines},
                  {"open", s.open},
                  {"ops", ops},
                  {"wait", s.waiting_s},
                  {"pres", pres},
                  {"why", why},
                  {"calls", calls}};
  return j.dump() + "\n";
}

std::string encode_call(const sim::CallSummary& c) {
  const json j = {{"k", "call"},
                  {"call", c.call},
                  {"errand", c.errand},
                  {"attempt", c.attempt},
                  {"arr", c.arrival_s},
                  {"end", c.end_s},
                  {"entry", id_out(c.entry)},
                  {"intent", static_cast<int>(c.intent)},
                  {"person", id_out(c.person)},
                  {"unit", id_out(c.unit)},
                  {"queued", c.queued},
                  {"op", c.answered_by_operator},
                  {"wait", c.wait_s},
                  {"reason", static_cast<int>(c.outcome.reason)},
                  {"who", id_out(c.outcome.person)},
                  {"ounit", id_out(c.outcome.unit)},
                  {"ot", c.outcome.time_s}};
  return j.dump() + "\n";
}

std::string encode_end(const nlohmann::json& kpis) {
  return json{{"k", "end"}, {"kpis", kpis}}.dump() + "\n";
}

std::string encode_error(const std::string& message) {
  return json{{"k", "error"}, {"message", message}}.dump() + "\n";
}

std::string apply_line(const std::string& line, Timeline& timeline) {
  if (line.empty()) return "";
  try {
    const json j = json::parse(line);
    const std::string kind = j.at("k").get<std::string>();
    if (kind == "tick") {
      Frame f;
      sim::Snapshot& s = f.snapshot;
      s.t = j.at("t").get<double>();
      s.queue_length = j.at("q").get<int>();
      s.lines_in_use = j.at("lines").get<int>();
      s.trunk_lines = j.at("trunks").get<int>();
      s.open = j.at("open").get<bool>();
      for (char c : j.at("ops").get<std::string>())
        s.operators.push_back(operator_from(c));
      s.waiting_s = j.at("wait").get<std::vector<double>>();
      for (char c : j.at("pres").get<std::string>())
        s.presence.push_back(presence_from(c));
      for (char c : j.at("why").get<std::string>())
        s.reasons.push_back(static_cast<model::ReferralReason>(c - '0'));
      for (const json& c : j.at("calls")) {
        CallInFlight k;
        k.call = c.at(0).get<std::uint64_t>();
        k.errand = c.at(1).get<std::uint64_t>();
        k.arrival_s = c.at(2).get<double>();
        k.stage = static_cast<CallStage>(c.at(3).get<int>());
        k.intent = static_cast<model::Intent>(c.at(4).get<int>());
        k.person = id_in<model::PersonTag>(c.at(5));
        k.unit = id_in<model::UnitTag>(c.at(6));
        k.ringing = id_in<model::PersonTag>(c.at(7));
        f.calls.push_back(k);
      }
      timeline.add_frame(std::move(f));
    } else if (kind == "call") {
      sim::CallSummary c;
      c.call = j.at("call").get<std::uint64_t>();
      c.errand = j.at("errand").get<std::uint64_t>();
      c.attempt = j.at("attempt").get<int>();
      c.arrival_s = j.at("arr").get<double>();
      c.end_s = j.at("end").get<double>();
      c.entry = id_in<model::EntryTag>(j.at("entry"));
      c.intent = static_cast<model::Intent>(j.at("intent").get<int>());
      c.person = id_in<model::PersonTag>(j.at("person"));
      c.unit = id_in<model::UnitTag>(j.at("unit"));
      c.queued = j.at("queued").get<bool>();
      c.answered_by_operator = j.at("op").get<bool>();
      c.wait_s = j.at("wait").get<double>();
      c.outcome.reason = static_cast<model::routing::OutcomeReason>(j.at("reason").get<int>());
      c.outcome.person = id_in<model::PersonTag>(j.at("who"));
      c.outcome.unit = id_in<model::UnitTag>(j.at("ounit"));
      c.outcome.time_s = j.at("ot").get<double>();
      timeline.add_call(c);
    } else if (kind == "end") {
      timeline.kpis = j.at("kpis");
      timeline.ended = true;
    } else if (kind == "error") {
      timeline.error = j.at("message").get<std::string>();
      timeline.ended = true;
    } else {
      return "unknown record kind '" + kind + "'";
    }
  } catch (const std::exception& e) {
    return std::string("unreadable record: ") + e.what();
  }
  return "";
}

}  // namespace vaxel::viz::wire
