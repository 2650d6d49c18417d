// Found by scripts/fuzz.sh (minimised): a member declaration left open in a
// parameter list, then a class declared twice. clang 19 itself crashes while
// formatting "'CSqlWriter' redeclared with 'private' access", with or without
// the vss-* checks (clang++-19 -fsyntax-only does too; llvm-project issue
// 112208, fixed in clang 20). Later releases report the errors and vss-tidy
// exits 1.
// XFAIL: llvm-19
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags

// The prelude of vss-fuzz, then the input.
#include <windows.h>
#include <vss.h>
#include <vswriter.h>
#include <process.h>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <utility>
#include <vector>
#include <ppl.h>
class CWriterBase : public CVssWriterEx2 {
  bool STDMETHODCALLTYPE OnIdentify(IVss// the fuzzer cut the line here
class CSqlWriter;
class CSqlWriter : public CVssWriterEx2 {
