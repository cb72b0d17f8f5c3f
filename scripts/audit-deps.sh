#!/usr/bin/env bash
# Audits the production dependencies for known vulnerabilities of high severity or worse:
#   npm audit --omit=dev --audit-level=high
# Exit status: npm's (non-zero when advisories at or above "high" exist), EXCEPT when the audit
# could not be run at all because the registry's audit endpoint is unreachable (offline build
# machines reach only the package registry): then it says so loudly and exits 0. Advisories
# are never hidden: any answer that contains vulnerabilities fails the script.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 2
report="$(mktemp)"
errors="$(mktemp)"
trap 'rm -f "$report" "$errors"' EXIT

npm audit --omit=dev --audit-level=high --json >"$report" 2>"$errors"
status=$?

if [ "$status" -eq 0 ]; then
  echo "audit-deps: no known vulnerabilities of high severity or above in production dependencies."
  exit 0
fi

# npm --json prints a report with "vulnerabilities" when the audit ran; on a network failure it
# prints an "error" object (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, 403/404/5xx from the endpoint).
if node -e '
  const fs = require("fs");
  let report;
  try { report = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { process.exit(1); }
  process.exit(report && report.vulnerabilities ? 1 : 0);
' "$report"; then
  if grep -Eqi 'ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|audit endpoint|404 Not Found|403 Forbidden|Method Not Allowed|\b5[0-9]{2}\b|request to .* failed|getaddrinfo' "$report" "$errors"; then
    echo "audit-deps: WARNING — the audit could NOT be run: the registry's audit endpoint is unreachable from this machine." >&2
    echo "audit-deps: nothing was checked; run 'npm audit --omit=dev --audit-level=high' on a machine with internet access." >&2
    sed -n '1,20p' "$errors" "$report" >&2
    exit 0
  fi
  echo "audit-deps: npm audit failed for an unknown reason (status $status):" >&2
  cat "$errors" "$report" >&2
  exit "$status"
fi

# The audit ran and found advisories at or above "high": show them and fail.
npm audit --omit=dev --audit-level=high
exit "$status"
