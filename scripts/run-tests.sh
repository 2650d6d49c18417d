#!/usr/bin/env bash
# Sets everything up on Debian 12 and runs the whole test suite, with lit: the
# behaviour tests and the gtest unit tests. Exits non-zero on any failing or
# unresolved test. VSS_LLVM_VERSION=22 runs it against LLVM 22.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages
install_packages $(cross_apt_packages)
configure_and_build
build_cross_plugin
install_sarif_multitool

status=0
# One lit command runs the behaviour tests and, as a second suite, every gtest
# of the analysis library.
echo "== lit"
$(lit_command) -sv --param cross_llvm="$CROSS_LLVM_VERSION" \
  --param cross_plugin="$BUILD_DIR/cross-llvm$CROSS_LLVM_VERSION/lib/libVssTidyPlugin.so" \
  "$BUILD_DIR/test" "$BUILD_DIR/test/unit" || status=1
if [ "$status" -ne 0 ]; then
  echo "== FAILED"
else
  echo "== all tests passed"
fi
exit "$status"
