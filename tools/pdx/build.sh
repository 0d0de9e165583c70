# shellcheck shell=bash
# Part of ./pdx (sourced, not run): builds web-ui and the Maven modules when their sources changed.

# ---------------------------------------------------------------- build
sources_newer_than() { # marker-file
  [ ! -f "$1" ] && return 0
  [ -n "$(find "$ROOT" -path "$ROOT/.pdx" -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune \
    -o -path "$ROOT/web-ui/dist" -prune -o -path "$ROOT/.git" -prune \
    -o -type f \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.ts' -o -name '*.tsx' \
    -o -name '*.html' -o -name '*.css' -o -name 'package*.json' \) -newer "$1" -print -quit)" ]
}

build() {
  local marker=$STATE/build.done
  step "Building web-ui and the Maven modules" "$LOGS/build.log"
  if ! sources_newer_than "$marker" && [ -f "$ROOT/marketplace-api/target/quarkus-app/quarkus-run.jar" ] \
    && [ -f "$ROOT/sandbox-runner/target/quarkus-app/quarkus-run.jar" ]; then
    ok "up to date"
    return
  fi
  : >"$LOGS/build.log"
  (cd "$ROOT/web-ui" && npm run build) >>"$LOGS/build.log" 2>&1
  (cd "$ROOT" && mvn -B -DskipTests install) >>"$LOGS/build.log" 2>&1
  touch "$marker"
  ok
}
