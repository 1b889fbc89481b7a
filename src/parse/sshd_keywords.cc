// The sshd_config keyword table, transcribed from OpenSSH 9.x servconf.c (keywords[] and the
// multistate tables), plus keywords of OpenSSH 9.8–10.x so newer configs are not refused.
#include "parse/sshd_keywords.h"

#include <cstdint>
#include <map>

#include "base/strings.h"

namespace shipshape {
namespace {

constexpr bool G = false;  // global section only
constexpr bool A = true;   // also inside Match

using M = SshdMerge;
using V = SshdValue;

// A table, one row per keyword: long by nature.
const std::vector<SshdKeyword>& Keywords() {
  static const std::vector<SshdKeyword> kTable = {
      {"usepam", G, M::kFirst, V::kFlag, {}},
      {"port", G, M::kPort, V::kText, {}},
      {"hostkey", G, M::kEach, V::kText, {}},
      {"hostkeyagent", G, M::kFirst, V::kText, {}},
      {"pidfile", G, M::kFirst, V::kText, {}},
      {"modulifile", G, M::kFirst, V::kText, {}},
      {"logingracetime", G, M::kFirst, V::kTime, {}},
      {"permitrootlogin", A, M::kFirst, V::kEnum,
       {"prohibit-password", "without-password", "forced-commands-only", "yes", "no"}},
      {"syslogfacility", G, M::kFirst, V::kUpper, {}},
      {"loglevel", A, M::kFirst, V::kUpper, {}},
      {"logverbose", A, M::kFirst, V::kText, {}},
      {"hostbasedauthentication", A, M::kFirst, V::kFlag, {}},
      {"hostbasedusesnamefrompacketonly", A, M::kFirst, V::kFlag, {}},
      {"hostbasedacceptedalgorithms", A, M::kFirst, V::kText, {}},
      {"hostkeyalgorithms", G, M::kFirst, V::kText, {}},
      {"pubkeyauthentication", A, M::kFirst, V::kFlag, {}},
      {"pubkeyacceptedalgorithms", A, M::kFirst, V::kText, {}},
      {"pubkeyauthoptions", A, M::kFirst, V::kText, {}},
      {"kerberosauthentication", A, M::kFirst, V::kFlag, {}},
      {"kerberosorlocalpasswd", G, M::kFirst, V::kFlag, {}},
      {"kerberosticketcleanup", G, M::kFirst, V::kFlag, {}},
      {"kerberosgetafstoken", G, M::kFirst, V::kFlag, {}},
      {"gssapiauthentication", A, M::kFirst, V::kFlag, {}},
      {"gssapicleanupcredentials", G, M::kFirst, V::kFlag, {}},
      {"gssapistrictacceptorcheck", G, M::kFirst, V::kFlag, {}},
      {"gssapikeyexchange", G, M::kFirst, V::kFlag, {}},
      {"gssapistorecredentialsonrekey", G, M::kFirst, V::kFlag, {}},
      {"gssapikexalgorithms", G, M::kFirst, V::kText, {}},
      {"passwordauthentication", A, M::kFirst, V::kFlag, {}},
      {"kbdinteractiveauthentication", A, M::kFirst, V::kFlag, {}},
      {"listenaddress", G, M::kListen, V::kText, {}},
      {"addressfamily", G, M::kFirst, V::kEnum, {"any", "inet", "inet6"}},
      {"printmotd", G, M::kFirst, V::kFlag, {}},
      {"printlastlog", G, M::kFirst, V::kFlag, {}},
      {"ignorerhosts", A, M::kFirst, V::kEnum, {"yes", "no", "shosts-only"}},
      {"ignoreuserknownhosts", G, M::kFirst, V::kFlag, {}},
      {"x11forwarding", A, M::kFirst, V::kFlag, {}},
      {"x11displayoffset", A, M::kFirst, V::kInt, {}},
      {"x11uselocalhost", A, M::kFirst, V::kFlag, {}},
      {"xauthlocation", G, M::kFirst, V::kText, {}},
      {"strictmodes", G, M::kFirst, V::kFlag, {}},
      {"permitemptypasswords", A, M::kFirst, V::kFlag, {}},
      {"permituserenvironment", G, M::kFirst, V::kText, {}},
      {"compression", G, M::kFirst, V::kEnum, {"yes", "delayed", "no"}},
      {"rekeylimit", A, M::kFirst, V::kText, {}},
      {"tcpkeepalive", G, M::kFirst, V::kFlag, {}},
      {"allowtcpforwarding", A, M::kFirst, V::kEnum, {"yes", "all", "no", "remote", "local"}},
      {"allowagentforwarding", A, M::kFirst, V::kFlag, {}},
      {"allowusers", A, M::kEach, V::kText, {}},
      {"denyusers", A, M::kEach, V::kText, {}},
      {"allowgroups", A, M::kEach, V::kText, {}},
      {"denygroups", A, M::kEach, V::kText, {}},
      {"ciphers", G, M::kFirst, V::kText, {}},
      {"macs", G, M::kFirst, V::kText, {}},
      {"gatewayports", A, M::kFirst, V::kEnum, {"no", "yes", "clientspecified"}},
      {"subsystem", A, M::kSubsystem, V::kText, {}},
      {"maxstartups", G, M::kLast, V::kText, {}},
      {"persourcemaxstartups", G, M::kFirst, V::kText, {}},
      {"persourcenetblocksize", G, M::kLast, V::kText, {}},
      {"maxauthtries", A, M::kFirst, V::kInt, {}},
      {"maxsessions", A, M::kFirst, V::kInt, {}},
      {"banner", A, M::kFirst, V::kText, {}},
      {"usedns", G, M::kFirst, V::kFlag, {}},
      {"clientaliveinterval", A, M::kFirst, V::kTime, {}},
      {"clientalivecountmax", A, M::kFirst, V::kInt, {}},
      {"authorizedkeysfile", A, M::kFirst, V::kText, {}},
      {"acceptenv", A, M::kEach, V::kText, {}},
      {"setenv", A, M::kFirstEach, V::kText, {}},
      {"permittunnel", A, M::kFirst, V::kEnum, {"no", "yes", "point-to-point", "ethernet"}},
      {"permittty", A, M::kFirst, V::kFlag, {}},
      {"permituserrc", A, M::kFirst, V::kFlag, {}},
      {"match", A, M::kMatch, V::kText, {}},
      {"permitopen", A, M::kFirst, V::kText, {}},
      {"permitlisten", A, M::kFirst, V::kText, {}},
      {"forcecommand", A, M::kFirst, V::kText, {}},
      {"chrootdirectory", A, M::kFirst, V::kText, {}},
      {"hostcertificate", G, M::kEach, V::kText, {}},
      {"revokedkeys", A, M::kFirst, V::kText, {}},
      {"trustedusercakeys", A, M::kFirst, V::kText, {}},
      {"authorizedprincipalsfile", A, M::kFirst, V::kText, {}},
      {"kexalgorithms", G, M::kFirst, V::kText, {}},
      {"include", A, M::kInclude, V::kText, {}},
      {"ipqos", A, M::kLast, V::kText, {}},
      {"authorizedkeyscommand", A, M::kFirst, V::kText, {}},
      {"authorizedkeyscommanduser", A, M::kFirst, V::kText, {}},
      {"authorizedprincipalscommand", A, M::kFirst, V::kText, {}},
      {"authorizedprincipalscommanduser", A, M::kFirst, V::kText, {}},
      {"versionaddendum", G, M::kFirst, V::kText, {}},
      {"authenticationmethods", A, M::kFirst, V::kText, {}},
      {"streamlocalbindmask", A, M::kLast, V::kText, {}},
      {"streamlocalbindunlink", A, M::kFirst, V::kFlag, {}},
      {"allowstreamlocalforwarding", A, M::kFirst, V::kEnum, {"yes", "all", "no", "remote", "local"}},
      {"fingerprinthash", G, M::kLast, V::kUpper, {}},
      {"disableforwarding", A, M::kFirst, V::kFlag, {}},
      {"exposeauthinfo", A, M::kFirst, V::kFlag, {}},
      {"rdomain", A, M::kFirst, V::kText, {}},
      {"casignaturealgorithms", A, M::kFirst, V::kText, {}},
      {"securitykeyprovider", G, M::kFirst, V::kText, {}},
      {"requiredrsasize", A, M::kFirst, V::kInt, {}},
      {"channeltimeout", A, M::kFirst, V::kText, {}},
      {"unusedconnectiontimeout", A, M::kFirst, V::kText, {}},
      {"debianbanner", G, M::kFirst, V::kFlag, {}},
      // OpenSSH 9.8 – 10.x
      {"persourcepenalties", G, M::kFirst, V::kText, {}},
      {"persourcepenaltyexemptlist", G, M::kFirst, V::kText, {}},
      {"sshdsessionpath", G, M::kFirst, V::kText, {}},
      {"sshdauthpath", G, M::kFirst, V::kText, {}},
      {"refuseconnection", A, M::kFirst, V::kFlag, {}},
      // Deprecated or unsupported: accepted and ignored by sshd.
      {"pamauthenticationviakbdint", G, M::kIgnored, V::kText, {}},
      {"serverkeybits", G, M::kIgnored, V::kText, {}},
      {"keyregenerationinterval", G, M::kIgnored, V::kText, {}},
      {"rhostsauthentication", G, M::kIgnored, V::kText, {}},
      {"rhostsrsaauthentication", A, M::kIgnored, V::kText, {}},
      {"rsaauthentication", A, M::kIgnored, V::kText, {}},
      {"kerberostgtpassing", G, M::kIgnored, V::kText, {}},
      {"afstokenpassing", G, M::kIgnored, V::kText, {}},
      {"gssusesessionccache", G, M::kIgnored, V::kText, {}},
      {"gssapiusesessioncredcache", G, M::kIgnored, V::kText, {}},
      {"checkmail", G, M::kIgnored, V::kText, {}},
      {"permitblacklistedkeys", G, M::kIgnored, V::kText, {}},
      {"uselogin", G, M::kIgnored, V::kText, {}},
      {"protocol", G, M::kIgnored, V::kText, {}},
      {"verifyreversemapping", G, M::kIgnored, V::kText, {}},
      {"reversemappingcheck", G, M::kIgnored, V::kText, {}},
      {"authorizedkeysfile2", A, M::kIgnored, V::kText, {}},
      {"useprivilegeseparation", G, M::kIgnored, V::kText, {}},
  };
  return kTable;
}

// Old names sshd still accepts for a keyword of the table.
const std::map<std::string_view, std::string_view>& Aliases() {
  static const std::map<std::string_view, std::string_view> kAliases = {
      {"hostdsakey", "hostkey"},
      {"hostbasedacceptedkeytypes", "hostbasedacceptedalgorithms"},
      {"pubkeyacceptedkeytypes", "pubkeyacceptedalgorithms"},
      {"dsaauthentication", "pubkeyauthentication"},
      {"gssapicleanupcreds", "gssapicleanupcredentials"},
      {"challengeresponseauthentication", "kbdinteractiveauthentication"},
      {"skeyauthentication", "kbdinteractiveauthentication"},
      {"keepalive", "tcpkeepalive"},
  };
  return kAliases;
}

const std::map<std::string_view, const SshdKeyword*>& Index() {
  static const std::map<std::string_view, const SshdKeyword*> kIndex = [] {
    std::map<std::string_view, const SshdKeyword*> index;
    for (const SshdKeyword& k : Keywords()) index[k.name] = &k;
    for (const auto& [alias, name] : Aliases()) index[alias] = index.at(name);
    return index;
  }();
  return kIndex;
}

// sshd prints the first name of a multistate value; we also fold the old root-login spelling.
std::string CanonicalChoice(std::string_view value) {
  if (value == "all" || value == "delayed") return "yes";
  if (value == "without-password") return "prohibit-password";
  return std::string(value);
}

}  // namespace

const SshdKeyword* FindSshdKeyword(std::string_view name) {
  std::string lower = ToLower(name);
  auto it = Index().find(lower);
  return it == Index().end() ? nullptr : it->second;
}

std::optional<int64_t> SshdTimeSeconds(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t total = 0, number = 0;
  bool digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (number > 100000000) return std::nullopt;
      number = number * 10 + (c - '0');
      digits = true;
      continue;
    }
    static const std::map<char, int64_t> kUnits = {{'s', 1}, {'S', 1}, {'m', 60}, {'M', 60}, {'h', 3600},
                                                   {'H', 3600}, {'d', 86400}, {'D', 86400}, {'w', 604800},
                                                   {'W', 604800}};
    auto unit = kUnits.find(c);
    if (!digits || unit == kUnits.end() || total > (int64_t{1} << 40)) return std::nullopt;
    total += number * unit->second;
    number = 0;
    digits = false;
  }
  return total + number;
}

std::optional<std::string> NormalizeSshdValue(const SshdKeyword& kw, std::string_view value) {
  switch (kw.value) {
    case SshdValue::kText: return std::string(value);
    case SshdValue::kUpper: {
      std::string upper(value);
      for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      return upper;
    }
    case SshdValue::kFlag: {
      std::string lower = ToLower(value);
      if (lower != "yes" && lower != "no") return std::nullopt;
      return lower;
    }
    case SshdValue::kEnum: {
      std::string lower = ToLower(value);
      for (std::string_view c : kw.choices) {
        if (c == lower) return CanonicalChoice(lower);
      }
      return std::nullopt;
    }
    case SshdValue::kInt: {
      auto n = ParseInt(value);
      if (!n) return std::nullopt;
      return std::to_string(*n);
    }
    case SshdValue::kTime: {
      auto seconds = SshdTimeSeconds(value);
      if (!seconds) return std::nullopt;
      return std::to_string(*seconds);
    }
  }
  return std::nullopt;
}

}  // namespace shipshape
