// Reading rule YAML files (embedded and from --rules folders).
#include <algorithm>
#include <map>
#include <set>

#include "base/embedded.h"
#include "base/file_io.h"
#include "base/strings.h"
#include "base/yaml.h"
#include "plan/categories.h"
#include "rules/rule.h"

namespace shipshape {

std::string SeverityName(Severity s) { return "P" + std::to_string(static_cast<int>(s)); }

bool ParseSeverity(const std::string& text, Severity* out) {
  if (text == "P1") *out = Severity::kP1;
  else if (text == "P2") *out = Severity::kP2;
  else if (text == "P3") *out = Severity::kP3;
  else if (text == "P4") *out = Severity::kP4;
  else return false;
  return true;
}

Result<Rule> ParseRule(std::string_view yaml_text, const std::string& source) {
  auto parsed = ParseYaml(yaml_text, source);
  if (!parsed.ok()) return parsed.status();
  const YamlNode& y = *parsed;
  if (!y.IsMap()) return Status::Invalid("a rule must be a YAML mapping", source, 1);
  Rule r;
  r.source = source;
  r.id = y["id"].Scalar();
  r.title = y["title"].Scalar();
  r.category = y["category"].Scalar();
  r.impact = y["impact"].Scalar();
  r.description = y["description"].Scalar();
  r.remediation = y["remediation"].Scalar();
  r.query = y["query"].Scalar();
  r.query_line = y["query"].Line();
  for (const YamlNode& t : y["tables"].Elements()) r.tables.push_back(t.Scalar());
  for (const char* key : {"id", "title", "category", "severity", "impact", "query"}) {
    if (y[key].Scalar().empty()) return Status::Invalid(std::string("rule has no '") + key + "'", source, 1);
  }
  if (!ParseSeverity(y["severity"].Scalar(), &r.severity)) {
    return Status::Invalid("severity must be P1, P2, P3 or P4", source, y["severity"].Line());
  }
  if (!FindCategory(r.category)) {
    return Status::Invalid("unknown category '" + r.category + "'", source, y["category"].Line());
  }
  return r;
}

std::vector<Rule> LoadRules(const std::vector<std::string>& extra_dirs, std::vector<Status>* errors) {
  std::map<std::string, Rule> by_id;
  auto add = [&](std::string_view text, const std::string& source) {
    auto rule = ParseRule(text, source);
    if (!rule.ok()) {
      if (errors) errors->push_back(rule.status());
      return;
    }
    by_id[rule->id] = std::move(rule).value();
  };
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (StartsWith(f.path, "rules/") && EndsWith(f.path, ".yaml")) add(f.content, std::string(f.path));
  }
  for (const std::string& dir : extra_dirs) {
    auto list = ListFilesRecursive(dir);
    if (!list.ok()) {
      if (errors) errors->push_back(list.status());
      continue;
    }
    for (const std::string& rel : *list) {
      // Fixture snapshots live beside rules (fires/, quiet/); only rule files are loaded.
      if (!EndsWith(rel, ".yaml") || rel.find("/fires/") != std::string::npos ||
          rel.find("/quiet/") != std::string::npos) {
        continue;
      }
      auto text = ReadWholeFile(dir + "/" + rel);
      if (!text.ok()) {
        if (errors) errors->push_back(text.status());
        continue;
      }
      add(*text, dir + "/" + rel);
    }
  }
  std::vector<Rule> out;
  for (auto& [id, r] : by_id) out.push_back(std::move(r));
  return out;
}

}  // namespace shipshape
