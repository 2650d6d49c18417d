//===--- VssClangdMain.cpp - clangd with the vss-* checks built in -------===//
//
// clangd's own main (clangdMain) with every stock clang-tidy module and the
// vss module linked in: a drop-in replacement for clangd. Like vss-tidy, it
// points clangd at the builtin headers of the LLVM it was built with when
// there are none next to the binary.
//
//===----------------------------------------------------------------------===//

#include "../common/ResourceDir.h"
#include <clang-tidy/ClangTidyForceLinker.h>
#include <string>
#include <vector>

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

extern volatile int VssTidyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED VssTidyModuleAnchorDestination = VssTidyModuleAnchorSource;

// An address in this executable, to find its path.
static void executableAnchor() {}

int main(int Argc, char **Argv) {
  std::vector<char *> Args(Argv, Argv + Argc);
  static std::string ResourceDirArg = std::string("--resource-dir=") + vss::builtResourceDir();
  bool UserResourceDir = false;
  for (int I = 1; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(Argv[I]).starts_with("-resource-dir"))
      UserResourceDir = true;
  if (!UserResourceDir &&
      !vss::hasResourceDirNextTo(Argv[0], reinterpret_cast<void *>(&executableAnchor)))
    Args.insert(Args.begin() + 1, ResourceDirArg.data());
  return clang::clangd::clangdMain(static_cast<int>(Args.size()), Args.data());
}
