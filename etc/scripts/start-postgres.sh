#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the integration tests.
#
#   etc/scripts/start-postgres.sh [--env FILE]   start (or reuse) the cluster
#   etc/scripts/start-postgres.sh --stop         stop the cluster this script manages
#
# Listens on 127.0.0.1:${CC_PG_PORT:-55432} only (no Unix socket), user
# `postgres` / password `postgres` (scram-sha-256), data in
# ${CC_RUN_DIR:-<repo>/.run}/pg. Durability is switched off: this cluster
# only ever holds test data.

set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_HOST=127.0.0.1
PG_PORT="${CC_PG_PORT:-55432}"
PG_USER=postgres
PG_PASSWORD=postgres
PG_CONN="Host=${PG_HOST};Port=${PG_PORT};Username=${PG_USER};Password=${PG_PASSWORD};Include Error Detail=true"
START_TIMEOUT=30

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

ENV_FILE=""
ACTION=start
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) [[ $# -ge 2 ]] || usage; ENV_FILE="$2"; shift 2 ;;
    --env=*) ENV_FILE="${1#--env=}"; shift ;;
    --stop) ACTION=stop; shift ;;
    -h | --help) usage ;;
    *) log_error "unknown argument: $1"; usage ;;
  esac
done

# --- Locate the server binaries --------------------------------------------
# Debian installs each major version under /usr/lib/postgresql/<N>/bin and
# only puts client wrappers on PATH; pick the newest server available.
find_pg_bin() {
  local dir
  # The glob sorts lexically (10 < 9), hence sort -V.
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
    fi
  done | sort -V | tail -n 1
}

