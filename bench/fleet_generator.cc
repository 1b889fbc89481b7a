// Fleet generation for benchmarks.
#include "fleet_generator.h"

#include <cstdio>

#include "base/strings.h"

namespace shipshape::bench {
namespace {

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
}

Snapshot Vary(const Snapshot& base, int index) {
  Snapshot s = base;
  std::string name = base.meta().host + "-" + std::to_string(index);
  s.meta().host = name;
  // Disk use from 30 % to 94 %, so some hosts trip the disk rules and most do not.
  if (const CommandResult* df = base.Command("df")) {
    std::string out = *df->output;
    char pct[8];
    snprintf(pct, sizeof pct, "%d%%", 30 + (index * 7) % 65);
    ReplaceAll(out, "85%", pct);
    ReplaceAll(out, "44%", pct);
    s.PutCommand("df", out, 0);
  }
  if (const CommandResult* inspect = base.Command("docker-inspect")) {
    std::string out = *inspect->output;
    ReplaceAll(out, "-prod", "-prod" + std::to_string(index % 10));
    s.PutCommand("docker-inspect", out, 0);
  }
  return s;
}

}  // namespace

std::vector<Snapshot> LoadFleetTemplates(const std::string& source_dir) {
  std::vector<Snapshot> templates;
  for (const char* h : {"bms-1", "bms-3"}) {
    auto snap = LoadSnapshot(source_dir + "/" + h);
    if (snap.ok()) templates.push_back(std::move(snap).value());
  }
  return templates;
}

Snapshot GenerateHost(const std::vector<Snapshot>& templates, int index) {
  return Vary(templates[static_cast<size_t>(index) % templates.size()], index);
}

std::vector<Snapshot> GenerateFleet(const std::string& source_dir, int count) {
  std::vector<Snapshot> templates = LoadFleetTemplates(source_dir);
  std::vector<Snapshot> out;
  if (templates.empty()) return out;
  for (int i = 0; i < count; ++i) out.push_back(GenerateHost(templates, i));
  return out;
}

}  // namespace shipshape::bench
