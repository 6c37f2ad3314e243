#!/usr/bin/env bash
# Bulk generation of attendance certificates: a day that is over with N confirmed registrations, all
# checked in for both half-days (rows inserted with SQL, as the registration and attendance modules
# store them), then the organisers' "Générer et envoyer les attestations" over HTTP, timed from the
# POST until the progress page says the run is done (every certificate made, its PDF rendered and its
# e-mail, PDF attached, written to the outbox). Also prints the JVM's peak resident memory (VmHWM).
#
#   ./mvnw -q -DskipTests package && bash bench/certificates.sh [participants]
#
# Needs java 17, psql and curl. Traffic goes to 127.0.0.1 only; the instance and its ephemeral
# embedded PostgreSQL are stopped at the end; the whole run is bounded (BENCH_TIMEOUT seconds, 600).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
PORT=${BENCH_PORT:-8183}
LIMIT=${BENCH_TIMEOUT:-600}
JAR=${BENCH_JAR:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
ADMIN_EMAIL=banc-attestations@rencontres.invalid
ADMIN_PASSWORD=banc-d-essai-des-attestations
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
for tool in java psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
APP=
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
( sleep "$LIMIT"; echo "bench/certificates.sh: over ${LIMIT}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!
trap 'pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; cleanup' EXIT

# 1. The packaged app on an ephemeral embedded PostgreSQL; no mail sent (the outbox only fills up).
STARTED=$(date +%s%N)
RENCONTRES_ADMIN_EMAIL=$ADMIN_EMAIL RENCONTRES_ADMIN_PASSWORD=$ADMIN_PASSWORD \
java $(grep -v '^#' deploy/jvm.options) -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --rencontres.embedded-database.ephemeral=true --rencontres.mail.enabled=false \
  --logging.level.root=WARN --logging.level.org.rencontres.database=INFO > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 1800); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/connexion" && break
  kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.1
done
PGPORT=$(sed -n 's/.*Embedded PostgreSQL listening on port \([0-9]*\).*/\1/p' "$WORK/app.log" | head -1)
[ -n "$PGPORT" ] || { echo "no embedded PostgreSQL port in the log" >&2; cat "$WORK/app.log" >&2; exit 1; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres "$@"; }

# 2. A day that is over (yesterday, 9:00–16:30) with N confirmed registrations present all day.
DAY=$(sql -c "INSERT INTO event_day (session_code, title, first_date, last_date, status, organising_unit)
              VALUES ('ZCERT 001', 'Banc d''essai des attestations', current_date - 1, current_date - 1, 'PUBLISHED',
                      'INSET de Banc-sur-Essai') RETURNING id" | head -1)
SESSION_DAY=$(sql -c "INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
                      VALUES ($DAY, current_date - 1, '09:00', '16:30') RETURNING id" | head -1)
sql -c "INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service, employer_name,
                                  consent_at, state)
        SELECT $DAY, 'Participant-' || i, 'Camille', 'participant.' || i || '@banc.invalid', '01 60 79 74 00',
               'Chargée de mission', 'Commune de Banc-sur-Essai', now(), 'CONFIRMED'
        FROM generate_series(1, $N) AS i"
sql -c "INSERT INTO attendance (day_id, session_day_id, half_day, registration_id, present_at, recorded_by)
        SELECT $DAY, $SESSION_DAY, h, r.id, now(), 'Banc d''essai' FROM registration r, (VALUES ('MORNING'), ('AFTERNOON')) AS v(h)
        WHERE r.event_day_id = $DAY"

# 3. Sign in, confirm, start, then poll the progress page (as the browser's meta refresh would).
JAR_COOKIES="$WORK/cookies"
csrf() { curl -fs -b "$JAR_COOKIES" -c "$JAR_COOKIES" "http://127.0.0.1:$PORT$1" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }
TOKEN=$(csrf /connexion)
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "courriel=$ADMIN_EMAIL" \
  --data-urlencode "motdepasse=$ADMIN_PASSWORD" --data-urlencode "_csrf=$TOKEN" "http://127.0.0.1:$PORT/connexion"
BASE="/admin/journees/ZCERT001/attestations"
TOKEN=$(csrf "$BASE/confirmation")
[ -n "$TOKEN" ] || { echo "cannot open the confirmation page (signed in?)" >&2; exit 1; }
RSS_BEFORE=$(awk '/VmRSS/ { print $2 }' "/proc/$APP/status")
TICK=$(getconf CLK_TCK)
jvm_cpu_ms() { sed 's/.*) //' "/proc/$1/stat" | awk -v t="$TICK" '{ print int(($12 + $13) * 1000 / t) }'; }
CPU0=$(jvm_cpu_ms "$APP")
T0=$(date +%s%N)
curl -fs -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "_csrf=$TOKEN" "http://127.0.0.1:$PORT$BASE"
STATE=
while :; do
  STATE=$(curl -fs -b "$JAR_COOKIES" "http://127.0.0.1:$PORT$BASE" | sed -n 's/.*class="certificates-state"[^>]*>\([^<]*\)<.*/\1/p' | head -1)
  case "$STATE" in "Génération en cours"*|"") sleep 0.2 ;; *) break ;; esac
done
T1=$(date +%s%N)
CPU1=$(jvm_cpu_ms "$APP")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
HWM=$(awk '/VmHWM/ { print $2 }' "/proc/$APP/status")
read -r CERTS MAILS PDF_AVG <<< "$(sql -F' ' -c "
  SELECT (SELECT count(*) FROM attendance_certificate WHERE event_day_id = $DAY),
         (SELECT count(*) FROM notification_outbox WHERE recipient LIKE 'participant.%@banc.invalid'),
         (SELECT round(avg(length(content))) FROM notification_attachment a JOIN notification_outbox o ON o.id = a.outbox_id
          WHERE o.recipient LIKE 'participant.%@banc.invalid')")"
JOB=$(sql -F' ' -c "SELECT state, done, total, round(extract(epoch FROM finished_at - started_at)::numeric, 2)
                    FROM attendance_certificate_job WHERE event_day_id = $DAY ORDER BY id DESC LIMIT 1")

echo "| what | value |"
echo "|---|---:|"
echo "| participants present (both half-days) | $N |"
echo "| final state on the progress page | $STATE |"
echo "| POST to \"done\" on the progress page (s) | $(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') |"
echo "| job row: state, done, total, finished_at − started_at (s) | $JOB |"
echo "| the JVM's CPU time from the POST to \"done\" (s, all threads; the run's own work on a busy machine) | $(awk -v c=$(( CPU1 - CPU0 )) 'BEGIN { printf "%.2f", c / 1000 }') |"
echo "| certificates stored / e-mails in the outbox | $CERTS / $MAILS |"
echo "| average PDF attached (bytes) | $PDF_AVG |"
echo "| JVM resident memory before the run (MiB) | $(( RSS_BEFORE / 1024 )) |"
echo "| JVM peak resident memory, VmHWM, whole life (MiB) | $(( HWM / 1024 )) |"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc), java: $(java -version 2>&1 | head -1), load average before: $LOAD_BEFORE, after: $LOAD_AFTER, launch to measure: $(( (T0 - STARTED) / 1000000 )) ms"
