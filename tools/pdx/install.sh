# shellcheck shell=bash
# Part of ./pdx (sourced, not run): installs what a fresh machine lacks.

# ---------------------------------------------------------------- install what is missing
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >>"$LOGS/install.log" 2>&1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$LOGS/install.log" 2>&1
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_tools() {
  step "Installing what is missing (PostgreSQL, OPA $OPA_VERSION, Keycloak $KEYCLOAK_VERSION, Maven, npm and Python packages)" "$LOGS/install.log"
  local installed=()
  command -v curl >/dev/null || { apt_install curl; installed+=(curl); }
  command -v unzip >/dev/null || { apt_install unzip; installed+=(unzip); }
  if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/postgres" ]; then
    # PDX makes its own cluster (pdx); Debian's package should not create and start a "main" one.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
      mkdir -p /etc/postgresql-common && echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    fi
    apt_install postgresql
    installed+=(postgresql)
  fi
  command -v mvn >/dev/null || { apt_install maven; installed+=(maven); }
  command -v java >/dev/null || { apt_install openjdk-17-jdk-headless; installed+=(openjdk-17); }
  command -v npm >/dev/null || { apt_install nodejs npm; installed+=(nodejs); }
  # (grep without -q after a producer: -q closes the pipe at the first match and, under pipefail, the producer's
  # SIGPIPE made the check fail and reinstall)
  # the console's browser tests: Debian's Chromium, and a CJK font so that Chinese renders in screenshots
  command -v chromium >/dev/null || { apt_install chromium; installed+=(chromium); }
  fc-list 2>/dev/null | grep -i 'wenquanyi\|wqy' >/dev/null || { apt_install fonts-wqy-microhei; installed+=(fonts-wqy-microhei); }
  if [ ! -x "$OPA" ] || ! "$OPA" version 2>/dev/null | grep -F "${OPA_VERSION#v}" >/dev/null; then
    command -v go >/dev/null || fail "the Go toolchain is needed to install OPA"
    note "building OPA $OPA_VERSION with go install (a few minutes, once per machine)"
    (cd /tmp && GOBIN=$PDX_HOME/bin GOFLAGS=-mod=mod go install "github.com/open-policy-agent/opa@$OPA_VERSION") >>"$LOGS/install.log" 2>&1
    installed+=("opa $OPA_VERSION")
  fi
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    local zip=$PDX_HOME/download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip
    if [ ! -f "$zip" ]; then
      (cd /tmp && mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$PDX_HOME/download") >>"$LOGS/install.log" 2>&1
    fi
    rm -rf "$KC_HOME.tmp" && mkdir -p "$KC_HOME.tmp"
    unzip -q "$zip" -d "$KC_HOME.tmp" >>"$LOGS/install.log" 2>&1
    mv "$KC_HOME.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME" && rm -rf "$KC_HOME.tmp"
    installed+=("keycloak $KEYCLOAK_VERSION")
  fi
  keycloak_java >/dev/null || fail "Keycloak $KEYCLOAK_VERSION needs Java 21 or newer; none found under /usr/lib/jvm"
  if [ ! -d "$ROOT/web-ui/node_modules" ] || [ "$ROOT/web-ui/package-lock.json" -nt "$ROOT/web-ui/node_modules/.package-lock.json" ]; then
    (cd "$ROOT/web-ui" && npm ci --no-audit --no-fund) >>"$LOGS/install.log" 2>&1
    installed+=("web-ui npm packages")
  fi
  if python_tools; then installed+=("python tools"); fi
  ok "${installed[*]:-everything already installed}"
}

# Python tools of the tests (tools/python-requirements.txt) in a venv of their own: $PDX_VENV.
# Reinstalled when the requirements change; returns 0 when it installed something.
python_tools() {
  local stamp="$PDX_VENV/.requirements"
  if [ -x "$PDX_VENV/bin/python" ] && cmp -s "$ROOT/tools/python-requirements.txt" "$stamp"; then return 1; fi
  command -v python3 >/dev/null || apt_install python3 python3-venv
  python3 -m venv "$PDX_VENV" >>"$LOGS/install.log" 2>&1 || { apt_install python3-venv && python3 -m venv "$PDX_VENV" >>"$LOGS/install.log" 2>&1; } \
    || fail "could not make a Python venv at $PDX_VENV"
  "$PDX_VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/tools/python-requirements.txt" >>"$LOGS/install.log" 2>&1 \
    || fail "pip could not install tools/python-requirements.txt (see $LOGS/install.log)"
  cp "$ROOT/tools/python-requirements.txt" "$stamp"
  return 0
}

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
keycloak_java() { # prints a JAVA_HOME with Java >= 21
  local candidate
  for candidate in ${JAVA_HOME:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}
