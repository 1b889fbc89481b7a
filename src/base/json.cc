// nlohmann-json adapter: every exception of the library stops here.
#include "base/json.h"

#include <nlohmann/json.hpp>

namespace shipshape {

bool JsonRef::IsNull() const { return !node_ || node_->is_null(); }
bool JsonRef::IsObject() const { return node_ && node_->is_object(); }
bool JsonRef::IsArray() const { return node_ && node_->is_array(); }
bool JsonRef::IsString() const { return node_ && node_->is_string(); }
bool JsonRef::IsNumber() const { return node_ && node_->is_number(); }
bool JsonRef::IsBool() const { return node_ && node_->is_boolean(); }

JsonRef JsonRef::operator[](std::string_view key) const {
  if (!IsObject()) return JsonRef();
  auto it = node_->find(key);
  if (it == node_->end()) return JsonRef();
  return JsonRef(&*it);
}

JsonRef JsonRef::At(size_t index) const {
  if (!IsArray() || index >= node_->size()) return JsonRef();
  return JsonRef(&(*node_)[index]);
}

size_t JsonRef::Size() const { return (IsArray() || IsObject()) ? node_->size() : 0; }

std::string JsonRef::Str(std::string_view fallback) const {
  if (!node_) return std::string(fallback);
  if (node_->is_string()) return node_->get_ref<const std::string&>();
  if (node_->is_number() || node_->is_boolean()) return node_->dump();
  return std::string(fallback);
}

int64_t JsonRef::Int(int64_t fallback) const {
  if (!node_) return fallback;
  if (node_->is_number_integer() || node_->is_number_unsigned()) return node_->get<int64_t>();
  if (node_->is_number_float()) {
    double d = node_->get<double>();
    // Out-of-range conversion is undefined behaviour: clamp instead.
    if (!(d > -9.2e18 && d < 9.2e18)) return fallback;
    return static_cast<int64_t>(d);
  }
  return fallback;
}

bool JsonRef::Bool(bool fallback) const {
  if (node_ && node_->is_boolean()) return node_->get<bool>();
  return fallback;
}

void JsonRef::ForEachMember(const std::function<void(const std::string&, JsonRef)>& fn) const {
  if (!IsObject()) return;
  for (auto it = node_->begin(); it != node_->end(); ++it) fn(it.key(), JsonRef(&it.value()));
}

void JsonRef::ForEachElement(const std::function<void(JsonRef)>& fn) const {
  if (!IsArray()) return;
  for (const auto& el : *node_) fn(JsonRef(&el));
}

std::string JsonRef::Dump() const {
  if (!node_) return "null";
  return node_->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

JsonDoc::JsonDoc() : doc_(std::make_unique<nlohmann::json>()) {}
JsonDoc::~JsonDoc() = default;
JsonDoc::JsonDoc(JsonDoc&&) noexcept = default;
JsonDoc& JsonDoc::operator=(JsonDoc&&) noexcept = default;
JsonRef JsonDoc::root() const { return JsonRef(doc_.get()); }

static int LineOfOffset(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  int line = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

Result<JsonDoc> ParseJson(std::string_view text, const std::string& file) {
  JsonDoc doc;
  try {
    *doc.doc_ = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    // nlohmann quotes the bytes it last read ("last read: '…'"): they may be a secret. Drop them.
    auto quoted = what.find("; last read:");
    if (quoted != std::string::npos) what.erase(quoted);
    auto pos = what.find("parse error");
    return Status::Invalid("invalid JSON: " + (pos == std::string::npos ? what : what.substr(pos)), file,
                           LineOfOffset(text, at));
  } catch (const std::exception& e) {
    return Status::Invalid(std::string("invalid JSON: ") + e.what(), file, 1);
  }
  return doc;
}

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace shipshape
