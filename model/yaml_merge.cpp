// Copying yaml-cpp documents into YNode trees with positions, merging them along `extends:` chains, and
// writing the merged tree back as text (for Scenario::text and its hash).
#include "model/yaml_merge.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/scenario_keys.hpp"

namespace vaxel::model::yaml {

namespace fs = std::filesystem;

const YEntry* YNode::find(std::string_view key) const {
  for (const YEntry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}
YEntry* YNode::find(std::string_view key) {
  for (YEntry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

int Diagnostics::add_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<int>(files_.size()) - 1;
}

void Diagnostics::error(const SourcePos& pos, std::string message) {
  list_.emplace_back(pos, std::move(message));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<std::size_t> order(list_.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const SourcePos& pa = list_[a].first;
    const SourcePos& pb = list_[b].first;
    return std::tie(pa.file, pa.line, pa.column) < std::tie(pb.file, pb.line, pb.column);
  });
  std::vector<Diagnostic> out;
  for (std::size_t i : order) {
    const auto& [pos, message] = list_[i];
    out.push_back({pos.file >= 0 ? file(pos.file) : std::string("<scenario>"), pos.line, pos.column, message});
  }
  return out;
}

namespace {

// A document this large or deep is a mistake or an alias bomb (`&a [*a, *a, ...]` nested): refuse it before
// copying it exhausts memory or the stack.
constexpr std::size_t kMaxNodes = 20'000'000;
constexpr int kMaxDepth = 64;
// Written out, a node takes at least a byte or two of text, so more nodes than this many per byte can only come
// from aliases expanding. yaml-cpp shares an aliased node, but walking it visits every copy, each costing about
// 2 KB and 50 us: a seven-level bomb of 300 bytes (1.1 million nodes) took 54 s and 2.2 GB, eight levels
// never ended. The floor leaves room for anchors reused in small files (a shift shared by every operator).
constexpr std::size_t kMaxNodesPerByte = 8;
constexpr std::size_t kMinNodeBudget = 20'000;

// The one place yaml-cpp's 0-based marks become 1-based positions.
SourcePos pos_of(const YAML::Mark& mark, int file) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

struct Converter {
  int file;
  Diagnostics& diags;
  std::size_t max_nodes = kMaxNodes;
  std::size_t nodes = 0;
  bool failed = false;

  YNode convert(const YAML::Node& n, int depth) {
    YNode out;
    out.pos = pos_of(n.Mark(), file);
    if (failed) return out;
    if (++nodes > max_nodes || depth > kMaxDepth) {
      std::string what = "the document nests deeper than 64 levels";
      if (depth <= kMaxDepth)
        what = max_nodes < kMaxNodes ? "aliases expand the document beyond " + std::to_string(max_nodes) + " nodes (" +
                                           std::to_string(kMaxNodesPerByte) +
                                           " per byte of its text): an alias bomb, or anchors nested too deeply"
                                     : "the document is too large (more than 20 million nodes)";
      diags.error(out.pos, what);
      failed = true;
      return out;
    }
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = YNode::Kind::Scalar;
        out.scalar = n.Scalar();
        out.quoted = n.Tag() == "!";  // yaml-cpp tags quoted scalars "!" and plain ones "?"
        break;
      case YAML::NodeType::Sequence:
        out.kind = YNode::Kind::Sequence;
        for (const YAML::Node& item : n)
          out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = YNode::Kind::Map;
        for (auto it = n.begin(); it != n.end(); ++it) {
          const SourcePos key_pos = pos_of(it->first.Mark(), file);
          if (!it->first.IsScalar()) {
            diags.error(key_pos, "a key must be a plain word, not a list or a map");
            continue;
          }
          const std::string key = it->first.Scalar();
          if (const YEntry* first = out.find(key)) {
            // yaml-cpp keeps both and silently reads the first; a repeated key is almost always an editing slip.
            diags.error(key_pos, "duplicate key '" + key + "' (first given at line " +
                                     std::to_string(first->key_pos.line) + ")");
            continue;
          }
          out.entries.push_back({key, key_pos, convert(it->second, depth + 1)});
        }
        break;
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        out.kind = YNode::Kind::Null;
        break;
    }
    return out;
  }
};

void emit_node(YAML::Emitter& out, const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::Null:
      out << YAML::Null;
      break;
    case YNode::Kind::Scalar:
      if (n.quoted)
        out << YAML::DoubleQuoted << n.scalar;
      else
        out << n.scalar;
      break;
    case YNode::Kind::Sequence:
      out << YAML::BeginSeq;
      for (const YNode& item : n.items)
        emit_node(out, item);
      out << YAML::EndSeq;
      break;
    case YNode::Kind::Map:
      out << YAML::BeginMap;
      for (const YEntry& e : n.entries) {
        out << YAML::Key << e.key << YAML::Value;
        emit_node(out, e.value);
      }
      out << YAML::EndMap;
      break;
  }
}

struct ChainLink {
  std::string canonical;  ///< for cycle detection
  std::string shown;      ///< as named in diagnostics
};

std::optional<YNode> load_chain(const std::string& text, int file, const std::string& base_dir,
                                std::vector<ChainLink>& chain, Diagnostics& diags) {
  std::optional<YNode> doc = parse(text, file, diags);
  if (!doc) return std::nullopt;
  if (doc->is_null()) {
    doc->kind = YNode::Kind::Map;  // an empty file is an empty scenario: every section takes its default
    doc->pos = {file, 1, 1};
  }
  if (!doc->is_map()) {
    diags.error(doc->pos, "a scenario file is a map of sections (calendar:, switchboard:, ...)");
    return std::nullopt;
  }
  auto it =
      std::find_if(doc->entries.begin(), doc->entries.end(), [](const YEntry& e) { return e.key == keys::kExtends; });
  if (it == doc->entries.end()) return doc;
  const YEntry extends = *it;
  doc->entries.erase(it);
  if (!extends.value.is_scalar() || extends.value.scalar.empty()) {
    diags.error(extends.value.pos, "'extends' must name one scenario file, e.g. extends: sotenas.yaml");
    return std::nullopt;
  }
  fs::path target = fs::path(extends.value.scalar);
  if (target.is_relative()) target = fs::path(base_dir.empty() ? "." : base_dir) / target;
  target = target.lexically_normal();
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(target, ec);
  if (ec) canonical = target;
  const std::string shown = target.string();
  for (const ChainLink& link : chain) {
    if (link.canonical == canonical.string()) {
      std::string cycle;
      for (const ChainLink& l : chain)
        cycle += l.shown + " -> ";
      diags.error(extends.value.pos, "'extends' makes a cycle: " + cycle + shown);
      return std::nullopt;
    }
  }
  if (static_cast<int>(chain.size()) >= keys::kMaxExtendsDepth) {
    diags.error(extends.value.pos,
                "'extends' chain is longer than " + std::to_string(keys::kMaxExtendsDepth) + " files");
    return std::nullopt;
  }
  // Only a regular file of a scenario's size: `extends: /dev/zero` or a huge log would read forever.
  std::error_code size_ec;
  const bool regular = fs::is_regular_file(target, size_ec);
  if (regular && fs::file_size(target, size_ec) > static_cast<std::uintmax_t>(keys::kMaxScenarioFileBytes)) {
    diags.error(extends.value.pos, "the extended file '" + shown + "' is larger than " +
                                       std::to_string(keys::kMaxScenarioFileBytes >> 20) + " MiB");
    return std::nullopt;
  }
  std::ifstream in(target, std::ios::binary);
  if (!in || !regular) {
    diags.error(extends.value.pos, "cannot read the extended file '" + shown + "'");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  chain.push_back({canonical.string(), shown});
  const int base_file = diags.add_file(shown);
  std::optional<YNode> base = load_chain(buffer.str(), base_file, target.parent_path().string(), chain, diags);
  chain.pop_back();
  if (!base) return std::nullopt;
  merge_into(*base, std::move(*doc));
  return base;
}

}  // namespace

std::optional<YNode> parse(const std::string& text, int file, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    SourcePos pos = pos_of(e.mark, file);
    if (pos.line == 0) pos = {file, 1, 1};
    diags.error(pos, "YAML syntax: " + e.msg);
    return std::nullopt;
  }
  Converter converter{file, diags};
  converter.max_nodes = std::min(kMaxNodes, std::max(kMinNodeBudget, kMaxNodesPerByte * text.size()));
  YNode doc = converter.convert(root, 0);
  if (converter.failed) return std::nullopt;
  if (doc.pos.line == 0) doc.pos = {file, 1, 1};
  return doc;
}

void merge_into(YNode& base, YNode overlay) {
  if (!base.is_map() || !overlay.is_map()) {
    base = std::move(overlay);
    return;
  }
  for (YEntry& e : overlay.entries) {
    if (YEntry* mine = base.find(e.key)) {
      mine->key_pos = e.key_pos;
      merge_into(mine->value, std::move(e.value));
    } else {
      base.entries.push_back(std::move(e));
    }
  }
  base.pos = overlay.pos;  // a missing key is reported where the extending file writes the map
}

std::optional<YNode> load_with_extends(const std::string& text, const std::string& name, const std::string& base_dir,
                                       Diagnostics& diags) {
  const int file = diags.add_file(name);
  fs::path self = fs::path(base_dir.empty() ? "." : base_dir) / fs::path(name).filename();
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(self, ec);
  std::vector<ChainLink> chain{{ec ? self.string() : canonical.string(), name}};
  return load_chain(text, file, base_dir, chain, diags);
}

std::string emit(const YNode& node) {
  YAML::Emitter out;
  emit_node(out, node);
  return std::string(out.c_str()) + "\n";
}

}  // namespace vaxel::model::yaml
