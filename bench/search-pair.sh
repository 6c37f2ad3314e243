#!/usr/bin/env bash
# Two running builds side by side on one database (issue 20's two searches): A on port $1, B on port $2, both
# started on the same data (e.g. A kept by BENCH_KEEP=1 bash bench/volume.sh --scale 1, B started with
# --spring.datasource.url=jdbc:postgresql://127.0.0.1:<its PostgreSQL port>/postgres). Each page: one warm-up each,
# then ROUNDS rounds alternating A and B, 5 requests a round each; the median of each build's requests and B/A.
# Loopback only, bounded (curl --max-time 10 a request). Signs in as bench/volume.sh's administrator.
#
#   flock /tmp/rencontres-bench.lock bash bench/search-pair.sh 8330 8331
set -euo pipefail
A=$1 B=$2 ROUNDS=${ROUNDS:-2}
S=/admin/journees/ZVOL00001
echo "bench/search-pair.sh $A $B, $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
jar=$(mktemp -d)
trap 'rm -rf "$jar"' EXIT
for port in $A $B; do
  c=$jar/$port
  token=$(curl -fs --max-time 10 -b "$c" -c "$c" "http://127.0.0.1:$port/connexion" \
    | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs --max-time 10 -o /dev/null -b "$c" -c "$c" --data-urlencode "courriel=volume@rencontres.invalid" \
    --data-urlencode "motdepasse=banc-d-essai-du-volume-national" --data-urlencode "_csrf=$token" \
    "http://127.0.0.1:$port/connexion"
done
median() { sort -g | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f", m * 1000 }'; }
echo "| page | A median ms | B median ms | B/A | same HTML size |"
echo "|---|---:|---:|---:|---|"
for path in "$S/inscriptions?recherche=grand&q=grand" "$S/presences?q=grand" "$S/presences" "$S/inscriptions"; do
  for port in $A $B; do curl -s --max-time 10 -o /dev/null -b "$jar/$port" "http://127.0.0.1:$port$path"; : > "$jar/t$port"; done
  for _ in $(seq 1 "$ROUNDS"); do
    for port in $A $B; do
      for _ in 1 2 3 4 5; do
        curl -s --max-time 10 -o "$jar/out$port" -b "$jar/$port" -w '%{time_total}\n' "http://127.0.0.1:$port$path" >> "$jar/t$port"
      done
    done
  done
  ma=$(median < "$jar/t$A"); mb=$(median < "$jar/t$B")
  same=$([ "$(wc -c < "$jar/out$A")" = "$(wc -c < "$jar/out$B")" ] && echo yes || echo no)
  echo "| ${path#"$S"} | $ma | $mb | $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.2f", b / a }') | $same |"
done
