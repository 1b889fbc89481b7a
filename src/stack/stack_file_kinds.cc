// Which files of a stack folder are read, and the redaction mode of each.
#include "stack/stack_file_kinds.h"

#include <string>

#include "base/strings.h"
#include "parse/shell_command.h"

namespace shipshape::stack {
namespace {

using secrets::RedactMode;

std::string_view BaseName(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
}

// The folder part of rel ("" at the top), without the trailing '/'.
std::string_view DirName(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

bool IsYaml(const std::string& lower) { return EndsWith(lower, ".yml") || EndsWith(lower, ".yaml"); }

bool IsScriptName(const std::string& lower) { return EndsWith(lower, ".sh") || EndsWith(lower, ".bash"); }

bool IsUnitFile(const std::string& lower) { return EndsWith(lower, ".service") || EndsWith(lower, ".timer"); }

// A folder of the path whose name starts with "nginx" (nginx/, nginx-proxy/, nginx.d/).
bool InNginxFolder(std::string_view rel) {
  for (std::string_view part : Split(DirName(rel), '/')) {
    if (StartsWith(ToLower(part), "nginx")) return true;
  }
  return false;
}

// One line of nginx syntax: a block opening or a directive typical of nginx ending in ';'.
bool IsNginxStatement(std::string_view line) {
  line = Trim(line.substr(0, line.find('#')));
  auto words = SplitWhitespace(line);
  if (words.empty()) return false;
  std::string_view first = words[0];
  if (size_t brace = first.find('{'); brace != std::string_view::npos) first = first.substr(0, brace);
  for (std::string_view block : {"server", "http", "events", "location", "upstream", "map"}) {
    if (first == block && line.find('{') != std::string_view::npos) return true;
  }
  if (line.back() != ';') return false;
  for (std::string_view d :
       {"proxy_pass", "proxy_set_header", "add_header", "server_name", "listen", "ssl_certificate", "fastcgi_pass",
        "limit_req_zone", "limit_req", "try_files", "server_tokens", "worker_processes"}) {
    if (first == d) return true;
  }
  return false;
}

}  // namespace

bool IsKeyMaterial(std::string_view rel) {
  std::string base = ToLower(BaseName(rel));
  return EndsWith(base, ".key") || EndsWith(base, ".pem") || EndsWith(base, ".crt") || StartsWith(base, "id_");
}

bool IsComposeFile(std::string_view rel) {
  std::string base = ToLower(BaseName(rel));
  return IsYaml(base) && (StartsWith(base, "docker-compose") || StartsWith(base, "compose"));
}

bool IsEnvFile(std::string_view rel) {
  std::string base = ToLower(BaseName(rel));
  return base == ".env" || StartsWith(base, ".env.") || (EndsWith(base, ".env") && base.size() > 4);
}

bool IsCrontabFile(std::string_view rel) {
  std::string_view base = BaseName(rel);
  if (base.empty() || base[0] == '.') return false;
  if (base == "crontab" || EndsWith(base, ".crontab") || EndsWith(base, ".cron")) return true;
  std::string_view dir = DirName(rel);
  return (dir == "cron.d" || EndsWith(dir, "/cron.d")) && base.find('.') == std::string_view::npos;
}

bool IsNginxConf(std::string_view rel, std::string_view text) {
  std::string base = ToLower(BaseName(rel));
  if (!EndsWith(base, ".conf")) return false;
  return base == "nginx.conf" || InNginxFolder(rel) || HasNginxStatements(text);
}

bool HasNginxStatements(std::string_view text) {
  for (std::string_view line : SplitLines(text)) {
    if (IsNginxStatement(line)) return true;
  }
  return false;
}

bool MayPick(std::string_view rel) { return !rel.empty() && !IsKeyMaterial(rel); }

std::optional<RedactMode> PickMode(std::string_view rel, std::string_view text) {
  if (!MayPick(rel)) return std::nullopt;
  std::string base = ToLower(BaseName(rel));
  if (IsYaml(base)) return RedactMode::kYaml;
  if (IsEnvFile(rel)) return RedactMode::kDotenv;
  if (EndsWith(base, ".conf")) return IsNginxConf(rel, text) ? RedactMode::kNginx : RedactMode::kConf;
  if (IsCrontabFile(rel)) return RedactMode::kCmdline;
  if (IsScriptName(base) || IsUnitFile(base) || HasShellShebang(text)) return RedactMode::kEnv;
  // An nginx config copied into an image under another name (awesome-compose's proxy/conf).
  if (base.find('.') == std::string::npos && HasNginxStatements(text)) return RedactMode::kNginx;
  return std::nullopt;
}

}  // namespace shipshape::stack
