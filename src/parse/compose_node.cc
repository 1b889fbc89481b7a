// Conversion of a parsed Compose YAML document into the interpolated CNode tree.
#include "parse/compose_node.h"

#include "base/strings.h"

namespace shipshape::compose {
namespace {

// Aliases can make a document expand exponentially (or refer to itself): both are cut off.
constexpr int kMaxDepth = 128;
constexpr size_t kMaxNodes = 200000;

class Converter {
 public:
  explicit Converter(ConvertContext& ctx) : ctx_(ctx) {}

  CNode Node(const YamlNode& n, int line, const std::optional<std::string>& service, int depth) {
    CNode out;
    out.file = ctx_.file;
    out.line = line > 0 ? line : n.Line();
    if (++count_ > kMaxNodes || depth > kMaxDepth) {
      if (!cut_) Diagnose(out.line, "document too large or too deeply nested after alias expansion", true);
      cut_ = true;
      return out;
    }
    if (n.IsScalar()) {
      Scalar(n.Scalar(), service, &out);
    } else if (n.IsSeq()) {
      out.kind = CNode::Kind::kSeq;
      for (const YamlNode& e : n.Elements()) out.items.push_back(Node(e, 0, service, depth + 1));
    } else if (n.IsMap()) {
      out.kind = CNode::Kind::kMap;
      Map(n, service, depth, &out);
    }
    return out;
  }

 private:
  void Map(const YamlNode& n, const std::optional<std::string>& service, int depth, CNode* out) {
    std::vector<CNode> merged;  // the maps of "<<" keys: their entries count only where not set
    for (const auto& [key, value] : n.KeyedEntries()) {
      std::optional<std::string> svc = service;
      if (depth == 1 && in_services_) svc = key.first;
      bool services = depth == 0 && key.first == "services";
      if (services) in_services_ = true;
      CNode child = Node(value, key.second, svc, depth + 1);
      if (services) in_services_ = false;
      if (key.first == "<<") {
        if (child.IsMap()) {
          merged.push_back(std::move(child));
          continue;
        }
        for (CNode& item : child.items) {
          if (item.IsMap()) merged.push_back(std::move(item));
        }
        continue;
      }
      out->entries.emplace_back(key.first, std::move(child));
    }
    for (CNode& m : merged) {
      for (auto& [k, v] : m.entries) {
        if (!out->Get(k)) out->entries.emplace_back(k, std::move(v));
      }
    }
  }

  void Scalar(const std::string& raw, const std::optional<std::string>& service, CNode* out) {
    out->kind = CNode::Kind::kScalar;
    if (raw.find('$') == std::string::npos) {
      out->text = raw;
      return;
    }
    Interpolated result = Interpolate(raw, *ctx_.lookup);
    out->text = std::move(result.value);
    if (!result.ok) Diagnose(out->line, "invalid variable reference: unterminated ${ or a bad name inside ${}", true);
    for (VarRef& ref : result.refs) {
      out->refs.push_back(ref.var);
      if (ref.refused) Diagnose(out->line, "required variable " + ref.var + " is unset or empty", false);
      if (ctx_.refs) ctx_.refs->push_back({service, ref, ctx_.file, out->line});
    }
  }

  void Diagnose(int line, std::string message, bool error) {
    if (ctx_.diags) ctx_.diags->push_back({ctx_.file, line, std::move(message), error});
  }

  ConvertContext& ctx_;
  size_t count_ = 0;
  bool cut_ = false;
  bool in_services_ = false;
};

}  // namespace

const CNode* CNode::Get(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

CNode* CNode::Get(std::string_view key) {
  for (auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string CNode::TextOf(const CNode* node, std::string_view fallback) {
  return node && node->IsScalar() ? node->text : std::string(fallback);
}

std::optional<bool> CNode::BoolOf(const CNode* node) {
  if (!node || !node->IsScalar()) return std::nullopt;
  std::string t = ToLower(Trim(node->text));
  if (t == "true" || t == "yes" || t == "on" || t == "1") return true;
  if (t == "false" || t == "no" || t == "off" || t == "0" || t.empty()) return false;
  return std::nullopt;
}

CNode ConvertDocument(const YamlNode& root, ConvertContext& ctx) {
  Converter converter(ctx);
  return converter.Node(root, 0, std::nullopt, 0);
}

}  // namespace shipshape::compose
