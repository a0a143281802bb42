#!/usr/bin/env bash
# Drain (issue 17): a sandbox server fed --jobs plain videos (POST /v1/batches?kind=video, CSV batches of
# --batch-size rows) drains them at >= 0.9x the plan-concurrency ideal (= concurrency / render time jobs a second).
# usage: bench/drain.sh [--jobs 2000] [--concurrency 10] [--batch-size 100] [--finish-seconds 840]
# The server is app-http/target/avatarkit-http.jar --sandbox: 3 s renders (Sandbox.DEFAULT_RENDER_TIME, not
# configurable from outside) on the simulator's 10 render slots (HeyGenSimulator's default), so the plan concurrency
# is min(HEYGEN_MAX_CONCURRENCY, 10); --concurrency sets HEYGEN_MAX_CONCURRENCY. AVATARKIT_HTTP_MAX_QUEUED_PER_TOKEN is
# raised above --jobs so admission takes everything. Polling only (no AVATARKIT_PUBLIC_URL), as a sandbox server runs.
# Afterwards drain_breakdown.py splits the slots' time (rendering / detection lag / idle) from the server's job table
# and summarises 20 thread dumps of the step threads taken mid-run (needs python3 and jstack).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_build
JAR="${AVATARKIT_HTTP_JAR:-$ROOT/app-http/target/avatarkit-http.jar}"  # another build to compare: AVATARKIT_HTTP_JAR=/path/to.jar
[ -f "$JAR" ] || { echo "NOT MEASURED: $JAR is missing (./mvnw -q -pl app-http -am package -DskipTests)"; exit 3; }
jobs=2000; concurrency=10; args=()
while [ $# -gt 0 ]; do
  case "$1" in --jobs) jobs="$2"; args+=("$1" "$2"); shift 2 ;; --concurrency) concurrency="$2"; shift 2 ;;
    *) args+=("$1"); shift ;; esac
done
SIM_SLOTS=10; RENDER_SECONDS=3
plan=$(( concurrency < SIM_SLOTS ? concurrency : SIM_SLOTS ))
machine_note
TMP=$(mktemp -d /tmp/bench-drain.XXXX)
PORT=18601; TOKEN=drain_token_0123456789
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
echo "server: --sandbox, ${RENDER_SECONDS} s renders, HEYGEN_MAX_CONCURRENCY=$concurrency (plan concurrency $plan), queue limit $((jobs + 500))"
AVATARKIT_HOME="$TMP/home" AVATARKIT_STORAGE_DIR="$TMP/assets" AVATARKIT_HTTP_TOKENS="$TOKEN" \
  HEYGEN_MAX_CONCURRENCY=$concurrency AVATARKIT_HTTP_MAX_QUEUED_PER_TOKEN=$((jobs + 500)) \
  java ${DRAIN_JAVA_OPTS:--Xmx1g} -jar "$JAR" --port $PORT --sandbox > "$TMP/server.log" 2>&1 &
SERVER=$!; pids+=($SERVER)
for i in $(seq 1 120); do curl -sf "localhost:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$PORT/healthz" >/dev/null || { echo "server did not start:"; tail -20 "$TMP/server.log"; exit 1; }
echo "server log: $TMP/server.log"
# evidence of where the time goes: 20 thread dumps of the server, one a second, after the first waves
( sleep "${DRAIN_SAMPLE_AFTER:-120}"; for i in $(seq 1 20); do jstack "$SERVER" > "$TMP/jstack-$i.txt" 2>/dev/null || true; sleep 1; done ) &
pids+=($!)
bench_java dev.avatarkit.bench.DrainBench --port $PORT --token "$TOKEN" --concurrency $plan --render-seconds $RENDER_SECONDS "${args[@]}"
echo "server log lines at ERROR: $(grep -c ' ERROR ' "$TMP/server.log" || true); at WARN: $(grep -c ' WARN ' "$TMP/server.log" || true)"
download=$(curl -s "localhost:$PORT/metrics" | awk '/^avatarkit_provider_download_duration_seconds_sum/ {s=$2} /^avatarkit_provider_download_duration_seconds_count/ {c=$2} END {if (c > 0) printf "%.3f", s / c; else print 0}')
echo "mean download (render done -> files stored, /metrics): $download s"
if command -v python3 >/dev/null; then
  python3 "$BENCH_DIR/drain_breakdown.py" "$TMP/home/sandbox.db" "$plan" "$RENDER_SECONDS" "$download" || true
  ls "$TMP"/jstack-*.txt >/dev/null 2>&1 && python3 "$BENCH_DIR/drain_breakdown.py" --threads "$TMP"/jstack-*.txt || true
fi
