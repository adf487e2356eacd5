// Reading call logs row by row. Each row is checked (column count, times, durations, numbers known to the
// organisation, outcome words) and either becomes a CdrRecord or a BadRow with its line; a bad row never stops
// the reading. The caller id is hashed at once and the clear text dropped with the row.
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "sim/cdr.hpp"

namespace vaxel::sim::cdr {

namespace {

constexpr std::size_t kAsteriskColumns = 16;          // up to amaflags
constexpr std::size_t kAsteriskColumnsExtended = 18;  // with uniqueid, userfield

/// Digits only, with an international Swedish prefix (+46 / 0046) turned back into the trunk 0.
std::string normalise_number(std::string_view text) {
  std::string digits;
  for (const char c : text)
    if (c >= '0' && c <= '9') digits += c;
  const auto start = text.find_first_not_of(' ');
  const bool plus = start != std::string_view::npos && text[start] == '+';
  if (plus && digits.rfind("46", 0) == 0) return "0" + digits.substr(2);
  if (digits.rfind("0046", 0) == 0) return "0" + digits.substr(4);
  return digits;
}

std::string trim(std::string_view s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  const auto b = s.find_last_not_of(" \t");
  return std::string(s.substr(a, b - a + 1));
}

/// The organisation's numbers: entry numbers, then people's direct-dial numbers and extensions.
class NumberBook {
 public:
  explicit NumberBook(const model::Directory& dir) {
    for (const model::EntryNumber& e : dir.entries)
      if (!e.number.empty()) entries_[normalise_number(e.number)] = e.id;
    for (const model::Person& p : dir.people) {
      if (!p.direct_dial.empty()) people_[normalise_number(p.direct_dial)] = p.id;
      if (!p.extension.empty()) people_[normalise_number(p.extension)] = p.id;
    }
    if (auto d = dir.find_entry_kind(model::EntryKind::DirectDial)) direct_ = *d;
  }
  /// The entry a dialled number reaches: an entry number, or the direct-dial entry for a person's number.
  [[nodiscard]] std::optional<model::EntryId> entry(std::string_view number) const {
    const std::string n = normalise_number(number);
    if (n.empty()) return std::nullopt;
    if (auto it = entries_.find(n); it != entries_.end()) return it->second;
    if (people_.count(n) && direct_.valid()) return direct_;
    return std::nullopt;
  }
  [[nodiscard]] std::optional<model::PersonId> person(std::string_view number) const {
    const std::string n = normalise_number(number);
    if (auto it = people_.find(n); it != people_.end()) return it->second;
    return std::nullopt;
  }

