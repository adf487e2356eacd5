// --set parsing, grid expansion and grid points as YAML overlays on the swept file.
#include "sim/sweep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/scenario_loader.hpp"
#include "model/yaml_merge.hpp"

namespace vaxel::sim {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool parse_int(const std::string& s, long long& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end && !s.empty();
}

// Splits on commas outside [], {} and quotes.
std::vector<std::string> split_top_level(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  int depth = 0;
  char quote = 0;
  for (char c : s) {
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.push_back(trim(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  parts.push_back(trim(cur));
  return parts;
}

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> segments;
  std::stringstream ss(key);
  std::string seg;
  while (std::getline(ss, seg, '.'))
    segments.push_back(seg);
  if (!key.empty() && key.back() == '.') segments.emplace_back();
  return segments;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw SweepError(fmt::format("{}: cannot read the file", path));
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

model::yaml::YNode scalar(const std::string& text, bool quoted) {
  model::yaml::YNode n;
  n.kind = model::yaml::YNode::Kind::Scalar;
  n.scalar = text;
  n.quoted = quoted;
  return n;
}

model::yaml::YNode map_node() {
  model::yaml::YNode n;
  n.kind = model::yaml::YNode::Kind::Map;
  return n;
}

// The base file's operator list (after its own extends chain).
std::vector<model::yaml::YNode> base_operators(const std::string& file) {
  namespace fs = std::filesystem;
  model::yaml::Diagnostics diags;
  const std::string text = read_file(file);
  const std::optional<model::yaml::YNode> doc =
      model::yaml::load_with_extends(text, file, fs::path(file).parent_path().string(), diags);
  if (!doc || !diags.empty()) throw SweepError(fmt::format("{}: cannot read it (run `vaxel validate {}`)", file, file));
  const model::yaml::YEntry* sb = doc->find("switchboard");
  const model::yaml::YEntry* ops = sb != nullptr && sb->value.is_map() ? sb->value.find("operators") : nullptr;
  if (ops == nullptr || !ops->value.is_sequence() || ops->value.items.empty())
    throw SweepError(fmt::format("{}: operators=N needs a switchboard.operators list to copy shifts from", file));
  return ops->value.items;
}

model::yaml::YNode operators_node(const std::string& file, const std::string& value) {
  long long n = 0;
  if (!parse_int(value, n) || n < 1 || n > 1000)
    throw SweepError(
        fmt::format("--set operators={}: the number of operators must be a whole number in 1..1000", value));
  const std::vector<model::yaml::YNode> listed = base_operators(file);
  model::yaml::YNode seq;
  seq.kind = model::yaml::YNode::Kind::Sequence;
  for (long long i = 0; i < n; ++i) {
    if (static_cast<std::size_t>(i) < listed.size()) {
      seq.items.push_back(listed[static_cast<std::size_t>(i)]);
      continue;
    }
    model::yaml::YNode copy = listed.back();  // beyond the listed ones: the last operator's shift again
    if (copy.is_map()) {
      if (model::yaml::YEntry* name = copy.find("name"))
        name->value = scalar(fmt::format("Telefonist {}", i + 1), true);
    }
    seq.items.push_back(copy);
  }
  return seq;
}

void set_path(model::yaml::YNode& root, const std::vector<std::string>& path, model::yaml::YNode value,
              const std::string& key) {
  model::yaml::YNode* node = &root;
  for (std::size_t i = 0; i < path.size(); ++i) {
    model::yaml::YEntry* e = node->find(path[i]);
    if (e == nullptr) {
      node->entries.push_back({path[i], {}, i + 1 == path.size() ? model::yaml::YNode{} : map_node()});
      e = &node->entries.back();
    }
    if (i + 1 == path.size()) {
      e->value = std::move(value);
      return;
    }
    if (!e->value.is_map())
      throw SweepError(fmt::format("--set {}: '{}' is already set to a value by another --set", key, path[i]));
    node = &e->value;
  }
}

}  // namespace

bool is_operators_key(const std::string& key) {
  return key == "operators" || key == "switchboard.operators";
}

std::vector<std::string> expand_values(const std::string& values, const std::string& where) {
  const std::string v = trim(values);
  if (v.empty()) throw SweepError(fmt::format("--set {}: no values after '=' (e.g. 1..5 or 15,25,35)", where));
  const auto dots = v.find("..");
  if (dots != std::string::npos && v.find_first_of(",[{\"'") == std::string::npos) {
    long long a = 0;
    long long b = 0;
    if (!parse_int(trim(v.substr(0, dots)), a) || !parse_int(trim(v.substr(dots + 2)), b))
      throw SweepError(fmt::format("--set {}: range '{}' must be two whole numbers, e.g. 1..5", where, v));
    if (a > b) throw SweepError(fmt::format("--set {}: range '{}' is empty (write {}..{})", where, v, b, a));
    if (b - a >= 1000) throw SweepError(fmt::format("--set {}: range '{}' has more than 1000 values", where, v));
    std::vector<std::string> out;
    for (long long i = a; i <= b; ++i)
      out.push_back(std::to_string(i));
    return out;
  }
  std::vector<std::string> out = split_top_level(v);
  for (const std::string& x : out)
    if (x.empty()) throw SweepError(fmt::format("--set {}: empty value in the list '{}'", where, v));
  return out;
}

SweepParameter parse_set(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos)
    throw SweepError(
        fmt::format("--set '{}': expected key=values, e.g. policy.ring_timeout_s=15,25,35 or operators=1..4", text));
  SweepParameter p;
  p.key = trim(text.substr(0, eq));
  if (p.key.empty()) throw SweepError(fmt::format("--set '{}': no key before '='", text));
  for (const std::string& seg : split_key(p.key))
    if (seg.empty()) throw SweepError(fmt::format("--set '{}': empty part in the key '{}'", text, p.key));
  const std::string section = split_key(p.key).front();
  if (section == "run")
    throw SweepError(
        fmt::format("--set {}: run settings are the same for every grid point (common random numbers); "
                    "use --seed, -r, --days or --warmup",
                    p.key));
  if (section == "extends" || section == "name")
    throw SweepError(fmt::format("--set {}: '{}' cannot be swept", p.key, section));
  p.values = expand_values(text.substr(eq + 1), p.key);
  if (is_operators_key(p.key))
    for (const std::string& v : p.values) {
      long long n = 0;
      if (!parse_int(v, n) || n < 1 || n > 1000)
        throw SweepError(fmt::format("--set {}: '{}' is not a number of operators in 1..1000", p.key, v));
    }
  return p;
}

std::vector<SweepPoint> expand_grid(const std::vector<SweepParameter>& parameters, std::size_t max_points) {
  for (std::size_t i = 0; i < parameters.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const bool same = parameters[i].key == parameters[j].key ||
                        (is_operators_key(parameters[i].key) && is_operators_key(parameters[j].key));
      if (same)
        throw SweepError(
            fmt::format("--set {}: the key is given twice; list all its values in one --set", parameters[i].key));
    }
  std::size_t total = 1;
  for (const SweepParameter& p : parameters) {
    total *= p.values.size();
    if (total > max_points)
      throw SweepError(fmt::format("the grid has more than {} points; sweep fewer values at a time", max_points));
  }
  std::vector<SweepPoint> points;
  std::vector<std::size_t> idx(parameters.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    SweepPoint p;
    for (std::size_t i = 0; i < parameters.size(); ++i)
      p.emplace_back(parameters[i].key, parameters[i].values[idx[i]]);
    points.push_back(p);
    for (std::size_t i = parameters.size(); i-- > 0;) {  // the last parameter varies fastest
      if (++idx[i] < parameters[i].values.size()) break;
      idx[i] = 0;
    }
  }
  return points;
}

std::string describe(const SweepPoint& point) {
  std::string s;
  for (const auto& [k, v] : point)
    s += (s.empty() ? "" : " ") + k + "=" + v;
  return s;
}

std::string overlay_text(const std::string& file, const std::string& base_name, const SweepPoint& point) {
  namespace fs = std::filesystem;
  model::yaml::YNode root = map_node();
  root.entries.push_back({"extends", {}, scalar(fs::path(file).filename().string(), true)});
  root.entries.push_back({"name", {}, scalar(base_name + (point.empty() ? "" : " " + describe(point)), true)});
  for (const auto& [key, value] : point) {
    if (is_operators_key(key)) {
      set_path(root, {"switchboard", "operators"}, operators_node(file, value), key);
      continue;
    }
    model::yaml::Diagnostics diags;
    const int f = diags.add_file("--set " + key);
    std::optional<model::yaml::YNode> v = model::yaml::parse(value, f, diags);
    if (!v || !diags.empty()) throw SweepError(fmt::format("--set {}={}: the value is not valid YAML", key, value));
    if (split_key(key).front() == "extends") throw SweepError(fmt::format("--set {}: 'extends' cannot be swept", key));
    set_path(root, split_key(key), std::move(*v), key);
  }
  return model::yaml::emit(root);
}

model::Scenario load_point(const std::string& file, const std::string& base_name, const SweepPoint& point) {
  namespace fs = std::filesystem;
  const std::string text = overlay_text(file, base_name, point);
  try {
    return model::load_scenario_text(text, "--set " + describe(point), fs::path(file).parent_path().string());
  } catch (const model::ScenarioError& e) {
    std::string msg = fmt::format("the scenario for --set {} is invalid:", describe(point));
    for (const model::Diagnostic& d : e.diagnostics)
      msg += "\n  " + d.message;
    throw SweepError(msg + "\n  (the overlay was:\n" + text + "  )");
  }
}

}  // namespace vaxel::sim
