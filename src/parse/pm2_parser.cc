// Parser for `pm2 jlist` (a JSON array, sometimes after pm2's own banner lines) → table `pm2_apps`.
// The apps' environments (pm2_env.env and the variables pm2 copies into pm2_env) are never stored.
#include "base/strings.h"
#include "facts/registry.h"
#include "parse/json_input.h"
#include "parse/parse_util.h"

namespace shipshape {
namespace {

const TableDef& kPm2Apps = RegisterTable(
    {"pm2_apps",
     "Node.js (or other) apps run by the pm2 process manager, from `pm2 jlist`.",
     {Text("name", "app name"), Int("pm_id", "pm2's id of the app"),
      Text("status", "online | stopping | stopped | launching | errored | one-launch-status"),
      Int("pid", "process id (0 when not running)"), Text("script", "the script pm2 runs (pm_exec_path)"),
      Text("cwd", "working directory of the app"), Text("node_version", "Node.js version the app runs on"),
      Text("app_version", "the app's version (its package.json), as pm2 reports it"),
      Int("started_at", "when the app was last started, epoch seconds (from pm_uptime); NULL if never"),
      Int("restarts", "times pm2 restarted it (restart_time)"), FileCol(),
      Text("exec_mode", "fork_mode | cluster_mode"),
      Int("unstable_restarts", "restarts that came too quickly after a start (crash loops)"),
      Int("memory_bytes", "resident memory of the process when collected (monit.memory)")}});

constexpr const char* kCategory = "resources";
constexpr const char* kFile = "cmd/pm2-jlist.out";

// pm2 may print notices before the JSON: "[PM2] Spawning PM2 daemon…", ">>>> In-memory PM2 is
// out-of-date", "In memory PM2 version: …". Returns the offset of the first other line.
size_t SkipBanner(std::string_view text, int* first_line) {
  size_t pos = 0;
  *first_line = 1;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = Trim(text.substr(pos, end == std::string_view::npos ? end : end - pos));
    bool banner = line.empty() || StartsWith(line, "[PM2]") || StartsWith(line, ">>>>") ||
                  StartsWith(line, "In memory PM2") || StartsWith(line, "In-memory PM2") ||
                  StartsWith(line, "Local PM2");
    if (!banner || end == std::string_view::npos) break;
    pos = end + 1;
    ++*first_line;
  }
  return pos;
}

void AddApp(JsonRef app, FactSink& out) {
  JsonRef env = app["pm2_env"];
  int64_t uptime_ms = env["pm_uptime"].Int();
  JsonRef pm_id = app["pm_id"].IsNull() ? env["pm_id"] : app["pm_id"];
  out.Add(kPm2Apps,
          {V(app["name"].Str(env["name"].Str())), pm_id.IsNumber() ? V(pm_id.Int()) : VNull(), V(env["status"].Str()),
           V(app["pid"].Int()), V(env["pm_exec_path"].Str()), V(env["pm_cwd"].Str()), V(env["node_version"].Str()),
           V(env["version"].Str()), uptime_ms > 0 ? V(uptime_ms / 1000) : VNull(), V(env["restart_time"].Int()),
           V(kFile), V(env["exec_mode"].Str()), V(env["unstable_restarts"].Int()), V(app["monit"]["memory"].Int())});
}

void ParsePm2(const Snapshot& snap, FactSink& out) {
  const CommandResult* cmd = snap.Command("pm2-jlist");
  if (!cmd) return;
  if (*cmd->exit_code != 0) {
    out.Coverage(kCategory, kFile, CoverageState::kError, "pm2 jlist exited " + std::to_string(*cmd->exit_code));
    return;
  }
  if (!cmd->output || IsBlank(*cmd->output)) return;
  int first_line = 1;
  std::string_view text(*cmd->output);
  text.remove_prefix(SkipBanner(text, &first_line));
  auto doc = ParseJsonInput(out, kCategory, kFile, text, first_line);
  if (!doc) return;
  if (!doc->root().IsArray()) {
    out.Error(kCategory, kFile, first_line, "expected a JSON array of apps");
    return;
  }
  int index = 0;
  doc->root().ForEachElement([&](JsonRef app) {
    ++index;
    if (!app.IsObject() || !app["pm2_env"].IsObject()) {
      out.Error(kCategory, kFile, 0, "element " + std::to_string(index) + " is not a pm2 app (no pm2_env)");
      return;
    }
    AddApp(app, out);
  });
}

const bool kRegistered = RegisterParser({"pm2", "apps run by the pm2 process manager", ParsePm2, kCategory, {kFile}});

}  // namespace
}  // namespace shipshape
