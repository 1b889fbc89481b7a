// Computing and rendering the drift between two runs.
#include "history/run_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/json.h"

namespace shipshape {
namespace {

using ByFingerprint = std::map<std::string, StoredFinding>;

std::map<std::string, ByFingerprint> GroupByHost(const std::vector<StoredFinding>& findings) {
  std::map<std::string, ByFingerprint> out;
  for (const StoredFinding& f : findings) out[f.host].emplace(f.fingerprint, f);  // first one wins
  return out;
}

void Classify(const ByFingerprint& before, const ByFingerprint& after, HostDiff* d) {
  for (const auto& [fp, f] : after) (before.count(fp) ? d->unchanged : d->added).push_back(f);
  for (const auto& [fp, f] : before) {
    if (!after.count(fp)) d->resolved.push_back(f);
  }
  auto order = [](const StoredFinding& a, const StoredFinding& b) {
    return std::tie(a.severity, a.rule, a.subject) < std::tie(b.severity, b.rule, b.subject);
  };
  for (auto* list : {&d->added, &d->resolved, &d->unchanged}) std::sort(list->begin(), list->end(), order);
}

std::string Line(char mark, const StoredFinding& f) {
  std::string out = std::string("  ") + mark + " " + f.severity + " " + f.rule + "  " + f.subject;
  if (!f.file.empty()) out += "  (" + f.file + (f.line > 0 ? ":" + std::to_string(f.line) : "") + ")";
  return out + "\n";
}

std::string FindingsJson(const std::vector<StoredFinding>& list) {
  std::string out = "[";
  for (size_t i = 0; i < list.size(); ++i) {
    const StoredFinding& f = list[i];
    out += std::string(i ? "," : "") + "{\"fingerprint\":" + JsonQuote(f.fingerprint) +
           ",\"severity\":" + JsonQuote(f.severity) + ",\"rule\":" + JsonQuote(f.rule) +
           ",\"title\":" + JsonQuote(f.title) + ",\"subject\":" + JsonQuote(f.subject) +
           ",\"evidence\":" + JsonQuote(f.evidence) + ",\"file\":" + JsonQuote(f.file) +
           ",\"line\":" + std::to_string(f.line) + "}";
  }
  return out + "]";
}

std::string RunJson(const RunSummary& r) {
  return "{\"id\":" + std::to_string(r.id) + ",\"started_at\":" + JsonQuote(r.started_at) +
         ",\"status\":" + JsonQuote(r.status) + "}";
}

}  // namespace

RunDiff DiffRuns(const RunSummary& from, const std::vector<std::string>& from_hosts,
                 const std::vector<StoredFinding>& from_findings, const RunSummary& to,
                 const std::vector<std::string>& to_hosts, const std::vector<StoredFinding>& to_findings) {
  RunDiff diff{from, to, {}};
  std::map<std::string, ByFingerprint> before = GroupByHost(from_findings), after = GroupByHost(to_findings);
  std::set<std::string> in_from(from_hosts.begin(), from_hosts.end()), in_to(to_hosts.begin(), to_hosts.end());
  std::set<std::string> all = in_from;
  all.insert(in_to.begin(), in_to.end());
  for (const std::string& host : all) {
    HostDiff d;
    d.host = host;
    if (!in_to.count(host)) {
      d.presence = "missing";
      d.missing_findings = static_cast<int>(before[host].size());
    } else {
      if (!in_from.count(host)) d.presence = "added";
      Classify(before[host], after[host], &d);
    }
    diff.hosts.push_back(std::move(d));
  }
  return diff;
}

std::string RenderDiffText(const RunDiff& diff, bool unchanged) {
  std::string out = "run " + std::to_string(diff.from.id) + " (" + diff.from.started_at + ") -> run " +
                    std::to_string(diff.to.id) + " (" + diff.to.started_at + ")\n";
  size_t added = 0, resolved = 0, same = 0;
  for (const HostDiff& d : diff.hosts) {
    out += "\nhost " + d.host;
    if (d.presence == "missing") {
      out += ": not in run " + std::to_string(diff.to.id) + " (" + std::to_string(d.missing_findings) +
             " findings before, not compared)\n";
      continue;
    }
    out += (d.presence == "added" ? " (new host)" : "") + std::string(": ") + std::to_string(d.added.size()) +
           " new, " + std::to_string(d.resolved.size()) + " resolved, " + std::to_string(d.unchanged.size()) +
           " unchanged\n";
    for (const StoredFinding& f : d.added) out += Line('+', f);
    for (const StoredFinding& f : d.resolved) out += Line('-', f);
    if (unchanged) {
      for (const StoredFinding& f : d.unchanged) out += Line('=', f);
    }
    added += d.added.size(), resolved += d.resolved.size(), same += d.unchanged.size();
  }
  return out + "\ntotal: " + std::to_string(added) + " new, " + std::to_string(resolved) + " resolved, " +
         std::to_string(same) + " unchanged\n";
}

std::string RenderDiffJson(const RunDiff& diff) {
  std::string out = "{\"format\":\"shipshape-diff/1\",\"from\":" + RunJson(diff.from) + ",\"to\":" + RunJson(diff.to) +
                    ",\n\"hosts\":[";
  for (size_t i = 0; i < diff.hosts.size(); ++i) {
    const HostDiff& d = diff.hosts[i];
    out += std::string(i ? ",\n" : "\n") + "{\"host\":" + JsonQuote(d.host) + ",\"presence\":" + JsonQuote(d.presence) +
           ",\"new\":" + FindingsJson(d.added) + ",\"resolved\":" + FindingsJson(d.resolved) +
           ",\"unchanged\":" + FindingsJson(d.unchanged) + "}";
  }
  return out + "]}\n";
}

}  // namespace shipshape
