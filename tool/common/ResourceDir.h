//===--- ResourceDir.h - Where vss-tidy and vss-clangd find builtin headers ===//
//
// clang-tidy and clangd look for their builtin headers (<stddef.h>, ...) in
// <bin>/../lib/clang/<major>. A build tree or a separate install prefix has
// none, so both tools then point at the LLVM installation they were built with.
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_TOOL_RESOURCEDIR_H
#define VSS_TIDY_TOOL_RESOURCEDIR_H

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>

#ifndef VSS_CLANG_RESOURCE_DIR
#error "VSS_CLANG_RESOURCE_DIR must name the clang resource directory"
#endif

namespace vss {

/// True when the executable has its own <bin>/../lib/clang/<major>/include.
inline bool hasResourceDirNextTo(const char *Argv0, void *MainAddress) {
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, MainAddress);
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "lib", "clang", std::to_string(LLVM_VERSION_MAJOR), "include");
  return llvm::sys::fs::is_directory(Dir);
}

/// The resource directory of the LLVM these tools were built with.
inline const char *builtResourceDir() { return VSS_CLANG_RESOURCE_DIR; }

} // namespace vss

#endif // VSS_TIDY_TOOL_RESOURCEDIR_H
