//===--- VssApiModel.h - The one place that knows the VSS writer API -----===//
//
// Everything vss-tidy knows about the Volume Shadow Copy Service writer API
// lives here: the writer base classes, their event handlers, the calls that
// report a writer failure, and the writer error codes each of them accepts.
// Declarations are recognised by qualified name and by what they override,
// never by how a declaration is spelled. The rules themselves are stated, with
// Microsoft's pages, in docs/vss-writer-rules.md.
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
  /// Index of the IVssWriterComponents* parameter that is null when the
  /// requester selected no components (rule 7), or -1.
  int NullableComponents = -1;
  /// Runs inside the requester's freeze window (OnFreeze, OnThaw; rule 8).
  bool InFreezeWindow = false;
};

/// A writer API that is valid only while some events are handled (rule 6).
struct EventBoundApiSpec {
  llvm::StringRef ClassName;  ///< Declaring class, in the global namespace.
  llvm::StringRef MethodName; ///< Empty: every method of the class.
  /// How findings name it: writer methods as called inside the writer,
  /// interface methods with their interface.
  llvm::StringRef DisplayName;
  /// The handlers (EventHandlerSpec::Name) the API may be called from
  /// (OnlyIn), or must not be called from (!OnlyIn).
  llvm::ArrayRef<llvm::StringLiteral> Handlers;
  bool OnlyIn;
  /// True for an interface whose pointer VSS gives one handler
  /// (IVssCreateWriterMetadata): reached from another, it was kept past it.
  bool KeptPastHandler = false;
  /// How to fix a finding ("use the SnapshotSetId parameter of
  /// OnBackupShutdown instead"); empty: call it from one of Handlers.
  llvm::StringRef Remedy = "";

  /// True when a call reached from \p Handler breaks the rule.
  bool forbiddenIn(llvm::StringRef Handler) const;
};

/// A call that waits (rule 8): a Windows wait with a time-out argument, or a
/// wait of the standard library that has none.
struct BlockingWaitSpec {
  /// Source qualified name of the function, or of the class whose method
  /// (MethodName) waits ("std::future").
  llvm::StringRef Name;
  llvm::StringRef MethodName; ///< Empty for a function.
  /// Index of the time-out argument in milliseconds, or -1: waits until done.
  int TimeoutArgument;
};

/// A call that reports a writer failure or is bound to the handler's thread.
struct FailureReportingSpec {
  llvm::StringRef ClassName; ///< Declaring class, in the global namespace.
  llvm::StringRef MethodName;
  /// How findings name the call: writer methods as called inside the writer,
  /// interface methods with their interface.
  llvm::StringRef DisplayName;
  /// Rule 1 (docs/vss-writer-rules.md): not while handling Identify.
  bool ForbiddenInIdentify;
  /// Rule 3: on the thread that called the event handler.
  bool BoundToHandlerThread;
  /// Index of the HRESULT argument judged by rule 2 (only writer error codes), or -1.
  int HResultArgument;
  /// Rule 2: S_OK is accepted (SetWriterFailureEx, IVssComponentEx2::SetFailure).
  bool AcceptsSuccess;
  /// Rule 2: VSS_E_WRITERERROR_PARTIAL_FAILURE is accepted (SetWriterFailureEx).
  bool AcceptsPartialFailure;
  /// Rule 4: records the failure of the event being handled, so only while
  /// one is (SetWriterFailure, SetWriterFailureEx).
  bool BoundToEvent;
};

/// Why a function runs while the writer handles no event (rule 4).
enum class OutsideEventKind {
  None,
  WriterConstructor, ///< A constructor of a writer class.
  WriterDestructor,  ///< A destructor of a writer class.
  ProgramEntryPoint, ///< main, wmain, WinMain, wWinMain, DllMain.
};

/// How a writer failure call judges one HRESULT value (rule 2).
enum class CodeVerdict {
  Valid,
  NotAWriterCode,        ///< E_FAIL, HRESULT_FROM_WIN32(...), ...
  GeneratedByVss,        ///< VSS_E_WRITER_NOT_RESPONDING, ..._STATUS_NOT_AVAILABLE
  Success,               ///< S_OK where it is not accepted: reports no failure.
  PartialFailureMisused, ///< VSS_E_WRITERERROR_PARTIAL_FAILURE outside SetWriterFailureEx.
  Undocumented,          ///< VSS_E_WRITERERROR_RECOVERY_FAILED, unless allowed.
};

