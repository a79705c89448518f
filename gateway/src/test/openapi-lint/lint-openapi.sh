#!/usr/bin/env bash
# Lints OpenAPI documents of Accord's services with Redocly CLI.
#
#   gateway/src/test/openapi-lint/lint-openapi.sh agreement-service/target/openapi/openapi.yaml [...]
#
# Installs @redocly/cli (pinned) once into .accord/tools/redocly, which git ignores; needs node >= 20.19
# and npm. Exits non-zero when a document has errors. Documents are written at build time by each
# service (quarkus.smallrye-openapi.store-schema-directory=target/openapi), or fetched from a running one:
#   curl -s 'http://127.0.0.1:8081/q/openapi?format=json' > /tmp/agreements.json
set -euo pipefail

REDOCLY_VERSION="${REDOCLY_VERSION:-2.77.0}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
TOOLS="$ROOT/.accord/tools/redocly"
BIN="$TOOLS/node_modules/.bin/redocly"

[[ $# -gt 0 ]] || { echo "usage: $0 <openapi document>..." >&2; exit 2; }
for document in "$@"; do
  [[ -f "$document" ]] || { echo "lint-openapi: no such document: $document" >&2; exit 2; }
done
command -v npm >/dev/null || { echo "lint-openapi: npm is missing" >&2; exit 2; }

if [[ ! -x "$BIN" || "$(cat "$TOOLS/.version" 2>/dev/null)" != "$REDOCLY_VERSION" ]]; then
  echo "==> installing @redocly/cli $REDOCLY_VERSION into ${TOOLS#"$ROOT"/}" >&2
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >&2
  echo "$REDOCLY_VERSION" > "$TOOLS/.version"
fi

# No usage reports leave the machine
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$BIN" lint --config "$HERE/redocly.yaml" --format=stylish "$@"
