#!/usr/bin/env bash
# What running yjs on the server costs (collective writing, the server owns the text): starting GraalJS,
# rebuilding a 5-page text from its 200 stored updates (exports) and compacting them, checking one
# incoming update, the memory of each open document. No server, no database: WritingEngineBenchmark
# (app/src/test/java) drives WritingEngine directly. Figures in docs/benchmarks.md.
#
#   bash bench/writing-engine.sh [rounds]      # 30 by default
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl app -am -DskipTests test-compile
CP=$(mktemp)
trap 'rm -f "$CP"' EXIT
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=test >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "app/target/test-classes:app/target/classes:$(cat "$CP")" org.rencontres.writing.WritingEngineBenchmark "$@" \
  2>&1 | grep -v -i 'ical4j\|SLF4J'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "GraalJS jars on the runtime classpath:"
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=runtime >/dev/null
tr ':' '\n' < "$CP" | grep '/org/graalvm/.*\.jar$' | xargs du -ch | sed 's#	.*/repository/#	#'
