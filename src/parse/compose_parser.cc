// Parser for Docker Compose files (stack folders and the compose files of running stacks):
// tables compose_services, compose_ports, compose_networks, compose_service_networks,
// compose_mounts, compose_env, compose_var_refs.
#include <set>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/compose_env_rows.h"
#include "parse/compose_model.h"
#include "parse/compose_ports.h"
#include "parse/compose_values.h"
#include "parse/parse_util.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

using compose::CNode;
using compose::Project;
using compose::Service;

constexpr const char* kCategory = "docker";

ColumnDef ProjectCol() {
  return Text("project",
              "compose project: the file's `name:`, else its folder's name (a stack read in place: the "
              "stack folder's name)");
}
ColumnDef ServiceCol() { return Text("service", "service name (the key under services:)"); }

const TableDef& kServices = RegisterTable(
    {"compose_services",
     "Services of Docker Compose files, after interpolation from the project's .env, with override files "
     "(compose.override.yaml, docker-compose.override.yml) merged, `extends` resolved and every profile included.",
     {ProjectCol(),
      Text("dir", "folder of the compose file as keyed in the snapshot: \"/\" (a stack) or \"/opt/app\""),
      ServiceCol(),
      Text("image", "image as written after interpolation; '' when the service is only built"),
      Int("build", "1 when the service has a build: section"),
      Text("container_name", "container_name, or ''"),
      Text("profiles", "profiles, space-joined; '' = started by default"),
      Int("privileged", "privileged: true"),
      Text("network_mode", "'' | host | none | bridge | service:NAME | container:NAME"),
      Text("restart", "restart policy as written ('' when none)"),
      Text("user", "user: as written, or ''"),
      Int("read_only", "read_only: true (read-only root filesystem)"),
      Int("healthcheck",
          "1 when a healthcheck test is defined and not disabled (test NONE, disable: true); 0 when "
          "none is defined here (the image may still define one)"),
      Int("mem_limit", "memory limit in bytes (deploy.resources.limits.memory, else mem_limit); NULL if none"),
      Real("cpu_limit", "cpu limit in cpus (deploy.resources.limits.cpus, else cpus); NULL if none"),
      Text("cap_add", "added capabilities, comma-separated"),
      Text("command", "command, list items joined by spaces (secrets appear as redaction tokens)"),
      Text("log_driver", "logging.driver (v2 files: log_driver) as written; '' = the daemon's default (json-file)"),
      FileCol(),
      Int("line", "line of the service's key")}});

const TableDef& kPorts =
    RegisterTable({"compose_ports",
                   "Ports of Compose services (short and long syntax), one row per entry; a range is one row.",
                   {ProjectCol(), ServiceCol(), Text("host_ip", "host address the port is bound to; '' when not given"),
                    Text("published",
                         "host port or range as written; '' when none is given (Docker then picks an ephemeral "
                         "host port)"),
                    Int("host_port", "first host port as an integer; NULL when none is given"),
                    Int("container_port", "(first) container port"), Text("protocol", "tcp | udp | sctp"),
                    Int("all_interfaces",
                        "1 when host_ip is '', 0.0.0.0 or :: (reachable on every address of the host; also for an "
                        "ephemeral host port)"),
                    FileCol(), LineCol()}});

const TableDef& kNetworks = RegisterTable(
    {"compose_networks",
     "Networks of Compose projects: top-level networks:, and the implicit \"default\" network (line 0) when a "
     "service uses it.",
     {ProjectCol(), Text("network", "network key"), Text("driver", "driver as written; '' when not given (bridge)"),
      Int("internal", "internal: true (no route outside)"), Int("external", "external: true (created outside)"),
      FileCol(), LineCol()}});

const TableDef& kServiceNetworks =
    RegisterTable({"compose_service_networks",
                   "Networks each Compose service joins: \"default\" when it names none and has no network_mode.",
                   {ProjectCol(), ServiceCol(), Text("network", "network key"),
                    Text("aliases", "aliases, space-joined"), FileCol(), LineCol()}});

