#!/usr/bin/env bash
# MinkShop benchmark driver, run by `./shop bench [--quick] [--default-axon] [--skip-build] [-- ShopBench options]`.
#
# Starts a throw-away PostgreSQL cluster (fsync and synchronous_commit on) in a temporary folder, builds the jars,
# starts both services on free ports with fixed 512 MB heaps and runs bench/ShopBench.java, which measures the B0-B5
# workloads against same-run baselines, prints the table, saves JSON under .shop/bench/ and exits non-zero when a
# target is missed. Everything started here is stopped and removed however the run ends.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR="$ROOT/.shop/bench"
LOG_DIR="$ROOT/.shop/logs"
DB_USER="minkshop"
DB_NAME="minkshop_bench"
DB_PASSWORD="minkshop"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'EOF'
Usage: ./shop bench [--quick] [--default-axon] [--skip-build] [--build-dir NAME] [-- OPTIONS]

  --quick         short phases and 200,000 events for the replay (whole run under 5 minutes)
                  (default: full run, 15 s phases, 1,000,000 events for the replay)
  --default-axon  run the services with Axon's defaults instead of MinkShop's tuning (1 s polling, batch size 1,
                  no snapshots, no aggregate cache, Hikari's default pool of 10, JPA storage engine, Tomcat's 200
                  request threads),
                  for comparison
  --skip-build    use the jars already built (in */target/, or */NAME/ with --build-dir NAME)
  -- OPTIONS      passed to bench/ShopBench.java (see its header), e.g. -- --phase-seconds 8

Diagnosis: BENCH_CMD_OPTS and BENCH_QRY_OPTS add JVM options to the command- and query-service (e.g. a JFR
recording or -XX:+HeapDumpOnOutOfMemoryError), BENCH_PG_OPTS server
options to PostgreSQL (e.g. -c shared_preload_libraries=pg_stat_statements).

Results: a table on stdout, JSON in .shop/bench/, service and PostgreSQL logs in .shop/logs/bench-*.log.
Exit status 0 = every target met, 1 = a target missed, 2 = the harness itself failed.
EOF
}

QUICK=0 DEFAULT_AXON=0 SKIP_BUILD="${SHOP_SKIP_BUILD:-0}" BUILD_DIR="${SHOP_BUILD_DIR_NAME:-target}"
EXTRA=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --default-axon) DEFAULT_AXON=1 ;;
        --skip-build) SKIP_BUILD=1 ;;
        --build-dir) shift; BUILD_DIR="${1:?--build-dir needs a name}" ;;
        -h|--help) usage; exit 0 ;;
        --) shift; EXTRA=("$@"); break ;;
        *) usage; exit 2 ;;
    esac
    shift
done

# ---------------------------------------------------------------- tools

# shellcheck source=../scripts/postgres.sh
source "$ROOT/scripts/postgres.sh"

wait_for_http() {
    local url="$1" name="$2" pid="$3"
    for _ in $(seq 1 180); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
        kill -0 "$pid" 2>/dev/null || die "$name exited during start-up (see $LOG_DIR/bench-$name.log)"
        sleep 1
    done
    die "$name did not become healthy at $url (see $LOG_DIR/bench-$name.log)"
}

command -v java >/dev/null 2>&1 || die "Java 17 or newer is required"
command -v curl >/dev/null 2>&1 || die "curl is required (apt-get install -y curl)"
PG_BIN_DIR="$(find_pg_bin)"
[[ -x "$PG_BIN_DIR/pgbench" ]] || die "pgbench not found in $PG_BIN_DIR (apt-get install -y postgresql-contrib)"