/// A function of the SDK that builds an HRESULT that is never a writer code,
/// whatever its argument (HRESULT_FROM_WIN32, HRESULT_FROM_NT).
struct HResultConstructorSpec {
  llvm::StringRef Name;
  /// The value for a known argument.
  uint32_t (*Apply)(int64_t Argument);
  /// Bits set in the result whatever the argument (x > 0 for WIN32).
  uint32_t BitsForAnyArgument;
};

/// An API that runs a callable on another thread (rule 3).
struct ThreadStartSpec {
  /// Qualified name of the function, or of the class whose constructor starts
  /// the thread (std::thread). Inline namespaces are not spelled.
  llvm::StringRef Name;
  /// Index of the argument that is the callable; -1 for the last argument.
  int CallableArgument;
  /// True for std::async: a leading std::launch policy shifts the callable,
  /// and std::launch::deferred alone runs it on the caller's thread.
  bool TakesLaunchPolicy = false;
  /// Index of the argument handed to the callable (CreateThread's
  /// lpParameter), or -1. A callable passed there runs on the new thread too:
  /// the thread function is a trampoline that calls it.
  int ContextArgument = -1;
};

/// A function of the standard library that throws on bad input by its
/// contract (std::basic_string::at, std::stoi, ...), or an allocation.
struct ThrowingCallSpec {
  llvm::StringRef Name; ///< Source qualified name ("std::basic_string::at").
  /// What it throws ("std::out_of_range"; "A or B" when either).
  llvm::StringRef Exception;
};

/// A generic code with one certainly right writer code to use instead.
struct CertainReplacement {
  uint32_t From;
  llvm::StringRef Description; ///< e.g. "E_OUTOFMEMORY"
  llvm::StringRef To;          ///< The writer code's macro name.
};

class VssApiModel {
public:
  static const VssApiModel &get();

  /// False when no class the checks are about (the writer base classes, the
  /// classes of the failure-reporting methods) can be declared in \p Context:
  /// not even its name was ever read. Asked once per translation unit, so
  /// that one without the VSS writer API costs the checks nothing more.
  bool mayBeUsedIn(const clang::ASTContext &Context) const;

  /// True for ::CVssWriter, ::CVssWriterEx and ::CVssWriterEx2 themselves.
  bool isWriterBaseClass(const clang::CXXRecordDecl *Record) const;

  /// The writer event handler that \p Method overrides, directly or through
  /// intermediate overrides, if any.
  const EventHandlerSpec *overriddenEventHandler(const clang::CXXMethodDecl *Method) const;

  /// True for a class derived from a writer base class (not a base itself).
  bool isWriterClass(const clang::CXXRecordDecl *Record) const;

  /// Whether \p Function runs while no event is handled by what it is: a
  /// constructor or destructor of a writer class, or a program entry point.
  OutsideEventKind outsideEventKind(const clang::FunctionDecl *Function) const;

  /// The writer lifecycle method \p Callee is (CVssWriter::Initialize,
  /// Subscribe, Unsubscribe, CVssWriterEx::InitializeEx, SubscribeEx), as
  /// findings name it ("CVssWriter::Unsubscribe"); empty otherwise. Its
  /// callers run outside events (rule 4).
  llvm::StringRef writerLifecycleCall(const clang::FunctionDecl *Callee) const;

  /// True for StartServiceCtrlDispatcherA/W: the service mains of the table
  /// it is given run outside events.
  bool isServiceDispatcherStart(const clang::FunctionDecl *Function) const;

  /// The writer API bound to some events (rule 6) that \p Callee is, if any.
  const EventBoundApiSpec *eventBoundApi(const clang::FunctionDecl *Callee) const;

  /// True when \p Type is a pointer to the interface of \p Rule, or holds one
  /// as a template argument (CComPtr<IVssCreateWriterMetadata>).
  bool holdsInterface(clang::QualType Type, const EventBoundApiSpec &Rule) const;

