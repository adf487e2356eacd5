// The structure pass's tools (internal to the scenario loader): checked access to a map's keys (unknown keys
// with "did you mean", missing required keys, mutually exclusive keys) and typed reads of scalars, dates,
// clock times, distributions and schedules. Each read reports what is wrong where and returns nullopt, so the
// loader can go on and collect every error of a file.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/distribution.hpp"
#include "model/schedule.hpp"
#include "model/yaml_merge.hpp"

namespace vaxel::model::yaml {

/// The loader's state while reading one document: diagnostics, and whether the structure pass failed (then the
/// meaning pass is skipped, since it would only report the consequences).
struct Ctx {
  Diagnostics& diags;
  bool structure_failed = false;

  void structure(const SourcePos& pos, std::string message) {
    structure_failed = true;
    diags.error(pos, std::move(message));
  }
  void meaning(const SourcePos& pos, std::string message) { diags.error(pos, std::move(message)); }
};

/// The closest candidate within a small edit distance, or "" when none is close.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// A map section with a fixed set of allowed keys. A null node (section absent or `~`) reads as empty.
class MapView {
 public:
  MapView(Ctx& ctx, const YNode* node, std::string path, std::initializer_list<std::string_view> allowed);

  /// False when the node is neither absent nor a map (reported).
  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] const YNode* node() const { return node_; }
  /// The value of `key`, or nullptr when absent or `~`.
  [[nodiscard]] const YNode* get(std::string_view key) const;
  /// Like get(), but reports a missing key at the map's position.
  const YNode* require(std::string_view key);
  /// Reports when more than one of `keys` is given.
  void exclusive(std::initializer_list<std::string_view> keys);
  /// "section.key" for messages.
  [[nodiscard]] std::string path(std::string_view key) const;
  [[nodiscard]] SourcePos pos() const;

 private:
  Ctx& ctx_;
  const YNode* node_ = nullptr;
  std::string path_;
  bool valid_ = true;
};

/// How a node looks, for "expected X, got Y" messages.
[[nodiscard]] std::string describe(const YNode& n);
/// "`path`: " prefix used by every message about a value.
[[nodiscard]] std::string where(std::string_view path);

[[nodiscard]] std::optional<std::string> read_string(Ctx& ctx, const YNode& n, std::string_view path);
[[nodiscard]] std::optional<double> read_number(Ctx& ctx, const YNode& n, std::string_view path);
/// A number in [lo, hi]; out of range is a meaning error, `what` names it ("probability", "share").
[[nodiscard]] std::optional<double> read_number_in(Ctx& ctx, const YNode& n, std::string_view path, double lo,
                                                   double hi, std::string_view what = "value");
[[nodiscard]] std::optional<double> read_probability(Ctx& ctx, const YNode& n, std::string_view path);
[[nodiscard]] std::optional<long long> read_integer(Ctx& ctx, const YNode& n, std::string_view path, long long lo,
                                                    long long hi, std::string_view what = "value");
[[nodiscard]] std::optional<bool> read_bool(Ctx& ctx, const YNode& n, std::string_view path);
[[nodiscard]] std::optional<Date> read_date(Ctx& ctx, const YNode& n, std::string_view path);
/// "HH:MM" in minutes since midnight.
[[nodiscard]] std::optional<int> read_clock(Ctx& ctx, const YNode& n, std::string_view path);
/// One of `choices` (word -> value), with "did you mean" on a near miss.
template <class E>
[[nodiscard]] std::optional<E> read_choice(Ctx& ctx, const YNode& n, std::string_view path,
                                           std::initializer_list<std::pair<std::string_view, E>> choices);

/// `{lognormal: {mean: 35, cv: 1}}`, `{exponential: {mean: 216}}`, `{uniform: {min: 0, max: 1800}}`,
/// `{empirical: [..]}`, `{constant: 5}` or a bare number.
[[nodiscard]] std::optional<Distribution> read_distribution(Ctx& ctx, const YNode& n, std::string_view path);
/// `closed`, `"08:00-16:00"` or a list of such intervals; overlapping intervals are an error.
[[nodiscard]] std::optional<DayHours> read_day_hours(Ctx& ctx, const YNode& n, std::string_view path);
/// A map of day keys (`mon`, `mon-fri`) to day hours; later keys override earlier ones for their days.
[[nodiscard]] std::optional<WeeklyHours> read_weekly(Ctx& ctx, const YNode& n, std::string_view path);
/// `{weekly:, summer:, reduced_day_close:, holidays:, exceptions:}`.
[[nodiscard]] std::optional<Schedule> read_schedule(Ctx& ctx, const YNode& n, std::string_view path);
/// Day keys `mon`..`sun` and ranges `mon-fri`: the weekdays named (Monday = 0), or empty when not a day key.
[[nodiscard]] std::vector<int> parse_day_key(std::string_view key);

// ---------------------------------------------------------------------------------------------------------------

template <class E>
std::optional<E> read_choice(Ctx& ctx, const YNode& n, std::string_view path,
                             std::initializer_list<std::pair<std::string_view, E>> choices) {
  std::vector<std::string_view> words;
  std::string list;
  for (const auto& [word, value] : choices) {
    words.push_back(word);
    list += (list.empty() ? "" : ", ") + std::string(word);
  }
  if (n.is_scalar()) {
    for (const auto& [word, value] : choices)
      if (n.scalar == word) return value;
  }
  std::string message = where(path) + "expected one of " + list + ", got " + describe(n);
  if (n.is_scalar()) {
    const std::string near = did_you_mean(n.scalar, words);
    if (!near.empty()) message += "; did you mean '" + near + "'?";
  }
  ctx.structure(n.pos, message);
  return std::nullopt;
}

}  // namespace vaxel::model::yaml
