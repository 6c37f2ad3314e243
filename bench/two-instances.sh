#!/usr/bin/env bash
# Two application instances behind nginx on one PostgreSQL (issue 19, points 3 and 7).
#
#   ./mvnw -q -DskipTests package && bash bench/two-instances.sh [seconds of mixed load] [wrk seconds]
#   BENCH_JAR=/tmp/copy.jar bash bench/two-instances.sh     # another jar (e.g. a copy while a build runs)
#
# 1. Starts a PostgreSQL server (Debian's postgresql 15 binaries, a throw-away cluster, durable commits as
#    in production), two instances of the packaged app on it (JVM options from deploy/jvm.options, one per
#    line) and nginx with deploy/nginx/rencontres.conf and rencontres-locations.conf (ports, cache directory
#    and certificate paths replaced; the TLS server gets a self-signed certificate); `nginx -t` checks it.
# 2. Checks the configuration's behaviour: plain HTTP redirected to HTTPS, forwarded headers believed (a Secure
#    session cookie and HSTS over the TLS server), a public response cached and revalidated, no cache for
#    a signed-in session.
# 3. The session page through nginx against the same bytes served statically by the same nginx (wrk -t2
#    -c100, alternating, best of two: the ratio), and the same for the iCalendar feed (public, ETag).
# 4. The mixed load for the given time (120 s by default) through nginx: visitors, registrations through
#    the public form, an organiser confirming them, two welcome desks checking people in, 20 conductor
#    screens on server-sent events with the organiser pausing and resuming the rotation, co-writing
#    editors (bench/writing-load.mjs) on three documents; one instance killed (SIGKILL) in the middle.
# 5. SQL checks, PASS/FAIL each, and a Markdown table.
#
# Ports 8220-8225 (nginx), 8226-8227 (the instances), 5480 (PostgreSQL), all on 127.0.0.1; every process
# is stopped at the end; the whole run is bounded (BENCH_TIMEOUT seconds, 900 by default). Needs java 17,
# nginx, wrk, openssl, psql, PostgreSQL's server binaries (apt-get install postgresql), node 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS=${1:-120}
WRK_SECONDS=${2:-10}
LIMIT=${BENCH_TIMEOUT:-900}
NGINX_PORT=8220 STATIC_PORT=8221 REDIRECT_PORT=8224 TLS_PORT=8225 APP1_PORT=8226 APP2_PORT=8227 PG_PORT=5480
JAR=${BENCH_JAR:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
JVM_EXTRA=${BENCH_JVM_EXTRA:-}   # more JVM options for both instances, {n} replaced by 1 or 2 (e.g. -Xlog:gc:file=/tmp/gc{n}.log)
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)
ADMIN_EMAIL=banc-deux-instances@rencontres.invalid
ADMIN_PASSWORD=banc-d-essai-des-deux-instances
DEMO=Z20IN001
DAY="ZNGINX 001" DAY_SLUG=ZNGINX001 SEATS=20
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
for tool in java nginx wrk openssl psql curl node npm; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL's server binaries are missing (apt-get install postgresql)" >&2; exit 2; }
[ -n "$PG_JAR" ] || { echo "the PostgreSQL JDBC driver is not in ~/.m2 (build first)" >&2; exit 2; }
[ -f deploy/jvm.options ] || { echo "deploy/jvm.options is missing" >&2; exit 2; }

