//===--- VssApiModel.h - The one place that knows the VSS writer API -----===//
//
// Everything vss-tidy knows about the Volume Shadow Copy Service writer API
// lives here: the writer base classes, their event handlers, the calls that
// report a writer failure, and the writer error codes each of them accepts.
// Declarations are recognised by qualified name and by what they override,
// never by how a declaration is spelled (see ../shared/VSS-API.md).
//
//===----------------------------------------------------------------------===//

#ifndef VSS_TIDY_ANALYSIS_VSSAPIMODEL_H
#define VSS_TIDY_ANALYSIS_VSSAPIMODEL_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace vss {

/// A virtual OnXxx method of CVssWriter / CVssWriterEx that VSS calls.
struct EventHandlerSpec {
  llvm::StringRef Name;
  /// True for the handlers of the Identify event (OnIdentify, OnIdentifyEx).
  bool HandlesIdentify;
};

/// A call that reports a writer failure or is bound to the handler's thread.
struct FailureReportingSpec {
  llvm::StringRef ClassName;  ///< Declaring class, in the global namespace.
  llvm::StringRef MethodName;
  /// How findings name the call: writer methods as called inside the writer,
  /// interface methods with their interface.
  llvm::StringRef DisplayName;
  /// Rule 1: cannot be called while handling Identify.
  bool ForbiddenInIdentify;
  /// Rule 3: must run on the thread that called the event handler.
  bool BoundToHandlerThread;
  /// Index of the HRESULT argument judged by rule 2, or -1.
  int HResultArgument;
};

/// A writer error code (or a code that must not be passed as one).
struct WriterErrorCode {
  llvm::StringRef Name;
  uint32_t Value;
};

class VssApiModel {
public:
  static const VssApiModel &get();

  llvm::ArrayRef<EventHandlerSpec> eventHandlers() const;
  llvm::ArrayRef<FailureReportingSpec> failureReportingCalls() const;
  llvm::ArrayRef<WriterErrorCode> writerErrorCodes() const;

  /// True for ::CVssWriter, ::CVssWriterEx and ::CVssWriterEx2 themselves.
  bool isWriterBaseClass(const clang::CXXRecordDecl *Record) const;

  /// True for a class that derives, directly or through other classes and
  /// class template specializations, from a writer base class.
  bool isWriterClass(const clang::CXXRecordDecl *Record) const;

  /// The writer event handler that \p Method overrides, directly or through
  /// intermediate overrides, if any.
  const EventHandlerSpec *
  overriddenEventHandler(const clang::CXXMethodDecl *Method) const;

  /// The failure-reporting API method that \p Callee is, if any.
  const FailureReportingSpec *
  failureReportingCall(const clang::FunctionDecl *Callee) const;

  /// True for any method declared by a VSS API class (writer base classes
  /// and the COM interfaces listed here): their bodies are not user code.
  bool isApiFunction(const clang::FunctionDecl *Function) const;

private:
  VssApiModel() = default;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_VSSAPIMODEL_H
