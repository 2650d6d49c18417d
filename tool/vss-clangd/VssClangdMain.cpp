//===--- VssClangdMain.cpp - clangd with the vss-* checks built in -------===//
//
// clangd's own main (clangdMain) with every stock clang-tidy module and the
// vss module linked in: a drop-in replacement for clangd. Like vss-tidy, it
// points clangd at the builtin headers of the LLVM it was built with when
// there are none next to the binary.
//
//===----------------------------------------------------------------------===//

#include <clang-tidy/ClangTidyForceLinker.h>
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

extern volatile int VssTidyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED VssTidyModuleAnchorDestination = VssTidyModuleAnchorSource;

static bool hasResourceDirNextTo(const char *Argv0) {
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&hasResourceDirNextTo));
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "lib", "clang", std::to_string(LLVM_VERSION_MAJOR), "include");
  return llvm::sys::fs::is_directory(Dir);
}

int main(int Argc, char **Argv) {
  std::vector<char *> Args(Argv, Argv + Argc);
  static std::string ResourceDirArg = std::string("--resource-dir=") + VSS_CLANG_RESOURCE_DIR;
  bool UserResourceDir = false;
  for (int I = 1; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]).starts_with("--resource-dir") ||
        llvm::StringRef(Argv[I]).starts_with("-resource-dir"))
      UserResourceDir = true;
  if (!UserResourceDir && !hasResourceDirNextTo(Argv[0]))
    Args.insert(Args.begin() + 1, ResourceDirArg.data());
  return clang::clangd::clangdMain(static_cast<int>(Args.size()), Args.data());
}
