#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine (apt packages, configure,
# build) and runs vss-tidy on the bundled example project in examples/.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages
configure_and_build

echo "== configure the example (MinGW cross toolchain, compile_commands.json)"
cmake -S "$REPO_DIR/examples" -B "$BUILD_DIR/examples" \
  -DCMAKE_TOOLCHAIN_FILE="$REPO_DIR/examples/toolchain-mingw.cmake" >/dev/null
echo "== vss-tidy on examples/"
cd "$REPO_DIR/examples"
"$BUILD_DIR/bin/vss-tidy" --quiet -p "$BUILD_DIR/examples" --checks='-*,vss-*' \
  $(find src -name "*.cpp" | sort)
echo "== done: $BUILD_DIR/bin/vss-tidy and $BUILD_DIR/lib/libVssTidyPlugin.so are ready"