# The writing load's client libraries, as bench/writing-load.sh installs them.
pinned() { node -p "require('./tools/collab/package.json').dependencies['$1']"; }
WANT="yjs@$(pinned yjs) lib0@$(pinned lib0) ws@8.23.0"
HAVE=$(cd bench && node -p "['yjs','lib0','ws'].map(p => { try { return p + '@' + require('./node_modules/' + p + '/package.json').version } catch (e) { return '' } }).join(' ')" 2>/dev/null || true)
# shellcheck disable=SC2086
[ "$HAVE" = "$WANT" ] || npm install --prefix bench --no-save --no-package-lock --no-audit --no-fund $WANT >&2

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
chmod 755 "$WORK"
APP1= APP2= NGINX= PG_STARTED= DRIVER= WRITERS= SAMPLER=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() { # pid…
  local p
  for p in "$@"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "$@"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
}
cleanup() {
  stop "$SAMPLER" "$DRIVER" "$WRITERS" "$APP1" "$APP2" "$NGINX"
  [ -z "$PG_STARTED" ] || as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop > /dev/null 2>&1 || true
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
( sleep "$LIMIT"; echo "bench/two-instances.sh: over ${LIMIT}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!
trap 'pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; cleanup' EXIT

# 1a. PostgreSQL: fsync and synchronous_commit on (the defaults), as an external server in production.
mkdir "$WORK/pg"
[ "$(id -u)" != 0 ] || chown postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > /dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w start \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=100" > /dev/null
PG_STARTED=1
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d rencontres "$@"; }
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE rencontres"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/rencontres"

# 1b. The two instances, started together (Flyway's and the demo loader's advisory locks serialise them).
start_app() { # port log instance-number -> pid in $STARTED
  # shellcheck disable=SC2046
  SPRING_DATASOURCE_URL=$JDBC_URL SPRING_DATASOURCE_USERNAME=postgres \
  RENCONTRES_ADMIN_EMAIL=$ADMIN_EMAIL RENCONTRES_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $(grep -v '^#' deploy/jvm.options | xargs) ${JVM_EXTRA//\{n\}/$3} -jar "$JAR" --server.port="$1" --server.address=127.0.0.1 \
    --rencontres.mail.enabled=false --rencontres.registration.rate-limit=1000000 \
    --logging.level.root=WARN > "$2" 2>&1 &
  STARTED=$!
}
wait_app() { # port pid log
  for _ in $(seq 1 1800); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/connexion" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "the instance on port $1 does not answer" >&2
  exit 1
}
START_NS=$(date +%s%N)
start_app "$APP1_PORT" "$WORK/app1.log" 1; APP1=$STARTED
start_app "$APP2_PORT" "$WORK/app2.log" 2; APP2=$STARTED
wait_app "$APP1_PORT" "$APP1" "$WORK/app1.log"
wait_app "$APP2_PORT" "$APP2" "$WORK/app2.log"
BOTH_UP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))

# 1c. nginx with the deployed files: the instances' ports, a cache directory, a self-signed certificate,
#     IPv4 only, and for the benchmark a plain-HTTP server with the same locations and a static one.
mkdir -p "$WORK/nginx/cache" "$WORK/static"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -keyout "$WORK/nginx/privkey.pem" -out "$WORK/nginx/fullchain.pem" 2> /dev/null
sed -e "s#127.0.0.1:8080#127.0.0.1:$APP1_PORT#; s#127.0.0.1:8081#127.0.0.1:$APP2_PORT#" \
    -e "s#/var/cache/nginx/rencontres#$WORK/nginx/cache#; s#/etc/ssl/rencontres/#$WORK/nginx/#" \
    -e "s#/etc/nginx/rencontres/#$WORK/nginx/#; /listen \[::\]/d" \
    -e "s#listen 80;#listen 127.0.0.1:$REDIRECT_PORT;#; s#listen 443 ssl http2;#listen 127.0.0.1:$TLS_PORT ssl http2;#" \
    -e "s#return 301 https://\$host\$request_uri;#return 301 https://\$host:$TLS_PORT\$request_uri;#" \
    deploy/nginx/rencontres.conf > "$WORK/nginx/rencontres.conf"
cp deploy/nginx/rencontres-locations.conf "$WORK/nginx/"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes $(nproc);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/rencontres.conf;
    server {   # the benchmark's entrance: the deployed locations without TLS
        listen 127.0.0.1:$NGINX_PORT;
        include $WORK/nginx/rencontres-locations.conf;
    }
    server {   # the same bytes as static files
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/static;
    }
}
EOF
NGINX_CHECK=$(nginx -t -c "$WORK/nginx/nginx.conf" 2>&1) || { echo "$NGINX_CHECK" >&2; exit 1; }
nginx -c "$WORK/nginx/nginx.conf" 2> "$WORK/nginx/stderr.log" &
NGINX=$!
BASE="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 1 100); do curl -fs -o /dev/null "$BASE/connexion" && break; sleep 0.1; done

