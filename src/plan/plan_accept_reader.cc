// Reading a task's `accept:` list: one check per entry (rule, sql, path, port or service).
#include <set>

#include "base/strings.h"
#include "collect/stat_paths_request.h"
#include "plan/plan_file_parts.h"

namespace shipshape::plan_reader {
namespace {

struct KindKeys {
  const char* key;
  AcceptCheck::Kind kind;
  std::set<std::string> extra;  // the other keys an entry of this kind may have
};

const std::vector<KindKeys>& Kinds() {
  static const std::vector<KindKeys> kKinds = {
      {"rule", AcceptCheck::Kind::kRule, {}},
      {"sql", AcceptCheck::Kind::kSql, {}},
      {"path", AcceptCheck::Kind::kPath, {"owner", "group", "mode"}},
      {"port", AcceptCheck::Kind::kPort, {"proto", "listens_only_on"}},
      {"service", AcceptCheck::Kind::kService, {"enabled", "active"}},
  };
  return kKinds;
}

bool IsOctalMode(const std::string& m) {
  if (m.size() < 3 || m.size() > 4) return false;
  for (char c : m) {
    if (c < '0' || c > '7') return false;
  }
  return true;
}

Status ReadPath(const Source& src, const YamlNode& y, const std::string& what, AcceptCheck& c) {
  c.path = std::string(Trim(y["path"].Scalar()));
  if (c.path.empty() || c.path[0] != '/') return src.Error(what + ": path must be absolute", c.line);
  if (!IsStatPath(c.path)) return src.Error(what + ": path must be one line without '|' or control characters", c.line);
  c.owner = y["owner"].Scalar();
  c.group_name = y["group"].Scalar();
  c.mode = y["mode"].Scalar();
  if (y["mode"].IsDefined() && !IsOctalMode(c.mode)) {
    return src.Error(what + ": mode must be octal like \"0750\" (quote it)", y["mode"].Line());
  }
  return Status::Ok();
}

Status ReadPort(const Source& src, const YamlNode& y, const std::string& what, AcceptCheck& c) {
  auto port = ParseInt(Trim(y["port"].Scalar()));
  if (!port || *port < 1 || *port > 65535) return src.Error(what + ": port must be 1..65535", c.line);
  c.port = static_cast<int>(*port);
  c.proto = y["proto"].Scalar("tcp");
  if (c.proto != "tcp" && c.proto != "udp") return src.Error(what + ": proto must be tcp or udp", y["proto"].Line());
  if (!y["listens_only_on"].IsDefined()) {
    return src.Error(what + ": a port check needs listens_only_on (a list of addresses; [] = not listening)", c.line);
  }
  if (y["listens_only_on"].IsSeq() && y["listens_only_on"].Size() == 0) return Status::Ok();
  return ScalarList(src, y["listens_only_on"], what + ": listens_only_on", &c.listens_only_on);
}

Status ReadService(const Source& src, const YamlNode& y, const std::string& what, AcceptCheck& c) {
  c.service = std::string(Trim(y["service"].Scalar()));
  if (c.service.empty()) return src.Error(what + ": service needs a unit name", c.line);
  if (c.service.find('.') == std::string::npos) c.service += ".service";
  for (const char* key : {"enabled", "active"}) {
    if (!y[key].IsDefined()) continue;
    bool value = false;
    if (Status st = Bool(src, y[key], what + ": " + key, &value); !st.ok()) return st;
    (std::string(key) == "enabled" ? c.enabled : c.active) = value;
  }
  if (!c.enabled && !c.active) return src.Error(what + ": a service check needs enabled: and/or active:", c.line);
  return Status::Ok();
}

Status ReadCheck(const Source& src, const YamlNode& y, const std::string& what, AcceptCheck& c) {
  switch (c.kind) {
    case AcceptCheck::Kind::kRule:
      c.rule = std::string(Trim(y["rule"].Scalar()));
      return c.rule.empty() ? src.Error(what + ": rule needs a rule id", c.line) : Status::Ok();
    case AcceptCheck::Kind::kSql:
      c.sql = y["sql"].Scalar();
      return Trim(c.sql).empty() ? src.Error(what + ": sql needs a query", c.line) : Status::Ok();
    case AcceptCheck::Kind::kPath:
      return ReadPath(src, y, what, c);
    case AcceptCheck::Kind::kPort:
      return ReadPort(src, y, what, c);
    case AcceptCheck::Kind::kService:
      return ReadService(src, y, what, c);
  }
  return Status::Ok();
}

Status ReadEntry(const Source& src, const YamlNode& y, const std::string& task_id, AcceptCheck& c) {
  const std::string what = "accept check of task " + task_id;
  c.line = y.Line();
  if (!y.IsMap()) return src.Error(what + " must be a map (rule:, sql:, path:, port: or service:)", c.line);
  const KindKeys* found = nullptr;
  for (const KindKeys& k : Kinds()) {
    if (!y[k.key].IsDefined()) continue;
    if (found) return src.Error(what + " has both " + found->key + " and " + k.key + ": one check per entry", c.line);
    found = &k;
  }
  if (!found) return src.Error(what + " needs one of rule, sql, path, port, service", c.line);
  std::set<std::string> known = found->extra;
  known.insert(found->key);
  if (Status st = CheckKeys(src, y, known, std::string(found->key) + " check of task " + task_id); !st.ok()) {
    return st;
  }
  c.kind = found->kind;
  return ReadCheck(src, y, what, c);
}

}  // namespace

Status ReadAcceptList(const Source& src, const YamlNode& node, const std::string& task_id,
                      std::vector<AcceptCheck>* out) {
  if (!node.IsDefined() || node.IsNull()) return Status::Ok();
  if (!node.IsSeq()) return src.Error("accept of task " + task_id + " must be a list of checks", node.Line());
  for (const YamlNode& y : node.Elements()) {
    AcceptCheck c;
    if (Status st = ReadEntry(src, y, task_id, c); !st.ok()) return st;
    out->push_back(std::move(c));
  }
  return Status::Ok();
}

}  // namespace shipshape::plan_reader
