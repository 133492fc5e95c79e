#!/usr/bin/env bash
# Takes the documentation screenshots of the real window, reproducibly, under Xvfb:
#   1. builds the app and the test classes (ScreenshotTour lives in src/test: it drives the window, it is no test);
#   2. runs the main job on a fresh copy of the restaurant sample (target/screenshots/project): offline explanations
#      for every sample, then a short experiment training LR-Recsys, ID-only, MF, NCF and SASRec, so the Runs,
#      Attention, Uncertainty, Case and Side-by-side views have data; then the keyword index;
#   3. opens the window on that copy under a virtual 1280x820 display and saves the start screen, the eight views,
#      the generator dialog and a dark-theme shot as PNGs.
# Usage: docs/screenshots/take.sh [OUT_DIR]   (default docs/screenshots; needs Xvfb and xauth: apt-get install xvfb xauth)
# EPOCHS and REPEATS (default 3 and 2) size the experiment; the whole run takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mkdir -p "${1:-docs/screenshots}" && cd "${1:-docs/screenshots}" && pwd)
work=target/screenshots
epochs=${EPOCHS:-3}
repeats=${REPEATS:-2}

command -v xvfb-run >/dev/null || { echo "error: xvfb-run not found (apt-get install xvfb xauth)" >&2; exit 1; }

mvn -q -B -DskipTests package
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$work"
mkdir -p "$work/home"

lrw() { java -Duser.home="$PWD/$work/home" -jar target/lrw/lrw.jar "$@"; }
# `demo` copies the sample, builds its database, generates the offline explanations and trains the models.
lrw demo --project "$work/project" --models lr-recsys,id-only,mf,ncf,sasrec --epochs "$epochs" --repeats "$repeats"
lrw keywords --project "$work/project"

# A scratch user home: preferences (recent projects, theme) and the window's log stay out of the real one.
xvfb-run -a -s "-screen 0 1280x820x24" java -Duser.home="$PWD/$work/home" \
    -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    dev.lrrecsys.workbench.ui.ScreenshotTour "$work/project" "$out"
# The smallest window the layout is made for: three of the busiest views.
mkdir -p "$out/1024x700"
xvfb-run -a -s "-screen 0 1024x700x24" java -Duser.home="$PWD/$work/home" -Dlrw.shot.width=1024 -Dlrw.shot.height=700 \
    -Dlrw.shot.only=explanations.png,runs.png,keywords.png \
    -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    dev.lrrecsys.workbench.ui.ScreenshotTour "$work/project" "$out/1024x700"
ls -l "$out"/*.png "$out"/1024x700/*.png
