#!/usr/bin/env bash
# HTTP benchmark: starts the packaged service on its own schema (optionally after a bulk import of an arXiv JSONL
# corpus), then drives { __typename }, relatedPapers and nextPapers with wrk over loopback in one run and prints
# throughput and latency percentiles side by side, plus the time from process start to ready.
#
#   bash src/bench/http/run.sh                                              # the seed data only
#   CORPUS=../shared/corpora/arxiv-cs-2025-2026.jsonl.gz bash src/bench/http/run.sh
#
# Settings (environment): CORPUS, SCHEMA (readnext_bench, dropped first unless KEEP=1), PORT (8088), DURATION (20s per query),
# WARMUP (60s per query: the JIT compiles the recommendation path slowly), CONNECTIONS (8), THREADS (1), JAVA_OPTS.
# Needs wrk (Debian package) and psql.
set -euo pipefail
cd "$(dirname "$0")/../../.."

SCHEMA=${SCHEMA:-readnext_bench}
PORT=${PORT:-8088}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
JAVA_OPTS=${JAVA_OPTS:-}
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
WORK=$(mktemp -d)
APP=target/quarkus-app/quarkus-run.jar
SERVER=

cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$APP" ] || ./mvnw -B -q -DskipTests package

[ "${KEEP:-0}" = 1 ] || "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE"
# shellcheck disable=SC2206
APP_CMD=(java $JAVA_OPTS -Dreadnext.schema="$SCHEMA" -Dquarkus.http.port="$PORT" -jar "$APP")

if [ -n "${CORPUS:-}" ]; then
  echo "== bulk import of $CORPUS"
  started=$(date +%s.%N)
  "${APP_CMD[@]}" import-arxiv "$CORPUS" | tail -n 3
  echo "import: $(echo "$(date +%s.%N) - $started" | bc) s"
fi

started=$(date +%s.%N)
"${APP_CMD[@]}" >"$WORK/server.log" 2>&1 &
SERVER=$!
until curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; echo "the service did not start" >&2; exit 1; }
  sleep 0.05
done
ready=$(echo "$(date +%s.%N) - $started" | bc)
papers=$("${PSQL[@]}" -c "SELECT count(*) FROM $SCHEMA.paper")
echo "== ready after $ready s with $papers papers (cores: $(nproc), memory: $(free -g | awk '/Mem:/ {print $2}') GiB)"
grep -o 'Recommendation index built[^"]*' "$WORK/server.log" || true
grep -o 'Recommendation index loaded from snapshot[^"]*' "$WORK/server.log" || true
# the neighbour lists are computed in the background after ready; measure once they serve related papers
until curl -fs "http://127.0.0.1:$PORT/q/metrics" | grep -q '^readnext_index_neighbours_ready 1'; do sleep 1; done
echo "== neighbour lists ready after $(echo "$(date +%s.%N) - $started" | bc) s, RSS $(ps -o rss= -p "$SERVER") KiB"
curl -fs "http://127.0.0.1:$PORT/q/metrics" | grep -E '^readnext_index_(documents|postings|bytes)' || true

# request bodies: 1,000 papers (a fixed pseudo-random sample) by id for relatedPapers, by title for nextPapers
"${PSQL[@]}" -c "SELECT id FROM $SCHEMA.paper ORDER BY md5(id::text) LIMIT 1000" \
  | jq -Rc '{query: "query Related($id: ID!) { relatedPapers(paperId: $id, first: 10) { score reasons sharedTerms paper { id title } } }", variables: {id: .}}' \
  >"$WORK/related.jsonl"
"${PSQL[@]}" -c "SELECT title FROM $SCHEMA.paper ORDER BY md5(id::text) LIMIT 1000" \
  | jq -Rc '{query: "query Next($after: String!) { nextPapers(after: $after, first: 5) { resolved { id title } recommendations { score reasons paper { id title } } } }", variables: {after: .}}' \
  >"$WORK/next.jsonl"
echo '{"query":"{ __typename }"}' >"$WORK/typename.jsonl"

bench() { # name, bodies, duration
  BODIES="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" -s src/bench/http/post.lua "http://127.0.0.1:$PORT" \
    | grep '^RESULT' | sed "s/^RESULT/$1/"
}

for name in typename related next; do bench "$name" "$WORK/$name.jsonl" "$WARMUP" >/dev/null; done
echo "== $CONNECTIONS connections, $THREADS wrk thread(s), $DURATION per query"
for name in typename related next; do bench "$name" "$WORK/$name.jsonl" "$DURATION"; done | tee "$WORK/results"
awk '/^typename/ {split($3, a, "="); base = a[2]}
     /^(related|next)/ {split($3, a, "="); printf "%s throughput / typename: %.2f\n", $1, a[2] / base}' "$WORK/results"
echo "== RSS after the run: $(ps -o rss= -p "$SERVER") KiB"
