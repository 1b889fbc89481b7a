// The category table.
#include "plan/categories.h"

namespace shipshape {

const std::vector<Category>& AllCategories() {
  static const std::vector<Category> kCategories = {
      {"os", "OS currency", "os-release and the lifecycle data"},
      {"ssh", "SSH security", "sshd -T, or sshd_config with Include and Match"},
      {"firewall", "Firewall", "ufw status, iptables-save, nft ruleset, listening sockets"},
      {"docker", "Docker security", "docker version/info/inspect"},
      {"databases", "Database security", "mongod.conf, redis.conf, postgresql.conf, pg_hba.conf"},
      {"backup", "Off-server backup", "crontabs, systemd timers, backup tools, stateful services"},
      {"monitoring", "Monitoring coverage", "exporters and agents among services and processes"},
      {"secrets", "Secrets management", "env files, container environments (classified, never copied)"},
      {"updates", "Unattended upgrades", "apt periodic settings and unattended-upgrades"},
      {"encryption", "Disk encryption", "lsblk (crypt devices)"},
      {"logging", "Log management", "logrotate, /var/log size, log shipping agents"},
      {"images", "Image hygiene", "container images: tags, age, registry"},
      {"resources", "Resources", "df, meminfo, process memory"},
      {"web", "Web and TLS", "nginx configuration (servers, TLS, headers, limits)"},
  };
  return kCategories;
}

const Category* FindCategory(const std::string& id) {
  for (const Category& c : AllCategories()) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace shipshape
