// Task effort: "30m", "2h", "1d" (8 hours), "1w" (5 days), and sums of them ("1d 4h"), in minutes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shipshape {

inline constexpr int kMinutesPerDay = 8 * 60;  // a working day
inline constexpr int kMinutesPerWeek = 5 * kMinutesPerDay;

// Minutes of an effort; nullopt for anything else (a unit missing, zero, a negative number).
std::optional<int> ParseEffort(std::string_view text);
// "30m", "2h", "1d 4h", "2w 1d": the largest units first, in working days and weeks.
std::string FormatEffort(int minutes);

}  // namespace shipshape
