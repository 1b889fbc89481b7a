// Parser for the MongoDB server configuration (/etc/mongod.conf, /etc/mongodb.conf): table `mongod_settings`.
#include <cctype>
#include <map>

#include "base/strings.h"
#include "base/yaml.h"
#include "collect/secret_redactor.h"
#include "facts/registry.h"
#include "parse/parse_util.h"
#include "parse/redacted_value.h"

namespace shipshape {
namespace {

const TableDef& kMongodSettings =
    RegisterTable({"mongod_settings",
                   "Options set in MongoDB server configuration files, one row per scalar option. YAML files are "
                   "flattened to dotted paths; legacy `key = value` files (the old Debian/Ubuntu mongodb package's "
                   "/etc/mongodb.conf) are mapped to the same dotted names. An option absent here has mongod's default "
                   "(bindIp localhost since 3.6, port 27017, authorization disabled).",
                   {Text("key",
                         "option as a dotted path: net.bindIp, net.bindIpAll, net.port, security.authorization, "
                         "security.keyFile, replication.replSetName, storage.wiredTiger.engineConfig.cacheSizeGB, …; "
                         "legacy names are mapped (bind_ip → net.bindIp, port → net.port, auth → "
                         "security.authorization, keyFile → security.keyFile, replSet → replication.replSetName, "
                         "dbpath → storage.dbPath, logpath → systemLog.path); unknown legacy names are kept"),
                    Text("value",
                         "value as written; a sequence of scalars is joined with ','; legacy auth/noauth become "
                         "'enabled' or 'disabled'; '' when empty. Values of secret-like options (queryPassword, "
                         "certificateKeyFilePassword, …) are always [REDACTED class=… len=N]: the collector redacts "
                         "them, and a value that arrives in clear is redacted here. security.authorization is "
                         "'enabled' or 'disabled' (a token from an older collector is read by its length)"),
                    FileCol(), LineCol()}});

constexpr std::string_view kCategory = "databases";
constexpr int kMaxDepth = 64;

// The collector keeps `authorization: enabled|disabled` as written, but older collectors redacted it
// (AUTH is in its name), and a legacy `auth=true` written without blanks is still redacted (an
// assignment). Such a switch has two values of different lengths, which the token's length tells
// apart.
std::string UnredactSwitch(const std::string& value, std::string_view on, std::string_view off) {
  auto token = ParseRedactedToken(value);
  if (!token) return value;
  if (token->length == static_cast<int64_t>(on.size())) return std::string(on);
  if (token->length == static_cast<int64_t>(off.size())) return std::string(off);
  return value;
}

struct Option {
  std::string key, value;
  int line;
};

class YamlFlattener {
 public:
  YamlFlattener(FactSink& out, const std::string& file) : out_(out), file_(file) {}
  bool clean() const { return clean_; }
  std::vector<Option>& options() { return options_; }

  void Flatten(const std::string& key, const YamlNode& node, int fallback_line, int depth) {
    int line = node.Line() ? node.Line() : fallback_line;
    if (depth > kMaxDepth) return Fail(line, "options nested too deeply");
    if (node.IsMap()) {
      for (const auto& [name, child] : node.Entries()) {
        if (name.empty()) {
          Fail(child.Line() ? child.Line() : line, "option name is not a plain scalar");
          continue;
        }
        Flatten(key.empty() ? name : key + "." + name, child, line, depth + 1);
      }
    } else if (node.IsSeq()) {
      FlattenSeq(key, node, line, depth);
    } else if (!key.empty()) {
      Add(key, node.IsScalar() ? node.Scalar() : "", line);
    }
  }

 private:
  // A list of scalars becomes one comma-joined value; other lists get an index per element.
  void FlattenSeq(const std::string& key, const YamlNode& node, int line, int depth) {
    std::vector<YamlNode> elements = node.Elements();
    std::vector<std::string> scalars;
    for (const YamlNode& e : elements) {
      if (e.IsScalar()) scalars.push_back(e.Scalar());
    }
    if (scalars.size() == elements.size()) {
      // The collector writes an unquoted token, which YAML reads as a one-element flow sequence.
      bool token = scalars.size() == 1 && ParseRedactedToken("[" + scalars[0] + "]");
      Add(key, token ? "[" + scalars[0] + "]" : Join(scalars, ","), line);
      return;
    }
    for (size_t i = 0; i < elements.size(); ++i) {
      Flatten(key + "." + std::to_string(i), elements[i], line, depth + 1);
    }
  }

  void Add(const std::string& key, std::string value, int line) {
    if (key == "security.authorization") value = UnredactSwitch(value, "enabled", "disabled");
    options_.push_back({key, std::move(value), line});
  }

  void Fail(int line, const std::string& message) {
    out_.Error(kCategory, file_, line, message);
    clean_ = false;
  }

