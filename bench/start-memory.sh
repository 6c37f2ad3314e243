#!/usr/bin/env bash
# Start time and resident memory of the packaged jar under several JVM configurations, side by side in
# one run. For each: a first start on an empty data directory, a second start on the same directory
# (the embedded PostgreSQL's data kept), the time from `java` to the first answer of the public day
# page (curl every 50 ms), the resident memory (VmRSS of the JVM, from /proc; the PostgreSQL server's
# processes are not counted) once idle after each start, and after a load: wrk on the public page,
# then a burst of registrations through the public form. Prints a Markdown table.
#
#   ./mvnw -q -DskipTests package && bash bench/start-memory.sh [runs] [registrations]
#
# (registrations 0: the starts and the idle memory only, without the load.) Configurations
# (BENCH_CONFIGS, in this order on odd runs, reversed on even ones; "options cds cds-c1" by default):
#   default  the JVM's defaults, packaged jar
#   options  deploy/jvm.options, packaged jar
#   cds      deploy/jvm.options, MALLOC_ARENA_MAX=2, the extracted jar with the class data sharing
#            archive of deploy/cds.sh (made for this jar first, unless BENCH_CDS names a directory made by it)
#   cds-c1   the same and -XX:TieredStopAtLevel=1 (C1 only: no C2 compilations during the start)
#
set -euo pipefail
cd "$(dirname "$0")/.."
# Needs java 17, psql, wrk and curl. Loopback only (ports BENCH_PORT, 8244 by default); every
# instance is stopped at the end, the data directories removed; bounded by BENCH_TIMEOUT (2400 s).
RUNS=${1:-2}
REGISTRATIONS=${2:-400}
PORT=${BENCH_PORT:-8244}
LIMIT=${BENCH_TIMEOUT:-2400}
read -r -a CONFIGS <<< "${BENCH_CONFIGS:-options cds cds-c1}"
IDLE_PAUSE=${BENCH_IDLE_PAUSE:-15}
JAR=${BENCH_JAR:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
for tool in java psql wrk curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
mapfile -t OPTIONS < <(grep -v '^#' deploy/jvm.options | grep -v '^[[:space:]]*$')

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
CDS=${BENCH_CDS:-}
if [[ " ${CONFIGS[*]} " == *" cds"* && -z "$CDS" ]]; then
  CDS="$WORK/cds"
  bash deploy/cds.sh "$JAR" "$CDS" > /dev/null
fi
APP=
stop_app() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi
}
cleanup() { stop_app; rm -rf "$WORK"; }
trap cleanup EXIT
( sleep "$LIMIT"; echo "bench/start-memory.sh: over ${LIMIT}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!
trap 'pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; cleanup' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
TICK=$(getconf CLK_TCK)
cpu_s() { sed 's/.*) //' "/proc/$1/stat" | awk -v t="$TICK" '{ printf "%.1f", ($12 + $13) / t }'; } # the JVM's user + system

# start NAME DATA_DIR: the JVM's pid in $APP, the seconds to the first page in $SECONDS_TO_PAGE and the
# JVM's CPU seconds until then in $CPU_TO_PAGE (less sensitive than the wall time to a busy machine)
start() {
  local name=$1 data=$2 t0 t1 extra=() jar=$JAR arenas=
  case "$name" in
    options*) extra=("${OPTIONS[@]}") ;;
    cds-c1*) extra=("${OPTIONS[@]}" -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$CDS/app.jsa"); jar="$CDS/$(basename "$JAR")"; arenas=2 ;;
    cds*) extra=("${OPTIONS[@]}" -XX:SharedArchiveFile="$CDS/app.jsa"); jar="$CDS/$(basename "$JAR")"; arenas=2 ;;
  esac
  t0=$(now_ms)
  ${arenas:+env MALLOC_ARENA_MAX=$arenas} java "${extra[@]}" -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
    --rencontres.data-dir="$data" --rencontres.registration.rate-limit=1000000 --rencontres.mail.enabled=false \
    --logging.level.root=WARN --logging.level.org.rencontres.database=INFO > "$WORK/$name.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 6000); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/journees/Z20IN001" && break
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(now_ms)
  CPU_TO_PAGE=$(cpu_s "$APP")
  SECONDS_TO_PAGE=$(awk -v ms=$(( t1 - t0 )) 'BEGIN { printf "%.1f", ms / 1000 }')
}

