# Shared by bin/avatarkit and bin/avatarkit-http (sourced, not run). Finds the jar an app runs from — lib/ in an
# unpacked distribution, <module>/target/ in a source checkout — and builds it on first use, visibly.

# True when any argument asks for verbose output; the build then shows Maven's own output.
avatarkit_wants_verbose() {
  local arg
  for arg in "$@"; do
    case "$arg" in -v | -vv | -vvv | --verbose) return 0 ;; esac
  done
  [ "${AVATARKIT_BUILD_VERBOSE:-0}" = "1" ]
}

# Builds <module> and only the modules it needs, without compiling or running tests. Quiet Maven (-q) looked like
# a hang for minutes on a fresh machine (the downloads), so this prints one line per module and a running count of
# downloaded files; the whole Maven log is kept and its tail shown if the build fails.
avatarkit_build() {
  local root="$1" module="$2" verbose="$3" log started
  started=$(date +%s)
  echo "avatarkit: building $module and the modules it needs with Maven (first run only; tests skipped; -v shows Maven's output)…" >&2
  [ -d "$HOME/.m2/wrapper/dists" ] || echo "avatarkit: ./mvnw is fetching Maven itself first…" >&2
  local mvn=(./mvnw -B -pl "$module" -am package -Dmaven.test.skip=true -DskipTests)
  if [ "$verbose" = "1" ]; then
    (cd "$root" && "${mvn[@]}") >&2
  else
    log="$(mktemp "${TMPDIR:-/tmp}/avatarkit-build.XXXXXX.log")"
    if ! (cd "$root" && "${mvn[@]}") 2>&1 | tee "$log" | awk -v module="$module" '
        /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]$/ {
          step = $NF; sub(/^\[INFO\] Building /, ""); sub(/ [^ ]+ +\[[0-9]+\/[0-9]+\]$/, "")
          printf "avatarkit: build %s %s\n", step, $0; fflush() }
        /Downloaded from / {
          fetched++
          if (fetched % 100 == 0) { printf "avatarkit:   %d files downloaded from Maven Central so far…\n", fetched; fflush() } }
        END { if (fetched > 0) { printf "avatarkit:   %d files downloaded in all\n", fetched; fflush() } }' >&2; then
      echo "avatarkit: the build of $module failed; the end of Maven's log ($log):" >&2
      grep -E '^\[ERROR\]' "$log" | head -40 >&2 || tail -40 "$log" >&2
      return 1
    fi
    rm -f "$log"
  fi
  echo "avatarkit: built $module in $(($(date +%s) - started)) s" >&2
}

# A class-data-sharing archive of the classes a typical command loads roughly halves start-up (DESIGN §9: `jobs list`
# on a cold JVM). The JVM accepts it only for the jar with the exact size and modification time it was made from,
# so a rebuild invalidates it. Builds are reproducible (project.build.outputTimestamp), so a `verify` or `install`
# that rebuilds the same code gives a byte-identical jar: we recognise it by its sha256 and give it back the old
# modification time instead of spending seconds on a new archive. A jar that really changed gets a new archive,
# and we say so. The same training run leaves sqlite-jdbc's native library in <jar>.native/, so the driver loads it
# directly instead of extracting it to a temp file on every start (StartupArchiveTraining, SqliteNativeLibrary).
# Prints the JVM options that use the archive and the library (nothing if they cannot be made).
avatarkit_cds_options() {
  local jar="$1" jvm_opts="$2" dir cds stamp sha old_sha old_mtime tmp_home native lib
  dir="$(dirname "$jar")"
  [ -w "$dir" ] || dir="${XDG_CACHE_HOME:-$HOME/.cache}/avatarkit"
  mkdir -p "$dir" 2>/dev/null || return 0
  cds="$dir/$(basename "$jar").jsa"
  native="$dir/$(basename "$jar").native"
  stamp="$cds.stamp"
  if [ ! -f "$cds" ] || [ ! -f "$stamp" ] || [ "$jar" -nt "$stamp" ]; then
    sha="$(avatarkit_sha256 "$jar")"
    old_sha="" old_mtime=""
    [ -f "$stamp" ] && read -r old_sha old_mtime <"$stamp"
    if [ -f "$cds" ] && [ -n "$sha" ] && [ "$sha" = "$old_sha" ]; then
      touch -d "@$old_mtime" "$jar" 2>/dev/null || return 0
    else
      echo "avatarkit: new jar, so making its start-up archive (class-data sharing; a few seconds, once per build)…" >&2
      tmp_home="$(mktemp -d)"
      # shellcheck disable=SC2086
      AVATARKIT_HOME="$tmp_home" AVATARKIT_DB_URL="jdbc:sqlite:$tmp_home/cds.db" \
        java $jvm_opts -XX:ArchiveClassesAtExit="$cds.$$" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" \
        dev.avatarkit.cli.StartupArchiveTraining "$native" >/dev/null 2>&1 || true
      rm -rf "$tmp_home"
      [ -f "$cds.$$" ] || return 0
      mv -f "$cds.$$" "$cds"
      echo "$sha $(avatarkit_mtime "$jar")" >"$stamp"
    fi
  fi
  echo -n "-XX:SharedArchiveFile=$cds -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  for lib in "$native"/libsqlitejdbc.*; do
    [ -f "$lib" ] && echo -n " -Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=$(basename "$lib")"
  done
  echo
}

# Whether a CLI call may wait for renders and store their files (create, batch, wait, resume, download, retry).
avatarkit_moves_files() {
  local arg
  for arg in "$@"; do
    case "$arg" in --wait|create|batch|wait|resume|download|retry) return 0 ;; esac
  done
  return 1
}

avatarkit_sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null; then shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

avatarkit_mtime() { stat -c %Y "$1" 2>/dev/null || stat -f %m "$1"; }
