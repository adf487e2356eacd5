// Rendering the routing core's messages to text (messages.hpp). Allocates freely: it runs only when a human
// or a trace needs the words.
#include "model/routing/messages.hpp"

#include <fmt/format.h>

namespace vaxel::model::routing {

namespace {

std::string person_name(const Directory& d, PersonId p) {
  return p.valid() && p.value < d.people.size() ? d.person(p).name : std::string("the person you called");
}
std::string unit_name(const Directory& d, UnitId u) {
  return u.valid() && u.value < d.units.size() ? d.unit(u).name : std::string("the unit");
}

// "for voicemail" in "press 1 for voicemail"
const char* press_phrase(Option o) {
  switch (o) {
    case Option::Colleague:
      return "for a colleague";
    case Option::ReturnTime:
      return "to hear when to call again";
    case Option::Message:
      return "to leave a message";
    case Option::Voicemail:
      return "for voicemail";
    case Option::Operator:
      return "for the operator";
    case Option::Callback:
      return "to be called back";
    case Option::Wait:
      return "to keep waiting";
  }
  return "?";
}

// "press 1 for voicemail, 2 for the operator"
std::string press_list(const OptionList& options) {
  std::string text;
  for (std::uint8_t i = 0; i < options.size(); ++i) {
    text += i == 0 ? fmt::format("press {} {}", i + 1, press_phrase(options[i]))
                   : fmt::format(", {} {}", i + 1, press_phrase(options[i]));
  }
  return text;
}

}  // namespace

const char* referral_phrase(ReferralReason r) {
  switch (r) {
    case ReferralReason::Meeting:
      return "in a meeting";
    case ReferralReason::Lunch:
      return "at lunch";
    case ReferralReason::BusinessTrip:
      return "on a business trip";
    case ReferralReason::Vacation:
      return "on vacation";
    case ReferralReason::Sick:
      return "off sick";
    case ReferralReason::Course:
      return "on a course";
    case ReferralReason::OutOfOffice:
      return "out of the office";
  }
  return "away";
}

std::string spoken_day_time(WallSeconds t) {
  const DayNumber day = day_of(t);
  const Date date = from_day_number(day);
  return fmt::format("{} {} {} at {}", weekday_name(weekday_of(day)), date.day, month_name(date.month),
                     format_clock(minute_of_day(t)));
}

std::string spoken_time(WallSeconds t, WallSeconds now_s) {
  return day_of(t) == day_of(now_s) ? format_clock(minute_of_day(t)) : spoken_day_time(t);
}

std::string render_text(const Action& a, const WorldView& world, WallSeconds now_s) {
  const Directory& d = world.directory();
  switch (a.kind) {
    case ActionKind::PlayMessage:
      switch (a.message) {
        case MessageKind::Greeting:  // T2
          return a.entry.valid() && a.entry.value < d.entries.size() ? d.entry(a.entry).greeting : std::string();
        case MessageKind::Closed: {  // T4
          std::string text = "The switchboard is closed. " + world.switchboard_reopen_sentence(now_s);
          if (!d.on_call.empty()) {
            text += " On-call numbers:";
            for (std::size_t i = 0; i < d.on_call.size(); ++i)
              text += fmt::format("{} {} {}", i == 0 ? "" : ",", d.on_call[i].name, d.on_call[i].number);
            text += ".";
          }
          return text;
        }
        case MessageKind::Referral: {  // M9
          std::string text = fmt::format("{} is {}", person_name(d, a.person), referral_phrase(a.reason));
          if (a.has_time) text += " until " + spoken_time(a.time_s, now_s);
          if (!a.options.empty()) text += "; " + press_list(a.options);
          return text + ".";
        }
        case MessageKind::ReturnTime:  // T3b
          return fmt::format("{} is back {}{}.", person_name(d, a.person),
                             day_of(a.time_s) == day_of(now_s) ? "at " : "", spoken_time(a.time_s, now_s));
        case MessageKind::PhoneHours:  // P4
          return fmt::format("The phone hours of {} start {}{}.", unit_name(d, a.unit),
                             day_of(a.time_s) == day_of(now_s) ? "at " : "", spoken_time(a.time_s, now_s));
        case MessageKind::QueueFull:
          return "All our lines are busy. Please call again later.";
        case MessageKind::CallbackOffer:
          return fmt::format("The expected wait is about {} minutes; {}.",
                             static_cast<int>(a.time_s / kSecondsPerMinute + 0.5), press_list(a.options));
        case MessageKind::None:
          return {};
      }
      return {};
    case ActionKind::Offer: {     // the operator's words for T3a-T3c
      if (a.recorded) return {};  // the recorded message before it read the choices out
      std::string text = "I can";
      for (std::uint8_t i = 0; i < a.options.size(); ++i) {
        const Option o = a.options[i];
        text += i == 0 ? " " : (i + 1 == a.options.size() ? " or " : ", ");
        switch (o) {
          case Option::Colleague:
            text += "put you through to " + person_name(d, a.person);  // T3a
            break;
          case Option::ReturnTime:
            text += a.has_time ? "tell you when to call again (" + spoken_time(a.time_s, now_s) + ")"  // T3b
                               : std::string("tell you when to call again");
            break;
          case Option::Message:
            text += "take a message";
            break;
          case Option::Voicemail:
            text += "put you through to voicemail";
            break;
          case Option::Operator:
            text += "put you through to the operator";
            break;
          case Option::Callback:
            text += "have us call you back";
            break;
          case Option::Wait:
            text += "keep you waiting in the queue";
            break;
        }
      }
      return text + ".";
    }
    case ActionKind::GiveMobile: {  // MO4
      const bool known = a.person.valid() && a.person.value < d.people.size() && d.person(a.person).mobile;
      return fmt::format("{} can be reached on mobile {}.", person_name(d, a.person),
                         known ? *d.person(a.person).mobile : std::string("(unknown)"));
    }
    default:
      return {};
  }
}

}  // namespace vaxel::model::routing
