// What a host's firewall does to an incoming port: ufw first, then iptables/nft, for the exposure table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/sqlite_db.h"
#include "base/status.h"

namespace shipshape {

// True when a port specification as written by ufw/iptables/nft ("22", "80,443", "6000:6007",
// "{ 80, 443 }", "" = any port) covers `port`.
bool PortSpecCovers(const std::string& spec, int64_t port);

// The firewall facts of every host, loaded once for the deriver.
class FirewallView {
 public:
  struct Verdict {
    std::string firewall;   // none | ufw | iptables | nft | unknown
    std::string reachable;  // yes | private | no | unknown
    std::string reason;
  };
  static Result<FirewallView> Load(Database& db);
  // The verdict for a packet to `port`/`proto` on `host` arriving on a public interface.
  Verdict Filter(const std::string& host, const std::string& proto, int64_t port) const;
  // True when DOCKER-USER holds DROP/REJECT rules (Docker-published ports may be filtered there).
  bool DockerUserFilters(const std::string& host) const;

 private:
  struct Rule {
    std::string action;  // allow | limit | deny | reject (ufw); accept | drop | reject (netfilter)
    std::string port, proto, from, interface;
  };
  struct Host {
    bool ufw_known = false, ufw_active = false;
    std::string ufw_default_in;
    std::vector<Rule> ufw_rules;
    bool netfilter_known = false;  // iptables-save or nft ran
    std::string backend;           // iptables | nft (the one with an input chain)
    std::string input_policy;      // accept | drop | ''
    std::vector<Rule> input_rules;
    bool docker_user_filters = false;
  };
  Verdict UfwVerdict(const Host& h, const std::string& proto, int64_t port) const;
  Verdict NetfilterVerdict(const Host& h, const std::string& proto, int64_t port) const;
  std::map<std::string, Host> hosts_;
};

}  // namespace shipshape