# wrk drives B0's HTTP ceiling, B1 and B2 (perf-reliability.md A.7): it needs a fraction of the CPU a JDK client does
# on the two cores it shares with the services and PostgreSQL. Installed when missing and possible; otherwise the
# JDK client in ShopBench.java takes over (and the figures are lower).
WRK="$(command -v wrk || true)"
if [[ -z "$WRK" && $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing wrk (apt-get)"
    { apt-get install -y -q wrk || { apt-get update -q && apt-get install -y -q wrk; }; } >/dev/null 2>&1 || true
    WRK="$(command -v wrk || true)"
fi
[[ -n "$WRK" ]] || log "wrk not found (apt-get install -y wrk): the JDK client drives B1/B2 instead"

# the harness's own arithmetic first: a wrong median or percentile would make every figure wrong
java "$ROOT/bench/ShopBench.java" --self-test >/dev/null || die "ShopBench self-test failed"

# ---------------------------------------------------------------- cleanup

PIDS=()
WORK=""
PG_DATA=""
cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    # a JVM whose heap is full may never finish its shutdown hooks: give the graceful stop 30 s, then SIGKILL
    for _ in $(seq 1 30); do
        local alive=0
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [[ "$alive" == 0 ]] && break
        sleep 1
    done
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    [[ -n "$PG_DATA" ]] && stop_cluster "$PG_DATA"
    [[ -n "$PG_DATA" && -f "$PG_DATA/server.log" ]] && cp "$PG_DATA/server.log" "$LOG_DIR/bench-postgres.log"
    [[ -n "$WORK" ]] && rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$OUT_DIR" "$LOG_DIR"

# ---------------------------------------------------------------- build

if [[ "$SKIP_BUILD" != 1 ]]; then
    log "building the services (into */$BUILD_DIR/)"
    (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -Dbuild.dir.name="$BUILD_DIR" 2>/dev/null \
        || ./mvnw -B -q package -DskipTests -Dbuild.dir.name="$BUILD_DIR") || die "build failed"
fi
VERSION="$(project_version)"
CJAR="$ROOT/command-service/$BUILD_DIR/command-service-$VERSION.jar"
QJAR="$ROOT/query-service/$BUILD_DIR/query-service-$VERSION.jar"
[[ -f "$CJAR" && -f "$QJAR" ]] || die "jars not found in */$BUILD_DIR/ (build them or drop --skip-build)"

# ---------------------------------------------------------------- a fresh PostgreSQL

WORK="$(mktemp -d /tmp/minkshop-bench.XXXXXX)"
chmod 755 "$WORK"
PG_DATA="$WORK/data"
PG_PORT="$(free_port)"
# Durability stays on (fsync, synchronous_commit, full_page_writes are the defaults); the sizes are those of the
# reference measurements (perf-reliability.md A.0).
start_cluster "$PG_DATA" "$PG_PORT" "${BENCH_PG_OPTS:-} -c shared_buffers=512MB -c max_wal_size=4GB -c fsync=on -c synchronous_commit=on"
create_database "$PG_PORT" "$DB_NAME"
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
log "PostgreSQL $("$PG_BIN_DIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fresh cluster in $WORK)"

# ---------------------------------------------------------------- services

CPORT="$(free_port)"
QPORT="$(free_port)"
while [[ "$QPORT" == "$CPORT" ]]; do QPORT="$(free_port)"; done

CMD_PROPS=() QRY_PROPS=()
CONFIG="tuned"
if [[ "$DEFAULT_AXON" == 1 ]]; then
    CONFIG="default-axon"
    # Axon's and Spring Boot's defaults in place of MinkShop's tuning (docs/benchmarks.md lists each one)
    CMD_PROPS+=(--minkshop.snapshots.threshold=2147483647 --minkshop.aggregate-cache.enabled=false
                --spring.datasource.hikari.maximum-pool-size=10
                --minkshop.event-store.engine=jpa --server.tomcat.threads.max=200)
    QRY_PROPS+=(--minkshop.query.event-store.fetch-delay=1s --spring.datasource.hikari.maximum-pool-size=10
                --minkshop.query.event-store.cached-events=10000)
    for p in product-view cart-view order-view dashboard; do
        QRY_PROPS+=(--axon.eventhandling.processors.$p.batch-size=1)
    done
fi

export MINKSHOP_DB_URL="$DB_URL" MINKSHOP_DB_USERNAME="$DB_USER" MINKSHOP_DB_PASSWORD="minkshop"
java -Xms512m -Xmx512m ${BENCH_CMD_OPTS:-} -jar "$CJAR" --server.port="$CPORT" "${CMD_PROPS[@]}" \
    > "$LOG_DIR/bench-command-service.log" 2>&1 &
PIDS+=("$!")
wait_for_http "http://127.0.0.1:$CPORT/actuator/health" command-service "${PIDS[0]}"
java -Xms512m -Xmx512m ${BENCH_QRY_OPTS:-} -jar "$QJAR" --server.port="$QPORT" "${QRY_PROPS[@]}" \
    > "$LOG_DIR/bench-query-service.log" 2>&1 &
PIDS+=("$!")
wait_for_http "http://127.0.0.1:$QPORT/actuator/health" query-service "${PIDS[1]}"
log "command-service :$CPORT (pid ${PIDS[0]}), query-service :$QPORT (pid ${PIDS[1]}), configuration $CONFIG"

MODE=full
[[ "$QUICK" == 1 ]] && MODE=quick
set +e
java -Xmx256m "$ROOT/bench/ShopBench.java" --mode "$MODE" --config "$CONFIG" \
    --command "http://127.0.0.1:$CPORT" --query "http://127.0.0.1:$QPORT" \
    --pg-bin "$PG_BIN_DIR" --pg-port "$PG_PORT" --db "$DB_NAME" --db-user "$DB_USER" \
    --migration "$ROOT/command-service/src/main/resources/db/migration/V1__event_store.sql" \
    --out "$OUT_DIR" --wrk "$WRK" --wrk-scripts "$ROOT/bench/wrk" --service-pids "${PIDS[0]},${PIDS[1]}" "${EXTRA[@]}"
RC=$?
set -e
exit "$RC"
