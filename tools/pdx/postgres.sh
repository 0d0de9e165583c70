# shellcheck shell=bash
# Part of ./pdx (sourced, not run): PostgreSQL (a cluster of its own, pdx, on 127.0.0.1:5432).

# ---------------------------------------------------------------- PostgreSQL
pg_version() { basename "$(dirname "$(pg_bin)")"; }
start_postgres() {
  step "Starting PostgreSQL on 127.0.0.1:$PG_PORT" "$LOGS/postgres.log"
  local version
  version=$(pg_version)
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version $PG_CLUSTER"; then
    pg_createcluster "$version" "$PG_CLUSTER" --port "$PG_PORT" >>"$LOGS/postgres.log" 2>&1
    note "created cluster $version/$PG_CLUSTER"
  fi
  # Loopback only: a conf.d file read after postgresql.conf (Debian's include_dir).
  printf "listen_addresses = '127.0.0.1'\n" >"/etc/postgresql/$version/$PG_CLUSTER/conf.d/pdx.conf"
  local status
  status=$(pg_lsclusters -h | awk -v v="$version" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}')
  if [ "$status" != "online" ]; then
    if pg_lsclusters -h | awk -v p="$PG_PORT" '$3==p && $4=="online"' | grep -q .; then
      fail "another PostgreSQL cluster is online on port $PG_PORT: $(pg_lsclusters -h | awk -v p="$PG_PORT" '$3==p && $4=="online" {print $1"/"$2}')"
    fi
    pg_ctlcluster "$version" "$PG_CLUSTER" start >>"$LOGS/postgres.log" 2>&1
    echo "$version $PG_CLUSTER" >"$RUN/postgres.started"
  fi
  local i
  for ((i = 0; i < 30; i++)); do
    runuser -u postgres -- psql -p "$PG_PORT" -h /var/run/postgresql -qAtc 'select 1' >/dev/null 2>&1 && break
    sleep 1
  done
  psql_admin() { runuser -u postgres -- psql -p "$PG_PORT" -h /var/run/postgresql -v ON_ERROR_STOP=1 -qAt "$@"; }
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname='$DB_USER'")" != 1 ]; then
    psql_admin -c "create role $DB_USER login password '$DB_PASSWORD'" >>"$LOGS/postgres.log" 2>&1
  fi
  local db
  for db in pdx pdx_test; do
    if [ "$(psql_admin -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
      psql_admin -c "create database $db owner $DB_USER encoding 'UTF8' template template0" >>"$LOGS/postgres.log" 2>&1
    fi
  done
  ok "cluster $version/$PG_CLUSTER, databases pdx and pdx_test"
}