# 2. What the configuration must do, checked through nginx.
declare -A CHECK DETAIL
verdict() { # name status(0: pass) detail
  if [ "$2" = 0 ]; then CHECK[$1]=PASS; else CHECK[$1]=FAIL; fi
  DETAIL[$1]=$3
}
header() { tr -d '\r' | sed -n "s/^$1: //Ip" | head -1; }
REDIRECT=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$REDIRECT_PORT/journees/$DEMO")
TLS_HEADERS=$(curl -sk -D - -o /dev/null "https://127.0.0.1:$TLS_PORT/connexion")
HSTS=$(echo "$TLS_HEADERS" | header Strict-Transport-Security)
SECURE_COOKIE=$(echo "$TLS_HEADERS" | grep -ci '^set-cookie: JSESSIONID=.*; Secure' || true)
PLAIN_HSTS=$(curl -s -D - -o /dev/null "$BASE/connexion" | header Strict-Transport-Security)
[[ "$REDIRECT" == "301 https://127.0.0.1:$TLS_PORT/journees/$DEMO" && -n "$HSTS" && "$SECURE_COOKIE" -ge 1 && -z "$PLAIN_HSTS" ]] && S=0 || S=1
verdict tls $S "HTTP answered \`$REDIRECT\`; over TLS: \`Strict-Transport-Security: $HSTS\`, Secure session cookie: $SECURE_COOKIE; over the plain entrance no HSTS"
FEED=/journees.ics
C1=$(curl -s -D - -o /dev/null "$BASE$FEED" | header X-Cache-Status)
C2=$(curl -s -D - -o /dev/null "$BASE$FEED" | header X-Cache-Status)
C3=$(curl -s -D - -o /dev/null -H "Cookie: JSESSIONID=x" "$BASE$FEED" | header X-Cache-Status)
C4=$(curl -s -D - -o /dev/null -H "Cookie: rencontres-langue=en" "$BASE$FEED" | header X-Cache-Status)
C5=$(curl -s -D - -o /dev/null -H "Cookie: rencontres-langue=en" "$BASE$FEED" | header X-Cache-Status)
PAGE_STATUS=$(curl -s -D - -o /dev/null "$BASE/journees/$DEMO" | header X-Cache-Status)
PAGE_CC=$(curl -s -D - -o /dev/null "$BASE/journees/$DEMO" | header Cache-Control)
PAGE_COOKIE=$(curl -s -D - -o /dev/null "$BASE/journees/$DEMO" | grep -ci '^set-cookie' || true)
FORM_STATUS=$(curl -s -D - -o /dev/null "$BASE/connexion" | header X-Cache-Status)
[[ "$C1" =~ ^(MISS|EXPIRED|REVALIDATED|HIT)$ && "$C2" == HIT && "$C3" == BYPASS && "$C4" == MISS && "$C5" == HIT && "$FORM_STATUS" != HIT ]] && S=0 || S=1
verdict cache $S "$FEED (Cache-Control: public, ETag): $C1 then $C2, with a session cookie $C3, with the English language cookie $C4 then $C5 (a copy of its own); /connexion (sets a cookie, no-store): ${FORM_STATUS:-not cached}; the session page sends \`Cache-Control: $PAGE_CC\`: ${PAGE_STATUS:-not cached}"

