#!/usr/bin/env bash
# A burst of registration requests through the public form of a running instance, against the bare
# SQL of one registration run by pgbench on the same PostgreSQL, in one run; then the organisers'
# confirmations from several sessions at once and a check that the day did not end over capacity.
# Prints a Markdown table.
#
#   ./mvnw -q -DskipTests package && bash bench/registration.sh [requests] [concurrency]
#
# Needs java 17, psql and pgbench (apt-get install postgresql-client). Traffic goes to 127.0.0.1
# only; the instance and its ephemeral embedded PostgreSQL are stopped at the end; every step is
# bounded in time (BENCH_TIMEOUT seconds in all, 900 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-2000}
CLIENTS=${2:-16}
SEATS=${BENCH_SEATS:-50}
SESSIONS=${BENCH_ORGANISERS:-4}      # organisers confirming at once (0: no organisers' step, no capacity check)
PORT=${BENCH_PORT:-8182}
LIMIT=${BENCH_TIMEOUT:-900}
JAR=${BENCH_JAR:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}   # BENCH_JAR: another build, for a before/after
ADMIN_EMAIL=banc-essai@rencontres.invalid
ADMIN_PASSWORD=banc-d-essai-des-inscriptions
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
for tool in java psql pgbench curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (pgbench, psql: apt-get install postgresql-client)" >&2; exit 2; }
done
[ "$REQUESTS" -ge "$CLIENTS" ] || { echo "requests must be at least the concurrency" >&2; exit 2; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
APP=
cleanup() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# The whole run is bounded: past the limit, the script stops itself (and the trap stops the app).
( sleep "$LIMIT"; echo "bench/registration.sh: over ${LIMIT}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!
trap 'pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; cleanup' EXIT

# 1. The packaged app on an ephemeral embedded PostgreSQL (any free port, printed in the log).
RENCONTRES_ADMIN_EMAIL=$ADMIN_EMAIL RENCONTRES_ADMIN_PASSWORD=$ADMIN_PASSWORD \
java $(grep -v '^#' deploy/jvm.options) -XX:FlightRecorderOptions=stackdepth=512 -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --rencontres.embedded-database.ephemeral=true \
  --rencontres.registration.rate-limit=1000000 --rencontres.mail.enabled=false \
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
PG_VERSION=$(sql -c "SHOW server_version" | cut -d' ' -f1)
PG_SETTINGS=$(sql -F' ' -c "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers')")
# The server runs detached from the JVM (pg_ctl): its processes are the postmaster's tree.
POSTMASTER=$(head -1 "$(sql -c "SHOW data_directory")/postmaster.pid")

# 2. A published day 60 days ahead with its seats (the day as the event module stores it; the
#    capacity row as the organiser's capacity form writes it). A second one takes pgbench's rows.
new_day() { # session code -> day id
  sql -c "WITH d AS (INSERT INTO event_day (session_code, title, first_date, last_date, status, organising_unit)
          VALUES ('$1', 'Banc d''essai des inscriptions', current_date + 60, current_date + 60, 'PUBLISHED',
                  'INSET de Banc-sur-Essai') RETURNING id),
          s AS (INSERT INTO event_session_day (event_day_id, day_date, starts_at, ends_at)
                SELECT id, current_date + 60, '09:00', '17:00' FROM d)
          SELECT id FROM d" | head -1
}
DAY=$(new_day "ZBENCH 001")
PGB_DAY=$(new_day "ZBENCH 002")
sql -c "INSERT INTO registration_capacity (event_day_id, seats, offer_hours) VALUES ($DAY, $SEATS, 48), ($PGB_DAY, $SEATS, 48)"
curl -fs -o /dev/null "http://127.0.0.1:$PORT/journees/ZBENCH001/inscription" \
  || { echo "the day's form does not answer" >&2; exit 1; }

kv() { sed -n "s/^$1=//p" "$2" | head -1; }

# CPU time (ms) of a process and its descendants (exited ones included through their parent).
TICK=$(getconf CLK_TCK)
tree() { echo "$1"; local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$c"; done; }
cpu_ms() { # pid [self] -> ms of the pid alone (self) or of the pid and its descendants
  local pids p t=0
  if [ "${2:-}" = self ]; then pids=$1; else pids=$(tree "$1"); fi
  for p in $pids; do
    t=$(( t + $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }' || echo 0) ))
  done
  echo $(( t * 1000 / TICK ))
}
# The database's own counters (flushed by idle backends within a few seconds, hence the pause).
db_stats() {
  sleep "${BENCH_STATS_PAUSE:-11}"
  sql -F' ' -c "SELECT xact_commit, round(active_time), round(idle_in_transaction_time), tup_inserted, tup_fetched,
                 (SELECT sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)) FROM pg_stat_user_tables)
                FROM pg_stat_database WHERE datname = 'postgres'"
}

# The session tables' work (Spring Session JDBC): index or table scans (reads) and rows written.
session_stats() {
  sql -F' ' -c "SELECT coalesce(sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)), 0),
                       coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)
                FROM pg_stat_user_tables WHERE relname LIKE 'spring_session%'"
}

