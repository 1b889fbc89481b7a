// Values that only refer to a secret kept elsewhere (the awk program's secret_ref): variable
// references, vault:, op://, ref+…://, AWS secret ARNs and {{ … }} templates.
#include <algorithm>

#include "base/strings.h"
#include "collect/redact_engine.h"

namespace shipshape::secrets {
namespace {

using internal::IsDigit;
using internal::IsNameStart;
using internal::IsWordChar;
using internal::VarNameLength;

// ^(\$NAME|\$\{NAME(:?\?[^}]*)?\})+$: variable references only.
bool IsVariableChain(std::string_view v) {
  size_t i = 0;
  while (i < v.size()) {
    if (v[i] != '$' || i + 1 >= v.size()) return false;
    if (v[i + 1] != '{') {
      size_t n = VarNameLength(v.substr(i + 1));
      if (n == 0) return false;
      i += 1 + n;
      continue;
    }
    size_t j = i + 2 + VarNameLength(v.substr(i + 2));
    if (j == i + 2 || j >= v.size()) return false;
    if (v[j] != '}') {
      if (v[j] == ':') ++j;
      if (j >= v.size() || v[j] != '?') return false;
      j = v.find('}', j);
      if (j == std::string_view::npos) return false;
    }
    i = j + 1;
  }
  return !v.empty();
}

bool AllIn(std::string_view s, bool (*ok)(char)) {
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return !s.empty();
}

bool IsRefWordChar(char c) { return IsWordChar(c) || c == '.' || c == '-'; }  // [A-Za-z0-9_.-]
bool IsProviderChar(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c); }  // [a-z0-9]
bool IsRegionChar(char c) { return IsProviderChar(c) || c == '-'; }           // [a-z0-9-]
bool IsNotBlank(char c) { return c != ' ' && c != '\t'; }

// ^vault:SEG(/SEG)+#KEY(#[0-9]+)?$ with SEG and KEY in [A-Za-z0-9_.-]+.
bool IsVaultRef(std::string_view v) {
  if (!StartsWith(v, "vault:")) return false;
  v.remove_prefix(6);
  size_t hash = v.find('#');
  if (hash == std::string_view::npos) return false;
  std::string_view path = v.substr(0, hash), key = v.substr(hash + 1);
  size_t segments = 0;
  for (size_t b = 0; b <= path.size(); ++segments) {
    size_t e = std::min(path.find('/', b), path.size());
    if (!AllIn(path.substr(b, e - b), IsRefWordChar)) return false;
    b = e + 1;
  }
  size_t version = key.find('#');
  if (version != std::string_view::npos && !AllIn(key.substr(version + 1), IsDigit)) return false;
  return segments >= 2 && AllIn(key.substr(0, version), IsRefWordChar);
}

// ^op://[^/]+/[^/]+/[^/]+(/[^/]+)?$
bool IsOnePasswordRef(std::string_view v) {
  if (!StartsWith(v, "op://")) return false;
  v.remove_prefix(5);
  size_t segments = 0;
  for (size_t b = 0; b <= v.size(); ++segments) {
    size_t e = std::min(v.find('/', b), v.size());
    if (e == b) return false;
    b = e + 1;
  }
  return segments == 3 || segments == 4;
}

// ^ref\+[a-z0-9]+://[^ \t]+$, not ref+echo: or ref+envsubst:
bool IsValsRef(std::string_view v) {
  if (!StartsWith(v, "ref+") || StartsWith(v, "ref+echo:") || StartsWith(v, "ref+envsubst:")) return false;
  size_t sep = v.find("://");
  return sep != std::string_view::npos && AllIn(v.substr(4, sep - 4), IsProviderChar) &&
         AllIn(v.substr(sep + 3), IsNotBlank);
}

// ^arn:aws[a-z-]*:(secretsmanager|ssm):[a-z0-9-]+:[0-9]+:(secret:|parameter/)[^ \t]+$
bool IsAwsSecretArn(std::string_view v) {
  if (!StartsWith(v, "arn:aws")) return false;
  std::string_view f[5];  // partition rest, service, region, account, resource
  for (std::string_view& part : f) {
    size_t c = v.find(':');
    if (c == std::string_view::npos) return false;
    part = v.substr(0, c);
    v.remove_prefix(c + 1);
  }
  auto partition_ok = [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; };
  std::string_view resource = v;  // after "account:"
  bool named = (StartsWith(resource, "secret:") && resource.size() > 7) ||
               (StartsWith(resource, "parameter/") && resource.size() > 10);
  return (f[1] == "aws" || AllIn(f[1].substr(3), partition_ok)) &&
         (f[2] == "secretsmanager" || f[2] == "ssm") && AllIn(f[3], IsRegionChar) && AllIn(f[4], IsDigit) && named &&
         AllIn(resource, IsNotBlank);
}

// ^\{\{[^{}"'`]*\}\}$
bool IsPlainTemplate(std::string_view v) {
  if (v.size() < 4 || !StartsWith(v, "{{") || !EndsWith(v, "}}")) return false;
  return v.substr(2, v.size() - 4).find_first_of("{}\"'`") == std::string_view::npos;
}

}  // namespace

bool IsSecretReference(std::string_view v) {
  return IsVariableChain(v) || IsVaultRef(v) || IsOnePasswordRef(v) || IsValsRef(v) || IsAwsSecretArn(v) ||
         IsPlainTemplate(v);
}

}  // namespace shipshape::secrets
