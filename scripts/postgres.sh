#!/usr/bin/env bash
# A PostgreSQL server of QSwarm's own on 127.0.0.1, from Debian's `postgresql` package (installed when missing).
#
#   scripts/postgres.sh start  [--dir DIR] [--port PORT] [--db NAME]   initialise (first time) and start; prints the URL
#   scripts/postgres.sh stop   [--dir DIR]                              stop it (fast shutdown)
#   scripts/postgres.sh status [--dir DIR]                              running or not, and the URL
#   scripts/postgres.sh url    [--dir DIR]                              the JDBC URL only
#   scripts/postgres.sh psql   [--dir DIR] [-- psql args]               a psql session on the database
#
# Defaults: DIR ./data/postgres, PORT 5433, database qswarm, user postgres, trust authentication on 127.0.0.1 and a
# Unix socket in DIR (a local trial and the build's tests; not a production setup, see docs/scale-out.md).
#
# PostgreSQL refuses to run as root. Run as root (as CI and these machines do), the server runs as the `postgres` user
# created by the package; its data directory must be reachable by that user, so when DIR lies under a directory
# `postgres` cannot enter (e.g. /root), the cluster lives under /var/tmp/qswarm-postgres/ and DIR becomes a symlink to it.
set -euo pipefail

command="${1:-}"
[ $# -gt 0 ] && shift
dir="./data/postgres"
port="5433"
db="qswarm"
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --dir) dir="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        --db) db="$2"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        *) echo "postgres.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

die() { echo "postgres.sh: $*" >&2; exit 1; }

bin_dir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
    [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

install_postgres() {
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; install Debian's 'postgresql' package (sudo apt-get install postgresql)"
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available"
    echo "postgres.sh: installing Debian's postgresql package..." >&2
    # no cluster of the package's own on port 5432: QSwarm creates its clusters where and when it needs them
    mkdir -p /etc/postgresql-common
    grep -qs '^create_main_cluster *= *false' /etc/postgresql-common/createcluster.conf \
        || echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || true
    apt-get install -y -qq postgresql >&2 || die "could not install postgresql with apt-get"
}

as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The directory the server really uses: DIR itself, or (as root, when `postgres` cannot reach DIR) a directory under
# /var/tmp/qswarm-postgres with DIR as a symlink to it.
data_dir() {
    if [ -L "$dir" ]; then
        readlink -f "$dir"
        return
    fi
    echo "$(cd "$(dirname "$dir")" 2>/dev/null && pwd || echo "$(dirname "$dir")")/$(basename "$dir")"
}

prepare_dir() {
    mkdir -p "$(dirname "$dir")"
    if [ "$(id -u)" -ne 0 ]; then
        mkdir -p "$dir"
        return
    fi
    id postgres >/dev/null 2>&1 || die "the postgres user does not exist (is the postgresql package installed?)"
    if [ -L "$dir" ]; then
        mkdir -p "$(readlink -f "$dir")"
        chown postgres:postgres "$(readlink -f "$dir")"
        return
    fi
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
        local real parent
        parent="$(dirname "$(data_dir)")"
        real="/var/tmp/qswarm-postgres/$(echo -n "$(data_dir)" | sha256sum | cut -c1-16)"
        mkdir -p "$real"
        chown postgres:postgres "$real" /var/tmp/qswarm-postgres
        chmod 700 "$real"
        rmdir "$dir"
        ln -s "$real" "$dir"
        echo "postgres.sh: as root, the server's files live in $real (user postgres cannot enter $parent); $dir links there" >&2
    fi
}

url() {
    echo "jdbc:postgresql://127.0.0.1:$(cat "$(data_dir)/qswarm.port" 2>/dev/null || echo "$port")/$db"
}

running() {
    local bin real
    bin="$(bin_dir)" || return 1
    real="$(data_dir)"
    [ -f "$real/PG_VERSION" ] && as_server_user "$bin/pg_ctl" -D "$real" status >/dev/null 2>&1
}

start() {
    local bin real
    bin="$(bin_dir)" || { install_postgres; bin="$(bin_dir)" || die "initdb not found after installing postgresql"; }
    prepare_dir
    real="$(data_dir)"
    if running; then
        echo "postgres.sh: already running: $(url)" >&2
        url
        return
    fi
    if [ ! -f "$real/PG_VERSION" ]; then
        as_server_user "$bin/initdb" -D "$real" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null \
            || as_server_user "$bin/initdb" -D "$real" -U postgres -A trust -E UTF8 --locale=C >/dev/null
    fi
    echo "$port" > "$real/qswarm.port"
    as_server_user "$bin/pg_ctl" -D "$real" -l "$real/server.log" -w -t 60 \
        -o "-p $port -k $real -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" start >/dev/null \
        || { tail -20 "$real/server.log" >&2 || true; die "the server did not start (log: $real/server.log)"; }
    if ! as_server_user "$bin/psql" -h "$real" -p "$port" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
        as_server_user "$bin/psql" -h "$real" -p "$port" -U postgres -d postgres -qc "CREATE DATABASE \"$db\"" >/dev/null
    fi
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') serves $(url) (user postgres, data $real)" >&2
    url
}

stop() {
    local bin real
    bin="$(bin_dir)" || { echo "postgres.sh: PostgreSQL is not installed" >&2; return 0; }
    real="$(data_dir)"
    if running; then
        as_server_user "$bin/pg_ctl" -D "$real" -m fast -w -t 60 stop >/dev/null
        echo "postgres.sh: stopped ($real)" >&2
    else
        echo "postgres.sh: not running ($real)" >&2
    fi
}

case "$command" in
    start) start ;;
    stop) stop ;;
    status)
        if running; then echo "running: $(url) (data $(data_dir))"; else echo "not running (data $(data_dir))"; exit 3; fi ;;
    url) url ;;
    psql)
        running || die "not running"
        as_server_user "$(bin_dir)/psql" -h "$(data_dir)" -p "$(cat "$(data_dir)/qswarm.port")" -U postgres -d "$db" "${extra[@]}" ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