# 3. A warm-up burst on a day of its own (JIT, caches, pools), then the measured burst through the
#    public form: every visitor's form fetched first, then the POSTs, timed.
WARM_DAY=$(new_day "ZBENCH 000")
sql -c "INSERT INTO registration_capacity (event_day_id, seats, offer_hours) VALUES ($WARM_DAY, $SEATS, 48)"
WARM=$(( REQUESTS < 300 ? REQUESTS : 300 ))
java bench/RegistrationBurst.java forms "http://127.0.0.1:$PORT" ZBENCH000 "$WARM" "$CLIENTS" "$WORK/warm.txt" > /dev/null
java bench/RegistrationBurst.java post "http://127.0.0.1:$PORT" ZBENCH000 "$WORK/warm.txt" "$CLIENTS" > "$WORK/warm-post.txt"
read -r SS_SCANS0 SS_ROWS0 <<< "$(db_stats > /dev/null; session_stats)"
java bench/RegistrationBurst.java forms "http://127.0.0.1:$PORT" ZBENCH001 "$REQUESTS" "$CLIENTS" "$WORK/visitors.txt" > "$WORK/forms.txt"
read -r X0 A0 I0 INS0 F0 SC0 <<< "$(db_stats)"
read -r SS_SCANS1 SS_ROWS1 <<< "$(session_stats)"
APP_CPU0=$(cpu_ms "$APP" self); PG_CPU0=$(cpu_ms "$POSTMASTER")
java bench/RegistrationBurst.java post "http://127.0.0.1:$PORT" ZBENCH001 "$WORK/visitors.txt" "$CLIENTS" > "$WORK/burst.txt"
APP_CPU1=$(cpu_ms "$APP" self); PG_CPU1=$(cpu_ms "$POSTMASTER")
read -r X1 A1 I1 INS1 F1 SC1 <<< "$(db_stats)"
read -r SS_SCANS2 SS_ROWS2 <<< "$(session_stats)"
cat "$WORK/forms.txt" "$WORK/burst.txt" >&2
ACCEPTED=$(kv accepted "$WORK/burst.txt")
PREFIX=$(kv email_prefix "$WORK/burst.txt")
per() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }'; }
JVM_MS=$(per $(( APP_CPU1 - APP_CPU0 )) "$ACCEPTED")
PG_MS=$(per $(( PG_CPU1 - PG_CPU0 )) "$ACCEPTED")
DRIVER_MS=$(per "$(kv driver_cpu_ms "$WORK/burst.txt")" "$ACCEPTED")
APP_XACTS=$(per $(( X1 - X0 )) "$ACCEPTED")
APP_ACTIVE=$(per $(( A1 - A0 )) "$ACCEPTED")
APP_IDLE_TX=$(per $(( I1 - I0 )) "$ACCEPTED")
APP_SCANS=$(per $(( SC1 - SC0 )) "$ACCEPTED")
APP_FETCHED=$(per $(( F1 - F0 )) "$ACCEPTED")
APP_INSERTED=$(per $(( INS1 - INS0 )) "$ACCEPTED")

