#!/usr/bin/env bash
# The data-volume benchmark (issue 20, point 4): a national body's data generated in the app's own
# database (bench/volume-data.sql: set-based SQL run by psql), then every page of the issue's table
# and the searches measured with curl, signed in as an administrator (form login, CSRF, cookie jar):
# median of 4 requests after a warm-up, HTML size, and whether the target is met. With two scales
# (the default, 0.1 then 1) the table gives the growth from 1x to 10x.
#
#   ./mvnw -q -DskipTests package && bash bench/volume.sh [--scale 0.1|1|0.1,1]
#
# Targets: pages under 200 ms median and 300 KB of HTML, searches under 100 ms, exports of 5,000
# rows under 1 s. Needs java 17, psql and curl. Traffic goes to 127.0.0.1 only; each scale starts the
# packaged app on an ephemeral embedded PostgreSQL, stopped at the end; the whole run is bounded
# (BENCH_TIMEOUT seconds, 3000 by default). A page the other branches have not made yet (a parameter
# the page ignores) is measured as it answers.
#
# BENCH_JARS=old.jar,new.jar: two builds side by side on the same data, one scale: the data is generated
# once under the first jar, measured, then the second jar is started on the same database (its own
# migrations applied on top of the data, as on a server in service; VACUUM ANALYZE again) and measured;
# the table gives both and the ratio new/old. The database is then in a temporary directory, removed at
# the end. BENCH_KEEP=1: at the end, the last app and its database are left running for EXPLAIN with
# psql; their ports and the app's pid are printed (stop it with kill <pid>; its directory stays in /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALES=0.1,1
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALES=$2; shift 2 ;;
    --scale=*) SCALES=${1#--scale=}; shift ;;
    *) echo "usage: bench/volume.sh [--scale 0.1|1|0.1,1]" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-8270}
