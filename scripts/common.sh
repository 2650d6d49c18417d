# Shared by setup-and-try.sh and run-tests.sh: the Debian 12 packages vss-tidy
# needs, and configure + build. Source it; it sets VSS_LLVM_VERSION and BUILD_DIR.
set -euo pipefail

VSS_LLVM_VERSION="${VSS_LLVM_VERSION:-19}"
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# VSS_SANITIZERS=address,undefined builds every target with those sanitizers, in a folder of
# its own (build-san/, build-llvmN-san/).
VSS_SANITIZERS="${VSS_SANITIZERS:-}"
SAN_SUFFIX=$([ -n "$VSS_SANITIZERS" ] && echo -san || true)
if [ "$VSS_LLVM_VERSION" = 19 ]; then
  BUILD_DIR="${BUILD_DIR:-$REPO_DIR/build$SAN_SUFFIX}"
else
  BUILD_DIR="${BUILD_DIR:-$REPO_DIR/build-llvm$VSS_LLVM_VERSION$SAN_SUFFIX}"
fi

apt_packages() {
  local v="$VSS_LLVM_VERSION"
  echo cmake ninja-build g++ python3 git \
    "clang-$v" "clang-tidy-$v" "clangd-$v" "clang-format-$v" "libclang-$v-dev" "llvm-$v-dev" \
    "llvm-$v-tools" "libclang-rt-$v-dev" \
    llvm-19-tools \
    libgtest-dev libabsl-dev libgrpc++-dev libprotobuf-dev valgrind dpkg-dev \
    mingw-w64-common g++-mingw-w64-x86-64-posix pre-commit
}

# The other supported LLVM release: the test suite builds the plugin for it too,
# to prove that each plugin refuses to run in the other release's clang-tidy.
CROSS_LLVM_VERSION=$([ "$VSS_LLVM_VERSION" = 19 ] && echo 22 || echo 19)

cross_apt_packages() {
  local v="$CROSS_LLVM_VERSION"
  echo "clang-$v" "clang-tidy-$v" "libclang-$v-dev" "llvm-$v-dev"
}

# Installs the packages it is given (the vss-tidy build's by default) that are missing.
install_packages() {
  local missing=()
  for p in ${*:-$(apt_packages)}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "== apt packages: all present"
    return
  fi
  echo "== apt packages: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The SARIF Multitool (npm) validates vss-sarif's output in the test suite.
install_sarif_multitool() {
  local dir="$BUILD_DIR/npm"
  if ! command -v npm >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  if [ ! -x "$dir/node_modules/.bin/sarif-multitool" ]; then
    echo "== npm: @microsoft/sarif-multitool"
    npm install --silent --no-audit --no-fund --prefix "$dir" @microsoft/sarif-multitool@5.7.0 >/dev/null
  fi
  # npm does not run the package's postinstall (chmod) without approval.
  chmod u+x "$dir"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
}

# lit is pure Python and the same for every LLVM: Debian ships it with llvm-19-tools only.
lit_command() {
  local lit="/usr/lib/llvm-$VSS_LLVM_VERSION/build/utils/lit/lit.py"
  [ -f "$lit" ] || lit=/usr/lib/llvm-19/build/utils/lit/lit.py
  echo python3 "$lit"
}

configure_and_build() {
  echo "== configure ($BUILD_DIR, LLVM $VSS_LLVM_VERSION)"
  cmake -S "$REPO_DIR" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DVSS_LLVM_VERSION="$VSS_LLVM_VERSION" -DVSS_SANITIZERS="$VSS_SANITIZERS" >/dev/null
  echo "== build"
  cmake --build "$BUILD_DIR" -j 2
}

# The plugin alone, built for the other LLVM release (see CROSS_LLVM_VERSION).
build_cross_plugin() {
  local dir="$BUILD_DIR/cross-llvm$CROSS_LLVM_VERSION"
  echo "== configure and build the plugin for LLVM $CROSS_LLVM_VERSION ($dir)"
  cmake -S "$REPO_DIR" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DVSS_LLVM_VERSION="$CROSS_LLVM_VERSION" >/dev/null
  cmake --build "$dir" -j 2 --target VssTidyPlugin
}