# A second burst, on a day of its own, under the JFR profiler (kept apart from the measured burst
# so that the profiler's overhead does not touch the figures above).
PROFILED=$(( REQUESTS < 1000 ? REQUESTS : 1000 ))
PROFILE_DAY=$(new_day "ZBENCH 003")
sql -c "INSERT INTO registration_capacity (event_day_id, seats, offer_hours) VALUES ($PROFILE_DAY, $SEATS, 48)"
java bench/RegistrationBurst.java forms "http://127.0.0.1:$PORT" ZBENCH003 "$PROFILED" "$CLIENTS" "$WORK/profiled.txt" > /dev/null
jcmd "$APP" JFR.start name=burst settings=profile filename="$WORK/burst.jfr" > /dev/null
java bench/RegistrationBurst.java post "http://127.0.0.1:$PORT" ZBENCH003 "$WORK/profiled.txt" "$CLIENTS" > "$WORK/profiled-post.txt"
jcmd "$APP" JFR.stop name=burst > /dev/null
[ -z "${BENCH_KEEP_JFR:-}" ] || cp "$WORK/burst.jfr" "$BENCH_KEEP_JFR"

# What the burst left in the database: one row of each per request, and the e-mail's size.
read -r REGS TRANSITIONS LINKS MAILS TEXT_LEN HTML_LEN <<< "$(sql -F' ' -c "
  SELECT (SELECT count(*) FROM registration WHERE event_day_id = $DAY),
         (SELECT count(*) FROM registration_transition t JOIN registration r ON r.id = t.registration_id WHERE r.event_day_id = $DAY),
         (SELECT count(*) FROM registration_link l JOIN registration r ON r.id = l.registration_id WHERE r.event_day_id = $DAY),
         (SELECT count(*) FROM notification_outbox WHERE recipient LIKE '$PREFIX%'),
         (SELECT round(avg(length(text_body))) FROM notification_outbox WHERE recipient LIKE '$PREFIX%'),
         (SELECT round(avg(length(html_body))) FROM notification_outbox WHERE recipient LIKE '$PREFIX%')")"
sql -c "CREATE TABLE bench_mail_sample AS SELECT subject, text_body, html_body FROM notification_outbox
        WHERE recipient LIKE '$PREFIX%' ORDER BY id LIMIT 1"

# 4. The organisers: every request sent on to the organiser (typed employer: the organiser decides
#    for the training service), then confirmed by SESSIONS signed-in organisers at once, on
#    overlapping selections (chunks of 100 ids every 50 ids: each request is confirmed twice).
if [ "$SESSIONS" -gt 0 ]; then
sql -c "SELECT id FROM registration WHERE event_day_id = $DAY ORDER BY id" > "$WORK/ids.txt"
java bench/RegistrationBurst.java organise "http://127.0.0.1:$PORT" ZBENCH001 "$ADMIN_EMAIL" "$ADMIN_PASSWORD" \
  "$SESSIONS" suivante 100 100 "$WORK/ids.txt" > "$WORK/advance.txt"
java bench/RegistrationBurst.java organise "http://127.0.0.1:$PORT" ZBENCH001 "$ADMIN_EMAIL" "$ADMIN_PASSWORD" \
  "$SESSIONS" confirmer 100 50 "$WORK/ids.txt" > "$WORK/confirm.txt"
cat "$WORK/advance.txt" "$WORK/confirm.txt" >&2
fi

# The check: min(seats, accepted) seats held, never more confirmations than seats, everyone else
# on the waiting list at positions 1..k, and no day of the database over its capacity.
read -r HELD CONFIRMED_EVER WAITING WPOS_OK OTHERS OVER <<< "$(sql -F' ' -c "
  SELECT (SELECT count(*) FROM registration WHERE event_day_id = $DAY AND state IN ('CONFIRMED', 'OFFERED')),
         (SELECT count(*) FROM registration_transition t JOIN registration r ON r.id = t.registration_id
           WHERE r.event_day_id = $DAY AND t.to_state IN ('CONFIRMED', 'OFFERED')),
         (SELECT count(*) FROM registration WHERE event_day_id = $DAY AND state = 'WAITING_LIST'),
         (SELECT coalesce(bool_and(waiting_position = n), true) FROM (SELECT waiting_position,
                 row_number() OVER (ORDER BY waiting_position) AS n FROM registration
                 WHERE event_day_id = $DAY AND state = 'WAITING_LIST') w),
         (SELECT count(*) FROM registration WHERE event_day_id = $DAY
           AND state NOT IN ('CONFIRMED', 'OFFERED', 'WAITING_LIST')),
         (SELECT count(*) FROM registration_capacity c WHERE c.seats < (SELECT count(*) FROM registration r
           WHERE r.event_day_id = c.event_day_id AND r.state IN ('CONFIRMED', 'OFFERED')))")"
