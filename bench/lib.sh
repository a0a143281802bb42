# Shared by the bench scripts: classpath, median, load note.
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
CP="$BENCH_DIR/target/classes:$BENCH_DIR/target/lib/*"
bench_java() { java ${BENCH_JAVA_OPTS:-} -cp "$CP" "$@"; }
need_build() {
  if [ ! -d "$BENCH_DIR/target/lib" ] || [ ! -f "$BENCH_DIR/target/classes/dev/avatarkit/bench/Measure.class" ]; then
    echo "bench is not built: run bench/build.sh first" >&2; exit 2
  fi
}
# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }
# value of key=value in a RESULT line
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "nan"; else printf "%.3f", a / b }'; }
machine_note() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2 " GiB RAM"}'), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the machine: figures are noisy, read the ratios)"
}
