// The one door to yaml-cpp: parsed YAML as safe, non-throwing node views with line numbers.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace YAML {
class Node;
}

namespace shipshape {

// A view of one YAML node. Missing keys give an undefined node; accessors never throw.
class YamlNode {
 public:
  YamlNode();
  explicit YamlNode(const YAML::Node& node);
  ~YamlNode();
  YamlNode(const YamlNode& other);
  YamlNode& operator=(const YamlNode& other);

  bool IsDefined() const;  // false for a missing key
  bool IsNull() const;     // `key:` with no value, or `~`
  bool IsMap() const;
  bool IsSeq() const;
  bool IsScalar() const;
  YamlNode operator[](std::string_view key) const;
  YamlNode At(size_t index) const;
  size_t Size() const;
  std::string Scalar(std::string_view fallback = "") const;
  int Line() const;  // 1-based line in the source, 0 if unknown
  std::vector<std::pair<std::string, YamlNode>> Entries() const;  // map entries in order
  std::vector<YamlNode> Elements() const;                          // sequence elements
  // Map entries in order with the 1-based line of each key (0 if unknown): a row's line is
  // usually its key's, while a block value's own Line() is where the value starts.
  std::vector<std::pair<std::pair<std::string, int>, YamlNode>> KeyedEntries() const;

 private:
  std::unique_ptr<YAML::Node> node_;
};

// Parses one YAML document. Errors carry `file` and the line of the fault. Input nested deeper
// than 200 levels is refused before yaml-cpp sees it (it recurses without bound).
Result<YamlNode> ParseYaml(std::string_view text, const std::string& file);

}  // namespace shipshape
