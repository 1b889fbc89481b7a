#!/bin/sh
export BORG_REPO=ssh://u@h:23/./r
flock -n /run/b.lock sudo -u postgres sh -c "pg_dumpall | ssh b@h 'cat > x'"
borg create ::{now} /etc <<EOF
body
EOF
