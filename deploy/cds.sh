#!/usr/bin/env bash
# Class data sharing (AppCDS) for the packaged jar: a faster start, and the classes' metadata mapped
# from one file. Java 17 archives only classes read from a plain class path, not from the nested jars
# of the packaged jar, so the jar is first extracted (app jar + lib/), then a training run starts it
# on a throw-away data directory, asks for a few pages, stops it, and the JVM writes, as it exits, the
# classes it loaded into the archive. Starts then use it:
#
#   bash deploy/cds.sh        # after ./mvnw -q -DskipTests package; makes app/target/cds/
#   java $(grep -v '^#' deploy/jvm.options) -XX:SharedArchiveFile=app/target/cds/app.jsa \
#        -jar app/target/cds/rencontres-app-0.1.0-SNAPSHOT.jar
#
# The archive fits that jar and that JVM only: make it again after every build or JDK update (with
# another jar or JVM the JVM ignores it and starts without it). Usage: bash deploy/cds.sh [jar] [directory]
# Loopback only, a port chosen by the system; bounded by CDS_TIMEOUT (600 s).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-app/target/rencontres-app-0.1.0-SNAPSHOT.jar}
OUT=${2:-app/target/cds}
LIMIT=${CDS_TIMEOUT:-600}
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 2; }
mapfile -t OPTIONS < <(grep -v '^#' deploy/jvm.options | grep -v '^[[:space:]]*$')

rm -rf "$OUT"
java -Djarmode=tools -jar "$JAR" extract --destination "$OUT" > /dev/null
EXTRACTED="$OUT/$(basename "$JAR")"
DATA=$(mktemp -d)
APP=
cleanup() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then kill -9 "$APP" 2>/dev/null || true; fi
  # A server left by a training run that did not stop cleanly: fast shutdown.
  if [ -f "$DATA/postgres/postmaster.pid" ]; then kill -INT "$(head -1 "$DATA/postgres/postmaster.pid")" 2>/dev/null || true; sleep 2; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

java "${OPTIONS[@]}" -XX:ArchiveClassesAtExit="$OUT/app.jsa" -jar "$EXTRACTED" --server.port=0 --server.address=127.0.0.1 \
  --rencontres.data-dir="$DATA" --rencontres.mail.enabled=false --logging.level.root=WARN \
  --logging.level.org.springframework.boot.tomcat=INFO > "$OUT/training.log" 2>&1 &
APP=$!
PORT=
for _ in $(seq 1 $(( LIMIT * 5 ))); do
  PORT=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$OUT/training.log" | head -1)
  [ -n "$PORT" ] && break
  kill -0 "$APP" 2>/dev/null || { cat "$OUT/training.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$PORT" ] || { echo "deploy/cds.sh: the training run did not start within ${LIMIT}s" >&2; exit 1; }
# The pages of a first visit: the public day page (the benchmarks' first page), the catalogue, sign-in.
for page in /journees/Z20IN001 / /connexion /journees/Z20IN001 /actuator/health; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$page" || true
done
kill -TERM "$APP"
wait "$APP" || true
APP=
[ -s "$OUT/app.jsa" ] || { echo "deploy/cds.sh: no archive written (see $OUT/training.log)" >&2; exit 1; }
echo "$OUT/app.jsa ($(du -m "$OUT/app.jsa" | cut -f1) MiB): start with -XX:SharedArchiveFile=$OUT/app.jsa -jar $EXTRACTED"
