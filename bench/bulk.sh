#!/usr/bin/env bash
# Bulk: N template jobs through the real Platform against the in-process simulator at a concurrency limit.
# usage: bench/bulk.sh [--runs R] [--jobs 1000] [--concurrency 10] [--render-seconds 2]
#                      [--poll-initial-ms N] [--poll-max-ms M] [--gate-recheck-ms G]   (engine policy overrides)
# Prints each run's RESULT line, then medians: wall/ideal ratio (target <= 1.15), duplicates (must be 0),
# status requests per job (target <= 3).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_build
runs=1; args=()
while [ $# -gt 0 ]; do
  case "$1" in --runs) runs="$2"; shift 2 ;; *) args+=("$1"); shift ;; esac
done
machine_note
ratios=(); dups=(); spj=(); walls=()
for i in $(seq 1 "$runs"); do
  out=$(bench_java dev.avatarkit.bench.BulkBench "${args[@]}" 2> >(grep --line-buffered -E '^  [0-9]+ s:|Exception' >&2))
  echo "$out"
  line=$(grep '^RESULT' <<<"$out")
  ratios+=("$(field "$line" ratio)"); dups+=("$(field "$line" duplicates)"); spj+=("$(field "$line" status_per_job)"); walls+=("$(field "$line" wall_s)")
done
ideal=$(field "$line" ideal_s)
echo "SUMMARY bulk runs=$runs wall_s_median=$(median "${walls[@]}") ideal_s=$ideal ratio_median=$(median "${ratios[@]}") (target <= 1.15)" \
     "duplicates_max=$(printf '%s\n' "${dups[@]}" | sort -g | tail -1) (target 0) status_per_job_median=$(median "${spj[@]}") (target <= 3)"