LIMIT=${BENCH_TIMEOUT:-3000}
RUNS=4
JARS=${BENCH_JARS:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
IFS=',' read -r -a JAR_LIST <<< "$JARS"
KEEP=${BENCH_KEEP:-0}
ADMIN_EMAIL=volume@rencontres.invalid
ADMIN_PASSWORD=banc-d-essai-du-volume-national
for jar in "${JAR_LIST[@]}"; do
  [ -f "$jar" ] || { echo "$jar is missing; build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
done
for tool in java psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (psql: apt-get install postgresql-client)" >&2; exit 2; }
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench/volume.sh --scale $SCALES: load average before $LOAD_BEFORE" >&2
WORK=$(mktemp -d)
APP=
stop_app() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; fi
}
cleanup() {
  if [ "$KEEP" = 1 ] && [ -n "$APP" ]; then
    echo "BENCH_KEEP: app pid $APP on http://127.0.0.1:$PORT, PostgreSQL on 127.0.0.1:$PGPORT (psql -h 127.0.0.1 -p $PGPORT -U postgres postgres); files in $WORK; stop with: kill $APP" >&2
    return
  fi
  stop_app; rm -rf "$WORK"
}
( sleep "$LIMIT"; echo "bench/volume.sh: over ${LIMIT}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!
trap 'pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; cleanup' EXIT

# The pages: label | path | kind (page, search, export). Session ZVOL 00001 is the one of 5,000.
S=/admin/journees/ZVOL00001
PAGES="dashboard|$S/tableau-de-bord|page
export CSV (5,000 rows)|$S/tableau-de-bord/inscriptions.csv|export
export XLSX (5,000 rows)|$S/tableau-de-bord/inscriptions.xlsx|export
organiser's home|/admin|page
queue|$S/inscriptions|page
queue ?etat=CONFIRMED|$S/inscriptions?etat=CONFIRMED|page
attendance|$S/presences|page
attendance ?presence=absent&page=2|$S/presences?presence=absent&page=2|page
attendance search ?q=grand|$S/presences?q=grand|search
e-mail log|$S/courriels|page
session back-office page (audit trail)|$S|page
public catalogue|/|page
catalogue ?page=500|/?page=500|page
public session page|/journees/ZVOL00001|page
catalogue search ?q=numerique|/?q=numerique|search
directory search ?q=saint|/admin/annuaire/organisations?q=saint|search
queue search grand|$S/inscriptions?recherche=grand&q=grand|search
welcome desk search ?q=grand|$S/accueil?q=grand|search"

PGPORT=
measure_scale() { # scale [jar index] -> writes $WORK/result-<scale>.txt (label|median ms|KB|target)
  local scale=$1 j=${2:-0} log="$WORK/app-$1-${2:-0}.log" cookies="$WORK/cookies-$1-${2:-0}"
  stop_app # the previous scale's, when BENCH_KEEP left it running
  local database=(--rencontres.embedded-database.ephemeral=true)
  if [ "${#JAR_LIST[@]}" -gt 1 ]; then
    # One database for every jar: kept in the run's directory between them.
    database=(--rencontres.embedded-database.data-directory="$WORK/postgres-$scale")
  fi
  RENCONTRES_ADMIN_EMAIL=$ADMIN_EMAIL RENCONTRES_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java -jar "${JAR_LIST[$j]}" --server.port="$PORT" --server.address=127.0.0.1 \
    "${database[@]}" --rencontres.mail.enabled=false \
    --logging.level.root=WARN --logging.level.org.rencontres.database=INFO > "$log" 2>&1 &
  APP=$!
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/connexion" && break
    kill -0 "$APP" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  local pgport
  pgport=$(sed -n 's/.*Embedded PostgreSQL listening on port \([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$pgport" ] || { echo "no embedded PostgreSQL port in the log" >&2; cat "$log" >&2; exit 1; }
  PGPORT=$pgport
  local t0 t1
  t0=$(date +%s)
  if [ "$j" -gt 0 ]; then
    # The data is there from the first jar; this one's migrations ran at its start.
    psql -X -q -At -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "VACUUM ANALYZE" >/dev/null
    echo "scale $scale, ${JAR_LIST[$j]}: started on the first jar's data (migrations and VACUUM ANALYZE: $(( $(date +%s) - t0 )) s)" >&2
  else
  psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v scale="$scale" \
    -f bench/volume-data.sql > "$WORK/data-$scale.txt"
  # As a database in service would be: vacuumed (visibility map for index-only scans) and analysed.
  psql -X -q -At -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "VACUUM ANALYZE" >/dev/null
  t1=$(date +%s)
  echo "scale $scale: generated in $(( t1 - t0 )) s (organisations|sessions|slots|registrations|transitions|presences): $(tail -1 "$WORK/data-$scale.txt")" >&2
  echo "$(tail -1 "$WORK/data-$scale.txt")|$(( t1 - t0 ))" > "$WORK/volume-$scale.txt"
  fi

  local token
  token=$(curl -fs -b "$cookies" -c "$cookies" "http://127.0.0.1:$PORT/connexion" \
    | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$cookies" -c "$cookies" --data-urlencode "courriel=$ADMIN_EMAIL" \
    --data-urlencode "motdepasse=$ADMIN_PASSWORD" --data-urlencode "_csrf=$token" "http://127.0.0.1:$PORT/connexion"
  local result="$WORK/result-$scale.txt"
  [ "$j" -eq 0 ] || result="$WORK/result-$scale-$j.txt"
  : > "$result"
  local label path kind
  while IFS='|' read -r label path kind; do
    # A warm-up, then RUNS requests; the median is the mean of the two middle ones.
    curl -s -o /dev/null -b "$cookies" "http://127.0.0.1:$PORT$path" || true
    local times=() size=0 code line
    for _ in $(seq 1 $RUNS); do
      line=$(curl -s -o /dev/null -b "$cookies" -w '%{http_code} %{time_total} %{size_download}' "http://127.0.0.1:$PORT$path")
      read -r code t size <<< "$line"
      [ "$code" = 200 ] || { echo "$path answered $code" >&2; }
      times+=("$t")
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.0f", (a[2] + a[3]) / 2 * 1000 }')
    local kb met
    kb=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1024 }')
    case "$kind" in
      page) met=$(awk -v m="$median" -v s="$size" 'BEGIN { print (m < 200 && s < 300 * 1024) ? "yes" : "no" }') ;;
      search) met=$(awk -v m="$median" 'BEGIN { print (m < 100) ? "yes" : "no" }') ;;
      export) met=$(awk -v m="$median" 'BEGIN { print (m < 1000) ? "yes" : "no" }') ;;
    esac
    echo "$label|$median|$kb|$met|$code" >> "$result"
  done <<< "$PAGES"
  if [ "$KEEP" = 1 ] && [ "$j" -eq $(( ${#JAR_LIST[@]} - 1 )) ]; then
    return
  fi
  stop_app
}

IFS=',' read -r -a SCALE_LIST <<< "$SCALES"
if [ "${#JAR_LIST[@]}" -gt 1 ]; then
  [ "${#JAR_LIST[@]}" -eq 2 ] && [ "${#SCALE_LIST[@]}" -eq 1 ] || { echo "BENCH_JARS: two jars, one scale" >&2; exit 2; }
  scale=${SCALE_LIST[0]}
  case "$scale" in 0.1|1) ;; *) echo "scale must be 0.1 or 1" >&2; exit 2 ;; esac
  measure_scale "$scale" 0
  sed "s/^/scale $scale, A: /" "$WORK/result-$scale.txt" >&2
  measure_scale "$scale" 1
  sed "s/^/scale $scale, B: /" "$WORK/result-$scale-1.txt" >&2
  echo "bench/volume.sh --scale $scale, BENCH_JARS=$JARS, $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $LOAD_BEFORE, $(nproc) cores"
  echo
  IFS='|' read -r orgs sessions slots regs transitions presences secs < "$WORK/volume-$scale.txt"
  echo "- scale $scale: $orgs organisations, $sessions published sessions, $slots programme slots, $regs registrations, $transitions transitions, $presences presences (generated in $secs s)"
  echo "- A: ${JAR_LIST[0]}, B: ${JAR_LIST[1]} (started second on A's data, its migrations applied)"
  echo
  echo "| page | target | A median ms | A KB | A met | B median ms | B KB | B met | B / A |"
  echo "|---|---|---:|---:|---|---:|---:|---|---:|"
  paste -d'|' "$WORK/result-$scale.txt" "$WORK/result-$scale-1.txt" | while IFS='|' read -r label m1 k1 ok1 c1 _ m2 k2 ok2 c2; do
    kind=$(printf '%s\n' "$PAGES" | awk -F'|' -v l="$label" '$1 == l { print $3 }')
    target=$(case "$kind" in page) echo "< 200 ms, < 300 KB" ;; search) echo "< 100 ms" ;; export) echo "< 1 s" ;; esac)
    ratio=$(awk -v a="$m1" -v b="$m2" 'BEGIN { printf (a > 0 ? "%.2f" : "—"), b / a }')
    echo "| $label | $target | $m1 | $k1 | $ok1 | $m2 | $k2 | $ok2 | $ratio |"
  done
  exit 0
