# shellcheck shell=bash
# Part of ./pdx (sourced, not run): Keycloak on 127.0.0.1:8180 with the realm export imported.

# ---------------------------------------------------------------- Keycloak
start_keycloak() {
  step "Starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:8180 (realm pdx)" "$LOGS/keycloak.log"
  # JBoss Threads resets thread locals through java.lang internals, closed on Java 24+ unless opened
  local java_opts="--add-opens=java.base/java.lang=ALL-UNNAMED"
  # Keycloak 26's brute-force protector refuses, as user_temporarily_disabled, every login of a user while another of
  # the same user is in progress on the server (DefaultBlockingBruteForceProtector), right password or not: parallel
  # logins of one user (a service's workers, a test's threads) fail. Failures still count and lock as the realm says
  # (failureFactor 30, temporary lockout, no permanent one).
  local spi_opts="--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true"
  local realm_sum
  realm_sum=$( (cat "$ROOT/keycloak/pdx-realm.json"; echo "$java_opts $spi_opts") | sha256sum | cut -d' ' -f1)
  if pid_alive "$RUN/keycloak.pid" && [ "$(cat "$RUN/keycloak.realm" 2>/dev/null)" = "$realm_sum" ] \
    && http_ok "$KC_URL/realms/pdx/.well-known/openid-configuration"; then
    ok "already running, same realm"
    return
  fi
  stop_pid Keycloak "$RUN/keycloak.pid"
  # Development data lives with this checkout; the realm is imported fresh from the repository.
  rm -rf "$STATE/keycloak" "$KC_HOME/data/import" && mkdir -p "$STATE/keycloak" "$KC_HOME/data/import"
  cp "$ROOT/keycloak/pdx-realm.json" "$KC_HOME/data/import/pdx-realm.json"
  local java_home
  java_home=$(keycloak_java)
  JAVA_HOME=$java_home JAVA_OPTS_KC_HEAP="-Xms128m -Xmx768m" JAVA_OPTS_APPEND="$java_opts" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=pdx-admin \
    start_bg "$RUN/keycloak.pid" "$LOGS/keycloak.log" "$KC_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port=8180 --http-management-port=9180 --health-enabled=true \
    --hostname-strict=false --import-realm "$spi_opts" \
    --db=dev-file --db-url="jdbc:h2:file:$STATE/keycloak/h2/keycloakdb;NON_KEYWORDS=VALUE"
  echo "$realm_sum" >"$RUN/keycloak.realm"
  wait_http "$KC_URL/realms/pdx/.well-known/openid-configuration" 240 "$RUN/keycloak.pid" \
    || fail "Keycloak did not serve realm pdx"
  ok "pid $(cat "$RUN/keycloak.pid")"
}
