// Naming software found on a host: package and image names to lifecycle products, versions to cycles.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

// The lifecycle product (data/lifecycle.yaml) an OS package belongs to, or "" when none:
// mongodb-org-server → mongodb, postgresql-15 → postgresql, docker-ce → docker-engine, …
// Only server packages count (postgresql-client-15 and the postgresql metapackage do not).
std::string ProductOfPackage(std::string_view package);

// The upstream version inside a package, image tag or reported version: the leading run of
// digits and dots after an epoch and an optional 'v'. '5:24.0.7-1~ubuntu.20.04~focal' → '24.0.7',
// '15-alpine' → '15', '20.10.24+dfsg1' → '20.10.24', 'latest' → ''.
std::string UpstreamVersion(std::string_view text);

// Whether a package of `product` at `version` (as dpkg or rpm prints it) was built by the
// distribution and gets its security support for the life of the release, so that its upstream
// end of life does not matter while the OS is supported. True for Debian builds ('1.22.1-9',
// '15.8-0+deb12u1', '5:7.0.15-1~deb12u1'), Ubuntu builds of main packages (postgresql, nginx:
// '12.22-0ubuntu0.20.04.1') and RHEL AppStream builds ('1.20.1-14.el9'). False for vendor
// repositories (PGDG '16.4-1.pgdg120+1', NodeSource, nginx.org '1.24.0-1~bookworm', Docker
// '5:24.0.7-1~ubuntu.20.04~focal', packages.redis.io, PPAs), for vendor packages without a Debian
// revision (mongodb-org '6.0.14'), and for Ubuntu universe packages (nodejs, redis, mongodb),
// which have no standard security support.
bool DistroSupported(std::string_view product, std::string_view manager, std::string_view version);

struct ImageSoftware {
  std::string product;  // lifecycle product
  std::string version;  // from the tag, never empty
};

// The product and version of a container image reference ('mongo:6.0.14', 'docker.io/library/
// postgres:15-alpine', 'portainer/portainer-ce:2.19.4@sha256:…'). nullopt when the repository is
// not a known product image or the tag carries no version (none, 'latest', 'alpine', a digest only).
std::optional<ImageSoftware> SoftwareOfImage(std::string_view reference);

// The longest cycle that `version` equals or starts with followed by '.', or "" when none:
// '24.0.7' in {24.0, 26.1} → '24.0'; '1.24.1' in {1, 2.27} → '1'; '7' in {7.0, 7.2} → ''.
std::string MatchCycle(std::string_view version, const std::vector<std::string>& cycles);

}  // namespace shipshape
