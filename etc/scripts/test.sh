#!/usr/bin/env bash
# The single test entry point (README and CI call this, CI via .ci/run).
#
#   etc/scripts/test.sh [extra dotnet test args, e.g. --filter Category=Unit]
#
# Provisions what the integration tests need (PostgreSQL test cluster, SMTP
# sink, headless chromium), builds the solution once in Release, runs every
# test project, then prints the failed tests and a final line
# `N passed, N failed, N skipped`.
#
# Environment given to the tests:
#   CC_TEST_POSTGRES      Npgsql connection string (server, no database)
#   CC_TEST_SMTP_HOST     SMTP sink host
#   CC_TEST_SMTP_PORT     SMTP sink port
#   CC_TEST_SMTP_MAILDIR  absolute directory where the sink writes *.eml
#   CC_TEST_CHROMIUM      chromium executable for headless browser/PDF tests
#   CI                    passed through; under CI=true nothing may be skipped
#
# Knobs: CC_PG_PORT (55432), CC_SMTP_PORT (2525), CC_RUN_DIR (<repo>/.run),
# CC_TEST_STRICT=1 (fail like CI when a component is unavailable).
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$CC_REPO"


SCRIPTS="$CC_REPO/etc/scripts"
SOLUTION=CentresConnectes.slnx
RESULTS_DIR="$CC_RUN_DIR/test-results"
ENV_FILE="$CC_RUN_DIR/test.env"
CHROMIUM=/usr/bin/chromium
PG_PORT="${CC_PG_PORT:-55432}"
SMTP_PORT="${CC_SMTP_PORT:-2525}"

# --- Prerequisites ---------------------------------------------------------
# fonts-dejavu-core: deterministic glyphs for screenshots on a font-less server;
# chromium-l10n: a French browser (dates jj/mm/aaaa, « Choisir un fichier »);
# poppler-utils: pdftotext/pdfinfo/pdftoppm read the PDFs the tests produce.
ensure_apt_packages postgresql chromium chromium-l10n python3-aiosmtpd fonts-dejavu-core poppler-utils

