#!/usr/bin/env bash
# Collective writing under load (issue 7): simulated editors (real Yjs clients, bench/writing-load.mjs)
# on a running instance: (a) 40 clients on one document, then (b) 10 documents × 4 clients at once, then
# (c) 40 clients on one document, half of them through a second instance on the same database (the
# edits cross over PostgreSQL's LISTEN/NOTIFY), then (d) 200 clients on one document, each making
# BENCH_BIG_EDITS edits (20), one every BENCH_BIG_INTERVAL ms (1000) ± 50 %.
# BENCH_JVM_EXTRA adds JVM options to the instances (e.g. -XX:StartFlightRecording=filename=/tmp/w.jfr for a profile).
# BENCH_BIG_FOLLOWERS=20: only 20 of (d)'s clients apply the others' updates and measure the propagation, the other
# 180 type and read what the server sends without applying it (a browser's Yjs work is its own machine's, not this
# one's: 200 Yjs documents in one Node process take a whole core; see bench/writing-load.mjs).
# Measures how long an edit takes to reach the other clients of its document (p50, p95, p99, max) and
# checks that no edit is lost: every client ends with every marker of its document, and a fresh client
# rebuilds the same text from what the server stored (snapshot and updates). Prints a Markdown summary.
#
#   ./mvnw -q -DskipTests package && bash bench/writing-load.sh [edits per client] [ms between edits]
#   BENCH_DROPS=3 bash bench/writing-load.sh     # and every client loses its connection 3 times while editing
#   BENCH_ONLY=d bash bench/writing-load.sh      # only some of the scenarios (letters among a, b, c, d)
#
# Needs java 17, curl, node 20 and npm (yjs and lib0 at the versions pinned in tools/collab/package.json
# and ws are installed in bench/node_modules, ignored by git). Traffic goes to 127.0.0.1 only; the
# instances and their ephemeral embedded PostgreSQL are stopped at the end; the whole run is bounded
# (BENCH_TIMEOUT seconds, 600 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
EDITS=${1:-75}
INTERVAL=${2:-200}
PORT=${BENCH_PORT:-8184}
LIMIT=${BENCH_TIMEOUT:-600}
JAR=${BENCH_JAR:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
DAY=Z20IN001                                  # the demo day
ADMIN_EMAIL=banc-ecriture@rencontres.invalid
ADMIN_PASSWORD=banc-d-essai-de-l-ecriture
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
for tool in java curl node npm; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

# 1. The client libraries: Yjs as the browser has it (tools/collab/package.json), and a WebSocket client.
pinned() { node -p "require('./tools/collab/package.json').dependencies['$1']"; }
WANT="yjs@$(pinned yjs) lib0@$(pinned lib0) ws@8.23.0"
HAVE=$(cd bench && node -p "['yjs','lib0','ws'].map(p => { try { return p + '@' + require('./node_modules/' + p + '/package.json').version } catch (e) { return '' } }).join(' ')" 2>/dev/null || true)
if [ "$HAVE" != "$WANT" ]; then
  # shellcheck disable=SC2086
  npm install --prefix bench --no-save --no-package-lock --no-audit --no-fund $WANT >&2
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
APP=
APP2=
DRIVER=
cleanup() {
  if [ -n "$DRIVER" ]; then kill "$DRIVER" 2>/dev/null || true; fi
  if [ -n "$APP2" ]; then kill "$APP2" 2>/dev/null || true; wait "$APP2" 2>/dev/null || true; fi
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
( sleep "$LIMIT"; echo "bench/writing-load.sh: over ${LIMIT}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!
trap 'pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; cleanup' EXIT

# 2. The packaged app on an ephemeral embedded PostgreSQL, with the demo day and an organiser; then a
#    second instance on the same database (as in production behind a load balancer), for scenario (c).
start_app() { # port log [extra arguments…] -> pid in $STARTED_PID
  local port=$1 log=$2
  shift 2
  RENCONTRES_ADMIN_EMAIL=$ADMIN_EMAIL RENCONTRES_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $(grep -v '^#' deploy/jvm.options) ${BENCH_JVM_EXTRA:-} -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 --rencontres.mail.enabled=false \
    --logging.level.root=WARN --logging.level.org.rencontres.database=INFO "$@" > "$log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 1800); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/connexion" && return 0
    kill -0 "$STARTED_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the instance on port $port does not answer" >&2
  exit 1
}
start_app "$PORT" "$WORK/app.log" --rencontres.embedded-database.ephemeral=true
APP=$STARTED_PID
PGPORT=$(sed -n 's/.*Embedded PostgreSQL listening on port \([0-9]*\).*/\1/p' "$WORK/app.log" | head -1)
[ -n "$PGPORT" ] || { echo "no embedded PostgreSQL port in the log" >&2; cat "$WORK/app.log" >&2; exit 1; }
start_app $(( PORT + 1 )) "$WORK/app2.log" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres" \
  --spring.datasource.username=postgres --rencontres.jobs.enabled=false
APP2=$STARTED_PID

# 3. Signed in as the organiser on each instance; fourteen blank documents on the demo day, made as the
#    back office makes them.
csrf() { # port path -> token (cookies of that port's jar)
  curl -fs -b "$WORK/cookies-$1" -c "$WORK/cookies-$1" "http://127.0.0.1:$1$2" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1
}
sign_in() { # port -> the Cookie header of the signed-in session
  local token
  token=$(csrf "$1" /connexion)
  curl -fs -o /dev/null -b "$WORK/cookies-$1" -c "$WORK/cookies-$1" --data-urlencode "courriel=$ADMIN_EMAIL" \
    --data-urlencode "motdepasse=$ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "http://127.0.0.1:$1/connexion"
  awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$WORK/cookies-$1"
}
COOKIE=$(sign_in "$PORT")
COOKIE2=$(sign_in $(( PORT + 1 )))
LIST="/admin/journees/$DAY/ecriture"
new_document() { # title -> id
  local token location
  token=$(csrf "$PORT" "$LIST")
  [ -n "$token" ] || { echo "cannot open $LIST (signed in?)" >&2; exit 1; }
  location=$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$WORK/cookies-$PORT" -c "$WORK/cookies-$PORT" \
    --data-urlencode "titre=$1" --data-urlencode "modele=BLANK" --data-urlencode "_csrf=$token" "http://127.0.0.1:$PORT$LIST")
  [[ "$location" =~ /ecriture/([0-9]+)$ ]] || { echo "no document made ($location)" >&2; exit 1; }
  echo "${BASH_REMATCH[1]}"
}
ONE=$(new_document "Banc d'essai : 40 rédacteurs")
MANY=
for i in $(seq 1 10); do MANY="$MANY${MANY:+,}$(new_document "Banc d'essai : document $i sur 10")"; done
TWO=$(new_document "Banc d'essai : 40 rédacteurs sur deux instances")
BIG=$(new_document "Banc d'essai : 200 rédacteurs")
WARM=$(new_document "Banc d'essai : mise en route")
BIG_EDITS=${BENCH_BIG_EDITS:-20}
BIG_INTERVAL=${BENCH_BIG_INTERVAL:-1000}
ONLY=${BENCH_ONLY:-abcd}
SCENARIOS=()
[[ $ONLY != *a* ]] || SCENARIOS+=("a=$ONE:40")
[[ $ONLY != *b* ]] || SCENARIOS+=("b=$MANY:4")
[[ $ONLY != *c* ]] || SCENARIOS+=("c=$TWO:40/2")
BIG_FOLLOWERS=${BENCH_BIG_FOLLOWERS:-200}
[[ $ONLY != *d* ]] || SCENARIOS+=("d=$BIG:200@${BIG_INTERVAL}x${BIG_EDITS}+$BIG_FOLLOWERS")

# 4. A warm-up on a document of its own (JIT, pools), then the load and the checks. The driver runs in
#    the background so that the watchdog's stop reaches it too (through the trap).
drive() { # output file, arguments of writing-load.mjs…
  local out=$1
  shift
  node bench/writing-load.mjs "$@" > "$out" &
  DRIVER=$!
  local status=0
  wait "$DRIVER" || status=$?
  DRIVER=
  return "$status"
}
drive "$WORK/warm-up.md" "http://127.0.0.1:$PORT" "$COOKIE" 20 "$INTERVAL" "warm-up=$WARM:20" \
  || { cat "$WORK/warm-up.md" >&2; echo "the warm-up failed" >&2; }
RSS_BEFORE=$(awk '/VmRSS/ { print $2 }' "/proc/$APP/status")
TICK=$(getconf CLK_TCK)
jvm_cpu_ms() { sed 's/.*) //' "/proc/$1/stat" | awk -v t="$TICK" '{ print int(($12 + $13) * 1000 / t) }'; }
CPU0=$(jvm_cpu_ms "$APP")
LOG_FROM=$(( $(wc -l < "$WORK/app.log") + 1 ))
LOG2_FROM=$(( $(wc -l < "$WORK/app2.log") + 1 ))
STATUS=0
export BENCH_SECOND="http://127.0.0.1:$(( PORT + 1 )) $COOKIE2"
drive "$WORK/result.md" "http://127.0.0.1:$PORT" "$COOKIE" "$EDITS" "$INTERVAL" "${SCENARIOS[@]}" || STATUS=$?
CPU1=$(jvm_cpu_ms "$APP")
HWM=$(awk '/VmHWM/ { print $2 }' "/proc/$APP/status")
RSS_AFTER=$(awk '/VmRSS/ { print $2 }' "/proc/$APP/status")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
{ tail -n +"$LOG_FROM" "$WORK/app.log"; tail -n +"$LOG2_FROM" "$WORK/app2.log"; } > "$WORK/during.log"
ERRORS=$(grep -cE '(ERROR|WARN|Exception)' "$WORK/during.log" || true)

echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), node $(node --version),"
echo "app and load driver on the same machine; load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo
grep -v '^JSON ' "$WORK/result.md"
echo "- the first instance's JVM: $(( (CPU1 - CPU0) / 1000 )).$(( (CPU1 - CPU0) % 1000 / 100 )) s of CPU during the scenarios (the second instance serves half of (c) only); resident memory $(( RSS_BEFORE / 1024 )) MiB before, $(( RSS_AFTER / 1024 )) MiB after, peak (VmHWM, whole life) $(( HWM / 1024 )) MiB; lines with WARN, ERROR or Exception in the two instances' logs during the load: $ERRORS"
if [ "$ERRORS" != 0 ]; then grep -E -A5 '(ERROR|WARN|Exception)' "$WORK/during.log" | head -60 >&2; fi
[ -z "${BENCH_KEEP_JSON:-}" ] || sed -n 's/^JSON //p' "$WORK/result.md" > "$BENCH_KEEP_JSON"
exit "$STATUS"
