// The CDR vocabulary: outcome names, CSV splitting and quoting, and the caller pseudonyms (salted hashes on
// reading, synthetic ids on writing). The row readers are in cdr_reader.cpp.
#include "sim/cdr.hpp"

#include <fmt/format.h>

#include <array>

#include "sim/random.hpp"

namespace vaxel::sim::cdr {

namespace {
constexpr std::array<const char*, kOutcomeCount> kOutcomeNames = {"connected",     "answered_by_operator",
                                                                  "international", "voicemail",
                                                                  "message",       "callback",
                                                                  "abandoned",     "busy",
                                                                  "no_answer",     "closed",
                                                                  "mobile_given",  "return_time",
                                                                  "unanswered"};

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(std::uint64_t h, std::string_view text) {
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}
}  // namespace

const char* to_string(Format f) {
  return f == Format::Asterisk ? "asterisk" : "generic";
}

bool parse_format(std::string_view text, Format& out) {
  if (text == "asterisk") {
    out = Format::Asterisk;
    return true;
  }
  if (text == "generic") {
    out = Format::Generic;
    return true;
  }
  return false;
}

const char* to_string(Outcome o) {
  return kOutcomeNames[static_cast<std::size_t>(o)];
}

bool parse_outcome(std::string_view text, Outcome& out) {
  for (std::size_t i = 0; i < kOutcomeNames.size(); ++i)
    if (text == kOutcomeNames[i]) {
      out = static_cast<Outcome>(i);
      return true;
    }
  return false;
}

Outcome outcome_of(model::routing::OutcomeReason reason) {
  using R = model::routing::OutcomeReason;
  switch (reason) {
    case R::TalkedToPerson:
    case R::TalkedToColleague:
      return Outcome::Connected;
    case R::AnsweredByOperator:
      return Outcome::AnsweredByOperator;
    case R::InternationalOrdered:
      return Outcome::International;
    case R::Voicemail:
      return Outcome::Voicemail;
    case R::MessageTaken:
      return Outcome::Message;
    case R::CallbackOrdered:
      return Outcome::Callback;
    case R::Abandoned:
      return Outcome::Abandoned;
    case R::Busy:
      return Outcome::Busy;
    case R::NoAnswer:
      return Outcome::NoAnswer;
    case R::Closed:
      return Outcome::Closed;
    case R::MobileGiven:
      return Outcome::MobileGiven;
    case R::ReturnTimeGiven:
      return Outcome::ReturnTime;
    case R::None:
    case R::Unanswered:
      return Outcome::Unanswered;
  }
  return Outcome::Unanswered;
}

bool is_failure(Outcome o) {
  switch (o) {
    case Outcome::Abandoned:
    case Outcome::Busy:
    case Outcome::NoAnswer:
    case Outcome::Closed:
    case Outcome::MobileGiven:
    case Outcome::ReturnTime:
    case Outcome::Unanswered:
      return true;
    default:
      return false;
  }
}

std::uint64_t hash_caller(std::string_view salt, std::string_view caller_id) {
  std::uint64_t h = fnv1a(kFnvOffset, salt);
  h = fnv1a(h ^ 0xFFu, caller_id);  // a separator byte, so ("ab","c") and ("a","bc") differ
  h = mix64(h);
  return h == 0 ? 1 : h;
}

std::string content_salt(std::string_view text) {
  return fmt::format("content:{:016x}", mix64(fnv1a(kFnvOffset, text)));
}

std::string synthetic_caller_id(std::uint64_t errand) {
  return fmt::format("07{:08}", mix64(errand ^ 0x5EEDCA11E5ULL) % 100000000ULL);
}

bool split_csv_line(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return !quoted;
}

std::string csv_field(std::string_view text, bool always_quote) {
  const bool needs = always_quote || text.find_first_of(",\"\n") != std::string_view::npos;
  if (!needs) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

const std::vector<std::string>& generic_columns() {
  static const std::vector<std::string> kColumns = {"start",        "caller",      "dialled",
                                                    "queue_wait_s", "answered_by", "transferred_to",
                                                    "outcome",      "handle_s",    "duration_s"};
  return kColumns;
}

std::string ReadResult::summary() const {
  std::string s = fmt::format("{}: {} format, {} rows, {} used, {} bad", source, to_string(format), rows,
                              records.size(), bad_count);
  for (const BadRow& b : bad)
    s += fmt::format("\n  {}:{}: {}", source, b.line, b.problem);
  if (bad_count > static_cast<int>(bad.size()))
    s += fmt::format("\n  ... and {} more bad rows", bad_count - static_cast<int>(bad.size()));
  return s;
}

}  // namespace vaxel::sim::cdr
