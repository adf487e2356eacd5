// Call detail records (CDRs): the switchboard's own call log, in the two formats of docs/cdr.md (Asterisk's
// cdr_csv Master.csv and a generic CSV with a header). This header is the shared vocabulary: one call as
// calibration sees it (CdrRecord), and the reader that checks every row against the organisation's numbers,
// keeps the good rows and reports the bad ones by line. Caller ids are pseudonymised with a salted hash the
// moment a row is read, so no clear id is ever stored (privacy, docs/cdr.md).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.hpp"
#include "model/routing/call.hpp"
#include "model/scenario.hpp"
#include "model/time.hpp"

namespace vaxel::sim::cdr {

enum class Format { Asterisk, Generic };
[[nodiscard]] const char* to_string(Format f);
/// "asterisk" or "generic"; false for anything else.
[[nodiscard]] bool parse_format(std::string_view text, Format& out);

/// How a call ended, as a call log can say it (docs/cdr.md: the `outcome` column). Coarser than the routing
/// core's OutcomeReason: a log cannot tell the person sought from a colleague.
enum class Outcome {
  Connected,           ///< talked to a person (the one sought or a colleague)
  AnsweredByOperator,  ///< the operator answered the question
  International,       ///< the operator ordered an international call (U1)
  Voicemail,           ///< left a voicemail
  Message,             ///< the operator took a message
  Callback,            ///< a callback was ordered instead of queueing
  Abandoned,           ///< hung up while waiting
  Busy,                ///< busy tone (all lines, or the extension)
  NoAnswer,            ///< rang out, nothing caught it
  Closed,              ///< the closed message ran (T4)
  MobileGiven,         ///< the operator gave out a mobile number (MO4)
  ReturnTime,          ///< the operator told when to call again (T3b)
  Unanswered,          ///< ended with nobody (M1)
};
inline constexpr int kOutcomeCount = 13;
[[nodiscard]] const char* to_string(Outcome o);
[[nodiscard]] bool parse_outcome(std::string_view text, Outcome& out);
[[nodiscard]] Outcome outcome_of(model::routing::OutcomeReason reason);
/// True for the outcomes after which a caller may call again (the redial rules of scenario `callers.redial`).
[[nodiscard]] bool is_failure(Outcome o);

/// Who picked the call up last.
enum class AnsweredBy { Nobody, Operator, Person, Voicemail };

/// One call from the log, checked and resolved against the organisation. Times are wall-clock seconds.
struct CdrRecord {
  int line = 0;  ///< 1-based line in the log
  model::WallSeconds start_s = 0.0;
  std::uint64_t caller = 0;   ///< salted hash of the caller id; 0 = no caller id (anonymous)
  model::EntryId entry;       ///< the number dialled, as an entry of the organisation
  bool queued = false;        ///< waited in the switchboard queue (queue_wait_s meaningful)
  double queue_wait_s = 0.0;  ///< until an operator answered, or until the caller hung up
  AnsweredBy answered_by = AnsweredBy::Nobody;
  model::PersonId answered_person;  ///< AnsweredBy::Person
  model::PersonId transferred_to;   ///< the operator's first transfer; invalid = none
  bool transfer_answered = false;   ///< the first transfer was picked up
  std::optional<double> handle_s;   ///< operator talk time before the first transfer or the end
  Outcome outcome = Outcome::Unanswered;
  double duration_s = 0.0;
};

/// A row that could not be used, with why. The problem text never quotes the caller id.
struct BadRow {
  int line = 0;
  std::string problem;
};

struct ReadOptions {
  std::optional<Format> format;     ///< unset = detect from the first line
  std::optional<std::string> salt;  ///< unset = derived from the log's content (docs/cdr.md)
  int max_listed = 20;              ///< bad rows listed by line; the rest are only counted
};

struct ReadResult {
  Format format = Format::Generic;
  std::string source;  ///< the log's name, for messages
  std::vector<CdrRecord> records;
  std::vector<BadRow> bad;  ///< the first max_listed bad rows
  int bad_count = 0;        ///< all bad rows
  int rows = 0;             ///< data rows seen (blank lines and a header excepted)
  bool salt_from_content = true;

  /// "calls.csv: 1234 rows, 1230 used, 4 bad" plus one line per listed bad row and "... and N more".
  [[nodiscard]] std::string summary() const;
};

/// Reads a log from text. Never throws on bad rows: they are counted in the result.
[[nodiscard]] ReadResult read_cdr_text(const std::string& text, const std::string& source,
                                       const model::Scenario& organisation, const ReadOptions& options);
/// Reads a log file; throws std::runtime_error naming the file when it cannot be read.
[[nodiscard]] ReadResult read_cdr_file(const std::string& path, const model::Scenario& organisation,
                                       const ReadOptions& options);

/// The salted pseudonym of a caller id (FNV-1a 64 over salt and id, then a SplitMix64 mix); never 0.
[[nodiscard]] std::uint64_t hash_caller(std::string_view salt, std::string_view caller_id);
/// The default salt: a digest of the log's whole content, so one file always gives the same pseudonyms.
[[nodiscard]] std::string content_salt(std::string_view text);

/// The synthetic caller id of a simulated errand: "07" and eight digits, like a Swedish mobile number.
[[nodiscard]] std::string synthetic_caller_id(std::uint64_t errand);

/// Splits one CSV line (RFC 4180 quoting: "a ""b"", c" is one field). False on an unterminated quote.
[[nodiscard]] bool split_csv_line(std::string_view line, std::vector<std::string>& fields);
/// Quotes a field for CSV when it needs it.
[[nodiscard]] std::string csv_field(std::string_view text, bool always_quote = false);

/// The column names of the generic format, in the order vaxel writes them (docs/cdr.md).
[[nodiscard]] const std::vector<std::string>& generic_columns();

}  // namespace vaxel::sim::cdr
