// Expanding Ansible host patterns: ranges and a trailing port.
#include "fleet/host_pattern.h"

#include <algorithm>

#include "base/strings.h"

namespace shipshape {
namespace {

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

Result<int> ParsePort(std::string_view s) {
  std::optional<int64_t> v = s.size() <= 5 ? ParseInt(s) : std::nullopt;
  if (!v || *v < 1 || *v > 65535 || s.find_first_not_of("0123456789") != std::string_view::npos) {
    return Status::Invalid("invalid port in host pattern (1-65535)");
  }
  return static_cast<int>(*v);
}

// The values of one range's body ("01:10", "a:f", "1:9:2"), formatted.
Result<std::vector<std::string>> RangeValues(std::string_view body) {
  std::vector<std::string_view> f = Split(body, ':');
  if (f.size() > 3) return Status::Invalid("host range has too many ':'");
  std::string_view beg = f[0].empty() ? "0" : f[0], end = f[1];
  if (end.empty()) return Status::Invalid("host range must specify an end value");
  std::optional<int64_t> step = f.size() == 3 ? ParseInt(f[2]) : int64_t{1};
  if (!step || *step < 1) return Status::Invalid("host range step must be a positive number");
  std::vector<std::string> out;
  size_t b = kLetters.find(beg), e = kLetters.find(end);
  if (beg.size() == 1 && end.size() == 1 && b != std::string_view::npos && e != std::string_view::npos) {
    if (b > e) return Status::Invalid("host range must have begin <= end");
    for (size_t i = b; i <= e; i += static_cast<size_t>(*step)) out.emplace_back(1, kLetters[i]);
    return out;
  }
  bool digits = beg.find_first_not_of("0123456789") == std::string_view::npos &&
                end.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || beg.size() > 9 || end.size() > 9) {
    return Status::Invalid("host range must be numbers or single letters");
  }
  size_t width = (beg.size() > 1 && beg[0] == '0') ? beg.size() : 0;
  if (width && end.size() != width) {
    return Status::Invalid("host range must specify equal-length begin and end formats");
  }
  int64_t lo = *ParseInt(beg), hi = *ParseInt(end);
  if (lo > hi) return Status::Invalid("host range must have begin <= end");
  if ((hi - lo) / *step + 1 > static_cast<int64_t>(kMaxHostsPerPattern)) {
    return Status::Invalid("host range expands to too many hosts");
  }
  for (int64_t v = lo; v <= hi; v += *step) {
    std::string s = std::to_string(v);
    if (s.size() < width) s.insert(0, width - s.size(), '0');
    out.push_back(std::move(s));
  }
  return out;
}

Status Expand(std::string_view p, std::vector<std::string>& out) {
  size_t open = p.find('['), close = p.find(']', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos ||
      p.substr(open, close - open).find(':') == std::string_view::npos) {
    out.emplace_back(p);
    return Status::Ok();
  }
  Result<std::vector<std::string>> values = RangeValues(p.substr(open + 1, close - open - 1));
  if (!values.ok()) return values.status();
  for (const std::string& v : *values) {
    std::string next = std::string(p.substr(0, open)) + v + std::string(p.substr(close + 1));
    Status s = Expand(next, out);
    if (!s.ok()) return s;
    if (out.size() > kMaxHostsPerPattern) return Status::Invalid("host range expands to too many hosts");
  }
  return Status::Ok();
}

// Splits "[v6]:port", "name:port"; an unbracketed name with several colons is IPv6 without a port.
Result<std::string_view> SplitPort(std::string_view p, int* port) {
  if (p.size() > 1 && p[0] == '[') {
    size_t close = p.find(']');
    std::string_view inner = close == std::string_view::npos ? p : p.substr(1, close - 1);
    if (std::count(inner.begin(), inner.end(), ':') >= 2) {
      std::string_view rest = p.substr(close + 1);
      if (rest.empty()) return inner;
      if (rest[0] != ':') return Status::Invalid("unexpected text after an IPv6 address");
      Result<int> v = ParsePort(rest.substr(1));
      if (!v.ok()) return v.status();
      *port = *v;
      return inner;
    }
  }
  size_t colons = 0, last = std::string_view::npos;
  int depth = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '[') ++depth;
    if (p[i] == ']' && depth > 0) --depth;
    if (p[i] == ':' && depth == 0) ++colons, last = i;
  }
  if (colons != 1) return p;
  Result<int> v = ParsePort(p.substr(last + 1));
  if (!v.ok()) return v.status();
  *port = *v;
  return p.substr(0, last);
}

}  // namespace

Result<HostPattern> ExpandHostPattern(std::string_view pattern) {
  HostPattern hp;
  Result<std::string_view> name = SplitPort(pattern, &hp.port);
  if (!name.ok()) return name.status();
  if (name->empty()) return Status::Invalid("empty host name");
  Status s = Expand(*name, hp.names);
  if (!s.ok()) return s;
  return hp;
}

}  // namespace shipshape