 private:
  std::unordered_map<std::string, model::EntryId> entries_;
  std::unordered_map<std::string, model::PersonId> people_;
  model::EntryId direct_;
};

/// A row's problem; thrown inside one row's parsing and caught by the loop.
struct RowProblem {
  std::string text;
};

model::WallSeconds read_time(const std::string& field, const char* column) {
  std::string t = trim(field);
  if (t.size() > 10 && t[10] == ' ') t[10] = 'T';  // Asterisk writes "2027-01-11 08:15:03"
  model::WallSeconds out = 0.0;
  if (!model::parse_date_time(t, out))
    throw RowProblem{fmt::format("{}: cannot read the time '{}' (expected YYYY-MM-DD HH:MM:SS)", column, field)};
  return out;
}

double read_seconds(const std::string& field, const char* column) {
  const std::string t = trim(field);
  std::size_t used = 0;
  double v = 0.0;
  try {
    v = std::stod(t, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (t.empty() || used != t.size() || !std::isfinite(v))
    throw RowProblem{fmt::format("{}: '{}' is not a number of seconds", column, field)};
  if (v < 0.0) throw RowProblem{fmt::format("{}: negative duration {}", column, t)};
  return v;
}

std::optional<double> read_optional_seconds(const std::string& field, const char* column) {
  if (trim(field).empty()) return std::nullopt;
  return read_seconds(field, column);
}

model::PersonId read_extension(const NumberBook& book, const std::string& field, const char* column) {
  const auto p = book.person(field);
  if (!p) throw RowProblem{fmt::format("{}: unknown number '{}'", column, trim(field))};
  return *p;
}

model::EntryId read_dialled(const NumberBook& book, const std::string& field, const char* column) {
  const auto e = book.entry(field);
  if (!e) throw RowProblem{fmt::format("{}: unknown number dialled '{}'", column, trim(field))};
  return *e;
}

void finish_record(CdrRecord& r) {
  r.transfer_answered =
      r.transferred_to.valid() && r.answered_by == AnsweredBy::Person && r.answered_person == r.transferred_to;
}

// --- generic ---------------------------------------------------------------------------------------------

struct GenericLayout {
  std::map<std::string, std::size_t> column;  ///< by name
  std::size_t count = 0;
  [[nodiscard]] const std::string* field(const std::vector<std::string>& f, const std::string& name) const {
    auto it = column.find(name);
    return it == column.end() ? nullptr : &f[it->second];
  }
};

CdrRecord read_generic_row(const std::vector<std::string>& f, const GenericLayout& layout, const NumberBook& book,
                           std::string_view salt) {
  if (f.size() != layout.count)
    throw RowProblem{fmt::format("expected {} columns as in the header, got {}", layout.count, f.size())};
  static const std::string kEmpty;
  auto get = [&](const char* name) -> const std::string& {
    const std::string* p = layout.field(f, name);
    return p ? *p : kEmpty;
  };
  CdrRecord r;
  r.start_s = read_time(get("start"), "start");
  const std::string caller = trim(get("caller"));
  r.caller = caller.empty() ? 0 : hash_caller(salt, caller);
  r.entry = read_dialled(book, get("dialled"), "dialled");
  if (auto w = read_optional_seconds(get("queue_wait_s"), "queue_wait_s")) {
    r.queued = true;
    r.queue_wait_s = *w;
  }
  const std::string by = trim(get("answered_by"));
  if (by == "operator")
    r.answered_by = AnsweredBy::Operator;
  else if (by == "voicemail")
    r.answered_by = AnsweredBy::Voicemail;
  else if (!by.empty()) {
    r.answered_by = AnsweredBy::Person;
    r.answered_person = read_extension(book, by, "answered_by");
  }
  if (!trim(get("transferred_to")).empty())
    r.transferred_to = read_extension(book, get("transferred_to"), "transferred_to");
  const std::string outcome = trim(get("outcome"));
  if (!parse_outcome(outcome, r.outcome)) throw RowProblem{fmt::format("outcome: unknown outcome '{}'", outcome)};
  r.handle_s = read_optional_seconds(get("handle_s"), "handle_s");
  if (auto d = read_optional_seconds(get("duration_s"), "duration_s")) r.duration_s = *d;
  finish_record(r);
  return r;
}

// --- Asterisk --------------------------------------------------------------------------------------------

/// userfield "outcome=message;wait_s=12.5;handle_s=40.1;transfer=4410" (docs/cdr.md), as key -> value.
std::map<std::string, std::string> userfield_pairs(const std::string& text) {
  std::map<std::string, std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find(';', pos), text.size());
    const std::string item = text.substr(pos, end - pos);
    if (const auto eq = item.find('='); eq != std::string::npos)
      out[trim(item.substr(0, eq))] = trim(item.substr(eq + 1));
    pos = end + 1;
  }
  return out;
}

/// "SIP/4410-0000001a" -> "4410"; "SIP/4410,25" -> "4410".
std::string channel_peer(const std::string& channel) {
  const auto slash = channel.find('/');
  std::string peer = slash == std::string::npos ? channel : channel.substr(slash + 1);
  const auto cut = peer.find_first_of("-,@");
  if (cut != std::string::npos) peer.resize(cut);
  return trim(peer);
}

CdrRecord read_asterisk_row(const std::vector<std::string>& f, const NumberBook& book, const model::Directory& dir,
                            std::string_view salt) {
  if (f.size() != kAsteriskColumns && f.size() != kAsteriskColumnsExtended)
    throw RowProblem{fmt::format("expected {} or {} columns (Asterisk Master.csv), got {}", kAsteriskColumns,
                                 kAsteriskColumnsExtended, f.size())};
  // accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end,
  // duration, billsec, disposition, amaflags[, uniqueid, userfield]
  const std::string& src = f[1];
  const std::string& dstchannel = f[6];
  const std::string lastapp = trim(f[7]);
  const std::string& lastdata = f[8];
  CdrRecord r;
  r.start_s = read_time(f[9], "start");
  // A plain flag and time, not std::optional: GCC 12 -O3 warns falsely about an optional<double> here.
  const bool answered = !trim(f[10]).empty();
  const model::WallSeconds answer_s = answered ? read_time(f[10], "answer") : 0.0;
  const model::WallSeconds end = read_time(f[11], "end");
  if (end < r.start_s) throw RowProblem{"end: the call ends before it starts"};
  r.duration_s = read_seconds(f[12], "duration");
  (void)read_seconds(f[13], "billsec");  // checked; the answer time says the same
  const std::string caller = trim(src);
  r.caller = caller.empty() ? 0 : hash_caller(salt, caller);
  r.entry = read_dialled(book, f[2], "dst");
  const std::string disposition = trim(f[14]);
  if (disposition != "ANSWERED" && disposition != "NO ANSWER" && disposition != "BUSY" && disposition != "FAILED")
    throw RowProblem{fmt::format("disposition: unknown disposition '{}'", disposition)};
  const auto user =
      f.size() == kAsteriskColumnsExtended ? userfield_pairs(f[17]) : std::map<std::string, std::string>{};

  const model::EntryKind kind = dir.entry(r.entry).kind;
  const bool via_switchboard = kind == model::EntryKind::Main || kind == model::EntryKind::Housing ||
                               (kind == model::EntryKind::AutoAttendant && lastapp == "Queue");
  // Who answered: the peer of dstchannel when the call was answered.
  const std::string peer = channel_peer(dstchannel);
  if (disposition == "ANSWERED") {
    if (lastapp == "VoiceMail")
      r.answered_by = AnsweredBy::Voicemail;
    else if (peer.rfind("operator", 0) == 0)
      r.answered_by = AnsweredBy::Operator;
    else if (!peer.empty()) {
      r.answered_by = AnsweredBy::Person;
      r.answered_person = read_extension(book, peer, "dstchannel");
    } else if (lastapp == "Queue")
      r.answered_by = AnsweredBy::Operator;
  }
  // The outcome: the dialplan's userfield when it says, else what lastapp and disposition imply.
  if (auto it = user.find("outcome"); it != user.end()) {
    if (!parse_outcome(it->second, r.outcome))
      throw RowProblem{fmt::format("userfield: unknown outcome '{}'", it->second)};
  } else if (disposition == "BUSY") {
    r.outcome = Outcome::Busy;
  } else if (disposition == "FAILED") {
    r.outcome = Outcome::Unanswered;
  } else if (disposition == "NO ANSWER") {
    r.outcome = lastapp == "Queue" ? Outcome::Abandoned : Outcome::NoAnswer;
  } else if (lastapp == "Playback") {
    r.outcome = Outcome::Closed;
  } else if (r.answered_by == AnsweredBy::Voicemail) {
    r.outcome = Outcome::Voicemail;
  } else if (r.answered_by == AnsweredBy::Person) {
    r.outcome = Outcome::Connected;
  } else {
    r.outcome = Outcome::AnsweredByOperator;  // operator-only calls: the closest a plain log can say
  }
  if (auto it = user.find("wait_s"); it != user.end()) {
    r.queued = true;
    r.queue_wait_s = read_seconds(it->second, "userfield wait_s");
  } else if (via_switchboard && r.outcome != Outcome::Closed && r.outcome != Outcome::Busy) {
    r.queued = true;
    r.queue_wait_s = answered ? answer_s - r.start_s : end - r.start_s;
    if (r.queue_wait_s < 0.0) throw RowProblem{"answer: answered before the call started"};
  }
  if (auto it = user.find("handle_s"); it != user.end()) r.handle_s = read_seconds(it->second, "userfield handle_s");
  if (auto it = user.find("transfer"); it != user.end()) {
    if (!it->second.empty()) r.transferred_to = read_extension(book, it->second, "userfield transfer");
  } else if (lastapp == "Dial" && via_switchboard) {
    r.transferred_to = read_extension(book, channel_peer(lastdata), "lastdata");
  }
  finish_record(r);
  return r;
}

bool looks_like_generic_header(const std::vector<std::string>& f) {
  int known = 0;
  for (const std::string& name : f)
    for (const std::string& c : generic_columns())
      if (trim(name) == c) ++known;
  return known >= 3;
}

}  // namespace

ReadResult read_cdr_text(const std::string& text, const std::string& source, const model::Scenario& organisation,
                         const ReadOptions& options) {
  ReadResult result;
  result.source = source;
  result.salt_from_content = !options.salt.has_value();
  const std::string salt = options.salt ? *options.salt : content_salt(text);
  const NumberBook book(organisation.directory);

  std::istringstream in(text);
  std::string line;
  std::vector<std::string> fields;
  GenericLayout layout;
  bool first = true;
  int line_no = 0;
  auto bad = [&](int at, std::string problem) {
    ++result.bad_count;
    if (static_cast<int>(result.bad.size()) < options.max_listed) result.bad.push_back({at, std::move(problem)});
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (trim(line).empty() || trim(line) == "\r") continue;
    const bool split_ok = split_csv_line(line, fields);
    if (first) {
      first = false;
      const bool header = looks_like_generic_header(fields);
      result.format = options.format ? *options.format : (header ? Format::Generic : Format::Asterisk);
      if (result.format == Format::Generic) {
        if (!header) {
          bad(line_no, "the generic format needs a header line naming its columns (docs/cdr.md)");
          return result;
        }
        for (std::size_t i = 0; i < fields.size(); ++i)
          layout.column[trim(fields[i])] = i;
        layout.count = fields.size();
        for (const char* required : {"start", "caller", "dialled", "outcome"})
          if (!layout.column.count(required)) {
            bad(line_no, fmt::format("header: required column '{}' missing", required));
            return result;
          }
        continue;
      }
      if (fields.size() > 1 && trim(fields[0]) == "accountcode") continue;  // a header some exports add
    }
    ++result.rows;
    if (!split_ok) {
      bad(line_no, "unterminated quote");
      continue;
    }
    try {
      CdrRecord r = result.format == Format::Generic ? read_generic_row(fields, layout, book, salt)
                                                     : read_asterisk_row(fields, book, organisation.directory, salt);
      r.line = line_no;
      result.records.push_back(r);
    } catch (const RowProblem& p) {
      bad(line_no, p.text);
    }
  }
  return result;
}

ReadResult read_cdr_file(const std::string& path, const model::Scenario& organisation, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read the call log", path));
  std::ostringstream text;
  text << in.rdbuf();
  return read_cdr_text(text.str(), path, organisation, options);
}

}  // namespace vaxel::sim::cdr
