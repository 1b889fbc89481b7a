// Detail tables of `docker inspect`: container_ports, container_mounts, container_networks, container_env.
#include "parse/docker_container_details.h"

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

const TableDef& kPorts = RegisterTable(
    {"container_ports",
     "Published ports of containers (one row per host binding; IPv4 and IPv6 bindings of a port are two rows). "
     "Published ports bypass ufw: Docker's own iptables rules let them through.",
     {Text("container", "container name (containers.name)"), Int("container_port", "port inside the container"),
      Text("proto", "tcp | udp | sctp"),
      Text("host_ip", "host address it is bound to, as Docker gives it: '' or '0.0.0.0' or '::' = every address"),
      Int("host_port", "port on the host; NULL when Docker picks one at start (stopped container)")}});

const TableDef& kMounts = RegisterTable(
    {"container_mounts",
     "Mounts of containers: bind mounts, volumes, tmpfs.",
     {Text("container", "container name (containers.name)"), Text("type", "bind | volume | tmpfs | npipe"),
      Text("source", "host path (for a volume: its data directory under /var/lib/docker/volumes)"),
      Text("destination", "path inside the container"), Int("rw", "1 if mounted read-write, 0 if read-only"),
      Text("name", "volume name (volumes only, else '')")}});

const TableDef& kNetworks = RegisterTable(
    {"container_networks",
     "Networks each container is attached to.",
     {Text("container", "container name (containers.name)"),
      Text("network", "network name: bridge, host, none, or a user-defined network (compose: PROJECT_default)"),
      Text("ip_address", "IPv4 address on that network ('' for host/none or a stopped container)")}});

const TableDef& kEnv = RegisterTable(
    {"container_env",
     "Environment variables of containers (Config.Env). Values of secret-like keys are never stored: the "
     "collector replaces them by a token that keeps only their class and length.",
     {Text("container", "container name (containers.name)"), Text("key", "variable name"),
      Text("value", "the value, or NULL when redacted"), Int("redacted", "1 if the value was a secret (redacted)"),
      Text("class",
           "default (a known default or placeholder: admin, changeme, …) | empty | short (< 12 chars) | ok, for "
           "redacted values; plain for kept values"),
      Int("length", "length of the value in characters")}});

// "9000/tcp" → (9000, "tcp"); false when the key is not a port.
bool SplitPortKey(const std::string& key, int64_t* port, std::string* proto) {
  size_t slash = key.find('/');
  auto p = ParseInt(std::string_view(key).substr(0, slash));
  if (!p || *p <= 0 || *p > 65535) return false;
  *port = *p;
  *proto = slash == std::string::npos ? "tcp" : key.substr(slash + 1);
  return true;
}

bool HasBindings(JsonRef ports) {
  bool any = false;
  ports.ForEachMember([&](const std::string&, JsonRef b) { any = any || b.Size() > 0; });
  return any;
}

void AddPorts(JsonRef c, const std::string& name, FactSink& out) {
  // NetworkSettings.Ports holds the live bindings; a stopped container keeps only HostConfig.PortBindings.
  JsonRef ports = c["NetworkSettings"]["Ports"];
  if (!HasBindings(ports)) ports = c["HostConfig"]["PortBindings"];
  ports.ForEachMember([&](const std::string& key, JsonRef bindings) {
    int64_t port = 0;
    std::string proto;
    if (!SplitPortKey(key, &port, &proto)) return;
    bindings.ForEachElement([&](JsonRef b) {
      auto host_port = ParseInt(b["HostPort"].Str());
      out.Add(kPorts, {V(name), V(port), V(proto), V(b["HostIp"].Str()), host_port ? V(*host_port) : VNull()});
    });
  });
}

void AddMounts(JsonRef c, const std::string& name, FactSink& out) {
  c["Mounts"].ForEachElement([&](JsonRef m) {
    out.Add(kMounts, {V(name), V(m["Type"].Str()), V(m["Source"].Str()), V(m["Destination"].Str()),
                      VBool(m["RW"].Bool(true)), V(m["Name"].Str())});
  });
}

void AddNetworks(JsonRef c, const std::string& name, FactSink& out) {
  c["NetworkSettings"]["Networks"].ForEachMember([&](const std::string& network, JsonRef n) {
    out.Add(kNetworks, {V(name), V(network), V(n["IPAddress"].Str())});
  });
}

int AddEnv(JsonRef c, const std::string& name, FactSink& out) {
  int n = 0;
  c["Config"]["Env"].ForEachElement([&](JsonRef e) {
    std::string entry = e.Str();
    size_t eq = entry.find('=');
    std::string key = entry.substr(0, eq);
    if (key.empty()) return;
    EnvValue v = ClassifyEnvValue(key, eq == std::string::npos ? "" : std::string_view(entry).substr(eq + 1));
    out.Add(kEnv, {V(name), V(key), v.value ? V(*v.value) : VNull(), VBool(v.redacted), V(v.cls), V(v.length)});
    ++n;
  });
  return n;
}

}  // namespace

int AddContainerDetails(JsonRef container, const std::string& name, FactSink& out) {
  AddPorts(container, name, out);
  AddMounts(container, name, out);
  AddNetworks(container, name, out);
  return AddEnv(container, name, out);
}

}  // namespace shipshape