  /// True for CVssWriter::AreComponentsSelected: when it returns true, the
  /// components given to the handlers are not null (rule 7).
  bool isComponentsSelectedQuery(const clang::FunctionDecl *Callee) const;

  /// The wait \p Call makes (rule 8), if it is one: by the function called,
  /// or for a method by the class of the object it is called on, so that a
  /// wait inherited from an implementation base (libstdc++'s __basic_future)
  /// is found.
  const BlockingWaitSpec *blockingWait(const clang::CallExpr *Call) const;

  /// The value of INFINITE: a wait with this time-out never times out.
  uint32_t infiniteTimeout() const;

  /// The event handler named \p Name ("OnIdentify"), if there is one.
  const EventHandlerSpec *eventHandlerNamed(llvm::StringRef Name) const;

  /// The failure-reporting API method that \p Callee is, if any.
  const FailureReportingSpec *failureReportingCall(const clang::FunctionDecl *Callee) const;
  /// The failure call named \p DisplayName (as in its findings and in the
  /// facts of other translation units), if there is one.
  const FailureReportingSpec *failureReportingCallNamed(llvm::StringRef DisplayName) const;

  /// Rule 2: how \p Call judges \p Value (compared on its low 32 bits).
  CodeVerdict judgeCode(const FailureReportingSpec &Call, uint32_t Value,
                        bool AcceptRecoveryFailed) const;

  /// True when some value with at least the bits \p KnownOnes set could be
  /// valid for \p Call (a value built as "x | 0x80070000" never is).
  bool mayBeValidWithBits(const FailureReportingSpec &Call, uint32_t KnownOnes,
                          bool AcceptRecoveryFailed) const;

  /// The writer code a generic value certainly maps to (E_OUTOFMEMORY ->
  /// VSS_E_WRITERERROR_OUTOFRESOURCES, timeouts -> VSS_E_WRITERERROR_TIMEOUT).
  const CertainReplacement *certainReplacement(uint32_t Value) const;

  /// HRESULT_FROM_WIN32 / HRESULT_FROM_NT when \p Function is one of them
  /// (an inline function in the global namespace, as the SDK declares them).
  const HResultConstructorSpec *hresultConstructor(const clang::FunctionDecl *Function) const;

  /// The function of the standard library that throws by contract that
  /// \p Callee is, if any.
  const ThrowingCallSpec *throwingCall(const clang::FunctionDecl *Callee) const;

  /// A throwing operator new: it throws std::bad_alloc, never returns null.
  const ThrowingCallSpec &allocation() const;

  /// True when a handler of the class named \p Caught (source qualified
  /// name) catches the standard exception \p Exception: the same class or one
  /// of its bases.
  bool catchesStandardException(llvm::StringRef Caught, llvm::StringRef Exception) const;

  /// The thread-start APIs the model knows.
  llvm::ArrayRef<ThreadStartSpec> threadStarts() const;

  /// True for the standard library's type-erasing callable wrappers
  /// (std::function, std::move_only_function, std::packaged_task, ...): what
  /// they are constructed from is what their operator() runs.
  bool isCallableWrapper(const clang::CXXRecordDecl *Record) const;

  /// True for std::invoke and std::invoke_r: the first argument is called.
  bool isInvoke(const clang::FunctionDecl *Function) const;

  /// True for std::bind and std::bind_front: the first argument is what the
  /// result calls.
  bool isBind(const clang::FunctionDecl *Function) const;

  /// True when \p Function is a Windows, COM or VSS API (a C function or a
  /// virtual method declared in a system header, or a method of the VSS
  /// classes) that returns an HRESULT: its own
  /// status, never one of the writer error codes, unless the model lists it
  /// among the APIs whose result may be one (none is known).
  bool returnsApiStatus(const clang::FunctionDecl *Function, const clang::SourceManager &SM) const;

  /// True for any method declared by a VSS API class (writer base classes
  /// and the COM interfaces listed here): their bodies are not user code.
  bool isApiFunction(const clang::FunctionDecl *Function) const;

private:
  VssApiModel() = default;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_VSSAPIMODEL_H
