#!/usr/bin/env bash
# CI gate for the API contract (STYLE.md §5 and §6): regenerates openapi/openapi.json,
# graphql/schema.gql and the SDK's generated code, fails if any of them differs from what is
# committed, then lints the OpenAPI document.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Redocly must not phone home: CI may be offline, and the result must not depend on the network.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

GENERATED=(openapi graphql sdk/src)

npm run contract:generate

changes="$(git status --porcelain --untracked-files=all -- "${GENERATED[@]}")"
if [[ -n "$changes" ]]; then
  {
    echo
    echo "ERROR: the committed API contract is out of date with the code."
    echo "These generated files differ from what 'npm run contract:generate' produces:"
    echo "$changes" | sed 's/^/    /'
    echo
    git --no-pager diff --stat -- "${GENERATED[@]}" || true
    echo
    echo "Run 'npm run contract:generate' and commit the result (the spec, the schema and sdk/src/generated/)"
    echo "in the same change as the code that altered them."
  } >&2
  exit 1
fi
echo "contract: generated files match the committed ones"

npm run contract:lint
