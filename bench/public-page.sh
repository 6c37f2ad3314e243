#!/usr/bin/env bash
# Public day page under load, against the same HTML served as a static file by the same server.
# Prints a Markdown table: requests/s, p50 and p99 latency for both, their ratio, the time from
# launch to the first served page, and the resident memory after the load.
#
#   ./mvnw -q -DskipTests package && bash bench/public-page.sh [seconds-per-run] [connections]
#
# Needs wrk (apt-get install wrk). Traffic goes to 127.0.0.1 only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-16}
PORT=${BENCH_PORT:-8181}
JAR=app/target/rencontres-app-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
WORK=$(mktemp -d)
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/static"

start=$(date +%s%N)
java $(grep -v '^#' deploy/jvm.options) -jar "$JAR" --server.port="$PORT" --rencontres.embedded-database.ephemeral=true \
  --spring.web.resources.static-locations="classpath:/static/,file:$WORK/static/" \
  --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/journees/Z20IN001"; do
  kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
first_page_ms=$(( ($(date +%s%N) - start) / 1000000 ))

# The very same HTML, as a static file served by the same server.
curl -fs "http://127.0.0.1:$PORT/journees/Z20IN001" > "$WORK/static/day.html"
bytes=$(wc -c < "$WORK/static/day.html")

run() { # url -> "rps p50_ms p99_ms"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) }
    $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# Warm both paths up (JIT, template cache), then measure them alternately, twice each.
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT/journees/Z20IN001" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT/day.html" > /dev/null
# ?lang=fr skips the shared rendering: Thymeleaf renders the page at every request (model cached).
wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$PORT/journees/Z20IN001?lang=fr" > /dev/null
declare -a dyn stat each
for i in 1 2; do
  dyn+=("$(run "http://127.0.0.1:$PORT/journees/Z20IN001")")
  stat+=("$(run "http://127.0.0.1:$PORT/day.html")")
  each+=("$(run "http://127.0.0.1:$PORT/journees/Z20IN001?lang=fr")")
done
rss_kb=$(ps -o rss= -p "$APP" | tr -d ' ')

best() { printf '%s\n' "$@" | sort -k1,1nr | head -1; }
read -r d_rps d_p50 d_p99 <<< "$(best "${dyn[@]}")"
read -r s_rps s_p50 s_p99 <<< "$(best "${stat[@]}")"
read -r e_rps e_p50 e_p99 <<< "$(best "${each[@]}")"

echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2),"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, best of two alternating runs each, page of $bytes bytes, load average before: $LOAD_BEFORE."
echo
echo "| what | requests/s | p50 (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|"
echo "| /journees/Z20IN001 as visitors get it (rendered once, kept 30 s) | $d_rps | $d_p50 | $d_p99 |"
echo "| same HTML as a static file, same server | $s_rps | $s_p50 | $s_p99 |"
echo "| ratio page / static | $(awk -v a="$d_rps" -v b="$s_rps" 'BEGIN { printf "%.2f", a / b }') | | |"
echo "| /journees/Z20IN001?lang=fr (Thymeleaf at every request, model kept 30 s) | $e_rps | $e_p50 | $e_p99 |"
echo "| ratio rendered at every request / static | $(awk -v a="$e_rps" -v b="$s_rps" 'BEGIN { printf "%.2f", a / b }') | | |"
echo
echo "- all runs (rps p50 p99): page ${dyn[*]}; static ${stat[*]}; rendered at every request ${each[*]}"
echo "- launch to first served page: ${first_page_ms} ms (embedded PostgreSQL start and migrations included)"
echo "- resident memory after the load: $(( rss_kb / 1024 )) MiB"
