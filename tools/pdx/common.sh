# shellcheck shell=bash
# Part of ./pdx (sourced, not run): output and process helpers.

# ---------------------------------------------------------------- output
STEP=0
STEPS=0
CURRENT_STEP=""
CURRENT_LOG=""
step() { # step "title" log-file
  STEP=$((STEP + 1)); CURRENT_STEP=$1; CURRENT_LOG=${2:-}
  printf '==> [%d/%d] %s\n' "$STEP" "$STEPS" "$1"
  STEP_STARTED=$(date +%s)
}
ok() { printf '    ok (%ss)%s\n' "$(($(date +%s) - STEP_STARTED))" "${1:+ — $1}"; }
note() { printf '    %s\n' "$*"; }
fail() {
  printf '\nFAILED at step [%d/%d] %s: %s\n' "$STEP" "$STEPS" "$CURRENT_STEP" "$*" >&2
  if [ -n "$CURRENT_LOG" ]; then
    printf 'Log: %s — last lines:\n' "$CURRENT_LOG" >&2
    tail -n 25 "$CURRENT_LOG" 2>/dev/null | sed 's/^/    /' >&2 || true
  fi
  exit 1
}
on_error() { # in a subshell, leave the report to the parent shell
  [ "$BASHPID" = "$$" ] || exit 1
  fail "command failed (line $1)"
}
trap 'on_error $LINENO' ERR

# ---------------------------------------------------------------- process helpers
pid_alive() { # pid-file
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}
http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }
wait_http() { # url seconds pid-file
  local url=$1 seconds=$2 pidfile=${3:-} i
  for ((i = 0; i < seconds; i++)); do
    http_ok "$url" && return 0
    if [ -n "$pidfile" ] && ! pid_alive "$pidfile"; then return 1; fi
    sleep 1
  done
  return 1
}
stop_pid() { # name pid-file
  local name=$1 pidfile=$2 pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    note "$name stopped (pid $pid)"
  fi
  rm -f "$pidfile"
}
start_bg() { # pid-file log-file command...
  local pidfile=$1 log=$2; shift 2
  nohup "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$pidfile"
}
