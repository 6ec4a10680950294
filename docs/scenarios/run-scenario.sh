#!/usr/bin/env bash
# Runs one scenario row of docs/scenarios.md without building the launcher's jar: compiles engine,
# testkit, plugins (with test classes) and hw-backends offline, then runs the same PipelineRun as
# `servelab run` (dev.servelab.plugins.scenarios.ScenarioRunner) and prints one compact JSON line.
# Usage: docs/scenarios/run-scenario.sh PIPELINE TRACE FORMAT RATE_SCALE LIMIT [KEY=VALUE ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$ROOT"
./mvnw -B -o -q -pl plugins,hw-backends -am -DskipTests test-compile >&2
./mvnw -B -o -q -pl engine dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2
M3="$(find ~/.m2/repository/org/apache/commons/commons-math3 -name "*.jar" | head -1)"
CP="engine/target/classes:testkit/target/classes:plugins/target/classes:plugins/target/test-classes:hw-backends/target/classes:$(cat engine/target/cp.txt):$M3"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.servelab.plugins.scenarios.ScenarioRunner "$@" 2>/dev/null
