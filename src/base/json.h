// The one door to nlohmann-json for reading: a parsed document and safe, non-throwing accessors.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/status.h"

namespace shipshape {

// A read-only view of one JSON value. Missing keys and wrong types give a null view or the
// fallback, never an exception. Valid only while its JsonDoc lives.
class JsonRef {
 public:
  JsonRef() = default;
  explicit JsonRef(const nlohmann::json* node) : node_(node) {}

  bool IsNull() const;
  bool IsObject() const;
  bool IsArray() const;
  bool IsString() const;
  bool IsNumber() const;
  bool IsBool() const;
  JsonRef operator[](std::string_view key) const;
  JsonRef At(size_t index) const;
  size_t Size() const;  // array or object size, else 0
  // Strings as they are; numbers and booleans as their JSON text; else the fallback.
  std::string Str(std::string_view fallback = "") const;
  int64_t Int(int64_t fallback = 0) const;
  bool Bool(bool fallback = false) const;
  void ForEachMember(const std::function<void(const std::string&, JsonRef)>& fn) const;
  void ForEachElement(const std::function<void(JsonRef)>& fn) const;
  std::string Dump() const;  // compact JSON text of this value

 private:
  const nlohmann::json* node_ = nullptr;
};

// Owns a parsed document.
class JsonDoc {
 public:
  JsonDoc();
  ~JsonDoc();
  JsonDoc(JsonDoc&&) noexcept;
  JsonDoc& operator=(JsonDoc&&) noexcept;
  JsonRef root() const;

 private:
  friend Result<JsonDoc> ParseJson(std::string_view, const std::string&);
  std::unique_ptr<nlohmann::json> doc_;
};

// Parses JSON text; on error the Status names `file` and the line of the fault.
Result<JsonDoc> ParseJson(std::string_view text, const std::string& file);

// Escapes a string for inclusion in JSON output, with the quotes.
std::string JsonQuote(std::string_view s);

}  // namespace shipshape