missing_tools=()
command -v dotnet >/dev/null 2>&1 || missing_tools+=("dotnet (.NET 10 SDK, see global.json)")
command -v npm >/dev/null 2>&1 || missing_tools+=("npm (Node.js, for the web front-end assets)")
if ((${#missing_tools[@]})); then
  die "required tools not on PATH: ${missing_tools[*]}"
fi
[[ -f "$SOLUTION" ]] || die "${SOLUTION} not found in ${CC_REPO}"

mkdir -p "$CC_RUN_DIR"
rm -f "$ENV_FILE"

# --- Services --------------------------------------------------------------
# Only stop on exit what this run started: a developer's already-running
# cluster or sink is reused and left alone.
STARTED_SMTP=0

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((STARTED_SMTP)); then
    "$SCRIPTS/start-smtp-sink.sh" --stop || log_warn "could not stop the SMTP sink"
  fi
  pg_stop_if_owned
  exit "$rc"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap cleans up.
trap 'exit 130' INT
trap 'exit 143' TERM

# PostgreSQL: owned by this run only if nothing listened on its port (lib.sh).
if ! pg_start_for_run "$ENV_FILE"; then
  component_unavailable "PostgreSQL test cluster could not be started on 127.0.0.1:${PG_PORT}"
fi

# SMTP sink, same ownership rule. Mail from earlier runs is removed when we
# start a fresh sink so tests only see this run's messages.
if ! tcp_port_open 127.0.0.1 "$SMTP_PORT"; then
  STARTED_SMTP=1
  rm -f "$CC_RUN_DIR"/mail/*.eml
fi
if ! "$SCRIPTS/start-smtp-sink.sh" --env "$ENV_FILE"; then
  component_unavailable "SMTP sink could not be started on 127.0.0.1:${SMTP_PORT}"
fi

if [[ -f "$ENV_FILE" ]]; then
  # shellcheck disable=SC1090
  . "$ENV_FILE"
fi

# Chromium: `--version` proves the binary exists; rendering a page proves
# it can really start headless here (sandbox, shared memory, libraries).
chromium_works() {
  [[ -x "$CHROMIUM" ]] || return 1
  local version profile out
  version="$(timeout 30 "$CHROMIUM" --headless --no-sandbox --disable-gpu --version 2>/dev/null)" || return 1
  profile="$(mktemp -d)"
  out="$(timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
           --user-data-dir="$profile" --dump-dom 'data:text/html,<p>cc-chromium-ok</p>' 2>/dev/null)" || true
  rm -rf "$profile"
  [[ "$out" == *cc-chromium-ok* ]] || return 1
  log_info "${version} works headless"
}
if chromium_works; then
  export CC_TEST_CHROMIUM="$CHROMIUM"
else
  unset CC_TEST_CHROMIUM
  component_unavailable "chromium (${CHROMIUM}) cannot run headless"
fi

log_info "test environment:"
for var in CC_TEST_POSTGRES CC_TEST_SMTP_HOST CC_TEST_SMTP_PORT CC_TEST_SMTP_MAILDIR CC_TEST_CHROMIUM CI; do
  log_info "  ${var}=${!var:-<unset>}"
done

# --- Build and test --------------------------------------------------------
if [[ -f .config/dotnet-tools.json ]]; then
  dotnet tool restore
fi

# A test run must leave the checkout as it found it (screenshots go under
# .run/, temporary files under /tmp): the tree's state is taken now and
# compared after the run. etc/scripts/screenshots.sh refreshes the manual's
# images on purpose (CC_SCREENSHOTS_TO_MANUAL=1): those are then expected.
tree_state() {
  git -C "$CC_REPO" rev-parse --git-dir >/dev/null 2>&1 || return 0
  local exclude=()
  if [[ "${CC_SCREENSHOTS_TO_MANUAL:-}" == 1 ]]; then
    exclude=(-- . ":(exclude)docs/manuel/images")
  fi
  git -C "$CC_REPO" status --porcelain=v1 -uall "${exclude[@]}"
  git -C "$CC_REPO" diff "${exclude[@]}" | sha1sum
}
TREE_BEFORE="$(tree_state)"

# Build once; the test run then uses --no-build so parallel test projects
# do not race on rebuilding shared projects.
dotnet build "$SOLUTION" -c Release || die "build failed"

# Stale .trx files would be counted in the summary.
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

test_rc=0
dotnet test "$SOLUTION" -c Release --no-build \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$RESULTS_DIR" "$@" || test_rc=$?

# --- Summary ---------------------------------------------------------------
# Counted from the .trx files rather than scraped from console output: the
# console format changes between SDKs, the TRX schema does not.
summary_rc=0
/usr/bin/python3 - "$RESULTS_DIR" <<'PY' || summary_rc=$?
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILED = {"Failed", "Error", "Timeout", "Aborted"}
PASSED = {"Passed", "PassedButRunAborted", "Warning"}

passed = failed = skipped = 0
failed_names = []
for trx in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as e:
        print(f"unreadable results file {trx}: {e}", file=sys.stderr)
        failed += 1
        failed_names.append(f"<unreadable {os.path.basename(trx)}>")
        continue
    results = root.find(f"{NS}Results")
    if results is None:
        continue
    # Only direct children: data-driven tests nest their rows in InnerResults.
    for r in results.findall(f"{NS}UnitTestResult"):
        outcome = r.get("outcome", "")
        if outcome in PASSED:
            passed += 1
        elif outcome in FAILED:
            failed += 1
            failed_names.append(r.get("testName", "?"))
        else:  # NotExecuted, Inconclusive, Pending, ...
            skipped += 1

print()
if failed_names:
    print("Failed tests:")
    for name in sorted(failed_names):
        print(f"  FAILED {name}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(2 if passed + failed == 0 else (1 if failed else 0))
PY

if ((summary_rc == 2)); then
  log_error "no tests ran"
  exit 1
fi
if ((test_rc != 0)); then
  log_error "dotnet test failed (exit code ${test_rc})"
  exit "$test_rc"
fi
if ((summary_rc != 0)); then
  log_error "failed tests found in the results"
  exit 1
fi
if [[ "$(tree_state)" != "$TREE_BEFORE" ]]; then
  log_error "the test run changed the checkout (git status below); tests write under .run/ or /tmp only"
  git -C "$CC_REPO" status --short
  exit 1
fi
