#!/usr/bin/env bash
# Regenerates the golden summaries from a checkout of the code BEFORE a refactor (never from the code
# under test): builds its launcher jar and runs every case of cases.txt in its own JVM.
#   workbench-app/src/test/resources/golden/generate.sh /tmp/base [/path/to/shared]
# Each NAME.json is the line `servelab run PIPELINE ARGS --json` printed, minus "run_id", "sim_wall_s"
# and "sim_cpu_s" (the only wall-clock or store-dependent fields of a simulated run's summary); the
# test strips the same fields with the same expressions and compares the bytes.
set -euo pipefail
base=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "${2:-$here/../../../../../../shared}" && pwd)
(cd "$base" && ./mvnw -B -o -q package -DskipTests)
jar="$base/workbench-app/target/servelab.jar"
db=$(mktemp -d)/golden.db
grep -v '^\s*#' "$here/cases.txt" | grep -v '^\s*$' | while read -r name pipeline args; do
  args=${args//\$\{shared\}/$shared}
  # shellcheck disable=SC2086
  java --enable-native-access=ALL-UNNAMED -jar "$jar" run "$base/sample-traces/pipelines/$pipeline" $args --json --db "$db" 2>/dev/null \
    | sed -E 's/"run_id":[0-9]+,//; s/,"sim_wall_s":[^,}]*//; s/,"sim_cpu_s":[^,}]*//' > "$here/$name.json"
  echo "$name: $(wc -c < "$here/$name.json") bytes"
done
