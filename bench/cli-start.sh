#!/usr/bin/env bash
# CLI cold start: `avatarkit jobs list` on a 10,000-job SQLite database and `avatarkit --help`, vs `java -version`,
# each a fresh JVM.
# usage: bench/cli-start.sh [--jobs 10000] [--runs 10]
# Targets (issue 17): jobs list <= 0.5 s and --help <= 0.3 s wall (medians). The ratio to `java -version` shows what is ours.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_build
jobs=10000; runs=10
while [ $# -gt 0 ]; do
  case "$1" in --jobs) jobs="$2"; shift 2 ;; --runs) runs="$2"; shift 2 ;; *) echo "unknown $1" >&2; exit 2 ;; esac
done
JAR="$ROOT/app-cli/target/avatarkit.jar"
if [ ! -f "$JAR" ]; then
  echo "building the CLI jar ($JAR)"
  (cd "$ROOT" && ./mvnw -q -pl app-cli -am package -DskipTests) || { echo "NOT MEASURED: app-cli does not build yet"; exit 3; }
fi
machine_note
HOME_DIR="${BENCH_TMP:-/tmp}/bench-cli-home-$jobs"
if [ ! -f "$HOME_DIR/avatarkit.db" ]; then
  rm -rf "$HOME_DIR"
  bench_java dev.avatarkit.bench.SeedJobs --home "$HOME_DIR" --jobs "$jobs"
fi
export AVATARKIT_HOME="$HOME_DIR"
unset HEYGEN_API_KEY || true
# What users run: bin/avatarkit (JIT tier 1, serial GC, and a class-data-sharing archive made on first use)
CLI="$ROOT/bin/avatarkit"
echo "--- one run of the command, first lines:"
"$CLI" jobs list | head -5 || true
echo "---"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$HOME_DIR/hyperfine.json" \
    -n 'java -version' 'java -version' \
    -n 'avatarkit jobs list' "$CLI jobs list" \
    -n 'avatarkit --help' "$CLI --help"
  read -r base ours help < <(python3 -c "import json,sys; r=json.load(open('$HOME_DIR/hyperfine.json'))['results']; print(r[0]['median'], r[1]['median'], r[2]['median'])")
else
  echo "hyperfine not installed (apt-get install -y hyperfine); timing with date +%s%N"
  t() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); awk -v d=$((e - s)) 'BEGIN {printf "%.4f", d / 1e9}'; }
  b=(); o=(); h=()
  for i in $(seq 1 "$runs"); do b+=("$(t java -version)"); o+=("$(t "$CLI" jobs list)"); h+=("$(t "$CLI" --help)"); done
  base=$(median "${b[@]}"); ours=$(median "${o[@]}"); help=$(median "${h[@]}")
fi
echo "SUMMARY cli-start jobs=$jobs runs=$runs jobs_list_median_s=$(printf '%.3f' "$ours") (target <= 0.5)" \
     "help_median_s=$(printf '%.3f' "$help") (target <= 0.3) java_version_median_s=$(printf '%.3f' "$base")" \
     "ratio_to_java_version=$(ratio "$ours" "$base") help_ratio_to_java_version=$(ratio "$help" "$base") load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
