//===--- VssTidyModule.cpp - The vss-* clang-tidy module -----------------===//
//
// Registers every vss-* check. The same object file is loaded as a plugin by
// clang-tidy (--load) and linked into vss-tidy.
//
//===----------------------------------------------------------------------===//

#include "WriterApiOutsideEventCheck.h"
#include "WriterFailureInIdentifyCheck.h"
#include "WriterFailureInvalidHResultCheck.h"
#include "WriterFailureOffHandlerThreadCheck.h"
#include "WriterFailureOutsideEventCheck.h"
#include "WriterFreezeBlockingCheck.h"
#include "WriterHandlerExceptionEscapeCheck.h"
#include "WriterNullComponentsCheck.h"
#include "clang/Basic/Version.h"
#include <clang-tidy/ClangTidyModule.h>
// LLVM 22 declares the registry in ClangTidyModule.h and deprecates this header.
#if CLANG_VERSION_MAJOR < 22
#include <clang-tidy/ClangTidyModuleRegistry.h>
#endif

namespace vss {

class VssTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
#define VSS_CHECK(Name, Class, Summary) Factories.registerCheck<Class>(Name);
#include "VssChecks.def"
  }
};

} // namespace vss

static clang::tidy::ClangTidyModuleRegistry::Add<vss::VssTidyModule>
    X("vss-module", "Checks for Volume Shadow Copy Service (VSS) writers.");

// Referenced by vss-tidy's main so that the linker keeps this module.
volatile int VssTidyModuleAnchorSource = 0;
