#!/usr/bin/env bash
# Builds the bench module and what it needs; dependencies land in bench/target/lib (copy-dependencies at package).
set -euo pipefail
cd "$(dirname "$0")/.."
# -DapiJars.skip: no -sources/-javadoc jars for a bench build
./mvnw -q -pl bench -am package -DskipTests -DapiJars.skip=true "$@"
