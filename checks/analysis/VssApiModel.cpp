//===--- VssApiModel.cpp - The one place that knows the VSS writer API ---===//

#include "VssApiModel.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace vss {
namespace {

constexpr llvm::StringLiteral WriterBaseClasses[] = {"CVssWriter", "CVssWriterEx",
                                                     "CVssWriterEx2"};

// Every handler of CVssWriter and CVssWriterEx (VSS-API.md, "Classes").
const EventHandlerSpec EventHandlers[] = {
    {"OnIdentify", true},           {"OnIdentifyEx", true},
    {"OnPrepareBackup", false},     {"OnPrepareSnapshot", false},
    {"OnFreeze", false},            {"OnThaw", false},
    {"OnAbort", false},             {"OnPostSnapshot", false},
    {"OnBackupComplete", false},    {"OnBackupShutdown", false},
    {"OnPreRestore", false},        {"OnPostRestore", false},
    {"OnBackOffIOOnVolume", false}, {"OnContinueIOOnVolume", false},
    {"OnVSSShutdown", false},       {"OnVSSApplicationStartup", false},
};

// VSS-API.md, "The failure-reporting methods" and "The rules".
const FailureReportingSpec FailureReportingCalls[] = {
    {"CVssWriter", "SetWriterFailure", "SetWriterFailure", true, true, 0},
    {"CVssWriterEx2", "SetWriterFailureEx", "SetWriterFailureEx", true, true, 0},
    {"IVssComponentEx2", "SetFailure", "IVssComponentEx2::SetFailure", true, false, 0},
    {"CVssWriterEx2", "GetSessionId", "GetSessionId", false, true, -1},
};

const WriterErrorCode WriterErrorCodes[] = {
    {"S_OK", 0x00000000},
    {"VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT", 0x800423F0},
    {"VSS_E_WRITERERROR_OUTOFRESOURCES", 0x800423F1},
    {"VSS_E_WRITERERROR_TIMEOUT", 0x800423F2},
    {"VSS_E_WRITERERROR_RETRYABLE", 0x800423F3},
    {"VSS_E_WRITERERROR_NONRETRYABLE", 0x800423F4},
    {"VSS_E_WRITERERROR_RECOVERY_FAILED", 0x800423F5},
    {"VSS_E_WRITERERROR_PARTIAL_FAILURE", 0x80042336},
    {"VSS_E_WRITER_NOT_RESPONDING", 0x80042319},
    {"VSS_E_WRITER_STATUS_NOT_AVAILABLE", 0x80042409},
};

/// True when \p Record is the class \p Name declared at global scope
/// (extern "C++" blocks included).
bool isGlobalClassNamed(const CXXRecordDecl *Record, llvm::StringRef Name) {
  const IdentifierInfo *Id = Record->getIdentifier();
  return Id && Id->getName() == Name &&
         Record->getDeclContext()->getRedeclContext()->isTranslationUnit();
}

bool isApiClass(const CXXRecordDecl *Record) {
  if (!Record)
    return false;
  for (llvm::StringRef Name : WriterBaseClasses)
    if (isGlobalClassNamed(Record, Name))
      return true;
  return llvm::any_of(FailureReportingCalls, [&](const FailureReportingSpec &S) {
    return isGlobalClassNamed(Record, S.ClassName);
  });
}

} // namespace

const VssApiModel &VssApiModel::get() {
  static const VssApiModel Model;
  return Model;
}

llvm::ArrayRef<EventHandlerSpec> VssApiModel::eventHandlers() const {
  return EventHandlers;
}
llvm::ArrayRef<FailureReportingSpec> VssApiModel::failureReportingCalls() const {
  return FailureReportingCalls;
}
llvm::ArrayRef<WriterErrorCode> VssApiModel::writerErrorCodes() const {
  return WriterErrorCodes;
}

bool VssApiModel::isWriterBaseClass(const CXXRecordDecl *Record) const {
  if (!Record)
    return false;
  return llvm::any_of(WriterBaseClasses, [&](llvm::StringRef Name) {
    return isGlobalClassNamed(Record, Name);
  });
}

bool VssApiModel::isWriterClass(const CXXRecordDecl *Record) const {
  if (!Record || isWriterBaseClass(Record))
    return false;
  // Iterative walk over the base classes; dependent bases are unknown here and
  // are judged in each instantiation instead.
  llvm::SmallVector<const CXXRecordDecl *, 8> Worklist{Record};
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Visited;
  while (!Worklist.empty()) {
    const CXXRecordDecl *Current = Worklist.pop_back_val()->getDefinition();
    if (!Current || !Visited.insert(Current).second)
      continue;
    for (const CXXBaseSpecifier &Base : Current->bases()) {
      const CXXRecordDecl *BaseRecord = Base.getType()->getAsCXXRecordDecl();
      if (!BaseRecord)
        continue;
      if (isWriterBaseClass(BaseRecord))
        return true;
      Worklist.push_back(BaseRecord);
    }
  }
  return false;
}

const EventHandlerSpec *
VssApiModel::overriddenEventHandler(const CXXMethodDecl *Method) const {
  if (!Method || Method->size_overridden_methods() == 0)
    return nullptr;
  llvm::SmallVector<const CXXMethodDecl *, 4> Worklist(
      Method->overridden_methods().begin(), Method->overridden_methods().end());
  llvm::SmallPtrSet<const CXXMethodDecl *, 4> Visited;
  while (!Worklist.empty()) {
    const CXXMethodDecl *Base = Worklist.pop_back_val()->getCanonicalDecl();
    if (!Visited.insert(Base).second)
      continue;
    if (isWriterBaseClass(Base->getParent()) && Base->getIdentifier()) {
      for (const EventHandlerSpec &Handler : EventHandlers)
        if (Base->getName() == Handler.Name)
          return &Handler;
    }
    Worklist.append(Base->overridden_methods().begin(),
                    Base->overridden_methods().end());
  }
  return nullptr;
}

const FailureReportingSpec *
VssApiModel::failureReportingCall(const FunctionDecl *Callee) const {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Method || !Method->getIdentifier())
    return nullptr;
  Method = Method->getCanonicalDecl();
  for (const FailureReportingSpec &Spec : FailureReportingCalls)
    if (Method->getName() == Spec.MethodName &&
        isGlobalClassNamed(Method->getParent(), Spec.ClassName))
      return &Spec;
  return nullptr;
}

bool VssApiModel::isApiFunction(const FunctionDecl *Function) const {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Function);
  return Method && isApiClass(Method->getParent());
}

} // namespace vss
