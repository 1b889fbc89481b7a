// Parser for Prometheus configuration (/etc/prometheus/prometheus.yml, or any in a stack folder) and the
// alert rule files: tables prometheus_targets, prometheus_rule_files and prometheus_alerts.
#include <set>

#include "base/strings.h"
#include "base/yaml.h"
#include "facts/registry.h"
#include "parse/nginx_config.h"
#include "parse/parse_util.h"
#include "parse/stack_files.h"

namespace shipshape {
namespace {

const std::string kConfig = "/etc/prometheus/prometheus.yml";

const TableDef& kTargets = RegisterTable(
    {"prometheus_targets", "Static scrape targets of the Prometheus configurations found on the host.",
     {Text("job", "job_name"), Text("target", "host:port as written"),
      Text("target_host", "the host part of the target (name or address)"),
      Int("target_port", "the port of the target, or NULL"), Text("labels", "static labels as k=v, comma-separated"),
      FileCol(), LineCol()}});

const TableDef& kRuleFiles = RegisterTable(
    {"prometheus_rule_files", "rule_files patterns of the Prometheus configuration.",
     {Text("pattern", "the pattern as written"), Int("matched", "number of collected files it matches"), FileCol(),
      LineCol()}});

const TableDef& kAlerts = RegisterTable(
    {"prometheus_alerts",
     "Alerting rules of the rule files the configuration loads (in a stack folder: of every rule file in "
     "it, loaded or not).",
     {Text("group_name", "rule group"), Text("alert", "alert name"), Text("expr", "PromQL expression"),
      Text("duration", "'for' duration, or ''"), Text("severity", "labels.severity, or ''"), FileCol(), LineCol()}});

void SplitTarget(const std::string& target, std::string* host, Value* port) {
  size_t colon = target.rfind(':');
  size_t bracket = target.rfind(']');
  if (colon == std::string::npos || (bracket != std::string::npos && colon < bracket)) {
    *host = target;
    *port = VNull();
    return;
  }
  *host = target.substr(0, colon);
  if (!host->empty() && host->front() == '[') *host = host->substr(1, host->size() - 2);
  auto p = ParseInt(target.substr(colon + 1));
  *port = p ? V(*p) : VNull();
}

void ReadTargets(const YamlNode& job, const std::string& name, const std::string& config, FactSink& out) {
  for (const YamlNode& sc : job["static_configs"].Elements()) {
    std::string labels;
    for (const auto& [k, v] : sc["labels"].Entries()) labels += (labels.empty() ? "" : ",") + k + "=" + v.Scalar();
    for (const YamlNode& t : sc["targets"].Elements()) {
      std::string host;
      Value port;
      SplitTarget(t.Scalar(), &host, &port);
      out.Add(kTargets, {V(name), V(t.Scalar()), V(host), port, V(labels), V(config), V(int64_t{t.Line()})});
    }
  }
}

void ReadAlerts(const std::string& path, const std::string& text, FactSink& out) {
  auto doc = ParseYaml(text, path);
  if (!doc.ok()) {
    out.Error("monitoring", path, doc.status().line(), doc.status().message());
    return;
  }
  if (!doc->IsMap() || !doc->operator[]("groups").IsSeq()) {
    out.Error("monitoring", path, 1, "a rule file must have a 'groups' list");
    return;
  }
  for (const YamlNode& g : (*doc)["groups"].Elements()) {
    for (const YamlNode& r : g["rules"].Elements()) {
      if (r["alert"].Scalar().empty()) continue;  // recording rules
      out.Add(kAlerts, {V(g["name"].Scalar()), V(r["alert"].Scalar()), V(r["expr"].Scalar()), V(r["for"].Scalar()),
                        V(r["labels"]["severity"].Scalar()), V(path), V(int64_t{r.Line()})});
    }
  }
}

// Collected files matching `abs`, a rule_files pattern made absolute.
std::vector<std::string> Matching(const Snapshot& snap, const std::string& abs) {
  std::vector<std::string> out;
  for (const std::string& path : snap.FilesUnder(abs.substr(0, abs.rfind('/') + 1))) {
    if (GlobMatch(abs, path)) out.push_back(path);
  }
  return out;
}

// Patterns are relative to the configuration's folder `dir` ("/etc/prometheus/"). In a stack the
// configuration is mounted into a container, so an absolute pattern naming a container path
// (/etc/prometheus/alerts.yml) that matches nothing is looked up beside the configuration.
// `read` collects the rule files read, so a stack reads each once.
void ReadRuleFiles(const Snapshot& snap, const YamlNode& config, const std::string& path, const std::string& dir,
                   std::set<std::string>* read, FactSink& out) {
  for (const YamlNode& p : config["rule_files"].Elements()) {
    std::string pattern = p.Scalar();
    std::string abs = !pattern.empty() && pattern[0] == '/' ? pattern : dir + pattern;
    std::vector<std::string> files = Matching(snap, abs);
    if (files.empty() && read && !pattern.empty() && pattern[0] == '/') {
      files = Matching(snap, dir + pattern.substr(pattern.rfind('/') + 1));
    }
    for (const std::string& file : files) {
      if (!read || read->insert(file).second) ReadAlerts(file, *snap.File(file), out);
    }
    out.Add(kRuleFiles, {V(pattern), V(static_cast<int64_t>(files.size())), V(path), V(int64_t{p.Line()})});
  }
}

// Reads one configuration; false when it is not a YAML mapping (reported).
bool ReadConfig(const Snapshot& snap, const std::string& path, std::set<std::string>* read, FactSink& out) {
  auto doc = ParseYaml(*snap.File(path), path);
  if (!doc.ok()) {
    out.Error("monitoring", path, doc.status().line(), doc.status().message());
    return false;
  }
  if (!doc->IsMap()) {
    out.Error("monitoring", path, 1, "the configuration must be a YAML mapping");
    return false;
  }
  for (const YamlNode& job : (*doc)["scrape_configs"].Elements()) ReadTargets(job, job["job_name"].Scalar(), path, out);
  ReadRuleFiles(snap, *doc, path, path.substr(0, path.rfind('/') + 1), read, out);
  out.Coverage("monitoring", path, CoverageState::kOk);
  return true;
}

bool IsYaml(std::string_view path) { return EndsWith(path, ".yml") || EndsWith(path, ".yaml"); }

// A top-level key written at the start of a line ("groups:").
bool HasTopKey(std::string_view text, std::string_view key) {
  for (std::string_view line : SplitLines(text)) {
    if (StartsWith(line, key) && line.size() > key.size() && line[key.size()] == ':') return true;
  }
  return false;
}

// A stack folder: every Prometheus configuration in it (a YAML file with top-level scrape_configs
// or rule_files), then every alert rule file (top-level groups) no configuration loaded.
void ParseStackPrometheus(const Snapshot& snap, FactSink& out) {
  std::set<std::string> read;
  for (const auto& [path, text] : snap.files()) {
    if (IsYaml(path) && (HasTopKey(text, "scrape_configs") || HasTopKey(text, "rule_files"))) {
      read.insert(path);
      ReadConfig(snap, path, &read, out);
    }
  }
  for (const auto& [path, text] : snap.files()) {
    if (IsYaml(path) && !read.count(path) && HasTopKey(text, "groups") && text.find("alert:") != std::string::npos) {
      ReadAlerts(path, text, out);
    }
  }
}

void ParsePrometheus(const Snapshot& snap, FactSink& out) {
  if (IsStackSnapshot(snap)) return ParseStackPrometheus(snap, out);
  if (snap.File(kConfig)) ReadConfig(snap, kConfig, nullptr, out);
}

const bool kRegistered = RegisterParser({"prometheus", "Prometheus scrape targets and alert rules", ParsePrometheus,
                                         "monitoring", {kConfig}});

}  // namespace
}  // namespace shipshape
