#!/usr/bin/env bash
# Starts the test SMTP sink (etc/scripts/smtp-sink.py) in the background.
#
#   etc/scripts/start-smtp-sink.sh [--env FILE]   start (or reuse) the sink
#   etc/scripts/start-smtp-sink.sh --stop         stop the sink started from this checkout
#
# Listens on 127.0.0.1:${CC_SMTP_PORT:-2525}; every message lands as an .eml
# file in ${CC_RUN_DIR:-<repo>/.run}/mail. The pid is in <run dir>/smtp.pid,
# the log in <run dir>/smtp.log. --env FILE adds CC_TEST_SMTP_HOST,
# CC_TEST_SMTP_PORT and CC_TEST_SMTP_MAILDIR exports to FILE.
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SMTP_HOST=127.0.0.1
SMTP_PORT="${CC_SMTP_PORT:-2525}"
MAILDIR="$CC_RUN_DIR/mail"
PIDFILE="$CC_RUN_DIR/smtp.pid"
LOGFILE="$CC_RUN_DIR/smtp.log"
SINK="$CC_REPO/etc/scripts/smtp-sink.py"
# Debian's interpreter on purpose: the python3 on PATH may be a pyenv/venv
# build without the python3-aiosmtpd package.
PYTHON=/usr/bin/python3
START_TIMEOUT=15

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

# Pid of a live sink started from this run dir, or nothing. The command
# line check protects against a recycled pid after a reboot/container restart.
sink_pid() {
  local pid
  [[ -f "$PIDFILE" ]] || return 0
  pid="$(tr -dc '0-9' <"$PIDFILE")"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'smtp-sink\.py'; then
    echo "$pid"
  fi
}

stop_sink() {
  local pid i
  pid="$(sink_pid)"
  if [[ -z "$pid" ]]; then
    rm -f "$PIDFILE"
    return 0
  fi
  log_info "stopping SMTP sink (pid ${pid})"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log_warn "SMTP sink (pid ${pid}) ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

report() {
  log_info "SMTP sink ready on ${SMTP_HOST}:${SMTP_PORT}, maildir ${MAILDIR}"
  echo "CC_TEST_SMTP_HOST=${SMTP_HOST}"
  echo "CC_TEST_SMTP_PORT=${SMTP_PORT}"
  echo "CC_TEST_SMTP_MAILDIR=${MAILDIR}"
  if [[ -n "$ENV_FILE" ]]; then
    env_file_set "$ENV_FILE" CC_TEST_SMTP_HOST "$SMTP_HOST"
    env_file_set "$ENV_FILE" CC_TEST_SMTP_PORT "$SMTP_PORT"
    env_file_set "$ENV_FILE" CC_TEST_SMTP_MAILDIR "$MAILDIR"
  fi
}

if [[ "$ACTION" == stop ]]; then
  stop_sink
  exit 0
fi

mkdir -p "$CC_RUN_DIR" "$MAILDIR"

# Reuse a sink from an earlier run of this checkout if it still listens.
if [[ -n "$(sink_pid)" ]] && tcp_port_open "$SMTP_HOST" "$SMTP_PORT"; then
  log_info "reusing the SMTP sink already running (pid $(sink_pid))"
  report
  exit 0
fi
# A sink of ours that no longer answers on this port (CC_SMTP_PORT changed
# or it hung): replace it.
stop_sink

if tcp_port_open "$SMTP_HOST" "$SMTP_PORT"; then
  die "port ${SMTP_HOST}:${SMTP_PORT} is already used by another process (not this checkout's sink); choose another port with CC_SMTP_PORT"
fi

if [[ ! -x "$PYTHON" ]] || ! "$PYTHON" -c 'import aiosmtpd' 2>/dev/null; then
  ensure_apt_packages python3-aiosmtpd
  "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd is installed but ${PYTHON} cannot import aiosmtpd"
fi

log_info "starting SMTP sink on ${SMTP_HOST}:${SMTP_PORT} (maildir ${MAILDIR}, log ${LOGFILE})"
# setsid + nohup + no stdin: the sink must outlive this script (test.sh
# stops it explicitly) and must not receive the terminal's Ctrl-C or the
# CI step's SIGHUP before the trap in test.sh gets to stop it cleanly.
setsid nohup "$PYTHON" "$SINK" --host "$SMTP_HOST" --port "$SMTP_PORT" \
  --maildir "$MAILDIR" --pidfile "$PIDFILE" </dev/null >>"$LOGFILE" 2>&1 &
launcher=$!

# The sink writes its pid file only after binding the port; wait for both.
deadline=$((SECONDS + START_TIMEOUT))
until [[ -n "$(sink_pid)" ]] && tcp_port_open "$SMTP_HOST" "$SMTP_PORT"; do
  if ! kill -0 "$launcher" 2>/dev/null && [[ -z "$(sink_pid)" ]]; then
    tail -n 20 "$LOGFILE" >&2 || true
    die "SMTP sink exited during startup (see ${LOGFILE})"
  fi
  if ((SECONDS >= deadline)); then
    tail -n 20 "$LOGFILE" >&2 || true
    kill -TERM "$launcher" 2>/dev/null || true
    die "SMTP sink not accepting connections on ${SMTP_HOST}:${SMTP_PORT} after ${START_TIMEOUT}s (see ${LOGFILE})"
  fi
  sleep 0.2
done

report
