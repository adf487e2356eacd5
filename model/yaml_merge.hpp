// The scenario loader's own YAML tree and `extends:` merging. yaml-cpp 0.7 nodes cannot say which file they came
// from, new nodes built during a merge have no position at all, and Mark() throws on a missing node; so each
// parsed file is copied once into YNode, which carries its file and 1-based position on every node and key.
// Merging then keeps, for every value, the position in the file that gave it.
//
// Merge rules (docs/scenario.md): maps merge deeply, key by key, the extending file winning; lists and scalars
// are replaced whole; `key: ~` in the extending file replaces the value with nothing (= the default).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/scenario_loader.hpp"

namespace vaxel::model::yaml {

/// Where a node or key is: an index into Diagnostics::files and a 1-based line and column (0 = unknown).
struct SourcePos {
  int file = -1;
  int line = 0;
  int column = 0;
};

struct YEntry;

/// One node of a parsed document. Maps keep their keys in document order.
struct YNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  std::string scalar;   ///< Scalar: the text as written, without quotes
  bool quoted = false;  ///< Scalar: written in quotes ("4111" stays text for every YAML reader of Scenario::text)
  std::vector<YNode> items;
  std::vector<YEntry> entries;
  SourcePos pos;

  [[nodiscard]] bool is_map() const { return kind == Kind::Map; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::Sequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::Scalar; }
  [[nodiscard]] bool is_null() const { return kind == Kind::Null; }
  /// The entry with this key, or nullptr.
  [[nodiscard]] const YEntry* find(std::string_view key) const;
  [[nodiscard]] YEntry* find(std::string_view key);
};

struct YEntry {
  std::string key;
  SourcePos key_pos;
  YNode value;
};

/// Collects diagnostics; the files they point into are named once.
class Diagnostics {
 public:
  int add_file(std::string name);
  [[nodiscard]] const std::string& file(int index) const { return files_.at(static_cast<std::size_t>(index)); }
  void error(const SourcePos& pos, std::string message);
  [[nodiscard]] bool empty() const { return list_.empty(); }
  [[nodiscard]] std::size_t size() const { return list_.size(); }
  /// All diagnostics, sorted by file (in the order files were added), line and column; stable otherwise.
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

 private:
  std::vector<std::string> files_;
  std::vector<std::pair<SourcePos, std::string>> list_;
};

/// Parses YAML text of file `file` (an index in diags). Syntax errors are reported with their position.
[[nodiscard]] std::optional<YNode> parse(const std::string& text, int file, Diagnostics& diags);

/// Merges overlay into base: maps deeply, everything else replaced (see the file comment).
void merge_into(YNode& base, YNode overlay);

/// Parses `text` (named `name`) and resolves its `extends:` chain, each path relative to the directory of the
/// file naming it (`base_dir` for `text` itself). Returns the merged document without `extends:` keys.
[[nodiscard]] std::optional<YNode> load_with_extends(const std::string& text, const std::string& name,
                                                     const std::string& base_dir, Diagnostics& diags);

/// The document as YAML text (no comments), deterministic: equal trees give equal text.
[[nodiscard]] std::string emit(const YNode& node);

}  // namespace vaxel::model::yaml
