#!/usr/bin/env bash
# Fuzzes the vss-* checks for SECONDS: builds vss-fuzz (libFuzzer, ASan and UBSan) in
# build-fuzz/, seeds it with the test inputs and runs it. The corpus grows in
# build-fuzz/corpus/; crash-*, timeout-*, leak-* and oom-* reproducers land in
# build-fuzz/artifacts/. Exits non-zero when libFuzzer finds one; a crash that clang itself has
# on that input, without vss-tidy, is kept in build-fuzz/artifacts/upstream/ and fuzzing goes on.
#   scripts/fuzz.sh SECONDS [libFuzzer options...]
usage="usage: scripts/fuzz.sh SECONDS [libFuzzer options...]"
[[ "${1:-}" =~ ^[0-9]+$ ]] || { echo "$usage" >&2; exit 2; }
seconds="$1"
shift
llvm_suffix=$([ "${VSS_LLVM_VERSION:-19}" = 19 ] || echo "-llvm$VSS_LLVM_VERSION")
BUILD_DIR="${BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-fuzz$llvm_suffix}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages
echo "== configure ($BUILD_DIR, LLVM $VSS_LLVM_VERSION, VSS_FUZZ=ON)"
cmake -S "$REPO_DIR" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DVSS_LLVM_VERSION="$VSS_LLVM_VERSION" -DVSS_FUZZ=ON -DVSS_SANITIZERS=address,undefined \
  >/dev/null
echo "== build vss-fuzz"
cmake --build "$BUILD_DIR" -j 2 --target vss-fuzz

# Seeds: every checker test and the example, without their #include lines (the fuzzer puts
# its own prelude of the SDK-like headers before each input) and without the lit comments.
seeds="$BUILD_DIR/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$BUILD_DIR/corpus" "$BUILD_DIR/artifacts"
for f in "$REPO_DIR"/test/checkers/*/*.cpp "$REPO_DIR"/test/delivery/Inputs/*.cpp \
         "$REPO_DIR"/examples/src/*.cpp "$REPO_DIR"/examples/src/*.h; do
  name="$(basename "$(dirname "$f")")-$(basename "$f")"
  sed -E -e '/^[[:space:]]*#[[:space:]]*include/d' \
    -e 's#//[[:space:]]*(RUN|CHECK-[A-Z0-9-]*):.*$##' "$f" > "$seeds/$name"
done

echo "== fuzz for ${seconds}s (corpus: $BUILD_DIR/corpus, reproducers: $BUILD_DIR/artifacts)"
# allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons its slabs when instantiated in our
# instrumented code, but the uninstrumented LLVM libraries never unpoison them.
export ASAN_OPTIONS="allow_user_poisoning=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
clang_syntax_only=("/usr/lib/llvm-$VSS_LLVM_VERSION/bin/clang++" -fsyntax-only -std=c++17
  --target=x86_64-pc-windows-msvc -fms-extensions -fms-compatibility
  -isystem "$REPO_DIR/test/Inputs/sdk" -isystem "$REPO_DIR/test/Inputs/msvc-stl"
  -isystem "$REPO_DIR/test/Inputs/ppl")
prelude="$(sed -n '/^constexpr char Prelude/,/#line/p' "$REPO_DIR/tool/vss-fuzz/VssFuzzMain.cpp" |
  grep -o '#include <[^>]*>')"

# A crash that clang itself has on the same file (clang++ -fsyntax-only, no vss-* check) is
# clang's bug: it is kept in artifacts/upstream/, said, and fuzzing goes on.
crashes_in_clang() {
  { echo "$prelude"; echo '#line 1 "writer.cpp"'; cat "$1"; } > "$BUILD_DIR/upstream-check.cpp"
  local out
  out="$("${clang_syntax_only[@]}" "$BUILD_DIR/upstream-check.cpp" 2>&1 || true)"
  [[ "$out" == *"PLEASE submit a bug report"* ]]
}

status=0
deadline=$((SECONDS + seconds))
mkdir -p "$BUILD_DIR/artifacts/upstream"
while [ "$SECONDS" -lt "$deadline" ]; do
  before="$(ls "$BUILD_DIR/artifacts")"
  # -close_fd_mask=2: the target's stderr ("Error while processing ...") is closed; libFuzzer's
  # own output and the sanitizer reports still show. A hang longer than -timeout is a finding.
  status=0
  "$BUILD_DIR/bin/vss-fuzz" "$BUILD_DIR/corpus" "$seeds" \
    -dict="$REPO_DIR/tool/vss-fuzz/vss.dict" -max_total_time=$((deadline - SECONDS)) \
    -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -close_fd_mask=2 \
    -artifact_prefix="$BUILD_DIR/artifacts/" "$@" || status=$?
  [ "$status" -eq 0 ] && break
  new="$(comm -13 <(echo "$before") <(ls "$BUILD_DIR/artifacts"))"
  if [ -n "$new" ] && [[ "$new" == crash-* ]] && [ "$(echo "$new" | wc -l)" -eq 1 ] &&
     crashes_in_clang "$BUILD_DIR/artifacts/$new"; then
    mv "$BUILD_DIR/artifacts/$new" "$BUILD_DIR/artifacts/upstream/"
    echo "== $new: clang $VSS_LLVM_VERSION crashes on it without vss-tidy (clang's bug):" \
      "artifacts/upstream/$new; fuzzing on"
    status=0
    continue
  fi
  break
done
upstream=$(ls "$BUILD_DIR/artifacts/upstream" | wc -l)
if [ "$status" -ne 0 ]; then
  echo "== FOUND (exit $status): reproducers in $BUILD_DIR/artifacts/"
  ls -1 "$BUILD_DIR/artifacts/" | grep -v '^upstream$' >&2 || true
  echo "   replay one: $BUILD_DIR/bin/vss-fuzz FILE; minimise: add -minimize_crash=1 -runs=10000"
else
  echo "== no crash of vss-tidy, no hang in ${seconds}s; corpus: $(ls "$BUILD_DIR/corpus" | wc -l)" \
    "inputs; clang's own crashes so far: $upstream (artifacts/upstream/)"
fi
exit "$status"
