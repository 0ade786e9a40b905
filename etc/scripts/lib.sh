#!/usr/bin/env bash
# Shared helpers for the etc/scripts/*.sh test-infrastructure scripts.
#
# Sourced, never executed: it only defines variables and functions, so it
# does not change the caller's shell options (each script sets
# `set -euo pipefail` itself).

# Guard against double sourcing (test.sh sources it, and so may helpers).
if [[ -n "${CC_LIB_SOURCED:-}" ]]; then
  return 0
fi
CC_LIB_SOURCED=1

# --- Repository root -------------------------------------------------------
# Derived from this file's location rather than `git rev-parse`, so the
# scripts also work from a source tarball or a checkout without .git.
CC_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
export CC_REPO

# Scratch directory for clusters, mail, pid files and test results.
# Always absolute: child processes (dotnet test) run from other directories.
CC_RUN_DIR="${CC_RUN_DIR:-$CC_REPO/.run}"
case "$CC_RUN_DIR" in
  /*) ;;
  *) CC_RUN_DIR="$CC_REPO/$CC_RUN_DIR" ;;
esac
export CC_RUN_DIR

# --- dotnet ----------------------------------------------------------------
# Quiet, no telemetry. MSBuild worker nodes otherwise linger after the build
# and can keep a CI job (or a developer's terminal) waiting on their pipes.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# --- Logging ---------------------------------------------------------------
# Everything goes to stderr so stdout stays usable for machine-readable
# output (connection strings, the final test summary).
_cc_script_name="$(basename "${0:-cc}")"

log_info()  { printf '[%s] %s\n' "$_cc_script_name" "$*" >&2; }
log_warn()  { printf '[%s] WARNING: %s\n' "$_cc_script_name" "$*" >&2; }
log_error() { printf '[%s] ERROR: %s\n' "$_cc_script_name" "$*" >&2; }
die()       { log_error "$*"; exit 1; }

# --- Environment predicates ------------------------------------------------
is_root() { [[ "$(id -u)" -eq 0 ]]; }

# CI providers set CI=true (some use 1/yes); anything truthy counts.
is_ci() {
  case "${CI:-}" in
    [Tt][Rr][Uu][Ee] | 1 | [Yy][Ee][Ss]) return 0 ;;
    *) return 1 ;;
  esac
}

# A component (database, SMTP sink, browser) is unavailable. Under CI this
# must fail the run: silently skipping whole test categories there would
# hide regressions. Locally we only warn so a developer without, e.g.,
# chromium can still run the rest; the tests see the env var missing.
component_unavailable() {
  if is_ci || [[ "${CC_TEST_STRICT:-}" == 1 ]]; then
    die "$* (CI=true: missing components fail the run, they are never skipped)"
  fi
  log_warn "$* -- continuing without it; tests needing it will not be able to run."
}

# --- TCP helpers -----------------------------------------------------------
# True when something accepts TCP connections on host:port. Uses bash's
# /dev/tcp so no netcat is needed on a fresh machine.
tcp_port_open() {
  local host=$1 port=$2
  timeout 2 bash -c ": </dev/tcp/${host}/${port}" >/dev/null 2>&1
}

# --- PostgreSQL test cluster -----------------------------------------------
# pg_start_for_run ENV_FILE
# Starts (or reuses) the test cluster through start-postgres.sh, which writes
# CC_TEST_POSTGRES to ENV_FILE. A run owns the cluster when nothing listened
# on the port before it (decided before starting, so that a half-started
# cluster is stopped too): pg_stop_if_owned, called on exit, stops only that
# one, and leaves a developer's or another run's cluster alone.
CC_PG_OWNED=0
pg_start_for_run() {
  local env_file=$1
  tcp_port_open 127.0.0.1 "${CC_PG_PORT:-55432}" || CC_PG_OWNED=1
  "$CC_REPO/etc/scripts/start-postgres.sh" --env "$env_file"
}

pg_stop_if_owned() {
  if ((CC_PG_OWNED)); then
    "$CC_REPO/etc/scripts/start-postgres.sh" --stop || log_warn "could not stop the PostgreSQL test cluster"
  fi
}

# --- Env files -------------------------------------------------------------
# env_file_set FILE NAME VALUE
# Writes `export NAME="VALUE"` to FILE, replacing an earlier line for the
# same NAME so that running a start script twice with the same --env file
# stays idempotent while several scripts can share one file.
env_file_set() {
  local file=$1 name=$2 value=$3 tmp
  # Escape what is special inside double quotes.
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  value=${value//\$/\\\$}
  value=${value//\`/\\\`}
  mkdir -p "$(dirname "$file")"
  touch "$file"
  tmp="$(mktemp "${file}.XXXXXX")"
  grep -v "^export ${name}=" "$file" >"$tmp" || true
  printf 'export %s="%s"\n' "$name" "$value" >>"$tmp"
  mv -f "$tmp" "$file"
}

# --- apt packages ----------------------------------------------------------
# True when the Debian package is fully installed.
apt_package_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Prints (space separated) the given packages that are not installed.
missing_apt_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    apt_package_installed "$pkg" || missing+=("$pkg")
  done
  printf '%s' "${missing[*]:-}"
}

# ensure_apt_packages PKG...
# Installs only the missing packages. `apt-get update` runs at most once
# per run (CC_APT_UPDATED is exported so child scripts skip it too).
# Without root we cannot install: say exactly what is needed and fail.
ensure_apt_packages() {
  local missing
  missing="$(missing_apt_packages "$@")"
  [[ -z "$missing" ]] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    die "missing packages: ${missing} (and apt-get is not available; install them with your package manager)"
  fi
  if ! is_root; then
    log_error "missing Debian packages: ${missing}"
    log_error "install them with: sudo apt-get install -y --no-install-recommends ${missing}"
    exit 1
  fi

  # Non-interactive: CI has no stdin. The lock timeout waits for another
  # apt/dpkg run (e.g. unattended-upgrades) instead of failing at once.
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if [[ -z "${CC_APT_UPDATED:-}" ]]; then
    log_info "apt-get update"
    apt-get "${apt_opts[@]}" update -qq || die "apt-get update failed"
    export CC_APT_UPDATED=1
  fi
  log_info "installing: ${missing}"
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends $missing \
    || die "apt-get install failed for: ${missing}"

  missing="$(missing_apt_packages "$@")"
  [[ -z "$missing" ]] || die "packages still missing after apt-get install: ${missing}"
}