const TableDef& kMounts =
    RegisterTable({"compose_mounts",
                   "Volumes and bind mounts of Compose services (volumes: short and long syntax, tmpfs:).",
                   {ProjectCol(), ServiceCol(), Text("type", "bind | volume | tmpfs (long syntax: as written)"),
                    Text("source",
                         "host path as written after interpolation (relative paths stay relative to the compose "
                         "folder), or the volume name; '' for an anonymous volume or tmpfs"),
                    Text("target", "path in the container"),
                    Int("read_only", "1 when mounted read-only (:ro, read_only: true)"), FileCol(), LineCol()}});

const TableDef& kEnv = RegisterTable(
    {"compose_env",
     "Environment of Compose services after interpolation: env_file entries, then environment: (which wins). "
     "Secret values are never stored, only their class and length.",
     {ProjectCol(), ServiceCol(), Text("key", "variable name"), Text("value", "the value, NULL when redacted"),
      Int("redacted", "1 when the value is a secret (redacted)"),
      Text("class",
           "default | empty | short | ok for redacted values (a value holding a redacted part, such as a URL "
           "with a password, takes that part's class); plain for kept values"),
      Int("length", "length of the value in characters"),
      Text("origin", "environment, or env_file:PATH (PATH as keyed in the snapshot)"),
      Text("refs", "variables the value as written referenced, space-joined"), FileCol(),
      Int("line", "line of the key (in the compose file, or in the env file)")}});

const TableDef& kVarRefs = RegisterTable(
    {"compose_var_refs",
     "Every ${VAR} / $VAR reference in Compose files (and in the env files they load).",
     {ProjectCol(), Text("service", "service whose definition holds it; NULL outside services"),
      Text("var", "variable name"),
      Text("form", "plain (${V}, $V) | default (${V:-x}, ${V-x}, ${V:+x}, ${V+x}) | required (${V:?msg}, ${V?msg})"),
      Int("defined", "1 when the project's .env sets it"), Int("empty", "1 when the value it resolves to is empty"),
      Int("secret", "1 when the name is secret-like"), FileCol(), LineCol()}});

std::string Joined(const CNode* node, const char* sep) {
  if (!node) return "";
  if (node->IsScalar()) return node->text;
  std::vector<std::string> parts;
  for (const CNode& item : node->items) {
    if (item.IsScalar()) parts.push_back(item.text);
  }
  return Join(parts, sep);
}

// 1 when a healthcheck test is defined and not disabled.
bool HasHealthcheck(const CNode* hc) {
  if (!hc || !hc->IsMap() || CNode::BoolOf(hc->Get("disable")).value_or(false)) return false;
  const CNode* test = hc->Get("test");
  if (!test) return false;
  std::string first = test->IsSeq() && !test->items.empty() ? CNode::TextOf(&test->items[0]) : CNode::TextOf(test);
  return !first.empty() && first != "NONE";
}

const CNode* Path(const CNode& root, std::initializer_list<const char*> keys) {
  const CNode* node = &root;
  for (const char* k : keys) {
    if (!node || !node->IsMap()) return nullptr;
    node = node->Get(k);
  }
  return node;
}

Value LimitValue(const Service& s, const char* deploy_key, const char* v2_key, bool memory,
                 std::vector<compose::Diag>& diags) {
  const CNode* node = Path(s.def, {"deploy", "resources", "limits", deploy_key});
  std::string key = std::string("deploy.resources.limits.") + deploy_key;
  if (!node || !node->IsScalar() || node->text.empty()) node = s.def.Get(v2_key), key = v2_key;
  if (!node || !node->IsScalar() || node->text.empty()) return VNull();
  if (memory) {
    if (auto bytes = compose::ParseMemory(node->text)) return V(*bytes);
  } else if (auto cpus = compose::ParseCpus(node->text)) {
    return Value(*cpus);
  }
  diags.push_back({node->file, node->line,
                   "service " + s.name + ": " + key + " is not a valid " + (memory ? "size" : "number of CPUs"),
                   false});
  return VNull();
}

