#!/usr/bin/env bash
# Runs a benchmark scenario against the PostgreSQL test cluster.
#
#   etc/scripts/bench.sh <scenario> [args]
#   etc/scripts/bench.sh --list          list the scenarios
#
# Arguments are passed unchanged to test/Benchmarks. The cluster is started
# (or reused) through start-postgres.sh and stopped again on exit only if
# this script started it.
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$CC_REPO"

if [[ $# -eq 0 ]]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet (.NET 10 SDK) is not on PATH"

# Listing scenarios needs no database; everything else does.
case "$1" in
  --list | -l | --help | -h) ;;
  *)
    ENV_FILE="$CC_RUN_DIR/bench.env"
    cleanup() {
      local rc=$?
      trap - EXIT INT TERM
      pg_stop_if_owned
      exit "$rc"
    }
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    rm -f "$ENV_FILE"
    pg_start_for_run "$ENV_FILE" || die "PostgreSQL could not be started"
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    ;;
esac

# Not exec: the EXIT trap must still stop the cluster afterwards.
dotnet run -c Release --project test/Benchmarks -- "$@"
