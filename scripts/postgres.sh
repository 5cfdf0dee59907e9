# PostgreSQL helpers shared by ./shop and bench/bench.sh (sourced, not run). The caller defines ROOT, log, die,
# DB_USER and DB_PASSWORD.

find_pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        [[ -x "$PG_BIN/initdb" ]] || die "PG_BIN=$PG_BIN has no initdb"
        echo "$PG_BIN"; return
    fi
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin /usr/pgsql-*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return
    fi
    die "no PostgreSQL server binaries (initdb, pg_ctl) found.
  Install them, e.g. on Debian/Ubuntu:  apt-get install -y postgresql        (PostgreSQL 15 or newer)
                     on Fedora/RHEL:     dnf install -y postgresql-server
                     on macOS:           brew install postgresql@15
  or point PG_BIN at their folder, or set MINKSHOP_DB_URL to an existing database."
}

# As root, PostgreSQL refuses to run, so the cluster runs as the 'postgres' OS user.
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (apt-get install -y postgresql creates it)"
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Ports are picked below the kernel's ephemeral range: a port there that is free now can become the local end of any
# outgoing connection (a pool's connection to PostgreSQL, say) before the service that was given it binds it.
# Arguments: ports already promised to something not started yet, never picked.
free_port() {
    local port ephemeral_low=32768 ephemeral_high=60999 from=10000 to
    read -r ephemeral_low ephemeral_high < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
    to=$ephemeral_low
    # an unusual range leaving less than that below it: above it, else anywhere (free now is all that can be checked)
    if (( to - from < 2000 )); then from=$(( ephemeral_high + 1 )); to=65536; fi
    if (( to - from < 2000 )); then from=20000; to=50000; fi
    for _ in $(seq 1 200); do
        port=$(( from + (RANDOM * 32768 + RANDOM) % (to - from) ))
        [[ " $* " != *" $port "* ]] || continue
        if ! port_in_use "$port"; then echo "$port"; return; fi
    done
    die "no free TCP port found"
}

# Picks a data folder the server user can reach: .shop/ normally, a temp folder when a parent folder is closed to it.
cluster_dir() {
    local wanted="$1"
    mkdir -p "$(dirname "$wanted")"
    if [[ $EUID -eq 0 ]] && ! as_pg test -x "$(dirname "$wanted")" 2>/dev/null; then
        local tmp
        tmp="$(mktemp -d /tmp/minkshop-pg.XXXXXX)"
        chmod 755 "$tmp"
        ln -sfn "$tmp" "$wanted.link"
        echo "$tmp/data"
    else
        echo "$wanted"
    fi
}

# start_cluster DATA_DIR PORT [SERVER_OPTIONS]: initialises (if needed) and starts a cluster listening on 127.0.0.1
# only; SERVER_OPTIONS (e.g. "-c shared_buffers=512MB") come last, so they override the defaults here.
start_cluster() {
    local data="$1" port="$2" extra="${3:-}" bin
    bin="$(find_pg_bin)"
    if [[ ! -f "$data/PG_VERSION" ]]; then
        mkdir -p "$data"
        [[ $EUID -eq 0 ]] && chown postgres: "$data" && chown postgres: "$(dirname "$data")" 2>/dev/null || true
        chmod 700 "$data"
        log "initialising PostgreSQL cluster in $data"
        as_pg "$bin/initdb" -D "$data" -U "$DB_USER" --auth=trust -E UTF8 --no-locale >/dev/null
    fi
    log "starting PostgreSQL on 127.0.0.1:$port"
    as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB -c idle_in_transaction_session_timeout=30s $extra" \
        start >/dev/null || { cat "$data/server.log" >&2 || true; die "PostgreSQL did not start"; }
}

stop_cluster() {
    local data="$1" bin
    bin="$(find_pg_bin)"
    if [[ -f "$data/postmaster.pid" ]]; then
        as_pg "$bin/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null 2>&1 || true
    fi
}

psql_at() {
    local port="$1" db="$2"; shift 2
    local bin
    bin="$(find_pg_bin)"
    "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$db" "$@"
}

create_database() {
    local port="$1" name="$2"
    if ! psql_at "$port" postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
        psql_at "$port" postgres -c "CREATE DATABASE \"$name\" OWNER \"$DB_USER\""
        log "created database $name"
    fi
}

export_db_env() {
    local port="$1" db="$2"
    export MINKSHOP_DB_URL="jdbc:postgresql://127.0.0.1:$port/$db"
    export MINKSHOP_DB_USERNAME="$DB_USER"
    export MINKSHOP_DB_PASSWORD="$DB_PASSWORD"
}

project_version() { sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1; }
