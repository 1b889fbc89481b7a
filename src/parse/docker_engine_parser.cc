// Parser for the Docker engine: `docker version`, `docker info` (JSON) and /etc/docker/daemon.json
// → table `docker_engine`, and whether Docker is on the host at all (category docker: N/A or not).
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/json_input.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kEngine = RegisterTable(
    {"docker_engine",
     "The Docker engine of the host (one row when Docker answered or daemon.json was read), from `docker version`, "
     "`docker info` and /etc/docker/daemon.json. NULL = not known (the source was missing).",
     {Text("version", "engine (server) version, e.g. 24.0.7"), Text("api_version", "engine API version, e.g. 1.43"),
      Text("os_type", "linux | windows"), Text("storage_driver", "overlay2, overlayfs (containerd store), …"),
      Int("live_restore", "1 if containers keep running while the daemon restarts (live-restore)"),
      Text("userns_remap",
           "user-namespace remapping: the daemon.json value ('default' or a user), 'enabled' when docker info "
           "reports it without daemon.json saying how, '' when off"),
      Int("rootless", "1 if the daemon runs rootless"),
      Text("log_driver", "default logging driver of containers (json-file, local, journald, …)"),
      Int("containers", "number of containers, running or not"), FileCol(),
      Int("containers_running", "number of running containers"), Int("images", "number of images"),
      Text("security_options", "docker info SecurityOptions, comma-separated names: apparmor,seccomp,cgroupns,…"),
      Text("cgroup_driver", "cgroupfs | systemd"), Text("kernel_version", "kernel release seen by the daemon"),
      Text("operating_system", "host OS as the daemon reports it"),
      Int("tcp_api",
          "1 if the API listens on TCP (daemon.json hosts has tcp://, or docker info warns the API is reachable "
          "over http/https)"),
      Text("client_version", "docker CLI version")}});

constexpr const char* kCategory = "docker";
constexpr const char* kVersionOut = "cmd/docker-version.out";
constexpr const char* kInfoOut = "cmd/docker-info.out";
constexpr const char* kDaemonJson = "/etc/docker/daemon.json";

struct Engine {
  Value version, api_version, os_type, storage_driver, live_restore, userns_remap, rootless, log_driver, containers,
      containers_running, images, security_options, cgroup_driver, kernel_version, operating_system, tcp_api,
      client_version;
  std::string file;
};

Value NonEmpty(const std::string& s) { return s.empty() ? VNull() : V(s); }

bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

// Docker engine packages in the dpkg or rpm listing (installed even if the binary is not on PATH).
bool DockerPackageInstalled(const Snapshot& snap) {
  static const char* const kNames[] = {"docker-ce", "docker-ee", "docker.io", "docker-engine", "moby-engine", "docker"};
  for (const char* cmd : {"dpkg", "rpm"}) {
    const std::string* text = snap.CommandOk(cmd);
    if (!text) continue;
    for (std::string_view line : SplitLines(*text)) {
      auto fields = Split(line, '\t');
      if (fields.size() < 2) continue;
      if (fields.size() >= 3 && !StartsWith(Trim(fields[2]), "ii")) continue;  // dpkg: installed only
      for (const char* name : kNames) {
        if (fields[0] == name) return true;
      }
    }
  }
  return false;
}

void ReadVersion(JsonRef root, Engine& e) {
  JsonRef server = root["Server"];
  std::string version = server["Version"].Str();
  server["Components"].ForEachElement([&](JsonRef c) {
    if (version.empty() && c["Name"].Str() == "Engine") version = c["Version"].Str();
  });
  e.version = NonEmpty(version);
  e.api_version = NonEmpty(server["ApiVersion"].Str());
  e.os_type = NonEmpty(server["Os"].Str());
  e.kernel_version = NonEmpty(server["KernelVersion"].Str());
  e.client_version = NonEmpty(root["Client"]["Version"].Str());
}

void ReadSecurityOptions(JsonRef options, Engine& e) {
  std::vector<std::string> names;
  bool rootless = false, userns = false;
  options.ForEachElement([&](JsonRef o) {
    // "name=seccomp,profile=builtin": the first field names the option.
    std::string option = o.Str();
    std::string_view first = Split(option, ',')[0];
    std::string name(StartsWith(first, "name=") ? first.substr(5) : first);
    rootless = rootless || name == "rootless";
    userns = userns || name == "userns";
    names.push_back(name);
  });
  e.security_options = V(Join(names, ","));
  e.rootless = VBool(rootless);
  if (userns)
    e.userns_remap = V("enabled");
  else
    e.userns_remap = V("");
}

void ReadInfo(JsonRef root, Engine& e) {
  std::string server_version = root["ServerVersion"].Str();
  if (IsNull(e.version)) e.version = NonEmpty(server_version);
  if (!root["OSType"].Str().empty()) e.os_type = V(root["OSType"].Str());
  e.storage_driver = NonEmpty(root["Driver"].Str());
  e.log_driver = NonEmpty(root["LoggingDriver"].Str());
  if (root["LiveRestoreEnabled"].IsBool()) e.live_restore = VBool(root["LiveRestoreEnabled"].Bool());
  if (root["Containers"].IsNumber()) e.containers = V(root["Containers"].Int());
  if (root["ContainersRunning"].IsNumber()) e.containers_running = V(root["ContainersRunning"].Int());
  if (root["Images"].IsNumber()) e.images = V(root["Images"].Int());
  ReadSecurityOptions(root["SecurityOptions"], e);
  e.cgroup_driver = NonEmpty(root["CgroupDriver"].Str());
  if (!root["KernelVersion"].Str().empty()) e.kernel_version = V(root["KernelVersion"].Str());
  e.operating_system = NonEmpty(root["OperatingSystem"].Str());
  bool tcp = false;
  root["Warnings"].ForEachElement(
      [&](JsonRef w) { tcp = tcp || w.Str().find("API is accessible on http") != std::string::npos; });
  e.tcp_api = VBool(tcp);
}

