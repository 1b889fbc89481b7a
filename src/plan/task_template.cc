// Template expansion for task titles and steps.
#include "plan/task_template.h"

#include <algorithm>

#include "base/strings.h"

namespace shipshape {
namespace {

bool NameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Calls fn(start, end, name) for every {name} in text: start at '{', end past '}'. Doubled braces
// ({{x}}) are Go templates and are skipped.
template <typename Fn>
void ForEachPlaceholder(std::string_view text, Fn fn) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{' || (i > 0 && text[i - 1] == '{') || (i > 0 && text[i - 1] == '$')) continue;
    size_t j = i + 1;
    while (j < text.size() && NameChar(text[j])) ++j;
    if (j == i + 1 || j >= text.size() || text[j] != '}') continue;
    if (j + 1 < text.size() && text[j + 1] == '}') continue;
    fn(i, j + 1, std::string(text.substr(i + 1, j - i - 1)));
    i = j;
  }
}

std::string JoinDistinct(const std::vector<std::string>& values) {
  std::vector<std::string> seen;
  for (const std::string& v : values) {
    if (!v.empty() && std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
  }
  return Join(seen, ", ");
}

}  // namespace

std::string ExpandTemplate(std::string_view text, const TemplateVars& vars) {
  std::string out;
  size_t done = 0;
  ForEachPlaceholder(text, [&](size_t start, size_t end, const std::string& name) {
    auto it = vars.find(name);
    if (it == vars.end()) return;
    out.append(text.substr(done, start - done));
    out += it->second;
    done = end;
  });
  out.append(text.substr(done));
  return out;
}

std::vector<std::string> TemplateNames(std::string_view text) {
  std::vector<std::string> names;
  ForEachPlaceholder(text, [&](size_t, size_t, const std::string& name) { names.push_back(name); });
  return names;
}

TemplateVars FindingVars(const Finding& f) {
  TemplateVars vars = {f.columns.begin(), f.columns.end()};
  vars["host"] = f.host;
  vars["subject"] = f.subject;
  vars["evidence"] = f.evidence;
  vars["file"] = f.file;
  vars["line"] = std::to_string(f.line);
  vars["rule"] = f.rule;
  vars["id"] = f.id;
  return vars;
}

std::string ExpandTitle(const std::string& title, const std::vector<std::string>& hosts,
                        const std::vector<const Finding*>& findings) {
  TemplateVars vars;
  for (const std::string& name : TemplateNames(title)) {
    std::vector<std::string> values;
    for (const Finding* f : findings) {
      TemplateVars fv = FindingVars(*f);
      if (auto it = fv.find(name); it != fv.end()) values.push_back(it->second);
    }
    if (!values.empty()) vars[name] = JoinDistinct(values);
  }
  vars["host"] = Join(hosts, ", ");
  return ExpandTemplate(title, vars);
}

std::vector<std::string> ExpandSteps(const std::vector<std::string>& steps, const std::vector<std::string>& hosts,
                                     const std::vector<const Finding*>& findings) {
  std::vector<std::string> out;
  const TemplateVars host_vars = {{"host", Join(hosts, ", ")}};
  for (const std::string& step : steps) {
    std::vector<std::string> names = TemplateNames(step);
    bool per_finding = std::any_of(names.begin(), names.end(), [](const std::string& n) { return n != "host"; });
    if (!per_finding || findings.empty()) {
      out.push_back(ExpandTemplate(step, host_vars));
      continue;
    }
    std::vector<std::string> seen;
    for (const Finding* f : findings) {
      std::string text = ExpandTemplate(step, FindingVars(*f));
      if (std::find(seen.begin(), seen.end(), text) != seen.end()) continue;
      seen.push_back(text);
      out.push_back(std::move(text));
    }
  }
  return out;
}

}  // namespace shipshape