std::string LogDriver(const CNode& d) {
  const CNode* logging = d.Get("logging");
  std::string driver = logging ? CNode::TextOf(logging->Get("driver")) : "";
  return driver.empty() ? CNode::TextOf(d.Get("log_driver")) : driver;
}

void AddService(const Project& p, const Service& s, FactSink& out, std::vector<compose::Diag>& diags) {
  const CNode& d = s.def;
  out.Add(kServices, {V(p.name),
                      V(p.dir),
                      V(s.name),
                      V(CNode::TextOf(d.Get("image"))),
                      VBool(d.Get("build") != nullptr),
                      V(CNode::TextOf(d.Get("container_name"))),
                      V(Joined(d.Get("profiles"), " ")),
                      VBool(CNode::BoolOf(d.Get("privileged")).value_or(false)),
                      V(CNode::TextOf(d.Get("network_mode"))),
                      V(CNode::TextOf(d.Get("restart"))),
                      V(CNode::TextOf(d.Get("user"))),
                      VBool(CNode::BoolOf(d.Get("read_only")).value_or(false)),
                      VBool(HasHealthcheck(d.Get("healthcheck"))),
                      LimitValue(s, "memory", "mem_limit", true, diags),
                      LimitValue(s, "cpus", "cpus", false, diags),
                      V(Joined(d.Get("cap_add"), ",")),
                      V(compose::JoinCommand(d.Get("command"))),
                      V(LogDriver(d)),
                      V(d.file),
                      V(static_cast<int64_t>(d.line))});
}

void AddPorts(const Project& p, const Service& s, FactSink& out) {
  const CNode* ports = s.def.Get("ports");
  if (!ports) return;
  for (const CNode& item : ports->items) {
    auto port = compose::ParsePort(item);
    if (!port) {
      out.Error(kCategory, item.file, item.line, "service " + s.name + ": invalid port specification");
      continue;
    }
    out.Add(kPorts, {V(p.name), V(s.name), V(port->host_ip), V(port->published),
                     port->host_port ? V(*port->host_port) : VNull(), V(port->container_port), V(port->protocol),
                     VBool(compose::OnAllInterfaces(*port)), V(item.file), V(static_cast<int64_t>(item.line))});
  }
}

void AddMounts(const Project& p, const Service& s, FactSink& out) {
  if (const CNode* volumes = s.def.Get("volumes")) {
    for (const CNode& item : volumes->items) {
      auto m = compose::ParseMount(item);
      if (!m) {
        out.Error(kCategory, item.file, item.line, "service " + s.name + ": invalid volume specification");
        continue;
      }
      out.Add(kMounts, {V(p.name), V(s.name), V(m->type), V(m->source), V(m->target), VBool(m->read_only), V(item.file),
                        V(static_cast<int64_t>(item.line))});
    }
  }
  const CNode* tmpfs = s.def.Get("tmpfs");
  std::vector<CNode> items = tmpfs && tmpfs->IsSeq() ? tmpfs->items : std::vector<CNode>();
  if (tmpfs && tmpfs->IsScalar()) items.push_back(*tmpfs);
  for (const CNode& item : items) {
    std::string target = item.text.substr(0, item.text.find(':'));
    out.Add(kMounts, {V(p.name), V(s.name), V("tmpfs"), V(""), V(target), VBool(false), V(item.file),
                      V(static_cast<int64_t>(item.line))});
  }
}

