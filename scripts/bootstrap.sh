#!/bin/sh
# Installs every Debian package that shipshape's build, tests, fuzzers and benchmarks need.
# Idempotent: packages already present are left alone. Needs root (or sudo) and Debian 12.
set -eu

PACKAGES="
  build-essential cmake ninja-build pkg-config git ca-certificates
  clang libclang-rt-14-dev
  libsqlite3-dev sqlite3 libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev libarchive-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  openssh-server openssh-client sudo ansible-core
  nginx-core redis-server postgresql fail2ban ufw unattended-upgrades logrotate
  iproute2 procps tar gzip
  python3-jsonschema
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f '${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "bootstrap: installing$missing" >&2
# Services pulled in as test material (nginx, redis, postgresql, ssh, fail2ban) must not start here:
# tests start their own instances on loopback. policy-rc.d tells invoke-rc.d to leave them alone.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
[ "$created_policy" -eq 1 ] && $SUDO rm -f "$policy"
exit 0
