// Plan files (format shipshape-plan/1): the model and the reader, with every error at file:line.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace shipshape {

inline constexpr const char* kPlanFormat = "shipshape-plan/1";

// One `accept:` entry. Exactly one kind; the fields of the other kinds stay empty.
struct AcceptCheck {
  enum class Kind { kRule, kSql, kPath, kPort, kService };
  Kind kind = Kind::kRule;
  int line = 0;  // line of the entry's first key

  std::string rule;  // kRule: the rule gives no finding on the host
  std::string sql;   // kSql: returns at least one row, :host bound to the host

  std::string path;                     // kPath; each of owner, group, mode optional
  std::string owner, group_name, mode;  // mode as written ("0750"); checked as octal

  int port = 0;                              // kPort
  std::string proto = "tcp";                 // tcp | udp
  std::vector<std::string> listens_only_on;  // addresses; empty = must not listen at all

  std::string service;                  // kService: unit name, ".service" added when no suffix
  std::optional<bool> enabled, active;  // at least one given
};

struct Signoff {
  std::string by, date, note;  // date YYYY-MM-DD
};

struct PlanTask {
  std::string id, title;
  std::string estimate;  // as written: "30m"; "" when not given
  int estimate_minutes = 0;
  std::vector<std::string> depends_on;  // task ids of this plan
  std::vector<std::string> hosts;       // effective: the task's own, else the plan's
  std::vector<std::string> refs, rule_refs, steps;
  std::string risk, rollback;
  bool human_action = false;
  std::optional<Signoff> signoff;
  std::vector<AcceptCheck> accept;
  int line = 0;          // line of its `- id:`
  int hosts_line = 0;    // line of its `hosts:` (of the plan's when inherited)
  int depends_line = 0;  // line of its `depends_on:`
};

struct PlanGroup {
  std::string id, title;
  std::vector<PlanTask> tasks;
  int line = 0;
};

struct PlanMilestone {
  std::string id, title, goal;
  std::vector<PlanGroup> groups;
  int line = 0;
};

struct PlanFile {
  std::string file;  // where it was read from, for messages
  std::string title;
  std::vector<std::string> hosts;  // default hosts of tasks without their own
  std::vector<PlanMilestone> milestones;

  // Every task, in file order (pointers into milestones; valid while the plan is not modified).
  std::vector<const PlanTask*> Tasks() const;
  const PlanTask* FindTask(const std::string& id) const;
  // Every host any task names, sorted.
  std::set<std::string> AllHosts() const;
};

// Parses a plan. Errors (the first one found) carry `file` and the line at fault: unknown keys, a
// missing or duplicate id, depends_on naming no task, a dependency cycle (named), a task with no
// accept check that is not a human action, a bad estimate, a task host outside the plan's hosts.
Result<PlanFile> ParsePlanFile(std::string_view yaml_text, const std::string& file);
Result<PlanFile> ReadPlanFile(const std::string& path);

// Every task host must be among `available` (the hosts of the targets); else an error at the
// task's hosts line naming the host and what is available.
Status CheckPlanHosts(const PlanFile& plan, const std::set<std::string>& available);

}  // namespace shipshape
