#!/bin/sh
# Fetches the SARIF 2.1.0 JSON schema (Microsoft's @microsoft/jest-sarif npm package ships the
# OASIS schema, sarif-2.1.0-rtm.5) into build/sarif-schema/sarif-2.1.0.json, where the test
# SarifRenderer.ValidatesAgainstThePublishedSchema finds it (it validates with Python's jsonschema;
# without the schema or jsonschema that test is skipped). Needs npm; idempotent.
set -eu
cd "$(dirname "$0")/.."
OUT=build/sarif-schema
[ -f "$OUT/sarif-2.1.0.json" ] && exit 0
command -v npm >/dev/null || { echo "sarif_schema: npm is needed (apt-get install npm)" >&2; exit 2; }
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1)
tar -xzf "$TMP"/microsoft-jest-sarif-*.tgz -C "$TMP" package/lib/schemas/sarif-2.1.0-rtm.5.json
mv "$TMP/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$OUT/sarif-2.1.0.json"
echo "sarif_schema: $OUT/sarif-2.1.0.json"
