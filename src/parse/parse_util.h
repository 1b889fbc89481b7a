// Helpers shared by the line-oriented parsers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/sqlite_db.h"

namespace shipshape {

// Removes one level of matching single or double quotes; handles backslash escapes in "…".
std::string Unquote(std::string_view s);
// Value helpers for rows.
inline Value V(std::string_view s) { return Value(std::string(s)); }
inline Value V(int64_t n) { return Value(n); }
inline Value VInt(uint64_t n) { return Value(static_cast<int64_t>(n)); }
inline Value VBool(bool b) { return Value(static_cast<int64_t>(b ? 1 : 0)); }
inline Value VNull() { return Value(); }

}  // namespace shipshape
