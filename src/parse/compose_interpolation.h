// Compose variable interpolation: ${VAR}, $VAR, ${VAR:-d}, ${VAR-d}, ${VAR:+d}, ${VAR+d},
// ${VAR:?e}, ${VAR?e} (defaults may nest further references) and the $$ escape.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::compose {

// One reference to a variable, as compose_var_refs reports it.
struct VarRef {
  std::string var;
  std::string form;      // plain (${V}, $V) | default (${V:-x} ${V-x} ${V:+x} ${V+x}) | required (${V:?e} ${V?e})
  bool defined = false;  // the lookup knows the variable (even with an empty value)
  bool empty = false;    // the value the reference resolves to is empty
  bool refused = false;  // a required variable unset (or empty with :?): compose would refuse the file
};

struct Interpolated {
  std::string value;         // the text with every reference replaced (raw text when !ok)
  std::vector<VarRef> refs;  // in order of appearance, nested defaults included
  bool ok = true;            // false: an unterminated "${" or an invalid name inside "${…}"
};

// The value of a variable, nullptr when unset.
using VarLookup = std::function<const std::string*(std::string_view name)>;

// Replaces every reference in `raw` with its value from `lookup`. A redaction token in a value
// ("[REDACTED class=C len=N]") is an ordinary value here: its text is substituted as is.
Interpolated Interpolate(std::string_view raw, const VarLookup& lookup);

// True when the value of a variable counts as empty: "" or a redaction token of class empty / len 0.
bool IsEmptyValue(std::string_view value);

}  // namespace shipshape::compose
