// Compose value grammars: memory sizes, cpus, volume mounts, commands.
#include "parse/compose_values.h"

#include <cmath>

#include "base/strings.h"

namespace shipshape::compose {
namespace {

bool IsHostPath(std::string_view s) { return StartsWith(s, "/") || StartsWith(s, ".") || StartsWith(s, "~"); }

bool ModeIsReadOnly(std::string_view mode) {
  for (std::string_view opt : Split(mode, ',')) {
    if (Trim(opt) == "ro") return true;
  }
  return false;
}

}  // namespace

std::optional<int64_t> ParseMemory(std::string_view text) {
  std::string t = ToLower(Trim(text));
  if (t.empty()) return std::nullopt;
  if (t.size() > 1 && t.back() == 'b' && std::string_view("kmgt").find(t[t.size() - 2]) != std::string_view::npos) {
    t.pop_back();
  }
  double unit = 1;
  switch (t.back()) {
    case 'k':
      unit = 1024.0;
      break;
    case 'm':
      unit = 1024.0 * 1024;
      break;
    case 'g':
      unit = 1024.0 * 1024 * 1024;
      break;
    case 't':
      unit = 1024.0 * 1024 * 1024 * 1024;
      break;
    case 'b':
      unit = 1;
      break;
    default:
      unit = 0;
  }
  if (unit != 0) t.pop_back();
  auto n = ParseDouble(Trim(t));
  if (!n || *n < 0 || !std::isfinite(*n) || *n * (unit == 0 ? 1 : unit) > 9.0e18) return std::nullopt;
  return static_cast<int64_t>(*n * (unit == 0 ? 1 : unit));
}

std::optional<double> ParseCpus(std::string_view text) {
  auto n = ParseDouble(Trim(text));
  if (!n || !std::isfinite(*n) || *n <= 0) return std::nullopt;
  return n;
}

std::optional<Mount> ParseMount(const CNode& node) {
  Mount m;
  if (node.IsMap()) {
    m.type = CNode::TextOf(node.Get("type"), "volume");
    m.source = CNode::TextOf(node.Get("source"));
    m.target = CNode::TextOf(node.Get("target"));
    m.read_only = CNode::BoolOf(node.Get("read_only")).value_or(false);
    if (m.target.empty()) return std::nullopt;
    return m;
  }
  if (!node.IsScalar()) return std::nullopt;
  std::vector<std::string_view> parts = Split(Trim(node.text), ':');
  if (parts.size() == 1) {
    m.type = "volume";  // an anonymous volume
    m.target = std::string(parts[0]);
  } else {
    m.source = std::string(parts[0]);
    m.target = std::string(parts[1]);
    m.type = IsHostPath(m.source) ? "bind" : "volume";
    m.read_only = parts.size() >= 3 && ModeIsReadOnly(parts[2]);
  }
  if (m.target.empty()) return std::nullopt;
  return m;
}

std::string JoinCommand(const CNode* node) {
  if (!node) return "";
  if (node->IsScalar()) return node->text;
  std::vector<std::string> parts;
  for (const CNode& item : node->items) {
    if (item.IsScalar()) parts.push_back(item.text);
  }
  return Join(parts, " ");
}

}  // namespace shipshape::compose
