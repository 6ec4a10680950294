#!/usr/bin/env bash
# Regenerates the workbench screenshots in this folder: real windows under Xvfb (Debian packages
# xvfb, xauth, libgtk-3-0, fonts-dejavu-core, imagemagick). Usage: docs/screenshots/make.sh   (from anywhere)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/docs/screenshots"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q -pl workbench-app -am -DskipTests package >&2
DB="$(mktemp -d)/screens.db"
CP="workbench-app/target/servelab.jar:workbench-app/target/test-classes"
sl() { "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$CP" dev.servelab.app.Launcher "$@"; }
gui() { xvfb-run -a -s "-screen 0 1700x1100x24" "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$CP" \
          dev.servelab.app.Launcher gui --db "$DB" --size 1600x1000 "$@" 2>&1 | grep -E '^(wrote|error)' ; }
sl run sample-traces/pipelines/quickstart.yaml --db "$DB" --json > /dev/null                     # run 1
sl run sample-traces/pipelines/quickstart.yaml --db "$DB" --json --set router=route.round-robin \
   --set name=quickstart-round-robin > /dev/null                                                   # run 2
sl run sample-traces/pipelines/mooncake-prefix.yaml --db "$DB" --json --set router=route.prefix-aware \
   --set metrics.bucket_ms=10000 > /dev/null                                                       # run 3
gui --open sample-traces/pipelines/quickstart.yaml --view editor --screenshot "$OUT/editor.png"
gui --open sample-traces/pipelines/mooncake-prefix.yaml --view editor --screenshot "$OUT/editor-trace.png"
gui --show-run 1 --view sla --screenshot "$OUT/sla-charts.png"
gui --show-run 1 --view timeline --screenshot "$OUT/timeline-run.png"
gui --show-run 1 --view timeline --zoom tokens --screenshot "$OUT/timeline-tokens.png"
gui --show-run 3 --view cache --screenshot "$OUT/cache-hit-map.png"
gui --compare 1,2 --screenshot "$OUT/comparison.png"
gui --show-run 1 --view sla --dark --screenshot "$OUT/sla-charts-dark.png"
gui --show-run 1 --view timeline --zoom tokens --dark --screenshot "$OUT/timeline-tokens-dark.png"
gui --open sample-traces/pipelines/bench-1m.yaml --run --shoot-at 2 --screenshot "$OUT/running.png"   # mid-run (the run takes ~5 s)
gui --show-run 1 --view timeline --zoom slowest --screenshot "$OUT/timeline-slowest.png"
gui --show-run 1 --view sla --screenshot "$OUT/sla-headline.png" && convert "$OUT/sla-headline.png" -crop 1100x150+0+78 +repage "$OUT/sla-headline.png"   # imagemagick
gui --open sample-traces/pipelines/quickstart.yaml --view editor --screenshot "$OUT/budget-panel.png" && convert "$OUT/budget-panel.png" -crop 1150x110+0+835 +repage "$OUT/budget-panel.png"
sl sweep run sample-traces/experiments/replicas-batch.yaml --db "$DB" > /dev/null 2>&1                # experiment 1 (runs 4-33)
gui --view experiments --experiment 1 --screenshot "$OUT/experiments.png"
LIVE_DB="$(mktemp -d)/live.db"                                                                     # live + sim pair
sl compare-modes sample-traces/pipelines/live-tiny.yaml --db "$LIVE_DB" > /dev/null
DB="$LIVE_DB" gui --open sample-traces/pipelines/live-tiny.yaml --mode jvm --sim-vs-live --screenshot "$OUT/sim-vs-live.png"
BAND_DB="$(mktemp -d)/band.db"                                                                     # five live runs: the live band
sl compare-modes sample-traces/pipelines/live-tiny.yaml --repeat 5 --db "$BAND_DB" > /dev/null
DB="$BAND_DB" gui --open sample-traces/pipelines/live-tiny.yaml --mode jvm --sim-vs-live --screenshot "$OUT/sim-vs-live-band.png"
# Devices tab and a hybrid run's timeline: two agents and a 50 ms relay on loopback (killed on exit)
EDGE="$(mktemp -d)"; PIDS=()
trap 'for p in "${PIDS[@]}"; do pkill -P "$p" 2>/dev/null; kill "$p" 2>/dev/null || true; done' EXIT   # the agents run in subshells: kill their java too
sl agent --model sample-traces/models/tiny.gguf --port 8088 --iteration-floor-ms 20 > "$EDGE/a1.log" 2>&1 & PIDS+=($!)
sl agent --model sample-traces/models/tiny.gguf --port 8089 --iteration-floor-ms 20 > "$EDGE/a2.log" 2>&1 & PIDS+=($!)
sl relay --to 127.0.0.1:8089 --port 8090 --delay-ms 50 > "$EDGE/relay.log" 2>&1 & PIDS+=($!)
sleep 4
export SERVELAB_HOME="$EDGE/home"
sl device add http://127.0.0.1:8088 --name pi-1 > /dev/null
sl device add http://127.0.0.1:8090 --name edge-far > /dev/null
JETSON_TOKEN=unused sl device add http://127.0.0.1:8099 --name jetson-2 --dialect vllm --api-key-env JETSON_TOKEN > /dev/null
sl device probe edge-far > /dev/null
sl run sample-traces/pipelines/hybrid-edge.yaml --requests 40 --db "$EDGE/h.db" > /dev/null
DB="$EDGE/h.db" gui --probe pi-1 --screenshot "$OUT/devices.png"
DB="$EDGE/h.db" gui --view timeline --zoom 1.5s --screenshot "$OUT/hybrid-edge-timeline.png"
# Deployment safety: the canary example's stage markers on the timeline and the SLA charts (docs/deployment-safety.md)
gui --open sample-traces/safety/canary-sjf-spike.yaml --run --view timeline --screenshot "$OUT/canary-timeline.png"
gui --open sample-traces/safety/canary-sjf-spike.yaml --run --view sla --screenshot "$OUT/canary-sla.png"
