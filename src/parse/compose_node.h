// A Compose file as a tree after interpolation: every scalar already holds its value, every node
// knows its file and line (a map entry: the line of its key), YAML merge keys (<<) are applied.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/yaml.h"
#include "parse/compose_interpolation.h"

namespace shipshape::compose {

struct CEntry;

struct CNode {
  enum class Kind { kNull, kScalar, kMap, kSeq };
  Kind kind = Kind::kNull;
  std::string text;               // a scalar's value after interpolation
  std::vector<std::string> refs;  // variables the scalar as written referenced
  std::vector<CEntry> entries;    // a map, in order
  std::vector<CNode> items;       // a sequence
  std::string file;
  int line = 0;

  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSeq() const { return kind == Kind::kSeq; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsNull() const { return kind == Kind::kNull; }
  const CNode* Get(std::string_view key) const;
  CNode* Get(std::string_view key);
  // The scalar's text, or `fallback` for anything else (absent included).
  static std::string TextOf(const CNode* node, std::string_view fallback = "");
  // YAML/Compose booleans: true/yes/on/1 (any case); nullopt when absent or not a scalar.
  static std::optional<bool> BoolOf(const CNode* node);
};

// One entry of a map: its key and value (the value's line is the key's).
struct CEntry {
  CEntry(std::string key, CNode value) : first(std::move(key)), second(std::move(value)) {}
  std::string first;
  CNode second;
};

// Something wrong in a file: an error (the category becomes Unknown) or a warning.
struct Diag {
  std::string file;
  int line = 0;
  std::string message;
  bool error = true;
};

// A variable reference found in a file, with the service whose definition holds it.
struct RefSite {
  std::optional<std::string> service;
  VarRef ref;
  std::string file;
  int line = 0;
};

struct ConvertContext {
  const VarLookup* lookup = nullptr;
  std::string file;
  std::vector<RefSite>* refs = nullptr;  // may be null: references not recorded
  std::vector<Diag>* diags = nullptr;
};

// Converts a parsed document (its root) into the tree, interpolating every scalar (not keys).
CNode ConvertDocument(const YamlNode& root, ConvertContext& ctx);

}  // namespace shipshape::compose
