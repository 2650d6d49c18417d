#!/usr/bin/env bash
# The pre-commit hook behind .pre-commit-hooks.yaml: vss-tidy over the files
# pre-commit passes, with the compile database of --build-dir; any vss-*
# finding is an error and fails the commit.
set -uo pipefail
build_dir=build
files=()
for arg in "$@"; do
  case "$arg" in
    --build-dir=*) build_dir="${arg#--build-dir=}" ;;
    *) files+=("$arg") ;;
  esac
done
[ "${#files[@]}" -gt 0 ] || exit 0
tool="${VSS_TIDY:-vss-tidy}"
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "vss-tidy hook: '$tool' not found; put vss-tidy on PATH or set VSS_TIDY" >&2
  exit 2
fi
load=()
[ -n "${VSS_TIDY_PLUGIN:-}" ] && load=(--load="$VSS_TIDY_PLUGIN")
if [ ! -f "$build_dir/compile_commands.json" ]; then
  echo "vss-tidy hook: no $build_dir/compile_commands.json; set args: [--build-dir=<folder>]" >&2
  exit 2
fi
# Headers are checked through the sources that include them.
sources=()
for f in "${files[@]}"; do
  case "$f" in *.h|*.hh|*.hpp|*.hxx|*.inl) ;; *) sources+=("$f") ;; esac
done
[ "${#sources[@]}" -gt 0 ] || exit 0
exec "$tool" "${load[@]}" --quiet -p "$build_dir" --checks='-*,vss-*' --warnings-as-errors='vss-*' "${sources[@]}"