# load NAME -> wrk on the public page, then a registration burst on a day of its own
load() {
  local name=$1 pgport day
  wrk -t2 -c16 -d20s "http://127.0.0.1:$PORT/journees/Z20IN001" > "$WORK/$name.wrk"
  pgport=$(sed -n 's/.*Embedded PostgreSQL listening on port \([0-9]*\).*/\1/p' "$WORK/$name.log" | tail -1)
  day=$(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "
    WITH d AS (INSERT INTO event_day (session_code, title, first_date, last_date, status, organising_unit)
      VALUES ('ZMEMO 001', 'Banc d''essai de la mémoire', current_date + 60, current_date + 60, 'PUBLISHED',
              'INSET de Banc-sur-Essai') RETURNING id),
    s AS (INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
          SELECT id, current_date + 60, '09:00', '17:00' FROM d)
    SELECT id FROM d" | head -1)
  psql -X -q -At -h 127.0.0.1 -p "$pgport" -U postgres -d postgres \
    -c "INSERT INTO registration_capacity (event_day_id, seats, offer_hours) VALUES ($day, 50, 48)"
  java bench/RegistrationBurst.java forms "http://127.0.0.1:$PORT" ZMEMO001 "$REGISTRATIONS" 16 "$WORK/$name.visitors" > /dev/null
  java bench/RegistrationBurst.java post "http://127.0.0.1:$PORT" ZMEMO001 "$WORK/$name.visitors" 16 > "$WORK/$name.burst"
}

declare -A FIRST SECOND IDLE1 IDLE2 LOADED RATE REGS
for run in $(seq 1 "$RUNS"); do
  # Alternate the order, so that none always meets the same neighbours' load.
  order=("${CONFIGS[@]}")
  if [ $(( run % 2 )) -eq 0 ]; then order=(); for (( i=${#CONFIGS[@]}-1; i>=0; i-- )); do order+=("${CONFIGS[i]}"); done; fi
  for cfg in "${order[@]}"; do
    data="$WORK/data-$cfg-$run"
    start "$cfg-$run-first" "$data"; FIRST[$cfg,$run]="$SECONDS_TO_PAGE ($CPU_TO_PAGE)"
    sleep "$IDLE_PAUSE"; IDLE1[$cfg,$run]=$(rss_mib "$APP")
    stop_app
    start "$cfg-$run-second" "$data"; SECOND[$cfg,$run]="$SECONDS_TO_PAGE ($CPU_TO_PAGE)"
    sleep "$IDLE_PAUSE"; IDLE2[$cfg,$run]=$(rss_mib "$APP")
    if [ "$REGISTRATIONS" -gt 0 ]; then  # 0: starts and idle memory only, no load
      load "$cfg-$run"
      sleep 5; LOADED[$cfg,$run]=$(rss_mib "$APP")
      RATE[$cfg,$run]=$(sed -n 's/^Requests\/sec: *//p' "$WORK/$cfg-$run.wrk")
      REGS[$cfg,$run]=$(sed -n 's/^registrations_per_s=//p' "$WORK/$cfg-$run.burst")
    else
      LOADED[$cfg,$run]=-; RATE[$cfg,$run]=-; REGS[$cfg,$run]=-
    fi
    stop_app
  done
done

echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(java -version 2>&1 | head -1);"
echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg); JVM options of deploy/jvm.options: ${OPTIONS[*]}."
echo
echo "| JVM options | run | first start: first page, s (JVM CPU s) | RSS idle (MiB) | second start: first page, s (JVM CPU s) | RSS idle (MiB) | RSS after load (MiB) | wrk public page (req/s) | registrations/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$RUNS"); do
  for cfg in "${CONFIGS[@]}"; do
    case "$cfg" in
      default) label="JVM defaults" ;;
      options) label="deploy/jvm.options" ;;
      cds) label="deploy/jvm.options + CDS" ;;
      cds-c1) label="deploy/jvm.options + CDS + C1 only" ;;
    esac
    echo "| $label | $run | ${FIRST[$cfg,$run]} | ${IDLE1[$cfg,$run]} | ${SECOND[$cfg,$run]} | ${IDLE2[$cfg,$run]} | ${LOADED[$cfg,$run]} | ${RATE[$cfg,$run]} | ${REGS[$cfg,$run]} |"
  done
done
