#!/usr/bin/env bash
# Soak (issue 16): slow-body, SSE-flood and webhook-replay attacks plus --jobs queued jobs against a sandbox server.
# usage: bench/soak.sh [--jobs 2000] [--slow 300] [--streams 300] [--replays 200] [--attack-seconds 90] [--finish-seconds 1500]
# Targets: 0 5xx, /healthz p99 < 200 ms during the attack, every accepted job terminal, 0 duplicates.
# The server is app-http/target/avatarkit-http.jar --sandbox (3 s renders) with HEYGEN_MAX_CONCURRENCY=50, 20 tokens, its
# public URL pointing at the bench's capture proxy (which forwards every delivery: jobs finish by webhook) and a queue
# limit that admits the 2,000 jobs (429s are covered by app-http's AbuseTest). Loopback only; everything stops by itself.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_build
JAR="$ROOT/app-http/target/avatarkit-http.jar"
[ -f "$JAR" ] || { echo "NOT MEASURED: $JAR is missing (./mvnw -q -pl app-http -am package -DskipTests)"; exit 3; }
machine_note
TMP=$(mktemp -d /tmp/bench-soak.XXXX)
PORT=18591; CAPTURE=18592
TOKENS=$(for i in $(seq 1 20); do printf 'soak_token_%02d_0123456789,' "$i"; done); TOKENS=${TOKENS%,}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
AVATARKIT_HOME="$TMP/home" AVATARKIT_STORAGE_DIR="$TMP/assets" AVATARKIT_HTTP_TOKENS="$TOKENS" \
  AVATARKIT_PUBLIC_URL="http://127.0.0.1:$CAPTURE" HEYGEN_MAX_CONCURRENCY=50 AVATARKIT_HTTP_MAX_QUEUED_PER_TOKEN=2500 \
  java ${SOAK_JAVA_OPTS:--Xmx1g} -jar "$JAR" --port $PORT --sandbox > "$TMP/server.log" 2>&1 &
pids+=($!)
for i in $(seq 1 120); do curl -sf "localhost:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$PORT/healthz" >/dev/null || { echo "server did not start:"; tail -20 "$TMP/server.log"; exit 1; }
echo "server log: $TMP/server.log"
ulimit -n 65536 2>/dev/null || true
bench_java dev.avatarkit.bench.SoakBench --port $PORT --capture-port $CAPTURE --tokens "$TOKENS" "$@"
echo "server log lines at ERROR: $(grep -c ' ERROR ' "$TMP/server.log" || true); stack traces: $(grep -c '^\s*at ' "$TMP/server.log" || true)"