fi
for scale in "${SCALE_LIST[@]}"; do
  case "$scale" in 0.1|1) ;; *) echo "scale must be 0.1 or 1" >&2; exit 2 ;; esac
  measure_scale "$scale"
  # Each scale's figures as soon as measured (on stderr), should the next one not finish in time.
  sed "s/^/scale $scale: /" "$WORK/result-$scale.txt" >&2
done

echo "bench/volume.sh --scale $SCALES, $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $LOAD_BEFORE, $(nproc) cores"
echo
for scale in "${SCALE_LIST[@]}"; do
  IFS='|' read -r orgs sessions slots regs transitions presences secs < "$WORK/volume-$scale.txt"
  echo "- scale $scale: $orgs organisations, $sessions published sessions, $slots programme slots, $regs registrations, $transitions transitions, $presences presences (generated in $secs s)"
done
echo
if [ "${#SCALE_LIST[@]}" -eq 2 ]; then
  A=${SCALE_LIST[0]}; B=${SCALE_LIST[1]}
  echo "| page | target | ${A}x median ms | ${A}x KB | ${A}x met | ${B}x median ms | ${B}x KB | ${B}x met | growth ${A}x → ${B}x |"
  echo "|---|---|---:|---:|---|---:|---:|---|---:|"
  paste -d'|' "$WORK/result-$A.txt" "$WORK/result-$B.txt" | while IFS='|' read -r label m1 k1 ok1 c1 _ m2 k2 ok2 c2; do
    kind=$(printf '%s\n' "$PAGES" | awk -F'|' -v l="$label" '$1 == l { print $3 }')
    target=$(case "$kind" in page) echo "< 200 ms, < 300 KB" ;; search) echo "< 100 ms" ;; export) echo "< 1 s" ;; esac)
    growth=$(awk -v a="$m1" -v b="$m2" 'BEGIN { printf (a > 0 ? "%.1f×" : "—"), b / a }')
    echo "| $label | $target | $m1 | $k1 | $ok1 | $m2 | $k2 | $ok2 | $growth |"
  done
else
  echo "| page | target | median ms | KB | met |"
  echo "|---|---|---:|---:|---|"
  while IFS='|' read -r label m k ok c; do
    kind=$(printf '%s\n' "$PAGES" | awk -F'|' -v l="$label" '$1 == l { print $3 }')
    target=$(case "$kind" in page) echo "< 200 ms, < 300 KB" ;; search) echo "< 100 ms" ;; export) echo "< 1 s" ;; esac)
    echo "| $label | $target | $m | $k | $ok |"
  done < "$WORK/result-${SCALE_LIST[0]}.txt"
fi
