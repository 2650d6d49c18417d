//===--- VssFuzzMain.cpp - libFuzzer over the vss-* checks ---------------===//
//
// Each input is the body of a writer source: it follows a fixed prelude that
// includes the SDK-like headers of test/Inputs, is parsed from memory for the
// MSVC target as the tests parse it, and every vss-* check runs on it through
// clang-tidy. Diagnostics are discarded: a crash, a sanitizer report or a hang
// (libFuzzer's -timeout) is a finding. scripts/fuzz.sh builds and runs it.
//
//===----------------------------------------------------------------------===//

#include "../common/ResourceDir.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <clang-tidy/ClangTidy.h>
#include <clang-tidy/ClangTidyDiagnosticConsumer.h>
#include <clang-tidy/ClangTidyOptions.h>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr char SourcePath[] = "/vss-fuzz/writer.cpp";

// Every header the checker tests include for the MSVC target; the input's
// lines are numbered from 1 after it.
constexpr char Prelude[] = "#include <windows.h>\n"
                           "#include <vss.h>\n"
                           "#include <vswriter.h>\n"
                           "#include <process.h>\n"
                           "#include <functional>\n"
                           "#include <future>\n"
                           "#include <memory>\n"
                           "#include <thread>\n"
                           "#include <utility>\n"
                           "#include <vector>\n"
                           "#include <ppl.h>\n"
                           "#line 1 \"writer.cpp\"\n";

// As test/tools/check_vss_tidy.py parses for the msvc target.
std::vector<std::string> compilerArguments() {
  const std::string Inputs = VSS_TEST_INPUTS;
  return {"-std=c++17",
          "--target=x86_64-pc-windows-msvc",
          "-fms-extensions",
          "-fms-compatibility",
          "-isystem",
          Inputs + "/sdk",
          "-isystem",
          Inputs + "/msvc-stl",
          "-isystem",
          Inputs + "/ppl",
          std::string("-resource-dir=") + vss::builtResourceDir()};
}

clang::tidy::ClangTidyOptions vssChecksOnly() {
  clang::tidy::ClangTidyOptions Options = clang::tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,vss-*";
  return Options;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *Argc, char ***Argv) {
  // Fuzzing without the checks would find nothing and say nothing.
  std::vector<std::string> Checks = clang::tidy::getCheckNames(vssChecksOnly(), false);
  if (Checks.empty()) {
    llvm::errs() << "vss-fuzz: no vss-* check is registered\n";
    std::exit(1);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const clang::tooling::FixedCompilationDatabase Compilations(".", compilerArguments());

  std::string Source = Prelude;
  Source.append(reinterpret_cast<const char *>(Data), Size);
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(SourcePath, 0, llvm::MemoryBuffer::getMemBufferCopy(Source, SourcePath));
  auto Files =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  Files->pushOverlay(Memory);

  // A new context each time: no state carries over from one input to the next.
  clang::tidy::ClangTidyContext Context(std::make_unique<clang::tidy::DefaultOptionsProvider>(
      clang::tidy::ClangTidyGlobalOptions(), vssChecksOnly()));
  clang::tidy::runClangTidy(Context, Compilations, {SourcePath}, Files, /*ApplyAnyFix=*/false);
  return 0;
}
