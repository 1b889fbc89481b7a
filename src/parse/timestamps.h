// Timestamps as Docker and friends print them, turned into RFC 3339 UTC for the fact tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shipshape {

// Seconds since 1970 (UTC) of "YYYY-MM-DD[T ]HH:MM:SS[.frac][Z|±HH:MM|±HHMM][ ZONE]", e.g.
// "2025-06-23T08:11:28.275360263Z", "2026-06-29T15:38:12.0012+08:00",
// "2023-06-28 04:42:50 -0400 EDT" (docker images). A missing offset means UTC.
// nullopt when malformed, or for Go's zero time (year 1), which Docker prints for "never".
std::optional<int64_t> ParseTimestamp(std::string_view text);
// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatRfc3339Utc(int64_t epoch);
// ParseTimestamp then FormatRfc3339Utc.
std::optional<std::string> NormalizeTimestamp(std::string_view text);

}  // namespace shipshape
