// Names of the routing core's enums for the live protocol and traces (names.hpp).
#include "model/routing/names.hpp"

#include <array>

namespace vaxel::model::routing {

namespace {
constexpr std::array<const char*, kOptionCount> kOptionNames = {"colleague", "return_time", "message", "voicemail",
                                                                "operator",  "callback",    "wait"};
constexpr std::array<const char*, kEventKindCount> kEventNames = {
    "arrived", "operator_answered", "target_answered", "no_answer",       "busy", "unreachable",
    "chose",   "hung_up",           "queue_timeout",   "presence_changed"};
constexpr std::array<const char*, kActionKindCount> kActionNames = {
    "play",      "enqueue",      "operator_task",  "ring",        "offer", "connect",
    "voicemail", "take_message", "order_callback", "give_mobile", "finish"};
constexpr std::array<const char*, kMessageKindCount> kMessageNames = {
    "none", "greeting", "closed", "referral", "return_time", "phone_hours", "queue_full", "callback_offer"};
constexpr std::array<const char*, kOperatorTaskKindCount> kTaskNames = {"transfer", "referral", "message", "answer",
                                                                        "international"};
constexpr std::array<const char*, kOutcomeReasonCount> kReasonNames = {"none",
                                                                       "talked_to_person",
                                                                       "talked_to_colleague",
                                                                       "answered_by_operator",
                                                                       "international_ordered",
                                                                       "voicemail",
                                                                       "message_taken",
                                                                       "callback_ordered",
                                                                       "abandoned",
                                                                       "busy",
                                                                       "no_answer",
                                                                       "closed",
                                                                       "mobile_given",
                                                                       "return_time_given",
                                                                       "unanswered"};

template <std::size_t N, class E>
const char* name_in(const std::array<const char*, N>& names, E e) {
  const auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : "?";
}
}  // namespace

const char* to_string(Option o) {
  return name_in(kOptionNames, o);
}
const char* to_string(EventKind k) {
  return name_in(kEventNames, k);
}
const char* to_string(ActionKind k) {
  return name_in(kActionNames, k);
}
const char* to_string(MessageKind k) {
  return name_in(kMessageNames, k);
}
const char* to_string(OperatorTaskKind k) {
  return name_in(kTaskNames, k);
}
const char* to_string(OutcomeReason r) {
  return name_in(kReasonNames, r);
}

const char* to_string(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::InProgress:
      return "in_progress";
    case OutcomeKind::Resolved:
      return "resolved";
    case OutcomeKind::Promised:
      return "promised";
    case OutcomeKind::Failed:
      return "failed";
  }
  return "?";
}

const char* to_string(CallPhase p) {
  switch (p) {
    case CallPhase::Created:
      return "created";
    case CallPhase::ChoosingQueue:
      return "choosing_queue";
    case CallPhase::Queued:
      return "queued";
    case CallPhase::Ringing:
      return "ringing";
    case CallPhase::Choosing:
      return "choosing";
    case CallPhase::Ended:
      return "ended";
  }
  return "?";
}

const char* describe(RouteError e) {
  switch (e) {
    case RouteError::None:
      return "no error";
    case RouteError::CallEnded:
      return "the call has already ended";
    case RouteError::NotArrived:
      return "the call has not arrived yet: its first event must be 'arrived'";
    case RouteError::AlreadyArrived:
      return "the call has already arrived";
    case RouteError::InvalidCall:
      return "the call names an unknown entry, person or unit, or lacks the person or unit its intent needs";
    case RouteError::UnexpectedEvent:
      return "this event does not fit the call's current phase (out of order)";
    case RouteError::OptionNotOffered:
      return "the caller chose an option that was not offered";
    case RouteError::TimeWentBackwards:
      return "the event is earlier than the call's previous event";
    case RouteError::StaleExtension:
      return "a moved or departed extension cannot answer (F2): expected 'unreachable'";
  }
  return "?";
}

namespace {
template <std::size_t N, class E>
std::optional<E> parse_in(const std::array<const char*, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<E>(i);
  return std::nullopt;
}
}  // namespace

std::optional<Option> parse_option(std::string_view text) {
  return parse_in<kOptionCount, Option>(kOptionNames, text);
}
std::optional<EventKind> parse_event_kind(std::string_view text) {
  return parse_in<kEventKindCount, EventKind>(kEventNames, text);
}

}  // namespace vaxel::model::routing
