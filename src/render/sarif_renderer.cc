// SARIF 2.1.0 rendering of the register, for code scanning (GitHub, GitLab, IDE viewers).
#include <map>
#include <set>

#include "base/json.h"
#include "history/history_db.h"
#include "render/render.h"

namespace shipshape {
namespace {

// Where tools read about shipshape. No public home page is recorded in the repository, so this is
// a name, not a link; replace it with the project's address when it has one.
constexpr const char* kInformationUri = "urn:shipshape:docs:rules";

std::string Level(Severity s) {
  switch (s) {
    case Severity::kP1:
    case Severity::kP2:
      return "error";
    case Severity::kP3:
      return "warning";
    default:
      return "note";
  }
}

// GitHub code scanning ranks security alerts by this CVSS-like score (a string, 0.0–10.0).
std::string SecuritySeverity(Severity s) {
  switch (s) {
    case Severity::kP1:
      return "9.5";
    case Severity::kP2:
      return "8.0";
    case Severity::kP3:
      return "5.5";
    default:
      return "2.0";
  }
}

// "SSH-ROOT-LOGIN" → "SshRootLogin": SARIF's `name` is an identifier-like label.
std::string RuleName(const std::string& id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_' || c == ' ' || c == '.') {
      upper = true;
      continue;
    }
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    out += !alpha ? c : upper ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
    upper = false;
  }
  return out;
}

// A file path as a URI reference: unreserved characters and '/' kept, the rest percent-encoded.
// A stack host's files are relative to the stack folder (no leading '/').
std::string FileUri(const std::string& file, bool relative) {
  std::string path = relative && !file.empty() && file[0] == '/' ? file.substr(1) : file;
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                c == '.' || c == '_' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

std::string Message(const std::string& s) { return "{\"text\":" + JsonQuote(s) + "}"; }

// `"locations":[…]` with one physical location, or "" when there is no file.
std::string Locations(const std::string& file, int line, bool relative) {
  if (file.empty()) return "";
  std::string loc = "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" + JsonQuote(FileUri(file, relative)) + "}";
  if (line > 0) loc += ",\"region\":{\"startLine\":" + std::to_string(line) + "}";
  return ",\"locations\":[" + loc + "}}]";
}

std::string RuleDescriptor(const Rule& r) {
  const std::string& full = r.description.empty() ? r.title : r.description;
  std::string help = r.remediation.empty() ? r.title : r.remediation;
  return "{\"id\":" + JsonQuote(r.id) + ",\"name\":" + JsonQuote(RuleName(r.id)) +
         ",\"shortDescription\":" + Message(r.title) + ",\"fullDescription\":" + Message(full) +
         ",\"help\":" + Message(help) + ",\"defaultConfiguration\":{\"level\":" + JsonQuote(Level(r.severity)) + "}" +
         ",\"properties\":{\"category\":" + JsonQuote(r.category) +
         ",\"severity\":" + JsonQuote(SeverityName(r.severity)) +
         ",\"security-severity\":" + JsonQuote(SecuritySeverity(r.severity)) + ",\"tags\":[\"security\"" +
         (r.category == "security" ? "" : "," + JsonQuote(r.category)) + "]}}";
}

// The rules to describe: every loaded rule, then any rule id of the register not among them (a
// finding must always resolve its ruleIndex), described from the finding itself.
std::vector<Rule> DescribedRules(const Report& report, const std::vector<Rule>& loaded,
                                 std::map<std::string, size_t>* index) {
  std::vector<Rule> rules;
  auto add = [&](const Rule& r) {
    if (index->emplace(r.id, rules.size()).second) rules.push_back(r);
  };
  for (const Rule& r : loaded) add(r);
  for (const Finding& f : report.findings) {
    if (index->count(f.rule)) continue;
    Rule r;
    r.id = f.rule;
    r.title = f.title;
    r.category = f.category;
    r.severity = f.severity;
    r.description = f.impact;
    add(r);
  }
  return rules;
}

std::string MessageText(const Finding& f) {
  std::string text = f.title;
  if (!f.subject.empty()) text += ": " + f.subject;
  if (!f.evidence.empty()) text += " — " + f.evidence;
  return text;
}

std::string ResultObject(const Finding& f, size_t rule_index, bool relative) {
  return "{\"ruleId\":" + JsonQuote(f.rule) + ",\"ruleIndex\":" + std::to_string(rule_index) +
         ",\"level\":" + JsonQuote(Level(f.severity)) + ",\"message\":" + Message(MessageText(f)) +
         Locations(f.file, f.line, relative) + ",\"partialFingerprints\":{\"shipshapeFinding/v1\":" +
         JsonQuote(FindingFingerprint(f.host, f.rule, f.subject)) + "}" +
         ",\"properties\":{\"severity\":" + JsonQuote(SeverityName(f.severity)) + ",\"host\":" + JsonQuote(f.host) +
         ",\"category\":" + JsonQuote(f.category) + ",\"registerId\":" + JsonQuote(f.id) +
         ",\"subject\":" + JsonQuote(f.subject) + "}}";
}

// Input errors: the audit went on (executionSuccessful), each one a notification with its place.
std::string Invocation(const Report& report, const std::set<std::string>& stack_hosts) {
  std::string out = "{\"executionSuccessful\":true,\"toolExecutionNotifications\":[";
  for (size_t i = 0; i < report.errors.size(); ++i) {
    const Diagnostic& d = report.errors[i];
    out += std::string(i ? "," : "") + "\n   {\"level\":\"error\",\"message\":" + Message(d.message) +
           Locations(d.file, d.line, stack_hosts.count(d.host) > 0) + ",\"properties\":{\"host\":" + JsonQuote(d.host) +
           "}}";
  }
  return out + "]}";
}

}  // namespace

std::string RenderSarif(const Report& report, const SarifOptions& options) {
  std::map<std::string, size_t> index;
  std::vector<Rule> rules = DescribedRules(report, options.rules, &index);
  std::string out =
      "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\n"
      "\"tool\":{\"driver\":{\"name\":\"shipshape\",\"version\":" +
      JsonQuote(kShipshapeVersion) + ",\"semanticVersion\":" + JsonQuote(kShipshapeVersion) +
      ",\"informationUri\":" + JsonQuote(kInformationUri) + ",\"rules\":[";
  for (size_t i = 0; i < rules.size(); ++i) out += std::string(i ? "," : "") + "\n  " + RuleDescriptor(rules[i]);
  out += "]}},\n\"invocations\":[" + Invocation(report, options.stack_hosts) + "],\n\"results\":[";
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    out +=
        std::string(i ? "," : "") + "\n  " + ResultObject(f, index.at(f.rule), options.stack_hosts.count(f.host) > 0);
  }
  out += "],\n\"properties\":{\"generatedAt\":" + JsonQuote(report.generated_at) + "}}]}\n";
  return out;
}

}  // namespace shipshape
