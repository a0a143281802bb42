#!/usr/bin/env bash
# Issue 17's stand-in scenario, ours and the peer's polling model side by side at each render time.
# usage: bench/standin.sh [--rows 40] [--slots 5] [--renders "10 20 30 60"] [--fault none|502-after-commit|kill]
#                         [--warm-home]
# --fault kill runs ours in a child JVM, kills it with SIGKILL once 40 % of the rows are terminal and runs the
# same batch again (the peer is not run: its model has no restart); its target is the ideal plus the restart time.
# --warm-home runs one earlier batch of --slots other rows on ours' home before its clock starts (a user's batch of
# yesterday): ours then starts with the render times it recalls, the peer as always (it keeps none).
# Prints each RESULT line and one SUMMARY line per render time: both ratios to the ideal (target: ours <= 1.05,
# ours faster than the peer), duplicates (target 0 for ours) and status requests per video (target <= 1.5).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_build
rows=40; slots=5; renders="10 20 30 60"; fault=none; warm=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;; --slots) slots="$2"; shift 2 ;;
    --renders) renders="$2"; shift 2 ;; --fault) fault="$2"; shift 2 ;;
    --warm-home) warm=(--warm-home); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
machine_note
for r in $renders; do
  common=(--rows "$rows" --slots "$slots" --render-seconds "$r" --fault "$fault")
  ours_out=$(cli_like_java dev.avatarkit.bench.StandInBench --client ours "${common[@]}" ${warm[@]+"${warm[@]}"} 2>/dev/null)
  grep -E '^ *(child: )?(phase|killed|sim requests)' <<<"$ours_out" || true   # start-up and after-submit times (the load inflates start-up most)
  ours=$(grep '^RESULT' <<<"$ours_out")
  echo "$ours"
  if [ "$fault" = kill ]; then   # the peer's model has no kill: ours against the ideal plus its restart time
    echo "SUMMARY standin render_s=$r fault=kill ours_ratio=$(field "$ours" ratio) restart_s=$(field "$ours" restart_s)" \
         "ours_ratio_without_restart=$(field "$ours" ratio_without_restart) ours_duplicates=$(field "$ours" duplicates)" \
         "ours_status_per_video=$(field "$ours" status_per_video) (targets: <= 1.05 without the restart, 0 duplicates)"
    continue
  fi
  peer=$(cli_like_java dev.avatarkit.bench.StandInBench --client peer "${common[@]}" 2>/dev/null | grep '^RESULT')
  echo "$peer"
  echo "SUMMARY standin render_s=$r fault=$fault ours_ratio=$(field "$ours" ratio) peer_ratio=$(field "$peer" ratio)" \
       "ours_duplicates=$(field "$ours" duplicates) peer_duplicates=$(field "$peer" duplicates)" \
       "ours_status_per_video=$(field "$ours" status_per_video) (targets: ours <= 1.05 and < peer, 0 duplicates, <= 1.5)"
done
