// yaml-cpp adapter: every exception of the library stops here.
#include "base/yaml.h"

#include <yaml-cpp/yaml.h>

namespace shipshape {

YamlNode::YamlNode() : node_(std::make_unique<YAML::Node>(YAML::NodeType::Undefined)) {}
YamlNode::YamlNode(const YAML::Node& node) : node_(std::make_unique<YAML::Node>(node)) {}
YamlNode::~YamlNode() = default;
YamlNode::YamlNode(const YamlNode& other) : node_(std::make_unique<YAML::Node>(*other.node_)) {}
YamlNode& YamlNode::operator=(const YamlNode& other) {
  if (this != &other) node_ = std::make_unique<YAML::Node>(*other.node_);
  return *this;
}

bool YamlNode::IsDefined() const { return node_->IsDefined(); }
bool YamlNode::IsNull() const { return node_->IsDefined() && node_->IsNull(); }
bool YamlNode::IsMap() const { return node_->IsDefined() && node_->IsMap(); }
bool YamlNode::IsSeq() const { return node_->IsDefined() && node_->IsSequence(); }
bool YamlNode::IsScalar() const { return node_->IsDefined() && node_->IsScalar(); }

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode();
  try {
    const YAML::Node& self = *node_;
    for (auto it = self.begin(); it != self.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return YamlNode(it->second);
    }
  } catch (const std::exception&) {
  }
  return YamlNode();
}

YamlNode YamlNode::At(size_t index) const {
  if (!IsSeq() || index >= node_->size()) return YamlNode();
  try {
    const YAML::Node& self = *node_;
    return YamlNode(self[index]);
  } catch (const std::exception&) {
    return YamlNode();
  }
}

size_t YamlNode::Size() const { return (IsSeq() || IsMap()) ? node_->size() : 0; }

std::string YamlNode::Scalar(std::string_view fallback) const {
  if (!IsScalar()) return std::string(fallback);
  return node_->Scalar();
}

int YamlNode::Line() const {
  if (!node_->IsDefined()) return 0;
  int line = node_->Mark().line;
  return line >= 0 ? line + 1 : 0;
}

std::vector<std::pair<std::string, YamlNode>> YamlNode::Entries() const {
  std::vector<std::pair<std::string, YamlNode>> out;
  if (!IsMap()) return out;
  try {
    for (auto it = node_->begin(); it != node_->end(); ++it) {
      out.emplace_back(it->first.IsScalar() ? it->first.Scalar() : std::string(), YamlNode(it->second));
    }
  } catch (const std::exception&) {
  }
  return out;
}

std::vector<std::pair<std::pair<std::string, int>, YamlNode>> YamlNode::KeyedEntries() const {
  std::vector<std::pair<std::pair<std::string, int>, YamlNode>> out;
  if (!IsMap()) return out;
  try {
    for (auto it = node_->begin(); it != node_->end(); ++it) {
      int line = it->first.Mark().line;
      out.push_back({{it->first.IsScalar() ? it->first.Scalar() : std::string(), line >= 0 ? line + 1 : 0},
                     YamlNode(it->second)});
    }
  } catch (const std::exception&) {
  }
  return out;
}

std::vector<YamlNode> YamlNode::Elements() const {
  std::vector<YamlNode> out;
  if (!IsSeq()) return out;
  try {
    for (auto it = node_->begin(); it != node_->end(); ++it) out.emplace_back(*it);
  } catch (const std::exception&) {
  }
  return out;
}

static bool TooDeep(std::string_view text) {
  int depth = 0;
  for (char c : text) {
    if (c == '[' || c == '{') {
      if (++depth > 200) return true;
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    }
  }
  // Block nesting by indentation is bounded by line length; refuse absurd indentation.
  size_t indent = 0;
  for (char c : text) {
    if (c == '\n') {
      indent = 0;
    } else if (c == ' ' && ++indent > 4000) {
      return true;
    }
  }
  return false;
}

Result<YamlNode> ParseYaml(std::string_view text, const std::string& file) {
  if (TooDeep(text)) return Status::Invalid("YAML nested too deeply", file, 1);
  try {
    YAML::Node root = YAML::Load(std::string(text));
    return YamlNode(root);
  } catch (const YAML::Exception& e) {
    int line = e.mark.line >= 0 ? e.mark.line + 1 : 1;
    return Status::Invalid("invalid YAML: " + e.msg, file, line);
  } catch (const std::exception& e) {
    return Status::Invalid(std::string("invalid YAML: ") + e.what(), file, 1);
  }
}

}  // namespace shipshape
