// Parser and deriver registries, and the loading of a snapshot's facts.
#include "facts/registry.h"

#include <algorithm>
#include <deque>
#include <exception>

#include "base/json.h"

namespace shipshape {
namespace {

std::deque<ParserInfo>& Parsers() {
  static auto* p = new std::deque<ParserInfo>();
  return *p;
}
std::deque<DeriverInfo>& Derivers() {
  static auto* d = new std::deque<DeriverInfo>();
  return *d;
}

const TableDef& kHosts = RegisterTable(
    {"hosts", "One row per audited target, from the snapshot's meta.json.",
     {Text("collected_at", "when the snapshot was taken (RFC 3339 UTC)"),
      Text("method", "local | ssh | fixture | stack"),
      Int("privileged", "1 if the collector ran as root (everything readable), else 0"),
      Text("collector", "collector version"), Text("labels", "labels as a JSON object (inventory groups, env)"),
      Text("origin", "where the snapshot was read from")}});

std::string LabelsJson(const SnapshotMeta& meta) {
  std::string out = "{";
  for (const auto& [k, v] : meta.labels) {
    if (out.size() > 1) out += ",";
    out += JsonQuote(k) + ":" + JsonQuote(v);
  }
  return out + "}";
}

}  // namespace

bool RegisterParser(ParserInfo info) {
  Parsers().push_back(std::move(info));
  return true;
}

bool RegisterDeriver(DeriverInfo info) {
  Derivers().push_back(std::move(info));
  return true;
}

std::vector<const ParserInfo*> AllParsers() {
  std::vector<const ParserInfo*> out;
  for (const auto& p : Parsers()) out.push_back(&p);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
  return out;
}

std::vector<const DeriverInfo*> AllDerivers() {
  std::vector<const DeriverInfo*> out;
  for (const auto& d : Derivers()) out.push_back(&d);
  std::sort(out.begin(), out.end(),
            [](auto* a, auto* b) { return a->order != b->order ? a->order < b->order : a->name < b->name; });
  return out;
}

void LoadSnapshotFacts(FactDb& db, const Snapshot& snap, Diagnostics& diags) {
  const SnapshotMeta& m = snap.meta();
  FactSink sink(db, m.host, diags);
  sink.Add(kHosts, {Value(m.collected_at), Value(m.method), Value(static_cast<int64_t>(m.privileged ? 1 : 0)),
                    Value(m.collector), Value(LabelsJson(m)), Value(snap.origin())});
  for (const ParserInfo* p : AllParsers()) {
    try {
      p->fn(snap, sink);
    } catch (const std::exception& e) {
      // A parser bug must not end the audit; it is reported like damaged input.
      sink.Warn("(parser " + p->name + ")", 0, std::string("internal error: ") + e.what());
    }
  }
}

Status RunDerivers(FactDb& db, Diagnostics& diags) {
  for (const DeriverInfo* d : AllDerivers()) {
    Status st = d->fn(db, diags);
    if (!st.ok()) return Status::Error(st.code(), "deriver " + d->name + ": " + st.message());
  }
  return Status::Ok();
}

}  // namespace shipshape
