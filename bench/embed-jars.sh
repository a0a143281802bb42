#!/usr/bin/env bash
# The third-party jars the minimal embed pulls (core + adapter-heygen + storage-local + jobstore-jdbc on SQLite):
# prints the list (runtime classpath of bench/embed, our own modules left out) and its count.
# Usage: bench/embed-jars.sh [--test]   (--test: also the test classpath an embedder gets from testkit)
set -euo pipefail
cd "$(dirname "$0")/.."
scope=runtime
[[ "${1:-}" == "--test" ]] && scope=test
out=bench/embed/target/embed-jars.txt
mkdir -p bench/embed/target
# `compile` first: Maven 3.8 resolves our own modules inside the reactor only once they are built
./mvnw -q -B -Pembed -pl bench/embed -am compile dependency:list -DskipTests \
  -DincludeScope="$scope" -DexcludeGroupIds=dev.avatarkit -DoutputFile="$PWD/$out" -DappendOutput=false >/dev/null
# lines look like "   com.squareup.okio:okio-jvm:jar:3.16.4:compile"; the -am modules wrote their own files elsewhere
list=$(grep -E '^ +[^ ]+:[^ ]+:' "$out" | sed -E 's/^ +//; s/ .*//' | sort -u)
echo "$list"
echo "third-party jars ($scope): $(echo "$list" | grep -c .)"
# issue 14's limits: at most 25 third-party jars at runtime; testkit brings no JUnit/AssertJ (they are `provided`)
count=$(echo "$list" | grep -c .)
if [[ "$scope" == runtime && "$count" -gt 25 ]]; then echo "FAIL: more than 25 third-party jars" >&2; exit 1; fi
if echo "$list" | grep -qE '^(org\.junit|org\.assertj)'; then echo "FAIL: JUnit/AssertJ leak into the embedder's $scope scope" >&2; exit 1; fi
