//===--- PluginVersionGuard.cpp - Refuse to run in another clang-tidy ----===//
//
// Linked into the plugin only. A plugin built for one LLVM release, loaded
// into the clang-tidy of another, still loads and lists its checks, but they
// never run: clang-tidy reports no finding and exits 0, and a CI job believes
// the code is clean. When the plugin loads, compare the release it was built
// for with the one of the clang-tidy that loads it (asked at run time, from
// the host's own libraries) and stop with a message if they differ.
//
//===----------------------------------------------------------------------===//

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>
#include <string>

namespace vss {
namespace {

/// The major version in a clang version text ("Debian clang version 22.1.8 (...)").
std::optional<unsigned> majorVersionIn(llvm::StringRef FullVersion) {
  size_t At = FullVersion.find("version ");
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Number = FullVersion.drop_front(At + 8);
  unsigned Major = 0;
  if (Number.consumeInteger(10, Major) || !Number.starts_with("."))
    return std::nullopt;
  return Major;
}

struct PluginVersionGuard {
  PluginVersionGuard() {
    // Resolved against the host process: the plugin links nothing of clang.
    std::string Host = clang::getClangFullVersion();
    std::optional<unsigned> HostMajor = majorVersionIn(Host);
    if (!HostMajor || *HostMajor == CLANG_VERSION_MAJOR)
      return;
    llvm::errs() << "error: the vss-tidy plugin was built for clang-tidy " << CLANG_VERSION_MAJOR
                 << " (clang " CLANG_VERSION_STRING ") but was loaded into clang-tidy "
                 << *HostMajor << " (" << Host
                 << "); its checks would silently find nothing in this clang-tidy.\n"
                 << "note: run the vss-tidy binary instead, or build the plugin for this "
                    "clang-tidy: cmake -DVSS_LLVM_VERSION="
                 << *HostMajor << "\n";
    llvm::errs().flush();
    // Exit at once: the host is half-way through loading the plugin and its
    // state is not ours to tear down.
    std::_Exit(1);
  }
};

PluginVersionGuard Guard;

} // namespace
} // namespace vss
