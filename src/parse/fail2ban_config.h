// fail2ban's configuration files as fail2ban reads them: Python ConfigParser INI with [DEFAULT],
// [INCLUDES] before/after, later files overriding earlier ones, and %(name)s interpolation.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "snapshot/snapshot.h"

namespace shipshape {

struct IniValue {
  std::string value;  // as written; continuation lines joined with '\n'
  std::string file;
  int line = 0;
};

struct IniSection {
  std::map<std::string, IniValue> values;  // keys lowercase (ConfigParser's optionxform)
  std::string file;                        // where the section first appeared
  int line = 0;
};

// Reports a malformed line of `file` with a message naming no input value.
using IniError = std::function<void(const std::string& file, int line, std::string message)>;

class Fail2banConfig {
 public:
  // Reads `path` from the snapshot if present, with its [INCLUDES] before/after files (relative
  // to its folder), and merges it over what was read so far. Returns false when not collected.
  bool Read(const Snapshot& snap, const std::string& path, const IniError& error);

  // Sections in the order they first appeared, DEFAULT and INCLUDES excluded: fail2ban's jails.
  const std::vector<std::string>& jails() const { return order_; }
  const IniSection* section(const std::string& name) const;

  // The raw entry of `key` for `section`: the section's own value, else [DEFAULT]'s.
  const IniValue* Lookup(const std::string& section, const std::string& key) const;
  // The value with %(name)s replaced (from the section, then [DEFAULT]; %(__name__)s is the
  // section; %(default/x)s, %(known/x)s and %(section/x)s as fail2ban 0.10+ reads them) and %% as
  // %. Unknown names stay as written. nullopt when the key is not set.
  std::optional<std::string> Get(const std::string& section, const std::string& key) const;

 private:
  void ReadFile(const Snapshot& snap, const std::string& path, const IniError& error,
                std::vector<std::string>* seen);
  void Merge(std::map<std::string, IniSection>& file_sections, const std::vector<std::string>& file_order);
  const IniValue* LookupReference(const std::string& section, const std::string& name) const;
  std::string Interpolate(const std::string& section, const std::string& text, int depth, int* budget) const;

  std::map<std::string, IniSection> sections_;
  std::vector<std::string> order_;
};

// fail2ban's time values in seconds: "600", "10m", "1h30m", "1d", "2w", "-1" (forever is -1).
std::optional<int64_t> Fail2banSeconds(std::string_view text);

}  // namespace shipshape
