#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 for tests (see ../shared/STACK.md) and print its URL.
# Idempotent: when it is already running, it does nothing but print the URL.
#   JIXIAO_TEST_PG_URL=$(scripts/pg-test.sh) npx vitest run test/store
# Stop it: su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgt/data -m fast -w stop"
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
ROOT=/tmp/pgt
DATA=$ROOT/data
PORT=54329
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

# Run a command as the postgres user (initdb refuses root); directly when we already are that user.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    bash -c "$1"
  else
    su postgres -c "$1"
  fi
}

if [ ! -x "$PGBIN/initdb" ]; then
  echo "pg-test.sh: PostgreSQL 15 not found in $PGBIN (apt-get install -y postgresql)" >&2
  exit 1
fi

mkdir -p "$ROOT"
if [ "$(id -u)" = 0 ]; then chown postgres "$ROOT"; fi

if [ -f "$DATA/PG_VERSION" ] && as_postgres "$PGBIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
  echo "$URL"
  exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  as_postgres "$PGBIN/initdb -D $DATA -A trust -E UTF8 --locale=C.UTF-8 -U postgres" >"$ROOT/initdb.log" 2>&1 || {
    cat "$ROOT/initdb.log" >&2
    exit 1
  }
fi

as_postgres "$PGBIN/pg_ctl -D $DATA -l $ROOT/pg.log -o '-p $PORT -k $ROOT -c listen_addresses=127.0.0.1' -w start" >/dev/null || {
  tail -n 20 "$ROOT/pg.log" >&2
  exit 1
}
echo "$URL"
