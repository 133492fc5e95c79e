#!/usr/bin/env bash
# Builds the Linux app image (target/installer/lrw) and, unless --image-only, a .deb with a desktop entry.
# The bundled runtime comes from the JDK running jpackage (17+); the sample project travels inside the app.
# Run by `mvn -Pinstaller -DskipTests package` (after the jar and lib/ are built) or directly.
# installer/linux/lrw.desktop overrides jpackage's .desktop template (jpackage looks for <name>.desktop), so the menu
# says "LR-Recsys Workbench" while the launcher stays bin/lrw.
# Usage: installer/build-linux.sh [--image-only]
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.1.0
out=target/installer
image_only=false
[[ "${1:-}" == "--image-only" ]] && image_only=true

command -v jpackage >/dev/null || { echo "error: jpackage not found: install a JDK 17+ (not only a JRE)" >&2; exit 1; }
if [[ ! -f target/lrw/lrw.jar ]]; then
    mvn -q -B -DskipTests package
fi

rm -rf "$out"
mkdir -p "$out/input"
# lrw.jar's manifest names its libraries as lib/*.jar, so the input keeps that layout.
cp target/lrw/lrw.jar "$out/input/"
cp -r target/lrw/lib "$out/input/lib"
cp -r sample-projects "$out/input/sample-projects"
# Help > Documentation reads README.md and docs/ from the app folder.
cp README.md "$out/input/"
cp -r docs "$out/input/docs"
find "$out/input/sample-projects" \( -name '*.mv.db' -o -name '*.trace.db' -o -name '*.lock.db' \) -delete

common=(--name lrw --app-version "$version" --vendor "LR-Recsys Workbench"
        --description "Contrastive LLM explanations for recommender systems: explore, train, compare.")

jpackage --type app-image "${common[@]}" --input "$out/input" --main-jar lrw.jar \
    --main-class dev.lrrecsys.workbench.cli.LrwLauncher --java-options "-Xmx4g" --dest "$out"
echo "app image: $out/lrw (run $out/lrw/bin/lrw; with no arguments it opens the window)"

if [[ "$image_only" == false ]]; then
    command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
        || { echo "error: the .deb needs fakeroot and dpkg-deb (apt-get install fakeroot dpkg)" >&2; exit 1; }
    jpackage --type deb "${common[@]}" --app-image "$out/lrw" --dest "$out" \
        --linux-shortcut --linux-menu-group "Science;Education" --linux-app-category science \
        --linux-package-name lr-recsys-workbench --resource-dir installer/linux
    ls "$out"/*.deb
fi
