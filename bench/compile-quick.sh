#!/usr/bin/env bash
# Recompiles only bench's own sources against bench/target/lib (after one ./bench/build.sh); for iterating on the mains.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p target/classes
javac --release 17 -cp "target/lib/*" -d target/classes $(find src/main/java -name '*.java')
cp src/main/resources/* target/classes/
