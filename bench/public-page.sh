#!/usr/bin/env bash
# Public day page under load, against nginx serving the very same bytes, in one run.
# Prints a Markdown table: requests/s, p50 and p99 latency for both, their ratio, the page rendered at
# every request for comparison, the time from launch to the first served page, and the resident memory.
#
#   ./mvnw -q -DskipTests package && bash bench/public-page.sh [seconds-per-run] [connections]
#
# Needs wrk and nginx (apt-get install wrk nginx). nginx runs as a child (not a daemon) with a configuration
# written to a temporary directory. Traffic goes to 127.0.0.1 only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-100}
PORT=${BENCH_PORT:-8210}
NGINX_PORT=${BENCH_NGINX_PORT:-8290}
NGINX=${NGINX:-/usr/sbin/nginx}
JAR=${BENCH_JAR:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
PAGE=/journees/Z20IN001
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -x "$NGINX" ] || { echo "nginx is missing: apt-get install nginx" >&2; exit 2; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
APP=""; WEB=""
stop() {
  for p in $WEB $APP; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop EXIT

start=$(date +%s%N)
java $(grep -v '^#' deploy/jvm.options) -jar "$JAR" --server.port="$PORT" --rencontres.embedded-database.ephemeral=true \
  --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT$PAGE"; do
  kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
first_page_ms=$(( ($(date +%s%N) - start) / 1000000 ))

# The very same bytes, served by nginx from a file at the same path, with the same content type.
mkdir -p "$WORK/www/journees" "$WORK/tmp"
curl -fs -D "$WORK/headers" "http://127.0.0.1:$PORT$PAGE" > "$WORK/www$PAGE"
bytes=$(wc -c < "$WORK/www$PAGE")
cache_control=$(grep -i '^cache-control:' "$WORK/headers" | cut -d' ' -f2- | tr -d '\r')
cat > "$WORK/nginx.conf" <<EOF
user root;
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/tmp/body;
  proxy_temp_path $WORK/tmp/proxy;
  fastcgi_temp_path $WORK/tmp/fastcgi;
  uwsgi_temp_path $WORK/tmp/uwsgi;
  scgi_temp_path $WORK/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { default_type "text/html; charset=UTF-8"; }
  }
}
EOF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
WEB=$!
until curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT$PAGE"; do
  kill -0 "$WEB" 2>/dev/null || { cat "$WORK/nginx-error.log" >&2; exit 1; }
  sleep 0.1
done
cmp -s "$WORK/www$PAGE" <(curl -fs "http://127.0.0.1:$NGINX_PORT$PAGE") || { echo "nginx does not serve the same bytes" >&2; exit 1; }

run() { # url -> "rps p50_ms p99_ms"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) }
    $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

APP_URL="http://127.0.0.1:$PORT$PAGE"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PAGE"
# ?lang=fr sets the language cookie: that answer is private, rendered by Thymeleaf at every request (model kept 30 s).
EACH_URL="$APP_URL?lang=fr"
# Warm every path up (JIT, template cache), then measure them alternately, twice each.
for url in "$APP_URL" "$NGINX_URL" "$EACH_URL"; do wrk -t2 -c"$CONNECTIONS" -d5s "$url" > /dev/null; done
declare -a app web each
for i in 1 2; do
  app+=("$(run "$APP_URL")")
  web+=("$(run "$NGINX_URL")")
  each+=("$(run "$EACH_URL")")
done
rss_kb=$(ps -o rss= -p "$APP" | tr -d ' ')

best() { printf '%s\n' "$@" | sort -k1,1nr | head -1; }
read -r a_rps a_p50 a_p99 <<< "$(best "${app[@]}")"
read -r w_rps w_p50 w_p99 <<< "$(best "${web[@]}")"
read -r e_rps e_p50 e_p99 <<< "$(best "${each[@]}")"

echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $("$NGINX" -v 2>&1 | cut -d' ' -f3),"
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, best of two alternating runs each, page of $bytes bytes (Cache-Control: $cache_control),"
echo "load average before (1, 5, 15 min): $LOAD_BEFORE."
echo
echo "| what | requests/s | p50 (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|"
echo "| $PAGE as visitors get it (kept in memory, served before the session and security filters) | $a_rps | $a_p50 | $a_p99 |"
echo "| the same bytes served by nginx | $w_rps | $w_p50 | $w_p99 |"
echo "| ratio page / nginx | $(awk -v a="$a_rps" -v b="$w_rps" 'BEGIN { printf "%.2f", a / b }') | | |"
echo "| $PAGE?lang=fr (private: Thymeleaf at every request, model kept 30 s) | $e_rps | $e_p50 | $e_p99 |"
echo "| ratio rendered at every request / nginx | $(awk -v a="$e_rps" -v b="$w_rps" 'BEGIN { printf "%.2f", a / b }') | | |"
echo
echo "- all runs (rps p50 p99): page ${app[*]}; nginx ${web[*]}; rendered at every request ${each[*]}"
echo "- launch to first served page: ${first_page_ms} ms (embedded PostgreSQL start and migrations included)"
echo "- resident memory after the load: $(( rss_kb / 1024 )) MiB"
