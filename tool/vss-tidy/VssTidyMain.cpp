//===--- VssTidyMain.cpp - clang-tidy with the vss-* checks built in -----===//
//
// clang-tidy's own main (every stock module is linked in by clangTidyMain)
// plus the vss module. Three additions only: --version names vss-tidy, the
// builtin headers are found in the LLVM installation this was built against
// when there are none next to the binary, and a fatal error of clang's tooling
// (a compilation database entry whose directory does not exist) is an error
// message and exit code 1, not an abort with a stack dump.
//
//===----------------------------------------------------------------------===//

#include "../common/FatalErrors.h"
#include "../common/ResourceDir.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include <clang-tidy/tool/ClangTidyMain.h>
#include <string>
#include <vector>

extern volatile int VssTidyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED VssTidyModuleAnchorDestination = VssTidyModuleAnchorSource;

// An address in this executable, to find its path.
static void executableAnchor() {}

int main(int Argc, const char **Argv) {
  vss::exitOnFatalErrors("vss-tidy");
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "vss-tidy version " << VSS_TIDY_VERSION
       << " (VSS writer checks for clang-tidy), built with LLVM " << LLVM_VERSION_STRING << "\n";
  });
  std::vector<const char *> Args(Argv, Argv + Argc);
  // Like clang-tidy, vss-tidy looks for <prefix>/lib/clang/N next to itself;
  // a build tree or a separate install prefix has none, so point at LLVM's.
  static const std::string ResourceDirArg =
      std::string("--extra-arg-before=-resource-dir=") + vss::builtResourceDir();
  if (!vss::hasResourceDirNextTo(Argv[0], reinterpret_cast<void *>(&executableAnchor)) && Argc > 1)
    Args.insert(Args.begin() + 1, ResourceDirArg.c_str());
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