EXPECTED=$(( ACCEPTED < SEATS ? ACCEPTED : SEATS ))
CHECK=FAIL
[ "$SESSIONS" -gt 0 ] || CHECK=SKIPPED
if [ "$SESSIONS" -gt 0 ] && [ "$REGS" -eq "$ACCEPTED" ] && [ "$HELD" -eq "$EXPECTED" ] && [ "$CONFIRMED_EVER" -le "$SEATS" ] \
   && [ "$WAITING" -eq $(( ACCEPTED - EXPECTED )) ] && [ "$WPOS_OK" = t ] && [ "$OTHERS" -eq 0 ] && [ "$OVER" -eq 0 ]; then
  CHECK=PASS
fi

# 5. pgbench on the same server, same number of transactions and clients: (a) the writes of one
#    registration as the application makes them (registration, its two transitions and the move
#    between them, the agent's space link, the e-mail in the outbox with the body the application
#    rendered); (b) every statement of the request's transactions in the application's order, with
#    its locks (rate-limit transaction, duplicate check, day's capacity row FOR UPDATE), reads of
#    other modules (the day, its venue, workshops, directory) left out.
EMAIL="'pgbench-' || :client_id::text || '-' || :n::text || '@banc-essai.example.org'"
COLS="id, event_day_id, state, surname, given_name, email, phone, position_service, employer_organisation_id,
  employer_name, line_manager_email, dietary_needs, accessibility_needs, consent_at, waiting_position,
  offer_deadline, version, created_at, language, registered_by, networking_opt_in,
  ARRAY(SELECT rw.workshop_id FROM registration_workshop rw WHERE rw.registration_id = registration.id
        ORDER BY rw.workshop_id) AS workshop_ids"
INSERT_REGISTRATION="INSERT INTO registration (event_day_id, surname, given_name, email, phone, position_service,
  employer_organisation_id, employer_name, line_manager_email, dietary_needs, accessibility_needs, consent_at, state,
  language, registered_by)
  VALUES (:day, 'Agent' || :n::text, 'Camille', $EMAIL, '01 60 79 74 00',
  'Chargée de mission, service des ressources humaines', NULL, 'Commune de Banc-sur-Essai', NULL, 'Végétarien', NULL,
  now(), 'REQUESTED', 'fr', NULL) RETURNING id, email"
TRANSITION_1="INSERT INTO registration_transition (registration_id, from_state, to_state, actor, reason)
  VALUES (:id, NULL, 'REQUESTED', :email::text, NULL);"
MOVE="UPDATE registration SET state = 'AWAITING_TRAINING_SERVICE', waiting_position = coalesce(NULL::int, waiting_position),
  offer_deadline = coalesce(NULL::timestamptz, offer_deadline), version = version + 1 WHERE id = :id;
INSERT INTO registration_transition (registration_id, from_state, to_state, actor, reason)
  VALUES (:id, 'REQUESTED', 'AWAITING_TRAINING_SERVICE', 'Système', NULL);"
LINK_AND_MAIL="INSERT INTO registration_link (purpose, token_hash, registration_id, organisation_id, recipient, expires_at)
  VALUES ('AGENT_SPACE', sha256(convert_to(:email::text || random()::text, 'UTF8')), :id, NULL, :email::text,
  now() + interval '120 days');
INSERT INTO notification_outbox (dedup_key, recipient, subject, text_body, html_body)
  SELECT NULL, :email::text, subject, text_body, html_body FROM bench_mail_sample
  ON CONFLICT (dedup_key) DO NOTHING RETURNING id;"
cat > "$WORK/writes.sql" <<EOF
\set n random(1, 2000000000)
BEGIN;
$INSERT_REGISTRATION \gset
$TRANSITION_1
$MOVE
$LINK_AND_MAIL
COMMIT;
EOF
cat > "$WORK/statements.sql" <<EOF
\set n random(1, 2000000000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('registration-attempt:' || '127.0.0.1'));
DELETE FROM registration_attempt WHERE address = '127.0.0.1' AND at < now() - interval '1 hour';
SELECT at FROM registration_attempt WHERE address = '127.0.0.1' AND at >= now() - interval '1 hour'
  ORDER BY at DESC OFFSET 999999 LIMIT 1;