# 3. The session page through nginx against the same bytes served statically (best of two, alternating).
curl -fs "$BASE/journees/$DEMO" > "$WORK/static/day.html"
curl -fs "$BASE$FEED" > "$WORK/static/feed.ics"
rps() { wrk -t2 -c100 -d"${WRK_SECONDS}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) } $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'; }
wrk -t2 -c100 -d3s "$BASE/journees/$DEMO" > /dev/null      # warm-up (JIT of both instances, the cache)
wrk -t2 -c100 -d3s "http://127.0.0.1:$STATIC_PORT/day.html" > /dev/null
declare -a PAGE STATIC FEEDS FEEDSTATIC DIRECT
for _ in 1 2; do
  PAGE+=("$(rps "$BASE/journees/$DEMO")")
  DIRECT+=("$(rps "http://127.0.0.1:$APP1_PORT/journees/$DEMO")")
  STATIC+=("$(rps "http://127.0.0.1:$STATIC_PORT/day.html")")
  FEEDS+=("$(rps "$BASE$FEED")")
  FEEDSTATIC+=("$(rps "http://127.0.0.1:$STATIC_PORT/feed.ics")")
done
best() { printf '%s\n' "$@" | sort -k1,1nr | head -1; }
read -r P_RPS P_P50 P_P99 P_BAD <<< "$(best "${PAGE[@]}")"
read -r S_RPS S_P50 S_P99 _ <<< "$(best "${STATIC[@]}")"
read -r D_RPS D_P50 D_P99 _ <<< "$(best "${DIRECT[@]}")"
read -r F_RPS F_P50 F_P99 F_BAD <<< "$(best "${FEEDS[@]}")"
read -r FS_RPS FS_P50 FS_P99 _ <<< "$(best "${FEEDSTATIC[@]}")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
PAGE_RATIO=$(ratio "$P_RPS" "$S_RPS")
FEED_RATIO=$(ratio "$F_RPS" "$FS_RPS")
awk -v r="$PAGE_RATIO" 'BEGIN { exit !(r >= 0.8) }' && S=0 || S=1
verdict page_ratio $S "session page through nginx / static: $PAGE_RATIO (target ≥ 0.8; the page sends \`Cache-Control: $PAGE_CC\`)"

# 4. The mixed load. Its data: a session with $SEATS seats open for registration, 30 days ahead; the
#    demo's networking rotation with a live plan (the clock row as RotationPlanController's publication
#    writes it, one table per round); three blank documents of the demo day to write in, made through the
#    back office (as bench/writing-load.sh does).
DAY_ID=$(sql -c "INSERT INTO event_day (session_code, title, first_date, last_date, status, organising_unit)
  VALUES ('$DAY', 'Banc d''essai des deux instances', current_date + 30, current_date + 30, 'PUBLISHED',
          'INSET de Banc-sur-Essai') RETURNING id" | head -1)
sql -c "INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at) VALUES ($DAY_ID, current_date + 30, '09:00', '17:00');
        INSERT INTO registration_capacity (event_day_id, seats, offer_hours) VALUES ($DAY_ID, $SEATS, 48)"
read -r ROTATION SLOT DEMO_ID <<< "$(sql -F' ' -c "SELECT n.id, n.slot_id, n.event_day_id FROM networking_session n
  JOIN event_day d ON d.id = n.event_day_id WHERE replace(d.session_code, ' ', '') = '$DEMO' ORDER BY n.id LIMIT 1")"
PLAN='{"roundSeconds":600,"changeoverSeconds":60,"rounds":[{"number":1,"tables":[{"name":"Table 1","place":null,"theme":null,"host":null,"seats":[{"key":"k1","name":"Camille Agent"}]}]},{"number":2,"tables":[{"name":"Table 1","place":null,"theme":null,"host":null,"seats":[{"key":"k1","name":"Camille Agent"}]}]}]}'
sql -c "INSERT INTO networking_live (session_id, event_day_id, plan, round_count, round_seconds, changeover_seconds, status, phase, round)
        VALUES ($ROTATION, $DEMO_ID, '$PLAN'::jsonb, 2, 600, 60, 'NOT_STARTED', 'ROUND', 0)"
csrf() { # path -> token (cookie jar of the organiser)
  curl -fs -b "$WORK/cookies" -c "$WORK/cookies" "$BASE$1" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1
}
TOKEN=$(csrf /connexion)
curl -fs -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode "courriel=$ADMIN_EMAIL" \
  --data-urlencode "motdepasse=$ADMIN_PASSWORD" --data-urlencode "_csrf=$TOKEN" "$BASE/connexion"
COOKIE=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$WORK/cookies")
DOCS=
for i in 1 2 3; do
  TOKEN=$(csrf "/admin/journees/$DEMO/ecriture")
  LOCATION=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode "titre=Deux instances : document $i" \
    --data-urlencode "modele=BLANK" --data-urlencode "_csrf=$TOKEN" "$BASE/admin/journees/$DEMO/ecriture")
  [[ "$LOCATION" =~ /ecriture/([0-9]+)$ ]] || { echo "no document made ($LOCATION)" >&2; exit 1; }
  DOCS="$DOCS${DOCS:+,}${BASH_REMATCH[1]}"
done

# The editors: 3 documents × 4 clients through nginx, an edit every 500 ms for most of the run; the
# driver of the rest kills the second instance at half time.
EDITS=$(( LOAD_SECONDS * 2 * 85 / 100 ))
RSS1_BEFORE=$(awk '/VmRSS/ { print $2 }' "/proc/$APP1/status")
TICK=$(getconf CLK_TCK)
cpu_ms() { sed 's/.*) //' "/proc/$1/stat" | awk -v t="$TICK" '{ print int(($12 + $13) * 1000 / t) }'; }
CPU1_BEFORE=$(cpu_ms "$APP1")
LOAD_MIXED=$(cut -d' ' -f1-3 /proc/loadavg)
java -cp "$PG_JAR" bench/MixedLoad.java "$BASE" "$JDBC_URL" postgres "$WORK" "$LOAD_SECONDS" "$DAY_SLUG" "$DEMO" "$SLOT" \
  "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$APP2" > "$WORK/mixed.txt" 2> "$WORK/mixed.err" &
DRIVER=$!
for _ in $(seq 1 1200); do [ -f "$WORK/started" ] && break; kill -0 "$DRIVER" 2>/dev/null || break; sleep 0.1; done
STARTED_MS=$(date +%s%3N)
node bench/writing-load.mjs "$BASE" "$COOKIE" "$EDITS" 500 "w=$DOCS:4" > "$WORK/writing.md" 2> "$WORK/writing.err" &
WRITERS=$!
# Where the machine's CPU goes: every second, the CPU time (ms) of each part so far and the machine's busy and
# total time (a process's finished children count through its cutime/cstime: PostgreSQL's backends, nginx's workers).
tree_cpu() { # pid -> ms of CPU of it, its finished children and its live children
  local p=$1 c total
  [ -r "/proc/$p/stat" ] || { echo 0; return; }
  total=$(sed 's/.*) //' "/proc/$p/stat" | awk -v t="$TICK" '{ print int(($12 + $13 + $14 + $15) * 1000 / t) }')
  for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do
    total=$(( total + $(sed 's/.*) //' "/proc/$c/stat" 2>/dev/null | awk -v t="$TICK" '{ print int(($12 + $13) * 1000 / t) }' || echo 0) ))
  done
  echo "$total"
}
PG_PID=$(head -1 "$WORK/pg/postmaster.pid")
APP2_PID=$APP2
( while [ ! -f "$WORK/sampler.stop" ]; do
    echo "$(( $(date +%s%3N) - STARTED_MS )) $(tree_cpu "$APP1") $(tree_cpu "$APP2_PID") $(tree_cpu "$DRIVER") $(tree_cpu "$WRITERS") $(tree_cpu "$NGINX") $(tree_cpu "$PG_PID") $(awk -v t="$TICK" '/^cpu / { print int(($2 + $3 + $4 + $7 + $8 + $9) * 1000 / t), int(($2 + $3 + $4 + $5 + $6 + $7 + $8 + $9) * 1000 / t) }' /proc/stat)"
    sleep 1
  done ) > "$WORK/cpu.txt" 2> /dev/null &
SAMPLER=$!
wait "$DRIVER" || { cat "$WORK/mixed.err" >&2; echo "the load driver failed" >&2; }
wait "$APP2" 2>/dev/null || true
APP2=
WRITING_STATUS=0
wait "$WRITERS" || WRITING_STATUS=$?
touch "$WORK/sampler.stop"; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
CPU1_AFTER=$(cpu_ms "$APP1")
HWM1=$(awk '/VmHWM/ { print $2 }' "/proc/$APP1/status")
RSS1_AFTER=$(awk '/VmRSS/ { print $2 }' "/proc/$APP1/status")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
kv() { sed -n "s/^$1=//p" "$WORK/mixed.txt" | head -1; }
n() { local v; v=$(kv "$1"); echo "${v:-0}"; }

# 5. The checks, in SQL on what the instances stored.
sql -c "CREATE TABLE bench_accepted (email TEXT); CREATE TABLE bench_checked_in (client_key UUID)"
sql -c "\\copy bench_accepted FROM '$WORK/accepted.txt'"
sql -c "\\copy bench_checked_in FROM '$WORK/checked-in.txt'"
read -r ACCEPTED STORED_ONCE DUPLICATES ROWS <<< "$(sql -F' ' -c "
  SELECT (SELECT count(*) FROM bench_accepted),
         (SELECT count(*) FROM bench_accepted a WHERE (SELECT count(*) FROM registration r
            WHERE r.event_day_id = $DAY_ID AND lower(r.email) = lower(a.email)) = 1),
         (SELECT count(*) FROM (SELECT lower(email) FROM registration WHERE event_day_id = $DAY_ID
            GROUP BY 1 HAVING count(*) > 1) d),
         (SELECT count(*) FROM registration WHERE event_day_id = $DAY_ID)")"
[ "$ACCEPTED" -gt 0 ] && [ "$STORED_ONCE" -eq "$ACCEPTED" ] && [ "$DUPLICATES" -eq 0 ] && S=0 || S=1
verdict registrations $S "$ACCEPTED accepted (302 to the confirmation), each stored once: $STORED_ONCE; addresses stored twice: $DUPLICATES; rows: $ROWS ($(( ROWS - ACCEPTED )) whose answer was lost); answers lost and posted again: $(n register_lost_answer), accepted the second time: $(n register_accepted_on_second_try), refused the second time (already registered): $(n register_refused_on_second_try)"
read -r HELD EVER WAITING OVER <<< "$(sql -F' ' -c "
  SELECT (SELECT count(*) FROM registration WHERE event_day_id = $DAY_ID AND state IN ('CONFIRMED', 'OFFERED')),
         (SELECT count(*) FROM registration_transition t JOIN registration r ON r.id = t.registration_id
           WHERE r.event_day_id = $DAY_ID AND t.to_state IN ('CONFIRMED', 'OFFERED')),
         (SELECT count(*) FROM registration WHERE event_day_id = $DAY_ID AND state = 'WAITING_LIST'),
         (SELECT count(*) FROM registration_capacity c WHERE c.seats < (SELECT count(*) FROM registration r
           WHERE r.event_day_id = c.event_day_id AND r.state IN ('CONFIRMED', 'OFFERED')))")"
[ "$HELD" -le "$SEATS" ] && [ "$EVER" -le "$SEATS" ] && [ "$OVER" -eq 0 ] && [ "$HELD" -gt 0 ] && S=0 || S=1
verdict capacity $S "$SEATS seats: $HELD held, $EVER confirmations ever, $WAITING on the waiting list; sessions over capacity: $OVER"
read -r KEYS KEYS_ONCE KEY_DUPLICATES CHECKINS <<< "$(sql -F' ' -c "
  SELECT (SELECT count(*) FROM bench_checked_in),
         (SELECT count(*) FROM bench_checked_in b WHERE (SELECT count(*) FROM attendance a WHERE a.client_key = b.client_key) = 1),
         (SELECT count(*) FROM (SELECT client_key FROM attendance WHERE day_id = $DAY_ID GROUP BY 1 HAVING count(*) > 1) d),
         (SELECT count(*) FROM attendance WHERE day_id = $DAY_ID)")"
WALK_INS=$(sql -c "SELECT count(*) FROM attendance_walk_in")   # only this run makes walk-ins
[ "$KEYS" -gt 0 ] && [ "$KEYS_ONCE" -eq "$KEYS" ] && [ "$KEY_DUPLICATES" -eq 0 ] && [ "$WALK_INS" -eq "$CHECKINS" ] && S=0 || S=1
verdict checkins $S "$KEYS check-ins answered, each stored once: $KEYS_ONCE; keys stored twice: $KEY_DUPLICATES; rows: $CHECKINS, walk-ins: $WALK_INS; batches sent again after a lost answer: $(n checkin_batch_sent_again), answered REPLAYED: $(n checkin_REPLAYED)"
KILLED_AT=$(kv killed_at)
read -r SCREENS CUT AFTER <<< "$(awk -v k="$KILLED_AT" '
  { n++; if ($1 > 1) cut++; late = 0; for (i = 2; i <= NF; i++) if ($i > k + 3) late = 1; after += late }
  END { print n, cut + 0, after + 0 }' "$WORK/streams.txt")"
[ "$SCREENS" -gt 0 ] && [ "$CUT" -gt 0 ] && [ "$AFTER" -eq "$SCREENS" ] && [ "$(kv killed)" = true ] && S=0 || S=1
verdict streams $S "$SCREENS conductor screens; $CUT cut by the kill and reconnected; screens with events received more than 3 s after the kill: $AFTER"
WRITING_JSON=$(sed -n 's/^JSON //p' "$WORK/writing.md")
WRITING_RECONNECTS=$(node -p "JSON.parse(process.argv[1]).map(r => r.reconnects).join(' ')" "$WRITING_JSON" 2>/dev/null || echo "?")
WRITING_EDITS=$(node -p "JSON.parse(process.argv[1]).map(r => r.edits).join(' ')" "$WRITING_JSON" 2>/dev/null || echo "?")
WRITING_PROBLEMS=$(node -p "JSON.parse(process.argv[1]).flatMap(r => r.problems).slice(0, 3).join('; ')" "$WRITING_JSON" 2>/dev/null || echo "?")
[ "$WRITING_STATUS" = 0 ] && [ "${WRITING_RECONNECTS:-0}" != 0 ] && S=0 || S=1
verdict writing $S "12 editors on 3 documents, $WRITING_EDITS edits; reconnections: $WRITING_RECONNECTS; every edit in every editor's text and in the text a fresh editor rebuilds from the database (through the surviving instance): $([ "$WRITING_STATUS" = 0 ] && echo yes || echo "no: $WRITING_PROBLEMS")"
# Capacity held: answers per second in the tenths before the kill (2 to 4) and after it (6 to 8).
rate() { # kind first-tenth last-tenth
  local t s=0
  for t in $(seq "$2" "$3"); do s=$(( s + $(n "$1_ok_t$t") )); done
  awk -v s="$s" -v d="$LOAD_SECONDS" -v k=$(( $3 - $2 + 1 )) 'BEGIN { printf "%.1f", s / (d * k / 10) }'
}
HELD_ROWS=
THROUGHPUT_OK=0
for kind in visit form register checkin organise control; do
  before=$(rate "$kind" 2 4); after=$(rate "$kind" 6 8)
  HELD_ROWS="$HELD_ROWS| $kind | $before | $after | $(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') |"$'\n'
done
for kind in visit register checkin; do
  awk -v a="$(rate "$kind" 6 8)" -v b="$(rate "$kind" 2 4)" 'BEGIN { exit !(b > 0 && a >= 0.8 * b) }' || THROUGHPUT_OK=1
done
verdict throughput $THROUGHPUT_OK "visits, registrations and check-ins per second after the kill at least 0.8 of before (table below)"
ERRORS=$(grep -cE '(ERROR|Exception)' "$WORK/app1.log" || true)

# 6. The report.
echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), nginx $(nginx -v 2>&1 | cut -d/ -f2), PostgreSQL $(sql -c 'SHOW server_version' | cut -d' ' -f1) (fsync $(sql -c 'SHOW fsync'), synchronous_commit $(sql -c 'SHOW synchronous_commit')),"
echo "JVM options \`$(grep -v '^#' deploy/jvm.options | xargs)\`; load driver, nginx, PostgreSQL and both instances on the same machine;"
echo "load average (1, 5, 15 min) before: $LOAD_BEFORE; before the mixed load: $LOAD_MIXED; after: $LOAD_AFTER."
echo
echo "| what (wrk -t2 -c100 -d${WRK_SECONDS}s, best of two alternating runs) | requests/s | p50 (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|"
echo "| session page /journees/$DEMO through nginx (\`Cache-Control: $PAGE_CC\`) | $P_RPS | $P_P50 | $P_P99 |"
echo "| the same $(wc -c < "$WORK/static/day.html") bytes, static, same nginx | $S_RPS | $S_P50 | $S_P99 |"
echo "| **ratio page / static** (target ≥ 0.8) | **$PAGE_RATIO** | | |"
echo "| session page straight to one instance (no nginx) | $D_RPS | $D_P50 | $D_P99 |"
echo "| $FEED through nginx (public, ETag: cached) | $F_RPS | $F_P50 | $F_P99 |"
echo "| the same bytes, static | $FS_RPS | $FS_P50 | $FS_P99 |"
echo "| ratio feed / static | $FEED_RATIO | | |"
echo
echo "- all runs (rps p50 p99 non-2xx): page ${PAGE[*]}; static ${STATIC[*]}; page straight to an instance ${DIRECT[*]}; feed ${FEEDS[*]}; feed static ${FEEDSTATIC[*]}"
echo "- the session page's answer sets a cookie: $PAGE_COOKIE (0: no)"
echo "- both instances answering $BOTH_UP_MS ms after they were launched together (one migrates and loads the demo, the other waits)"
echo
echo "Mixed load, ${LOAD_SECONDS} s through nginx, the second instance killed (SIGKILL) at $KILLED_AT s:"
echo "4 visitors (day page, feeds), 4 agents registering, an organiser moving requests on and confirming them every 2 s,"
echo "2 welcome desks (walk-in check-ins in batches of 1 to 3), 20 conductor screens (SSE) with a pause or resume every 3 s,"
echo "12 co-writing editors (3 documents, an edit every 500 ms each)."
echo
echo "| check | result | detail |"
echo "|---|---|---|"
for c in tls cache page_ratio registrations capacity checkins streams writing throughput; do
  echo "| $c | **${CHECK[$c]}** | ${DETAIL[$c]} |"
done
echo
echo "| answers 2xx/3xx per second | before the kill (20–50 % of the run) | after (60–90 %) | after / before |"
echo "|---|---:|---:|---:|"
printf '%s' "$HELD_ROWS"
echo
echo "- every answer by kind and status (0: connection failed): $(grep -E '^[a-z]+_[0-9]+=' "$WORK/mixed.txt" | tr '\n' ' ')"
echo "- co-writing: $(node -p "const r = JSON.parse(process.argv[1])[0], f = x => x.toFixed(1); \`propagation of an edit to the other editors p50 \${f(r.propagation.p50)} ms, p95 \${f(r.propagation.p95)}, p99 \${f(r.propagation.p99)}, max \${f(r.propagation.max)}; acknowledgement p50 \${f(r.acks.p50)} ms, p99 \${f(r.acks.p99)}\`" "$WRITING_JSON" 2>/dev/null || echo '?')"
# CPU by part, in cores, over the same windows as the rates (20–50 % and 60–90 % of the run).
cores() { # from-fraction to-fraction -> cores of each column of cpu.txt
  awk -v f="$1" -v e="$2" -v d="$LOAD_SECONDS" '
    { t = $1 / 1000 } t >= f * d && !a { a = 1; for (i = 1; i <= NF; i++) s[i] = $i }
    t <= e * d { for (i = 1; i <= NF; i++) l[i] = $i }
    END { dt = (l[1] - s[1]) / 1000; if (dt <= 0) { print "?"; exit }
          for (i = 2; i <= 7; i++) printf "%.2f | ", (l[i] >= s[i] ? (l[i] - s[i]) / 1000 / dt : 0)
          printf "%.2f of %d", (l[8] - s[8]) / (l[9] - s[9]) * '"$(nproc)"', '"$(nproc)"' }' "$WORK/cpu.txt"
}
echo
echo "| CPU, cores on average | instance 1 | instance 2 | load driver (java) | editors (node) | nginx | PostgreSQL | machine busy |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
echo "| before the kill (20–50 %) | $(cores 0.2 0.5) |"
echo "| after (60–90 %) | $(cores 0.6 0.9) |"
echo
echo "| latency of the answers (ms) | before: count | p50 | p99 | max | after: count | p50 | p99 | max |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for kind in visit form register checkin; do
  echo "| $kind | $(kv "lat_${kind}_before" | tr ' ' '|' | sed 's/|/ | /g') | $(kv "lat_${kind}_after" | sed 's/ / | /g') |"
done
echo
echo "- the surviving instance: $(( (CPU1_AFTER - CPU1_BEFORE) / 1000 )) s of CPU during the mixed load ($(awk -v c=$(( CPU1_AFTER - CPU1_BEFORE )) -v d="$LOAD_SECONDS" 'BEGIN { printf "%.2f", c / 1000 / d }') cores on average); resident memory $(( RSS1_BEFORE / 1024 )) MiB before, $(( RSS1_AFTER / 1024 )) MiB after, peak (VmHWM) $(( HWM1 / 1024 )) MiB; lines with ERROR or Exception in its log: $ERRORS"
FAILED=0
for c in tls cache registrations capacity checkins streams writing throughput; do [ "${CHECK[$c]}" = PASS ] || FAILED=1; done
exit "$FAILED"
