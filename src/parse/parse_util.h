// Helpers shared by the line-oriented parsers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/sqlite_db.h"
#include "snapshot/snapshot.h"

namespace shipshape {

// Removes one level of matching single or double quotes; handles backslash escapes in "…".
std::string Unquote(std::string_view s);
// A configuration read as its daemon reads it: `main` when collected, then the files directly in
// `drop_in_dir` (which ends in '/') whose name ends in `suffix`, in name order.
std::vector<std::string> MainAndDropIns(const Snapshot& snap, std::string_view main, std::string_view drop_in_dir,
                                        std::string_view suffix);
// Value helpers for rows.
inline Value V(std::string_view s) { return Value(std::string(s)); }
inline Value V(int64_t n) { return Value(n); }
inline Value VInt(uint64_t n) { return Value(static_cast<int64_t>(n)); }
inline Value VBool(bool b) { return Value(static_cast<int64_t>(b ? 1 : 0)); }
inline Value VNull() { return Value(); }

}  // namespace shipshape
