// Timestamp parsing without the C library's local-time machinery (thread-safe, no TZ lookups).
#include "parse/timestamps.h"

#include <cstdio>

namespace shipshape {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Reads `n` digits at `*pos`; false when they are not all digits.
bool Digits(std::string_view s, size_t* pos, size_t n, int64_t* out) {
  if (*pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

// Parses "Z", "±HH:MM" or "±HHMM" at `*pos` into seconds east of UTC; nothing there means UTC.
bool Offset(std::string_view s, size_t* pos, int64_t* seconds) {
  *seconds = 0;
  while (*pos < s.size() && s[*pos] == ' ') ++*pos;
  if (*pos >= s.size()) return true;
  if (s[*pos] == 'Z') {
    ++*pos;
    return true;
  }
  std::string_view rest = s.substr(*pos);
  if (rest == "UTC" || rest == "GMT") {
    *pos = s.size();
    return true;
  }
  if (s[*pos] != '+' && s[*pos] != '-') return false;
  int sign = s[*pos] == '-' ? -1 : 1;
  ++*pos;
  int64_t hh = 0, mm = 0;
  if (!Digits(s, pos, 2, &hh)) return false;
  Expect(s, pos, ':');
  if (!Digits(s, pos, 2, &mm) || hh > 23 || mm > 59) return false;
  *seconds = sign * (hh * 3600 + mm * 60);
  return true;
}

}  // namespace

std::optional<int64_t> ParseTimestamp(std::string_view s) {
  size_t p = 0;
  int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(s, &p, 4, &y) || !Expect(s, &p, '-') || !Digits(s, &p, 2, &mo) || !Expect(s, &p, '-') ||
      !Digits(s, &p, 2, &d)) {
    return std::nullopt;
  }
  if (p >= s.size() || (s[p] != 'T' && s[p] != ' ')) return std::nullopt;
  ++p;
  if (!Digits(s, &p, 2, &h) || !Expect(s, &p, ':') || !Digits(s, &p, 2, &mi) || !Expect(s, &p, ':') ||
      !Digits(s, &p, 2, &sec)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y <= 1) return std::nullopt;
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
  }
  int64_t offset = 0;
  if (!Offset(s, &p, &offset)) return std::nullopt;
  // Anything after the offset must be a zone abbreviation ("UTC", "CEST") and nothing else.
  if (p < s.size() && s[p] != ' ') return std::nullopt;
  return DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::string FormatRfc3339Utc(int64_t epoch) {
  int64_t days = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
  int64_t secs = epoch - days * 86400;
  // civil_from_days (H. Hinnant).
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  char buf[128];
  snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
           static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(secs / 3600),
           static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf;
}

std::optional<std::string> NormalizeTimestamp(std::string_view text) {
  auto epoch = ParseTimestamp(text);
  if (!epoch) return std::nullopt;
  return FormatRfc3339Utc(*epoch);
}

}  // namespace shipshape