INSERT INTO registration_attempt (address, at) VALUES ('127.0.0.1', now());
COMMIT;
BEGIN;
SELECT EXISTS (SELECT 1 FROM registration WHERE event_day_id = :day AND lower(btrim(email)) = lower(btrim($EMAIL))
  AND state NOT IN ('REFUSED', 'WITHDRAWN', 'CANCELLED', 'EXPIRED'));
$INSERT_REGISTRATION \gset
$TRANSITION_1
SELECT event_day_id FROM registration WHERE id = :id;
SELECT event_day_id, seats, offer_hours, manager_opinion_asked, opens_at, closes_at FROM registration_capacity
  WHERE event_day_id = :day FOR UPDATE;
SELECT $COLS FROM registration WHERE id = :id FOR UPDATE;
$MOVE
SELECT $COLS FROM registration WHERE id = :id;
$LINK_AND_MAIL
COMMIT;
SELECT $COLS FROM registration WHERE id = :id;
EOF
PER_CLIENT=$(( REQUESTS / CLIENTS ))
THREADS=$(( CLIENTS < $(nproc) ? CLIENTS : $(nproc) ))
pgb() { # script name -> "tps avg_ms p50_ms p99_ms failed pg_cpu_ms/tx xacts/tx active_ms/tx scans/tx fetched/tx"
  local out x0 a0 i0 ins0 f0 sc0 x1 a1 i1 ins1 f1 sc1 c0 c1 n
  read -r x0 a0 i0 ins0 f0 sc0 <<< "$(db_stats)"
  c0=$(cpu_ms "$POSTMASTER")
  out=$(cd "$WORK" && pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -M prepared \
        -c "$CLIENTS" -j "$THREADS" -t "$PER_CLIENT" -D day="$PGB_DAY" -f "$1.sql" -l --log-prefix="log-$1" postgres 2>&1) \
    || { echo "$out" >&2; exit 1; }
  sleep 1; c1=$(cpu_ms "$POSTMASTER") # the backends have exited: their CPU is the postmaster's children's
  read -r x1 a1 i1 ins1 f1 sc1 <<< "$(db_stats)"
  echo "$out" | sed -n '/transaction type/,$p' >&2
  local tps avg failed
  tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | head -1)
  avg=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
  failed=$(echo "$out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')
  read -r p50 p99 <<< "$(cat "$WORK/log-$1".* | awk '{ print $3 }' | sort -n | awk '
    { v[NR] = $1 } END { i50 = int(0.50 * NR + 0.999999); i99 = int(0.99 * NR + 0.999999);
                        printf "%.2f %.2f\n", v[i50] / 1000, v[i99] / 1000 }')"
  n=$(( PER_CLIENT * CLIENTS ))
  printf '%.1f %s %s %s %s %s %s %s %s %s\n' "$tps" "$avg" "$p50" "$p99" "${failed:-0}" "$(per $(( c1 - c0 )) $n)" \
    "$(per $(( x1 - x0 )) $n)" "$(per $(( a1 - a0 )) $n)" "$(per $(( sc1 - sc0 )) $n)" "$(per $(( f1 - f0 )) $n)"
}
read -r W_TPS W_AVG W_P50 W_P99 W_FAILED W_CPU W_XACTS W_ACTIVE W_SCANS W_FETCHED <<< "$(pgb writes)"
read -r S_TPS S_AVG S_P50 S_P99 S_FAILED S_CPU S_XACTS S_ACTIVE S_SCANS S_FETCHED <<< "$(pgb statements)"
PGB_ROWS=$(sql -c "SELECT count(*) FROM registration WHERE event_day_id = $PGB_DAY")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Where the app's JVM spends its CPU during the profiled burst: JFR's execution samples (every 10 ms of a
# running thread), each given to the innermost frame of a known library or of the application,
# and, counted apart, the samples under some of the application's steps (a sample may be under several).
jfr print --events jdk.ExecutionSample --stack-depth 512 "$WORK/burst.jfr" | awk '
  function owner(f) {
    if (f ~ /^(org\.thymeleaf|org\.attoparser|org\.unbescape|org\.springframework\.expression)\./) return "Thymeleaf templates (SpEL included)"
    if (f ~ /^(org\.postgresql|com\.zaxxer)\./) return "JDBC driver and pool"
    if (f ~ /^org\.springframework\.jdbc\./) return "Spring JDBC (JdbcClient, row mapping)"
    if (f ~ /^org\.springframework\.security\./) return "Spring Security (CSRF, session, headers)"
    if (f ~ /^org\.springframework\.transaction\./) return "Spring transactions"
    if (f ~ /^org\.springframework\.(web|http|validation|beans|ui)\./) return "Spring MVC (binding, redirect, flash)"
    if (f ~ /^org\.apache\.(catalina|coyote|tomcat)\./) return "Tomcat (HTTP, sessions)"
    if (f ~ /^(jakarta\.mail|org\.eclipse\.angus)\./) return "Jakarta Mail (address checks)"
    if (f ~ /^(javax\.crypto|sun\.security|java\.security)\./) return "crypto (HMAC, SHA-256, random)"
    if (f ~ /^(ch\.qos\.logback|org\.slf4j)\./) return "logging"
    if (f ~ /^org\.rencontres\./) return "application code (regexes, maps, records)"
    if (f ~ /^org\.springframework\./) return "Spring, other"
    return ""
  }
  function flush() {
    if (!n) return
    total++; cat = ""
    for (k = 1; k <= n && cat == ""; k++) cat = owner(frame[k])
    by[cat == "" ? "JDK and other libraries only" : cat]++
    split("", seen)
    for (k = 1; k <= n; k++) for (s in step) if (index(frame[k], step[s]) == 1 && !(s in seen)) { seen[s] = 1; under[s]++ }
    n = 0
  }
  BEGIN {
    step["the whole POST handler (RequestController.submit)"] = "org.rencontres.registration.RequestController.submit("
    step["Registrations.submit (the request transaction)"] = "org.rencontres.registration.Registrations.submit"
    step["MailsAfterCommit.deferring (the request and its e-mails, rendered after the commit)"] = "org.rencontres.registration.MailsAfterCommit.deferring("
    step["RegistrationMails.changed (the e-mail: day, link, rendering)"] = "org.rencontres.registration.RegistrationMails.changed("
    step["MailTemplates.render (the e-mail template)"] = "org.rencontres.notification.MailTemplates.render("
    step["Days.find (a day loaded with its venue, contacts…)"] = "org.rencontres.event.Days.find("
    step["Directory.organisationsByName (employer match)"] = "org.rencontres.directory.Directory.organisationsByName("
    step["Attempts.allow (rate limit)"] = "org.rencontres.registration.Attempts.allow("
    step["Registrations.hasLiveRequest (duplicate check)"] = "org.rencontres.registration.Registrations.hasLiveRequest("
  }
  /^jdk\.ExecutionSample/ { flush(); next }
  /^[ \t]+[A-Za-z_$][A-Za-z0-9_$.]*\.[A-Za-z0-9_$<>]+\(/ { sub(/^[ \t]+/, ""); frame[++n] = $0 }
  END {
    flush()
    printf "%d\t| all samples of the app during the profiled burst | %d | 100 |\n", 1e9, total
    for (c in by) printf "%d\t| %s | %d | %.1f |\n", 1e6 + by[c], c, by[c], 100 * by[c] / total
    for (s in step) printf "%d\t| under %s | %d | %.1f |\n", under[s], s, under[s], 100 * under[s] / total
  }' | sort -t"$(printf '\t')" -k1,1nr | cut -f2- > "$WORK/profile.md"

APP_RPS=$(kv registrations_per_s "$WORK/burst.txt")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2),"
echo "PostgreSQL $PG_VERSION (embedded, ephemeral; fsync, synchronous_commit, shared_buffers: $PG_SETTINGS), pgbench $(pgbench --version | awk '{ print $3 }'); $REQUESTS requests, $CLIENTS clients;"
echo "load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER."
echo
echo "| what | per second | p50 (ms) | p99 (ms) | average (ms) |"
echo "|---|---:|---:|---:|---:|"
echo "| app: POST of the public form (registrations accepted/s) | $APP_RPS | $(kv post_p50_ms "$WORK/burst.txt") | $(kv post_p99_ms "$WORK/burst.txt") | |"
echo "| app: GET of the form before (forms/s, not in the ratio) | $(kv forms_per_s "$WORK/forms.txt") | $(kv get_p50_ms "$WORK/forms.txt") | $(kv get_p99_ms "$WORK/forms.txt") | |"
echo "| pgbench (a): the writes of one registration (tps) | $W_TPS | $W_P50 | $W_P99 | $W_AVG |"
echo "| pgbench (b): every statement of the request, locks included (tps) | $S_TPS | $S_P50 | $S_P99 | $S_AVG |"
echo "| **ratio app / pgbench (a)** | **$(ratio "$APP_RPS" "$W_TPS")** | | | |"
echo "| ratio app / pgbench (b) | $(ratio "$APP_RPS" "$S_TPS") | | | |"
echo
echo "Per registration (CPU from /proc; database counters from pg_stat_database and pg_stat_user_tables):"
echo
echo "| per registration | app's JVM CPU (ms) | PostgreSQL CPU (ms) | load driver CPU (ms) | transactions | in a statement (ms) | idle in transaction (ms) | table scans | rows fetched |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
echo "| app burst | $JVM_MS | $PG_MS | $DRIVER_MS | $APP_XACTS | $APP_ACTIVE | $APP_IDLE_TX | $APP_SCANS | $APP_FETCHED |"
echo "| pgbench (a) | | $W_CPU | | $W_XACTS | $W_ACTIVE | | $W_SCANS | $W_FETCHED |"
echo "| pgbench (b) | | $S_CPU | | $S_XACTS | $S_ACTIVE | | $S_SCANS | $S_FETCHED |"
echo
echo "Where the app's JVM spends its CPU: a second burst of $PROFILED POSTs on another day under JFR"
echo "($(kv registrations_per_s "$WORK/profiled-post.txt") registrations/s under the profiler; execution samples, settings=profile;"
echo "each sample given to the innermost frame of a known library or of the application; \"under\" rows"
echo "count the samples below one of the application's steps, whatever the library):"
echo
echo "| JFR execution samples | samples | % |"
echo "|---|---:|---:|"
cat "$WORK/profile.md"
echo
echo "- sessions (Spring Session JDBC): $(kv form_session_cookies "$WORK/forms.txt") of the $REQUESTS form pages set a session cookie; session tables per visitor, GET of the form: $(per $(( SS_SCANS1 - SS_SCANS0 )) "$REQUESTS") scans, $(per $(( SS_ROWS1 - SS_ROWS0 )) "$REQUESTS") rows written; per registration, POST: $(per $(( SS_SCANS2 - SS_SCANS1 )) "$ACCEPTED") scans, $(per $(( SS_ROWS2 - SS_ROWS1 )) "$ACCEPTED") rows written"
echo "- answers to the $REQUESTS POSTs: $ACCEPTED accepted (302 to the confirmation page), $(kv other "$WORK/burst.txt") other $(kv statuses "$WORK/burst.txt"); slowest POST $(kv post_max_ms "$WORK/burst.txt") ms; warm-up before: $WARM POSTs on another day at $(kv registrations_per_s "$WORK/warm-post.txt")/s"
echo "- left by the burst: $REGS registrations, $TRANSITIONS transitions, $LINKS links, $MAILS e-mails in the outbox (text $TEXT_LEN + HTML $HTML_LEN characters on average); rows inserted per registration (all tables): $APP_INSERTED"
echo "- organisers ($SESSIONS sessions at once, bulk action by 100): sent on $(kv suivante_ids_posted "$WORK/advance.txt") in $(kv suivante_seconds "$WORK/advance.txt") s, $(kv suivante_statuses "$WORK/advance.txt"); confirm $(kv confirmer_ids_posted "$WORK/confirm.txt") (each id twice, overlapping selections) in $(kv confirmer_seconds "$WORK/confirm.txt") s, $(kv confirmer_statuses "$WORK/confirm.txt")"
echo "- capacity check: **$CHECK** — $SEATS seats, $HELD held (expected $EXPECTED), $CONFIRMED_EVER confirmations ever, $WAITING on the waiting list (positions 1..$WAITING without gaps: $WPOS_OK), $OTHERS in another state, days over capacity in the database: $OVER"
echo "- pgbench: -M prepared -c $CLIENTS -j $THREADS -t $PER_CLIENT ($(( PER_CLIENT * CLIENTS )) transactions per script), failed: $W_FAILED and $S_FAILED, $PGB_ROWS registrations written on a day of its own"
[ "$CHECK" != FAIL ]