// daemon.json: the configured values, used where docker info (the effective values) is missing.
void ReadDaemonJson(JsonRef root, Engine& e) {
  if (root["userns-remap"].IsString())
    e.userns_remap = V(root["userns-remap"].Str());
  else if (IsNull(e.userns_remap))
    e.userns_remap = V("");
  if (IsNull(e.live_restore)) e.live_restore = VBool(root["live-restore"].Bool(false));
  if (IsNull(e.log_driver)) e.log_driver = V(root["log-driver"].Str("json-file"));
  if (IsNull(e.storage_driver)) e.storage_driver = NonEmpty(root["storage-driver"].Str());
  bool tcp = false;
  root["hosts"].ForEachElement([&](JsonRef h) { tcp = tcp || StartsWith(h.Str(), "tcp://"); });
  if (tcp)
    e.tcp_api = VBool(true);
  else if (IsNull(e.tcp_api))
    e.tcp_api = VBool(false);
}

// A dockerd process in `ps` output (the comm column, 5th field).
bool DaemonProcessSeen(const std::string& ps) {
  for (std::string_view line : SplitLines(ps)) {
    auto fields = SplitWhitespace(line);
    if (fields.size() >= 5 && fields[4] == "dockerd") return true;
  }
  return false;
}

// Only the docker CLI is installed: a root snapshot in which `docker version` printed no server,
// and no dockerd process runs. Without root the socket may just be closed to the collector.
bool ClientOnly(const Snapshot& snap, const CommandResult& version) {
  if (!snap.meta().privileged || *version.exit_code == 0 || !version.output) return false;
  const std::string* ps = snap.CommandOk("ps");
  if (!ps || DaemonProcessSeen(*ps)) return false;
  return version.output->find("\"Server\":null") != std::string::npos;
}

// Without Docker there are neither containers nor images to judge: both categories are N/A.
void MarkAbsent(FactSink& out, const std::string& why) {
  out.Coverage(kCategory, kVersionOut, CoverageState::kAbsent, why);
  out.Coverage("images", kVersionOut, CoverageState::kAbsent, why);
}

// Parses a command's JSON output when it ran and exited 0; a failed run is kError.
bool ReadCommand(const Snapshot& snap, FactSink& out, const char* name, const char* file, Engine& e,
                 void (*read)(JsonRef, Engine&)) {
  const CommandResult* cmd = snap.Command(name);
  if (!cmd) return false;
  if (*cmd->exit_code != 0) {
    out.Coverage(kCategory, file, CoverageState::kError,
                 std::string(name) + " exited " + std::to_string(*cmd->exit_code) +
                     " (daemon not running, or no permission on its socket)");
    return false;
  }
  if (!cmd->output || IsBlank(*cmd->output)) return false;
  auto doc = ParseJsonInput(out, kCategory, file, *cmd->output);
  if (!doc) return false;
  if (!doc->root().IsObject()) {
    out.Error(kCategory, file, 1, "expected a JSON object");
    return false;
  }
  read(doc->root(), e);
  if (e.file.empty() || std::string(file) == kInfoOut) e.file = file;
  return true;
}

bool ReadDaemonFile(const Snapshot& snap, FactSink& out, Engine& e) {
  const std::string* text = snap.File(kDaemonJson);
  if (!text || IsBlank(*text)) return false;
  auto doc = ParseJsonInput(out, kCategory, kDaemonJson, *text);
  if (!doc) return false;
  if (!doc->root().IsObject()) {
    out.Error(kCategory, kDaemonJson, 1, "expected a JSON object");
    return false;
  }
  ReadDaemonJson(doc->root(), e);
  if (e.file.empty()) e.file = kDaemonJson;
  return true;
}

void ParseDockerEngine(const Snapshot& snap, FactSink& out) {
  const CommandResult* version_cmd = snap.Command("docker-version");
  if (!version_cmd && snap.CommandsWithPrefix("docker-").empty()) {
    if (snap.meta().method == "stack") return;  // a stack folder says nothing about a host's engine
    if (DockerPackageInstalled(snap)) {
      out.Coverage(kCategory, kVersionOut, CoverageState::kError,
                   "a Docker package is installed but `docker version` was not collected");
    } else {
      MarkAbsent(out, "no docker command on the host");
    }
  }
  if (version_cmd && ClientOnly(snap, *version_cmd)) {
    MarkAbsent(out, "docker CLI only: no Docker daemon runs");
    return;
  }
  Engine e;
  bool version_ok = ReadCommand(snap, out, "docker-version", kVersionOut, e, ReadVersion);
  bool info_ok = ReadCommand(snap, out, "docker-info", kInfoOut, e, ReadInfo);
  bool daemon_ok = ReadDaemonFile(snap, out, e);
  if (!version_ok && !info_ok && !(daemon_ok && version_cmd)) return;
  out.Add(kEngine, {e.version, e.api_version, e.os_type, e.storage_driver, e.live_restore, e.userns_remap, e.rootless,
                    e.log_driver, e.containers, V(e.file), e.containers_running, e.images, e.security_options,
                    e.cgroup_driver, e.kernel_version, e.operating_system, e.tcp_api, e.client_version});
  if (version_ok || info_ok) out.Coverage(kCategory, e.file, CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"docker-engine",
                                         "Docker engine version and daemon settings",
                                         ParseDockerEngine,
                                         kCategory,
                                         {kVersionOut, kInfoOut, kDaemonJson}});

}  // namespace
}  // namespace shipshape
