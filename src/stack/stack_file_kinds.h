// Which files of a stack folder are read, and the redaction mode of each.
#pragma once

#include <optional>
#include <string_view>

#include "collect/secret_redactor.h"

namespace shipshape::stack {

// Never read, whatever else matches: *.key, *.pem, *.crt, id_* (keys and certificates).
bool IsKeyMaterial(std::string_view rel);
// docker-compose*.yml|yaml, compose*.yml|yaml.
bool IsComposeFile(std::string_view rel);
// .env, .env.*, *.env.
bool IsEnvFile(std::string_view rel);
// crontab, *.crontab, *.cron, or a file of a cron.d folder without a dot in its name (as cron reads).
bool IsCrontabFile(std::string_view rel);
// A *.conf that nginx reads: named nginx.conf, in a folder whose name starts with "nginx", or whose
// text has an nginx statement (server/http/location/upstream block, proxy_pass, add_header,
// server_name, listen …;).
bool IsNginxConf(std::string_view rel, std::string_view text);
// Some line is an nginx statement (as IsNginxConf looks for).
bool HasNginxStatements(std::string_view text);

// Whether a file of this relative path may be read at all: a picked kind by name, or any other
// file that is not key material (it may be a script with a shebang: the text decides).
bool MayPick(std::string_view rel);
// The redaction mode of a file to keep, nullopt when the file is not kept: yaml for *.yml/*.yaml
// (compose files included), dotenv for env files, nginx for nginx confs, conf for other *.conf,
// cmdline for crontabs, env for scripts (*.sh, *.bash, shebang) and systemd *.service/*.timer, and
// nginx for a file without a dot in its name whose text has nginx statements (proxy/conf).
std::optional<secrets::RedactMode> PickMode(std::string_view rel, std::string_view text);

}  // namespace shipshape::stack
