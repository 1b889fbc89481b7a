// Parser for Prometheus configuration (/etc/prometheus/prometheus.yml) and the alert rule files
// it names: tables prometheus_targets, prometheus_rule_files and prometheus_alerts.
#include "base/strings.h"
#include "base/yaml.h"
#include "facts/registry.h"
#include "parse/nginx_config.h"
#include "parse/parse_util.h"

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
    {"prometheus_alerts", "Alerting rules of the rule files the configuration loads.",
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

void ReadTargets(const YamlNode& job, const std::string& name, FactSink& out) {
  for (const YamlNode& sc : job["static_configs"].Elements()) {
    std::string labels;
    for (const auto& [k, v] : sc["labels"].Entries()) labels += (labels.empty() ? "" : ",") + k + "=" + v.Scalar();
    for (const YamlNode& t : sc["targets"].Elements()) {
      std::string host;
      Value port;
      SplitTarget(t.Scalar(), &host, &port);
      out.Add(kTargets, {V(name), V(t.Scalar()), V(host), port, V(labels), V(kConfig), V(int64_t{t.Line()})});
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

void ReadRuleFiles(const Snapshot& snap, const YamlNode& config, FactSink& out) {
  for (const YamlNode& p : config["rule_files"].Elements()) {
    std::string pattern = p.Scalar();
    std::string abs = !pattern.empty() && pattern[0] == '/' ? pattern : "/etc/prometheus/" + pattern;
    int matched = 0;
    for (const std::string& path : snap.FilesUnder(abs.substr(0, abs.rfind('/') + 1))) {
      if (!GlobMatch(abs, path)) continue;
      ++matched;
      ReadAlerts(path, *snap.File(path), out);
    }
    out.Add(kRuleFiles, {V(pattern), V(int64_t{matched}), V(kConfig), V(int64_t{p.Line()})});
  }
}

void ParsePrometheus(const Snapshot& snap, FactSink& out) {
  const std::string* text = snap.File(kConfig);
  if (!text) return;
  auto doc = ParseYaml(*text, kConfig);
  if (!doc.ok()) {
    out.Error("monitoring", kConfig, doc.status().line(), doc.status().message());
    return;
  }
  if (!doc->IsMap()) {
    out.Error("monitoring", kConfig, 1, "the configuration must be a YAML mapping");
    return;
  }
  for (const YamlNode& job : (*doc)["scrape_configs"].Elements()) ReadTargets(job, job["job_name"].Scalar(), out);
  ReadRuleFiles(snap, *doc, out);
  out.Coverage("monitoring", kConfig, CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"prometheus", "Prometheus scrape targets and alert rules", ParsePrometheus,
                                         "monitoring", {kConfig}});

}  // namespace
}  // namespace shipshape
