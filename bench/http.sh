#!/usr/bin/env bash
# HTTP: wrk on GET /v1/jobs/{id} of the avatarkit server vs a bare Javalin handler serving the same JSON bytes.
# usage: bench/http.sh [--runs 3] [--duration 10s] [--connections 64]     JVM flags for both: HTTP_JAVA_OPTS (-Xmx512m)
# Target (issue 17): avatarkit req/s >= 0.9x the bare handler's, p99 reported. Runs alternate between the two servers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_build
runs=3; duration=10s; conns=64
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs="$2"; shift 2 ;; --duration) duration="$2"; shift 2 ;; --connections) conns="$2"; shift 2 ;;
    *) echo "unknown $1" >&2; exit 2 ;; esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 2; }
JAR="${AVATARKIT_HTTP_JAR:-$ROOT/app-http/target/avatarkit-http.jar}"  # another build to compare: AVATARKIT_HTTP_JAR=/path/to.jar
[ -f "$JAR" ] || { echo "NOT MEASURED: $JAR is missing (build app-http: ./mvnw -q -pl app-http -am package -DskipTests)"; exit 3; }
OPTS="${HTTP_JAVA_OPTS:--Xmx512m}"
machine_note
echo "JVM flags (both servers): $OPTS; wrk -t2 -c$conns -d$duration --latency"
TMP=$(mktemp -d /tmp/bench-http.XXXX)
P1=18581; P2=18582; TOKEN=bench_token_0123456789
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
AVATARKIT_HOME="$TMP/home" AVATARKIT_STORAGE_DIR="$TMP/assets" AVATARKIT_HTTP_TOKENS="$TOKEN" \
  java $OPTS -jar "$JAR" --port $P1 --sandbox > "$TMP/server.log" 2>&1 &
pids+=($!)
for i in $(seq 1 120); do curl -sf "localhost:$P1/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$P1/healthz" >/dev/null || { echo "server did not start:"; tail -20 "$TMP/server.log"; exit 1; }
id=$(curl -sf -X POST "localhost:$P1/v1/videos" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"avatar":"Daisy-inskirt-20220818","voice":"2d5b0e6cf36f460aa7fc47e3eee4ba54","text":"Hello from the bench","title":"bench"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for i in $(seq 1 120); do
  curl -sf "localhost:$P1/v1/jobs/$id" -H "Authorization: Bearer $TOKEN" > "$TMP/job.json"
  grep -q '"state":"SUCCEEDED"' "$TMP/job.json" && break; sleep 0.5
done
echo "job $id: $(python3 -c "import json; print(json.load(open('$TMP/job.json'))['state'])"), document $(wc -c < "$TMP/job.json") bytes"
# java itself in the background, not the bench_java function: $! of a backgrounded function is a subshell, and
# killing that on exit left the bare server running, so the next run's bare server could not bind its port and
# that run measured the stale one (found 2026-11-30: three runs measured a JVM left over from an earlier run)
# shellcheck disable=SC2086
java $OPTS -cp "$CP" dev.avatarkit.bench.BareJavalin --port $P2 --body "$TMP/job.json" > "$TMP/bare.log" 2>&1 &
pids+=($!)
for i in $(seq 1 120); do curl -sf "localhost:$P2/v1/jobs/$id" >/dev/null && break; sleep 0.5; done
echo "bare handler answers $(curl -sf "localhost:$P2/v1/jobs/$id" | wc -c) bytes"
# wrk prints "Requests/sec: N" and with --latency "99% Xms"; normalise p99 to ms
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }
echo "warm-up (5 s each)"
wrk -t2 -c$conns -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$P1/v1/jobs/$id" >/dev/null
wrk -t2 -c$conns -d5s "http://127.0.0.1:$P2/v1/jobs/$id" >/dev/null
# ratios: each run's own ratio (its two servers measured back to back); their median moves less with other
# processes' load than the ratio of the two medians, whose halves can come from different runs
ours=(); base=(); ours99=(); base99=(); ratios=()
for r in $(seq 1 "$runs"); do
  o=$(wrk -t2 -c$conns -d$duration --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$P1/v1/jobs/$id")
  grep -q "Non-2xx" <<<"$o" && { echo "avatarkit answered non-2xx:"; echo "$o"; }
  b=$(wrk -t2 -c$conns -d$duration --latency "http://127.0.0.1:$P2/v1/jobs/$id")
  ours+=("$(rps "$o")"); base+=("$(rps "$b")"); ours99+=("$(p99 "$o")"); base99+=("$(p99 "$b")")
  ratios+=("$(ratio "$(rps "$o")" "$(rps "$b")")")
  echo "run $r: avatarkit $(rps "$o") req/s p99 $(p99 "$o") ms | bare javalin $(rps "$b") req/s p99 $(p99 "$b") ms | ratio $(ratio "$(rps "$o")" "$(rps "$b")")"
done
mo=$(median "${ours[@]}"); mb=$(median "${base[@]}")
echo "SUMMARY http runs=$runs avatarkit_rps_median=$mo bare_rps_median=$mb ratio=$(ratio "$mo" "$mb") (target >= 0.9)" \
     "paired_ratio_median=$(median "${ratios[@]}")" \
     "avatarkit_p99_ms_median=$(median "${ours99[@]}") bare_p99_ms_median=$(median "${base99[@]}") load_at_end=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