PG_BIN="$(find_pg_bin)"
if [[ -z "$PG_BIN" && "$ACTION" == start ]]; then
  ensure_apt_packages postgresql
  PG_BIN="$(find_pg_bin)"
  [[ -n "$PG_BIN" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin even after installing 'postgresql'"
fi
PG_MAJOR="$(basename "$(dirname "$PG_BIN")")"

# --- Where the cluster lives -----------------------------------------------
# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# `postgres` system user and every server command goes through runuser.
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_postgres_user() {
  is_root || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    log_info "creating system user 'postgres'"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
      --shell /bin/bash --comment "PostgreSQL administrator" postgres
  fi
}

# The data dir must be reachable by the postgres user. A checkout under a
# private directory (e.g. /root) is not, so fall back to a directory in
# /tmp. The choice is deterministic so --stop finds the same cluster.
PG_BASE="$CC_RUN_DIR"
choose_base_dir() {
  mkdir -p "$CC_RUN_DIR"
  if is_root && id -u postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$CC_RUN_DIR"; then
    PG_BASE="/tmp/centres-connectes-pg-${PG_PORT}"
    [[ "$ACTION" == start ]] && log_warn "user 'postgres' cannot access ${CC_RUN_DIR}; using ${PG_BASE} for the cluster"
    mkdir -p "$PG_BASE"
    chmod 755 "$PG_BASE"
  fi
  PG_DATA="$PG_BASE/pg"
  PG_LOG="$PG_BASE/postgres.log"
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1
}

# True when our data dir has a live postmaster.
cluster_running() {
  [[ -f "$PG_DATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

stop_cluster() {
  if cluster_running; then
    log_info "stopping PostgreSQL cluster in ${PG_DATA}"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null
  fi
}

write_env() {
  [[ -n "$ENV_FILE" ]] || return 0
  env_file_set "$ENV_FILE" CC_TEST_POSTGRES "$PG_CONN"
}

report() {
  log_info "PostgreSQL ${PG_MAJOR} ready on ${PG_HOST}:${PG_PORT}"
  echo "CC_TEST_POSTGRES=${PG_CONN}"
  write_env
}

# Verifies the password works, so a foreign server squatting on the port is
# reported here rather than as hundreds of failing tests.
check_login() {
  if ! PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -w \
       -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'select 1' >/dev/null 2>&1; then
    die "a PostgreSQL server answers on ${PG_HOST}:${PG_PORT} but rejects ${PG_USER}/${PG_PASSWORD}; stop it or choose another port with CC_PG_PORT"
  fi
}

init_cluster() {
  # A data dir left half-initialised (interrupted initdb) or created by
  # another major version is useless: it only ever holds test data, so
  # start again from scratch.
  if [[ -d "$PG_DATA" && ! -f "$PG_DATA/PG_VERSION" ]] && [[ -n "$(ls -A "$PG_DATA" 2>/dev/null)" ]]; then
    log_warn "removing incomplete data dir ${PG_DATA}"
    rm -rf "$PG_DATA"
  fi
  if [[ -f "$PG_DATA/PG_VERSION" && "$(cat "$PG_DATA/PG_VERSION")" != "$PG_MAJOR" ]]; then
    log_warn "data dir ${PG_DATA} is from PostgreSQL $(cat "$PG_DATA/PG_VERSION"); recreating for ${PG_MAJOR}"
    rm -rf "$PG_DATA"
  fi

  mkdir -p "$PG_DATA"
  # initdb insists on a private data dir owned by the server user.
  chmod 700 "$PG_DATA"
  touch "$PG_LOG"
  if is_root; then
    chown -R postgres:postgres "$PG_DATA" "$PG_LOG"
  fi

  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log_info "initdb ${PG_DATA} (PostgreSQL ${PG_MAJOR})"
    local pwfile
    pwfile="$(mktemp)"
    printf '%s\n' "$PG_PASSWORD" >"$pwfile"
    if is_root; then chown postgres "$pwfile"; fi
    # C.UTF-8 is built into Debian's glibc (no locales package needed);
    # ICU collations stay available for explicit CREATE COLLATION.
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" \
         --auth-host=scram-sha-256 --auth-local=scram-sha-256 \
         --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_BASE/initdb.log" 2>&1; then
      rm -f "$pwfile"
      cat "$PG_BASE/initdb.log" >&2
      rm -rf "$PG_DATA"
      die "initdb failed"
    fi
    rm -f "$pwfile"
    # Settings live in a separate file rewritten at every start, so a
    # changed CC_PG_PORT applies to an existing cluster too.
    echo "include_if_exists = 'cc-test.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi

  # Test-only tuning: durability is irrelevant for throw-away data and
  # fsync dominates the run time of migration-heavy test suites. The Unix
  # socket is disabled: /var/run/postgresql may not exist or be writable.
  as_pg tee "$PG_DATA/cc-test.conf" >/dev/null <<EOF
# Written by etc/scripts/start-postgres.sh at every start; do not edit.
listen_addresses = '${PG_HOST}'
port = ${PG_PORT}
unix_socket_directories = ''
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = 'scram-sha-256'
timezone = 'UTC'
log_timezone = 'UTC'
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
}

start_cluster() {
  log_info "starting PostgreSQL ${PG_MAJOR} on ${PG_HOST}:${PG_PORT} (data: ${PG_DATA}, log: ${PG_LOG})"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start >/dev/null; then
    tail -n 30 "$PG_LOG" >&2 || true
    die "PostgreSQL failed to start (see ${PG_LOG})"
  fi
}

wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until pg_ready; do
    if ((SECONDS >= deadline)); then
      tail -n 30 "$PG_LOG" >&2 || true
      die "PostgreSQL on ${PG_HOST}:${PG_PORT} not ready after ${START_TIMEOUT}s (see ${PG_LOG})"
    fi
    sleep 0.5
  done
}

# --- Main ------------------------------------------------------------------
if [[ "$ACTION" == stop ]]; then
  [[ -n "$PG_BIN" ]] || exit 0
  choose_base_dir
  stop_cluster
  exit 0
fi

ensure_postgres_user
choose_base_dir

# Reuse whatever already serves this port (a previous run, a developer's
# long-lived cluster) instead of fighting over it.
# pg_isready exit codes: 0 accepting, 1 rejecting (starting up or shutting
# down, e.g. a concurrent run is starting it), 2 no response.
isready_rc=0
"$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1 || isready_rc=$?
if ((isready_rc == 0 || isready_rc == 1)); then
  ((isready_rc == 1)) && log_info "PostgreSQL on ${PG_HOST}:${PG_PORT} is starting up; waiting for it"
  wait_ready
  check_login
  log_info "reusing the PostgreSQL server already running on ${PG_HOST}:${PG_PORT}"
  report
  exit 0
fi

if tcp_port_open "$PG_HOST" "$PG_PORT"; then
  die "port ${PG_HOST}:${PG_PORT} is used by something that is not PostgreSQL; choose another port with CC_PG_PORT"
fi

# Our cluster runs but not on this port (CC_PG_PORT changed): restart it
# with the new settings.
if cluster_running; then
  log_warn "cluster in ${PG_DATA} runs but does not answer on port ${PG_PORT}; restarting it"
  stop_cluster
fi

init_cluster
start_cluster
wait_ready
check_login
report
