// Parser for `docker inspect` of every container (one JSON array) → table `containers`, plus the
// detail tables of docker_container_details.cc.
#include <algorithm>
#include <cstdint>

#include "base/strings.h"
#include "facts/registry.h"
#include "parse/docker_container_details.h"
#include "parse/image_reference.h"
#include "parse/json_input.h"
#include "parse/parse_util.h"
#include "parse/timestamps.h"

namespace shipshape {
namespace {

const TableDef& kContainers = RegisterTable(
    {"containers",
     "Docker containers of the host, running or not, from `docker inspect`. Limits are 0 when unset (no limit).",
     {Text("id", "full container ID (64 hex)"),
      Text("name", "container name, without the leading '/'"),
      Text("image", "image as the container was started with it (Config.Image): name:tag, name@digest or an ID"),
      Text("image_id", "ID of the image the container runs (sha256:…); join with images.id"),
      Text("state", "created | running | paused | restarting | removing | exited | dead"),
      Text("created", "when the container was created, RFC 3339 UTC (YYYY-MM-DDTHH:MM:SSZ)"),
      Text("started_at", "when it was last started, RFC 3339 UTC; NULL if never started"),
      Text("restart_policy", "no | always | unless-stopped | on-failure"),
      Int("privileged", "1 if run with --privileged"),
      Text("network_mode", "bridge, host, none, container:ID, or a network name (compose: PROJECT_default)"),
      Text("user", "user the process runs as (Config.User); '' = the image's default, usually root"),
      Int("read_only", "1 if the root filesystem is read-only"),
      Int("memory_limit_bytes", "memory limit in bytes; 0 = no limit"),
      Int("nano_cpus",
          "CPU limit in billionths of a CPU (1000000000 = one CPU), from --cpus or the CFS quota; 0 = none"),
      Int("pids_limit", "maximum number of processes; 0 = no limit"),
      Int("has_healthcheck", "1 if a health check is defined (by the container or its image) and not disabled"),
      Text("cap_add", "added capabilities, comma-separated (e.g. NET_ADMIN,SYS_ADMIN); '' if none"),
      Text("compose_project", "label com.docker.compose.project; NULL if not started by compose"),
      Text("compose_service", "label com.docker.compose.service; NULL if not started by compose"),
      Text("compose_workdir",
           "label com.docker.compose.project.working_dir: the folder of the compose file; NULL if not compose"),
      Int("image_untagged",
          "1 if the container was started from an image ID or an unpullable reference: it cannot be re-pulled by "
          "name if the local image is lost"),
      FileCol(),
      LineCol(),
      Text("health_status", "starting | healthy | unhealthy while a health check runs; '' otherwise"),
      Int("restart_count", "times the daemon restarted it"),
      Int("oom_killed", "1 if last stopped by the OOM killer"),
      Text("pid_mode", "'' or host (shares the host's process namespace)"),
      Text("ipc_mode", "private, shareable, host, container:ID, …"),
      Text("cap_drop", "dropped capabilities, comma-separated; '' if none"),
      Text("security_opt", "--security-opt values, comma-separated (e.g. no-new-privileges, seccomp=unconfined)"),
      Text("log_driver", "logging driver of the container (json-file, local, journald, none, …)"),
      Text("finished_at", "when it last stopped (State.FinishedAt), RFC 3339 UTC; NULL if it never stopped")}});

constexpr const char* kCategory = "docker";
constexpr const char* kFile = "cmd/docker-inspect.out";

std::string JoinStrings(JsonRef array) {
  std::vector<std::string> parts;
  array.ForEachElement([&](JsonRef e) { parts.push_back(e.Str()); });
  return Join(parts, ",");
}

Value Time(JsonRef t) {
  auto normal = NormalizeTimestamp(t.Str());
  return normal ? V(*normal) : VNull();
}

Value Label(JsonRef labels, std::string_view key) {
  JsonRef v = labels[key];
  return v.IsString() ? V(v.Str()) : VNull();
}

// --cpus sets NanoCpus; --cpu-quota/--cpu-period set a CFS quota (period 100 ms unless given).
int64_t NanoCpus(JsonRef host) {
  int64_t nano = host["NanoCpus"].Int();
  if (nano > 0) return nano;
  int64_t quota = host["CpuQuota"].Int();
  if (quota <= 0) return 0;
  int64_t period = host["CpuPeriod"].Int();
  if (period <= 0) period = 100000;
  double nano_cpus = static_cast<double>(quota) * 1e9 / static_cast<double>(period);
  return nano_cpus < 9e18 ? static_cast<int64_t>(nano_cpus) : INT64_MAX;  // absurd quotas: no overflow
}

bool HealthcheckEnabled(JsonRef config) {
  JsonRef test = config["Healthcheck"]["Test"];
  return test.Size() > 0 && test.At(0).Str() != "NONE";
}

void AddContainer(JsonRef c, const std::string& name, FactSink& out) {
  JsonRef host = c["HostConfig"], config = c["Config"], state = c["State"], labels = config["Labels"];
  std::string restart = host["RestartPolicy"]["Name"].Str();
  int64_t pids = host["PidsLimit"].Int();
  std::string image = config["Image"].Str();
  out.Add(kContainers, {V(c["Id"].Str()),
                        V(name),
                        V(image),
                        V(c["Image"].Str()),
                        V(state["Status"].Str()),
                        Time(c["Created"]),
                        Time(state["StartedAt"]),
                        V(restart.empty() ? "no" : restart),
                        VBool(host["Privileged"].Bool()),
                        V(host["NetworkMode"].Str()),
                        V(config["User"].Str()),
                        VBool(host["ReadonlyRootfs"].Bool()),
                        V(std::max<int64_t>(host["Memory"].Int(), 0)),
                        V(NanoCpus(host)),
                        V(pids > 0 ? pids : 0),
                        VBool(HealthcheckEnabled(config)),
                        V(JoinStrings(host["CapAdd"])),
                        Label(labels, "com.docker.compose.project"),
                        Label(labels, "com.docker.compose.service"),
                        Label(labels, "com.docker.compose.project.working_dir"),
                        VBool(ImageReferenceIsUntagged(image)),
                        V(kFile),
                        V(int64_t{0}),
                        V(state["Health"]["Status"].Str()),
                        V(c["RestartCount"].Int()),
                        VBool(state["OOMKilled"].Bool()),
                        V(host["PidMode"].Str()),
                        V(host["IpcMode"].Str()),
                        V(JoinStrings(host["CapDrop"])),
                        V(JoinStrings(host["SecurityOpt"])),
                        V(host["LogConfig"]["Type"].Str()),
                        Time(state["FinishedAt"])});
}

void ParseDockerInspect(const Snapshot& snap, FactSink& out) {
  const CommandResult* cmd = snap.Command("docker-inspect");
  if (!cmd) return;
  if (*cmd->exit_code != 0) {
    // A container removed between `docker ps` and `docker inspect` fails the command but the
    // others are still printed: read them, and say the list may be incomplete.
    out.Coverage(kCategory, kFile, CoverageState::kError,
                 "docker inspect exited " + std::to_string(*cmd->exit_code) + " (the list may be incomplete)");
    if (!cmd->output || !StartsWith(Trim(*cmd->output), "[")) return;
  }
  if (!cmd->output || IsBlank(*cmd->output)) return;
  auto doc = ParseJsonInput(out, kCategory, kFile, *cmd->output);
  if (!doc) return;
  JsonRef root = doc->root();
  if (!root.IsArray()) {
    out.Error(kCategory, kFile, 1, "expected a JSON array of containers");
    return;
  }
  int envs = 0, index = 0;
  bool bad = false;
  root.ForEachElement([&](JsonRef c) {
    ++index;
    std::string name = c["Name"].Str();
    if (!c.IsObject() || name.empty()) {
      out.Error(kCategory, kFile, 0, "element " + std::to_string(index) + " is not a container (no Name)");
      bad = true;
      return;
    }
    if (name[0] == '/') name.erase(0, 1);
    AddContainer(c, name, out);
    envs += AddContainerDetails(c, name, out);
  });
  if (bad) return;
  out.Coverage(kCategory, kFile, CoverageState::kOk);
  out.Coverage("images", kFile, CoverageState::kOk);
  if (index > 0 && envs > 0) out.Coverage("secrets", kFile, CoverageState::kOk);
}

const bool kRegistered = RegisterParser({"docker-containers",
                                         "containers from docker inspect: limits, ports, mounts, networks, env",
                                         ParseDockerInspect,
                                         kCategory,
                                         {kFile}});

}  // namespace
}  // namespace shipshape