  FactSink& out_;
  std::string file_;
  bool clean_ = true;
  std::vector<Option> options_;
};

bool ReadYamlConf(const std::string& file, const std::string& text, FactSink& out, std::vector<Option>* opts) {
  Result<YamlNode> root = ParseYaml(text, file);
  if (!root.ok()) {
    out.Error(kCategory, file, root.status().line(), root.status().message());
    return false;
  }
  if (root->IsNull() || !root->IsDefined()) return true;  // only comments: every option at its default
  if (!root->IsMap()) {
    out.Error(kCategory, file, root->Line() ? root->Line() : 1, "expected a mapping of options");
    return false;
  }
  YamlFlattener f(out, file);
  f.Flatten("", *root, 1, 0);
  *opts = std::move(f.options());
  return f.clean();
}

bool IsLegacyKey(std::string_view key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_')) return false;
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) return false;
  }
  return true;
}

// The old INI-like format: the first option line is `name = value`.
bool LooksLegacy(const std::string& text) {
  for (std::string_view raw : SplitLines(text)) {
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    return eq != std::string_view::npos && IsLegacyKey(Trim(line.substr(0, eq)));
  }
  return false;
}

bool IsTrue(std::string_view v) {
  std::string l = ToLower(v);
  return l == "true" || l == "1" || l == "yes" || l == "on";
}

// Maps a legacy option to its YAML name (and value for the auth switches).
Option MapLegacy(const std::string& key, const std::string& value, int line) {
  static const std::map<std::string, std::string> kNames = {{"bind_ip", "net.bindIp"},
                                                            {"bind_ip_all", "net.bindIpAll"},
                                                            {"port", "net.port"},
                                                            {"keyFile", "security.keyFile"},
                                                            {"replSet", "replication.replSetName"},
                                                            {"dbpath", "storage.dbPath"},
                                                            {"logpath", "systemLog.path"},
                                                            {"logappend", "systemLog.logAppend"},
                                                            {"fork", "processManagement.fork"},
                                                            {"journal", "storage.journal.enabled"},
                                                            {"pidfilepath", "processManagement.pidFilePath"},
                                                            {"sslMode", "net.ssl.mode"},
                                                            {"sslPEMKeyFile", "net.ssl.PEMKeyFile"}};
  std::string v = key == "auth" || key == "noauth" ? UnredactSwitch(value, "true", "false") : value;
  if (key == "auth") {
    return {"security.authorization", ParseRedactedToken(v) ? v : IsTrue(v) ? "enabled" : "disabled", line};
  }
  if (key == "noauth" && IsTrue(v)) return {"security.authorization", "disabled", line};
  auto it = kNames.find(key);
  return {it == kNames.end() ? key : it->second, value, line};
}

bool ReadLegacyConf(const std::string& file, const std::string& text, FactSink& out, std::vector<Option>* opts) {
  bool clean = true;
  int n = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++n;
    std::string_view line = raw.substr(0, raw.find('#'));  // '#' starts a comment anywhere
    line = Trim(line);
    if (line.empty()) continue;
    size_t eq = line.find('=');
    std::string_view key = eq == std::string_view::npos ? "" : Trim(line.substr(0, eq));
    if (!IsLegacyKey(key)) {
      out.Error(kCategory, file, n, "expected name = value");
      clean = false;
      continue;
    }
    opts->push_back(MapLegacy(std::string(key), std::string(Trim(line.substr(eq + 1))), n));
  }
  return clean;
}

// Defence in depth: the value of a secret-like option (by its last name: queryPassword, not the
// security. prefix; keyFile names a path) that is not already a token is redacted here, for a
// snapshot whose collector did not (another tool, an older collector).
std::string ProtectSecret(const std::string& key, const std::string& value) {
  std::string_view name = key;
  while (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back()))) {  // a list index: "x.0"
    name = name.substr(0, name.find_last_of('.') == std::string_view::npos ? 0 : name.find_last_of('.'));
  }
  name = name.substr(name.find_last_of('.') == std::string_view::npos ? 0 : name.find_last_of('.') + 1);
  if (!secrets::IsSecretKey(name) || ParseRedactedToken(value)) return value;
  if (key == "security.authorization" && (value == "enabled" || value == "disabled")) return value;
  return secrets::RedactionToken(value);
}

void ParseMongodConf(const Snapshot& snap, FactSink& out) {
  for (const char* file : {"/etc/mongod.conf", "/etc/mongodb.conf"}) {
    const std::string* text = snap.File(file);
    if (!text) continue;
    std::vector<Option> opts;
    bool clean = LooksLegacy(*text) ? ReadLegacyConf(file, *text, out, &opts) : ReadYamlConf(file, *text, out, &opts);
    for (const Option& o : opts) {
      out.Add(kMongodSettings, {V(o.key), V(ProtectSecret(o.key, o.value)), V(file), V(int64_t{o.line})});
    }
    if (clean) out.Coverage(kCategory, file, CoverageState::kOk);
  }
}

const bool kRegistered = RegisterParser({"mongod-conf",
                                         "MongoDB server options (mongod.conf, YAML or legacy key = value)",
                                         ParseMongodConf,
                                         "databases",
                                         {"/etc/mongod.conf", "/etc/mongodb.conf"}});

}  // namespace
}  // namespace shipshape
