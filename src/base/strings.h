// Small string helpers shared by the parsers: trimming, splitting, case, numbers.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

std::string_view Trim(std::string_view s);
std::string ToLower(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Whether `s` equals one of `set` exactly.
bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> set);
// Splits on any run of spaces and tabs; no empty fields.
std::vector<std::string_view> SplitWhitespace(std::string_view s);
// Splits on every occurrence of `sep`; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Splits text into lines without their '\n' (and a trailing '\r'); a last line without newline counts.
std::vector<std::string_view> SplitLines(std::string_view text);
std::optional<int64_t> ParseInt(std::string_view s);
std::optional<double> ParseDouble(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace shipshape
