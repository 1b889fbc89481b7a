// Parsing and printing task efforts.
#include "plan/effort.h"

#include <cctype>

#include "base/strings.h"

namespace shipshape {

std::optional<int> ParseEffort(std::string_view text) {
  long total = 0;
  size_t i = 0;
  if (Trim(text).empty()) return std::nullopt;
  while (i < text.size()) {
    if (text[i] == ' ') {  // "1d 4h", as FormatEffort writes it
      ++i;
      continue;
    }
    size_t start = i;
    long n = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      n = n * 10 + (text[i] - '0');
      if (n > 100000) return std::nullopt;
      ++i;
    }
    if (i == start || i == text.size()) return std::nullopt;
    switch (text[i++]) {
      case 'm':
        total += n;
        break;
      case 'h':
        total += n * 60;
        break;
      case 'd':
        total += n * kMinutesPerDay;
        break;
      case 'w':
        total += n * kMinutesPerWeek;
        break;
      default:
        return std::nullopt;
    }
    if (total > 10000000) return std::nullopt;
  }
  if (total <= 0) return std::nullopt;
  return static_cast<int>(total);
}

std::string FormatEffort(int minutes) {
  if (minutes <= 0) return "0m";
  std::string out;
  auto part = [&](int unit, const char* suffix) {
    if (minutes >= unit) {
      if (!out.empty()) out += ' ';
      out += std::to_string(minutes / unit) + suffix;
      minutes %= unit;
    }
  };
  part(kMinutesPerWeek, "w");
  part(kMinutesPerDay, "d");
  part(60, "h");
  part(1, "m");
  return out;
}

}  // namespace shipshape