// The service's networks; true when it joins the implicit default network.
bool AddServiceNetworks(const Project& p, const Service& s, FactSink& out) {
  const CNode* nets = s.def.Get("networks");
  if (!nets || !nets->IsMap() || nets->entries.empty()) {
    if (!CNode::TextOf(s.def.Get("network_mode")).empty()) return false;
    out.Add(kServiceNetworks, {V(p.name), V(s.name), V("default"), V(""), V(s.def.file), V(s.def.line)});
    return true;
  }
  bool uses_default = false;
  for (const auto& [name, value] : nets->entries) {
    out.Add(kServiceNetworks,
            {V(p.name), V(s.name), V(name), V(Joined(value.IsMap() ? value.Get("aliases") : nullptr, " ")),
             V(value.file), V(static_cast<int64_t>(value.line))});
    uses_default = uses_default || name == "default";
  }
  return uses_default;
}

void AddNetworks(const Project& p, bool uses_default, const std::string& base_file, FactSink& out) {
  for (const auto& [name, def] : p.networks.entries) {
    const CNode* external = def.IsMap() ? def.Get("external") : nullptr;
    bool is_external = external && (external->IsMap() || CNode::BoolOf(external).value_or(false));
    out.Add(kNetworks, {V(p.name), V(name), V(CNode::TextOf(def.IsMap() ? def.Get("driver") : nullptr)),
                        VBool(def.IsMap() && CNode::BoolOf(def.Get("internal")).value_or(false)), VBool(is_external),
                        V(def.file), V(static_cast<int64_t>(def.line))});
    if (name == "default") uses_default = false;
  }
  if (uses_default) {
    out.Add(kNetworks, {V(p.name), V("default"), V(""), VBool(false), VBool(false), V(base_file), V(int64_t{0})});
  }
}

void AddEnvAndRefs(const Snapshot& snap, const Project& p, FactSink& out, std::vector<compose::Diag>& diags) {
  std::vector<compose::RefSite> refs = p.refs;
  for (const Service& s : p.services) {
    for (const compose::EnvRow& r : compose::ServiceEnvironment(snap, p, s, refs, diags)) {
      out.Add(kEnv, {V(p.name), V(s.name), V(r.key), r.value ? V(*r.value) : VNull(), VBool(r.redacted), V(r.cls),
                     V(r.length), V(r.origin), V(r.refs), V(r.file), V(static_cast<int64_t>(r.line))});
    }
  }
  for (const compose::RefSite& r : refs) {
    out.Add(kVarRefs, {V(p.name), r.service ? V(*r.service) : VNull(), V(r.ref.var), V(r.ref.form),
                       VBool(p.vars.count(r.ref.var) > 0), VBool(r.ref.empty), VBool(IsSecretKey(r.ref.var)), V(r.file),
                       V(static_cast<int64_t>(r.line))});
  }
}

void ParseCompose(const Snapshot& snap, FactSink& out) {
  for (const Project& p : compose::LoadProjects(snap)) {
    std::vector<compose::Diag> diags = p.diags;
    if (!p.parsed.empty()) {
      bool uses_default = false;
      for (const Service& s : p.services) {
        AddService(p, s, out, diags);
        AddPorts(p, s, out);
        AddMounts(p, s, out);
        uses_default = AddServiceNetworks(p, s, out) || uses_default;
      }
      AddNetworks(p, uses_default, p.parsed[0], out);
      AddEnvAndRefs(snap, p, out, diags);
    }
    std::set<std::string> failed;
    for (const compose::Diag& d : diags) {
      if (d.error) {
        out.Error(kCategory, d.file, d.line, d.message);
        failed.insert(d.file);
      } else {
        out.Warn(d.file, d.line, d.message);
      }
    }
    for (const std::string& file : p.parsed) {
      if (!failed.count(file)) out.Coverage(kCategory, file, CoverageState::kOk);
    }
  }
}

const bool kRegistered = RegisterParser({"compose",
                                         "Docker Compose files: services, ports, networks, mounts, "
                                         "environment, variable references",
                                         ParseCompose,
                                         kCategory,
                                         {"/docker-compose.yml"}});

}  // namespace
}  // namespace shipshape
