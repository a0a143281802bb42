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
# The JVM options bin/avatarkit runs a batch with (serial GC, the full JIT since session 6: tier 1 has no SHA-256
# intrinsic; a class-data-sharing archive of what a run loads), for the bench classpath: the stand-in runs both
# clients this way, so their start-up is what a CLI user's `template batch` pays (a cold JVM without the archive spent 1.2 s of the 20 s stand-in's 2.6 s to the first
# create loading 8,000 classes). CDS takes jars only, so the classpath lists bench's jar and its dependencies; the
# archive is made once per bench build by a 5-row run of 1 s renders (BENCH_CDS=0: none).
cli_like_java() {
  local jar opts="-XX:+UseSerialGC" jars archive
  jar=$(ls "$BENCH_DIR"/target/bench-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc' | head -1)
  if [ "${BENCH_CDS:-1}" = 0 ] || [ -z "$jar" ]; then java $opts -cp "$CP" "$@"; return; fi
  jars="$jar:$(ls "$BENCH_DIR"/target/lib/*.jar | paste -sd:)"
  archive="$BENCH_DIR/target/standin.jsa"
  # any jar newer than the archive makes the JVM refuse it (silently, at -Xshare:auto): the libraries in lib/ change
  # with every engine build while the bench jar itself often does not (session 7 ran a whole series without it)
  if [ ! -f "$archive" ] || [ -n "$(find "$BENCH_DIR/target/lib" "$jar" -newer "$archive" -print -quit)" ]; then
    java $opts -XX:ArchiveClassesAtExit="$archive.$$" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jars" \
      dev.avatarkit.bench.StandInBench --client ours --rows 5 --render-seconds 1 >/dev/null 2>&1 || true
    [ -f "$archive.$$" ] && mv -f "$archive.$$" "$archive"
  fi
  if [ -f "$archive" ]; then
    java $opts -XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jars" "$@"
  else
    java $opts -cp "$CP" "$@"
  fi
}
