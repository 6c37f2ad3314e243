#!/usr/bin/env bash
# How long the demo day's brochure takes to render, after warm-up: the brochure cache is turned
# off (cache TTL 0 s) so that every request renders it again. Prints a Markdown table of the
# server-side rendering time (template + PDF, from the application's own log) and of the whole
# request as curl sees it (page model from the database included), and what a cached fetch costs.
#
#   ./mvnw -q -DskipTests package && bash bench/brochure.sh [warm-up requests] [measured requests]
#
# Traffic goes to 127.0.0.1 only; requests are sequential and bounded in number.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${1:-30}
RUNS=${2:-50}
PORT=${BENCH_PORT:-8182}
JAR=app/target/rencontres-app-0.1.0-SNAPSHOT.jar
URL="http://127.0.0.1:$PORT/journees/Z20IN001/plaquette.pdf"
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }

WORK=$(mktemp -d)
APP=
trap '[ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; rm -rf "$WORK"' EXIT

start() { # cache TTL
  java $(grep -v '^#' deploy/jvm.options) -jar "$JAR" --server.port="$PORT" --rencontres.embedded-database.ephemeral=true \
    --rencontres.public-pages.cache-ttl="$1" --logging.level.root=WARN \
    --logging.level.org.rencontres.event.Brochures=DEBUG > "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/journees/Z20IN001"; do
    kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.2
  done
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=; }
fetch() { # n -> one total time in ms per line
  for _ in $(seq "$1"); do
    curl -fs -o "$WORK/plaquette.pdf" -w '%{time_total}\n' "$URL" | awk '{ printf "%.1f\n", $1 * 1000 }'
  done
}
stats() { # stdin: numbers -> "min p50 p90 max"
  sort -n | awk '{ v[NR] = $1 } END { printf "%.0f %.0f %.0f %.0f\n", v[1], v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[NR] }'
}

start 0s
fetch "$WARMUP" > /dev/null
lines_before=$(wc -l < "$WORK/app.log")
read -r c_min c_p50 c_p90 c_max <<< "$(fetch "$RUNS" | stats)"
read -r r_min r_p50 r_p90 r_max <<< "$(tail -n +"$((lines_before + 1))" "$WORK/app.log" \
  | sed -n 's/.*Brochure Z20IN001 (fr) rendered in \([0-9]*\) ms.*/\1/p' | stats)"
bytes=$(wc -c < "$WORK/plaquette.pdf")
stop

start 30s
fetch 5 > /dev/null
read -r k_min k_p50 k_p90 k_max <<< "$(fetch "$RUNS" | stats)"
stop

echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2);"
echo "$WARMUP warm-up requests, then $RUNS sequential requests; brochure of $bytes bytes."
echo
echo "| what | min (ms) | p50 (ms) | p90 (ms) | max (ms) |"
echo "|---|---:|---:|---:|---:|"
echo "| rendering on the server (template + PDF), cache off | $r_min | $r_p50 | $r_p90 | $r_max |"
echo "| whole request (curl), cache off | $c_min | $c_p50 | $c_p90 | $c_max |"
echo "| whole request (curl), brochure cached | $k_min | $k_p50 | $k_p90 | $k_max |"
