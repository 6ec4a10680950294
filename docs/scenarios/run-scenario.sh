#!/usr/bin/env bash
# Runs one scenario of docs/scenarios.md without the launcher (needed for the Mooncake trace until the
# trace.mooncake reader plugin is on main): compiles engine, plugins (with test classes) and hw-backends
# offline, then runs dev.servelab.plugins.scenarios.ScenarioRunner, which prints one JSON line.
# Usage: docs/scenarios/run-scenario.sh PIPELINE TRACE FORMAT RATE_SCALE LIMIT [KEY=VALUE ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$ROOT"
./mvnw -B -o -q -pl plugins,hw-backends -am -DskipTests test-compile >&2
./mvnw -B -o -q -pl engine dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2
CP="engine/target/classes:plugins/target/classes:plugins/target/test-classes:hw-backends/target/classes:$(cat engine/target/cp.txt)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.servelab.plugins.scenarios.ScenarioRunner "$@" 2>/dev/null
