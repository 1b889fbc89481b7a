// Environment of Compose services: env_file entries and `environment:`, classified.
#include "parse/compose_env_rows.h"

#include <map>

#include "base/strings.h"
#include "parse/compose_dotenv.h"
#include "parse/redacted_value.h"

namespace shipshape::compose {
namespace {

int Severity(const std::string& cls) {
  if (cls == "default") return 3;
  if (cls == "empty") return 2;
  if (cls == "short") return 1;
  return 0;
}

// Tokens inside a longer value: the worst class, and the value's length with each token
// counted as the length of the secret it stands for. False when there is none.
bool EmbeddedTokens(const std::string& value, std::string* cls, int64_t* length) {
  constexpr std::string_view kHead = "[REDACTED class=";
  bool found = false;
  int64_t len = static_cast<int64_t>(value.size());
  for (size_t at = value.find(kHead); at != std::string::npos; at = value.find(kHead, at + 1)) {
    size_t close = value.find(']', at);
    if (close == std::string::npos) break;
    auto token = ParseRedactedToken(std::string_view(value).substr(at, close - at + 1));
    if (!token) continue;
    if (!found || Severity(token->cls) > Severity(*cls)) *cls = token->cls;
    found = true;
    len += token->length - static_cast<int64_t>(close - at + 1);
  }
  *length = len;
  return found;
}

std::string JoinUnique(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) {
    bool seen = false;
    for (const std::string& o : out) seen = seen || o == n;
    if (!seen) out.push_back(n);
  }
  return Join(out, " ");
}

class EnvCollector {
 public:
  EnvCollector(const Snapshot& snap, const Project& p, const Service& s, std::vector<RefSite>& refs,
               std::vector<Diag>& diags)
      : snap_(snap), p_(p), s_(s), refs_(refs), diags_(diags) {}

  std::vector<EnvRow> Run() {
    if (const CNode* files = s_.def.Get("env_file")) {
      if (files->IsSeq()) {
        for (const CNode& f : files->items) EnvFile(f);
      } else {
        EnvFile(*files);
      }
    }
    if (const CNode* env = s_.def.Get("environment"); env && env->IsMap()) {
      for (const auto& [key, node] : env->entries) Environment(key, node);
    }
    return std::move(rows_);
  }

 private:
  const std::string* Var(std::string_view name) const {
    auto it = p_.vars.find(name);
    return it == p_.vars.end() ? nullptr : &it->second;
  }

  void Put(EnvRow row) {
    auto it = index_.find(row.key);
    if (it != index_.end()) {
      rows_[it->second] = std::move(row);
      return;
    }
    index_[row.key] = rows_.size();
    rows_.push_back(std::move(row));
  }

  void Environment(const std::string& key, const CNode& node) {
    EnvRow row{key, {}, false, "", 0, "environment", JoinUnique(node.refs), node.file, node.line};
    std::string value = node.text;
    if (node.IsNull()) {  // a bare KEY takes the project environment's value, or stays unset
      const std::string* v = Var(key);
      if (!v) return;
      value = *v;
      row.refs = key;
    } else if (!node.IsScalar()) {
      return;
    }
    ClassifyInto(key, value, &row);
    Put(std::move(row));
  }

  void EnvFile(const CNode& entry) {
    std::string written = entry.IsMap() ? CNode::TextOf(entry.Get("path")) : CNode::TextOf(&entry);
    bool required = !entry.IsMap() || CNode::BoolOf(entry.Get("required")).value_or(true);
    if (written.empty()) return;
    std::string path = ResolvePath(DirOf(entry.file), written);
    const std::string* text = snap_.File(path);
    if (!text) {
      if (required)
        diags_.push_back({entry.file, entry.line,
                          "service " + s_.name + ": env_file " + written + " is not in the snapshot", false});
      return;
    }
    std::map<std::string, std::string, std::less<>> local;
    VarLookup lookup = [&](std::string_view name) -> const std::string* {
      auto it = local.find(name);
      return it != local.end() ? &it->second : Var(name);
    };
    for (const DotenvLine& l : ReadDotenv(*text)) {
      EnvRow row{l.key, {}, false, "", 0, "env_file:" + path, "", path, l.line};
      std::string value = l.raw;
      if (l.bare) {
        const std::string* v = Var(l.key);
        if (!v) continue;
        value = *v;
      } else if (!l.literal) {
        Interpolated in = Interpolate(l.raw, lookup);
        value = in.value;
        std::vector<std::string> names;
        for (const VarRef& r : in.refs) {
          names.push_back(r.var);
          refs_.push_back({s_.name, r, path, l.line});
        }
        row.refs = JoinUnique(names);
      }
      local[l.key] = SafeValue(l.key, value);
      ClassifyInto(l.key, value, &row);
      Put(std::move(row));
    }
  }

  const Snapshot& snap_;
  const Project& p_;
  const Service& s_;
  std::vector<RefSite>& refs_;
  std::vector<Diag>& diags_;
  std::vector<EnvRow> rows_;
  std::map<std::string, size_t> index_;
};

}  // namespace

void ClassifyInto(const std::string& key, const std::string& value, EnvRow* row) {
  std::string cls;
  int64_t length = 0;
  if (!ParseRedactedToken(value) && EmbeddedTokens(value, &cls, &length)) {
    row->value.reset();
    row->redacted = true;
    row->cls = cls;
    row->length = length;
    return;
  }
  EnvValue v = ClassifyEnvValue(key, value);
  row->value = v.value;
  row->redacted = v.redacted;
  row->cls = v.cls;
  row->length = v.length;
}

std::vector<EnvRow> ServiceEnvironment(const Snapshot& snap, const Project& project, const Service& service,
                                       std::vector<RefSite>& refs, std::vector<Diag>& diags) {
  return EnvCollector(snap, project, service, refs, diags).Run();
}

}  // namespace shipshape::compose
