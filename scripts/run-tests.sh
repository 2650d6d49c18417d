#!/usr/bin/env bash
# Sets everything up on Debian 12 and runs the whole test suite: the lit
# behaviour tests and the gtest unit tests. Exits non-zero on any failing or
# unresolved test. VSS_LLVM_VERSION=22 runs it against LLVM 22.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages
configure_and_build
install_sarif_multitool

status=0
echo "== lit"
$(lit_command) -sv "$BUILD_DIR/test" || status=1
echo "== ctest"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 || status=1
if [ "$status" -ne 0 ]; then
  echo "== FAILED"
else
  echo "== all tests passed"
fi
exit "$status"
