//===--- VssApiModel.cpp - The one place that knows the VSS writer API ---===//

#include "VssApiModel.h"
#include "CallGraph.h"
#include "Names.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <array>

using namespace clang;

namespace vss {
namespace {

constexpr llvm::StringLiteral WriterBaseClasses[] = {"CVssWriter", "CVssWriterEx", "CVssWriterEx2"};

// Every handler of CVssWriter and CVssWriterEx (docs/vss-writer-rules.md, "The writer
// classes and their handlers").
const EventHandlerSpec EventHandlers[] = {
    {"OnIdentify", true},
    {"OnIdentifyEx", true},
    {"OnPrepareBackup", false, /*NullableComponents=*/0},
    {"OnPrepareSnapshot", false},
    {"OnFreeze", false, -1, /*InFreezeWindow=*/true},
    {"OnThaw", false, -1, /*InFreezeWindow=*/true},
    {"OnAbort", false},
    {"OnPostSnapshot", false, 0},
    {"OnBackupComplete", false, 0},
    {"OnBackupShutdown", false},
    {"OnPreRestore", false},
    {"OnPostRestore", false, 0},
    {"OnBackOffIOOnVolume", false},
    {"OnContinueIOOnVolume", false},
    {"OnVSSShutdown", false},
    {"OnVSSApplicationStartup", false},
};

// The methods the rules are about (docs/vss-writer-rules.md, rules 1 to 3).
const FailureReportingSpec FailureReportingCalls[] = {
    // Class, method, display name, rule 1, rule 3, HRESULT argument, S_OK, PARTIAL_FAILURE,
    // rule 4.
    {"CVssWriter", "SetWriterFailure", "SetWriterFailure", true, true, 0, false, false, true},
    {"CVssWriterEx2", "SetWriterFailureEx", "SetWriterFailureEx", true, true, 0, true, true, true},
    {"IVssComponentEx2", "SetFailure", "IVssComponentEx2::SetFailure", true, false, 0, true, false,
     false},
    {"CVssWriterEx2", "GetSessionId", "GetSessionId", false, true, -1, false, false, false},
};

// The APIs valid only while some events are handled (docs/vss-writer-rules.md,
// rule 6), and the handlers that decide it.
constexpr llvm::StringLiteral InPostSnapshot[] = {"OnPostSnapshot"};
constexpr llvm::StringLiteral InBackupPreparation[] = {"OnPrepareBackup", "OnPrepareSnapshot",
                                                       "OnPostSnapshot"};
constexpr llvm::StringLiteral InPreRestore[] = {"OnPreRestore"};
constexpr llvm::StringLiteral InPrepareBackup[] = {"OnPrepareBackup"};
constexpr llvm::StringLiteral InBackupShutdown[] = {"OnBackupShutdown"};
constexpr llvm::StringLiteral InIdentify[] = {"OnIdentify", "OnIdentifyEx"};
const EventBoundApiSpec EventBoundApis[] = {
    {"CVssWriter", "GetSnapshotDeviceName", "GetSnapshotDeviceName", InPostSnapshot, true},
    {"CVssWriterEx", "GetIdentifyInformation", "GetIdentifyInformation", InBackupPreparation, true},
    {"IVssComponent", "SetRestoreMetadata", "IVssComponent::SetRestoreMetadata", InPreRestore,
     true},
    {"IVssComponentEx", "SetPrepareForBackupFailureMsg",
     "IVssComponentEx::SetPrepareForBackupFailureMsg", InPrepareBackup, true},
    {"IVssComponentEx", "SetPostSnapshotFailureMsg", "IVssComponentEx::SetPostSnapshotFailureMsg",
     InPostSnapshot, true},
    {"CVssWriter", "GetCurrentSnapshotSetId", "GetCurrentSnapshotSetId", InBackupShutdown, false,
     false, "use the SnapshotSetId parameter of OnBackupShutdown instead"},
    {"IVssCreateWriterMetadata", "", "IVssCreateWriterMetadata", InIdentify, true,
     /*KeptPastHandler=*/true,
     "describe the writer's metadata in OnIdentify and do not keep the pointer"},
    {"IVssCreateWriterMetadataEx", "", "IVssCreateWriterMetadataEx", InIdentify, true, true,
     "describe the writer's metadata in OnIdentifyEx and do not keep the pointer"},
};
constexpr llvm::StringLiteral ComponentsSelectedQuery[] = {"CVssWriter", "AreComponentsSelected"};

// The waits of Windows and of the standard library (docs/vss-writer-rules.md,
// rule 8): function or class, method, time-out argument (-1: none).
const BlockingWaitSpec BlockingWaits[] = {
    {"WaitForSingleObject", "", 1},
    {"WaitForSingleObjectEx", "", 1},
    {"WaitForMultipleObjects", "", 3},
    {"WaitForMultipleObjectsEx", "", 3},
    {"MsgWaitForMultipleObjects", "", 3},
    {"MsgWaitForMultipleObjectsEx", "", 2},
    {"SignalObjectAndWait", "", 2},
    {"Sleep", "", 0},
    {"SleepEx", "", 0},
    {"SleepConditionVariableCS", "", 2},
    {"SleepConditionVariableSRW", "", 2},
    {"WaitOnAddress", "", 3},
    {"CoWaitForMultipleHandles", "", 1},
    {"CoWaitForMultipleObjects", "", 1},
    {"std::thread", "join", -1},
    {"std::jthread", "join", -1},
    {"std::future", "wait", -1},
    {"std::future", "get", -1},
    {"std::shared_future", "wait", -1},
    {"std::shared_future", "get", -1},
    {"std::condition_variable", "wait", -1},
    {"std::condition_variable_any", "wait", -1},
};
constexpr uint32_t InfiniteTimeout = 0xFFFFFFFF;

// The writer lifecycle methods (docs/vss-writer-rules.md, rule 4): class,
// method, as findings name them.
const std::pair<llvm::StringLiteral, llvm::StringLiteral> WriterLifecycleCalls[] = {
    {"CVssWriter", "Initialize"},    {"CVssWriter", "Subscribe"},
    {"CVssWriter", "Unsubscribe"},   {"CVssWriterEx", "InitializeEx"},
    {"CVssWriterEx", "SubscribeEx"},
};
const llvm::StringLiteral WriterLifecycleNames[] = {
    "CVssWriter::Initialize",     "CVssWriter::Subscribe",     "CVssWriter::Unsubscribe",
    "CVssWriterEx::InitializeEx", "CVssWriterEx::SubscribeEx",
};

// The functions the C runtime or Windows calls to start a program or a DLL.
constexpr llvm::StringLiteral ProgramEntryPoints[] = {"main", "wmain", "WinMain", "wWinMain",
                                                      "DllMain"};
constexpr llvm::StringLiteral ServiceDispatcherStarts[] = {"StartServiceCtrlDispatcherA",
                                                           "StartServiceCtrlDispatcherW"};

// Everything that runs a callable on another thread (docs/vss-writer-rules.md, rule 3).
// Name, callable argument (-1: the last), takes a std::launch policy, and the
// argument handed to the callable (-1: none).
const ThreadStartSpec ThreadStarts[] = {
    {"std::thread", 0},
    {"std::jthread", 0},
    {"std::async", 0, /*TakesLaunchPolicy=*/true},
    {"_beginthread", 0, false, 2},
    {"_beginthreadex", 2, false, 3},
    {"CreateThread", 2, false, 3},
    {"CreateRemoteThread", 3, false, 4},
    {"CreateRemoteThreadEx", 3, false, 4},
    {"QueueUserWorkItem", 0, false, 1},
    {"TrySubmitThreadpoolCallback", 0, false, 1},
    {"CreateThreadpoolWork", 0, false, 1},
    {"CreateThreadpoolTimer", 0, false, 1},
    {"CreateThreadpoolWait", 0, false, 1},
    {"CreateThreadpoolIo", 1, false, 2},
    {"RegisterWaitForSingleObject", 2, false, 3},
    {"CreateTimerQueueTimer", 2, false, 3},
    {"Concurrency::create_task", 0},
    {"Concurrency::parallel_for", -1},
    {"Concurrency::parallel_for_each", -1},
};

// Functions of the standard library that throw on bad input by their contract
// (docs/vss-writer-rules.md, rule 5): what a handler calls without a try.
const ThrowingCallSpec ThrowingCalls[] = {
    {"std::basic_string::at", "std::out_of_range"},
    {"std::basic_string::substr", "std::out_of_range"},
    {"std::basic_string_view::at", "std::out_of_range"},
    {"std::basic_string_view::substr", "std::out_of_range"},
    {"std::vector::at", "std::out_of_range"},
    {"std::deque::at", "std::out_of_range"},
    {"std::array::at", "std::out_of_range"},
    {"std::map::at", "std::out_of_range"},
    {"std::unordered_map::at", "std::out_of_range"},
    {"std::stoi", "std::invalid_argument or std::out_of_range"},
    {"std::stol", "std::invalid_argument or std::out_of_range"},
    {"std::stoul", "std::invalid_argument or std::out_of_range"},
    {"std::stoll", "std::invalid_argument or std::out_of_range"},
    {"std::stoull", "std::invalid_argument or std::out_of_range"},
    {"std::stof", "std::invalid_argument or std::out_of_range"},
    {"std::stod", "std::invalid_argument or std::out_of_range"},
    {"std::stold", "std::invalid_argument or std::out_of_range"},
    {"std::function::operator()", "std::bad_function_call"},
    {"std::any_cast", "std::bad_any_cast"},
    {"std::optional::value", "std::bad_optional_access"},
};
const ThrowingCallSpec Allocation{"operator new", "std::bad_alloc"};
// Each standard exception above and the base it derives from.
const std::pair<llvm::StringLiteral, llvm::StringLiteral> StandardExceptionBases[] = {
    {"std::out_of_range", "std::logic_error"},      {"std::invalid_argument", "std::logic_error"},
    {"std::logic_error", "std::exception"},         {"std::bad_function_call", "std::exception"},
    {"std::bad_any_cast", "std::bad_cast"},         {"std::bad_cast", "std::exception"},
    {"std::bad_optional_access", "std::exception"}, {"std::bad_alloc", "std::exception"},
};

// The standard library's type-erasing wrappers of a callable.
constexpr llvm::StringLiteral CallableWrappers[] = {"std::function", "std::move_only_function",
                                                    "std::copyable_function", "std::packaged_task"};
constexpr llvm::StringLiteral InvokeFunctions[] = {"std::invoke", "std::invoke_r"};
constexpr llvm::StringLiteral BindFunctions[] = {"std::bind", "std::bind_front", "std::bind_back"};

constexpr uint32_t SuccessCode = 0x00000000;
constexpr uint32_t PartialFailureCode = 0x80042336;
constexpr uint32_t RecoveryFailedCode = 0x800423F5;
// The five codes every failure call accepts (docs/vss-writer-rules.md, rule 2).
constexpr uint32_t WriterFailureCodes[] = {0x800423F0, 0x800423F1, 0x800423F2, 0x800423F3,
                                           0x800423F4};
// Generated by VSS itself, never by a writer.
constexpr uint32_t VssGeneratedCodes[] = {0x80042319, 0x80042409};

// The replacements that are certainly right (docs/vss-writer-rules.md, rule 2).
const CertainReplacement CertainReplacements[] = {
    {0x8007000E, "E_OUTOFMEMORY", "VSS_E_WRITERERROR_OUTOFRESOURCES"},
    {0x800705B4, "HRESULT_FROM_WIN32(ERROR_TIMEOUT)", "VSS_E_WRITERERROR_TIMEOUT"},
    {0x80070102, "HRESULT_FROM_WIN32(WAIT_TIMEOUT)", "VSS_E_WRITERERROR_TIMEOUT"},
};

// APIs whose returned HRESULT may be a writer error code, by qualified name.
// The writer codes are set by writers and read by requesters through
// out-parameters (IVssBackupComponents::GetWriterStatus,
// IVssComponentEx2::GetFailure); no API is documented to return one, so the
// list is empty. An API added here has its result treated as unknown.
constexpr std::array<llvm::StringLiteral, 0> ApisReturningWriterCodes{};

uint32_t fromWin32(int64_t X) {
  return X <= 0 ? static_cast<uint32_t>(X)
                : static_cast<uint32_t>((X & 0xFFFF) | (7u << 16) | 0x80000000u);
}
uint32_t fromNt(int64_t X) { return static_cast<uint32_t>(X) | 0x10000000u; }

const HResultConstructorSpec HResultConstructors[] = {
    {"HRESULT_FROM_WIN32", fromWin32, 0x80070000},
    {"HRESULT_FROM_NT", fromNt, 0x10000000},
};

/// The values \p Call accepts.
llvm::SmallVector<uint32_t, 8> acceptedCodes(const FailureReportingSpec &Call,
                                             bool AcceptRecoveryFailed) {
  llvm::SmallVector<uint32_t, 8> Codes(std::begin(WriterFailureCodes),
                                       std::end(WriterFailureCodes));
  if (Call.AcceptsSuccess)
    Codes.push_back(SuccessCode);
  if (Call.AcceptsPartialFailure)
    Codes.push_back(PartialFailureCode);
  if (AcceptRecoveryFailed)
    Codes.push_back(RecoveryFailedCode);
  return Codes;
}

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
  return llvm::any_of(FailureReportingCalls,
                      [&](const FailureReportingSpec &S) {
                        return isGlobalClassNamed(Record, S.ClassName);
                      }) ||
         llvm::any_of(EventBoundApis, [&](const EventBoundApiSpec &S) {
           return isGlobalClassNamed(Record, S.ClassName);
         });
}

/// True for the type HRESULT (the global typedef), through any sugar.
bool isHResultType(QualType Type) {
  while (!Type.isNull()) {
    const auto *Typedef = Type->getAs<TypedefType>();
    if (!Typedef)
      return false;
    const TypedefNameDecl *Decl = Typedef->getDecl();
    if (Decl->getIdentifier() && Decl->getName() == "HRESULT" &&
        Decl->getDeclContext()->getRedeclContext()->isTranslationUnit())
      return true;
    Type = Decl->getUnderlyingType();
  }
  return false;
}

} // namespace

const VssApiModel &VssApiModel::get() {
  static const VssApiModel Model;
  return Model;
}

bool VssApiModel::mayBeUsedIn(const ASTContext &Context) const {
  // A class can be declared only if its name was read, from the source or from
  // a precompiled header (asked of the AST reader, which the table consults).
  const IdentifierTable &Idents = Context.Idents;
  auto Known = [&](llvm::StringRef Name) {
    if (Idents.find(Name) != Idents.end())
      return true;
    IdentifierInfoLookup *External = Idents.getExternalIdentifierLookup();
    return External && External->get(Name);
  };
  return llvm::any_of(WriterBaseClasses, Known) ||
         llvm::any_of(FailureReportingCalls,
                      [&](const FailureReportingSpec &Spec) { return Known(Spec.ClassName); });
}

bool VssApiModel::isWriterBaseClass(const CXXRecordDecl *Record) const {
  if (!Record)
    return false;
  return llvm::any_of(WriterBaseClasses,
                      [&](llvm::StringRef Name) { return isGlobalClassNamed(Record, Name); });
}

const EventHandlerSpec *VssApiModel::overriddenEventHandler(const CXXMethodDecl *Method) const {
  if (!Method || Method->size_overridden_methods() == 0)
    return nullptr;
  llvm::SmallVector<const CXXMethodDecl *, 4> Worklist(Method->overridden_methods().begin(),
                                                       Method->overridden_methods().end());
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
    Worklist.append(Base->overridden_methods().begin(), Base->overridden_methods().end());
  }
  return nullptr;
}

bool VssApiModel::isWriterClass(const CXXRecordDecl *Record) const {
  if (!Record || !(Record = Record->getDefinition()) || isWriterBaseClass(Record) ||
      Record->isDependentContext())
    return false;
  // forallBases is true when the callback is true for every base.
  return !Record->forallBases([&](const CXXRecordDecl *Base) { return !isWriterBaseClass(Base); });
}

OutsideEventKind VssApiModel::outsideEventKind(const FunctionDecl *Function) const {
  if (!Function)
    return OutsideEventKind::None;
  if (const auto *Constructor = llvm::dyn_cast<CXXConstructorDecl>(Function))
    return isWriterClass(Constructor->getParent()) ? OutsideEventKind::WriterConstructor
                                                   : OutsideEventKind::None;
  if (const auto *Destructor = llvm::dyn_cast<CXXDestructorDecl>(Function))
    return isWriterClass(Destructor->getParent()) ? OutsideEventKind::WriterDestructor
                                                  : OutsideEventKind::None;
  if (Function->isMain())
    return OutsideEventKind::ProgramEntryPoint;
  if (!llvm::isa<CXXMethodDecl>(Function) && Function->getIdentifier() &&
      Function->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
      llvm::is_contained(ProgramEntryPoints, Function->getName()))
    return OutsideEventKind::ProgramEntryPoint;
  return OutsideEventKind::None;
}

llvm::StringRef VssApiModel::writerLifecycleCall(const FunctionDecl *Callee) const {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Method || !Method->getIdentifier())
    return "";
  for (size_t I = 0; I < std::size(WriterLifecycleCalls); ++I)
    if (Method->getName() == WriterLifecycleCalls[I].second &&
        isGlobalClassNamed(Method->getParent(), WriterLifecycleCalls[I].first))
      return WriterLifecycleNames[I];
  return "";
}

const ThrowingCallSpec *VssApiModel::throwingCall(const FunctionDecl *Callee) const {
  if (!Callee)
    return nullptr;
  // The short name first, without building a string: most calls are of
  // other functions.
  llvm::StringRef Short;
  if (const IdentifierInfo *Id = Callee->getIdentifier())
    Short = Id->getName();
  else if (Callee->getOverloadedOperator() == OO_Call)
    Short = "operator()";
  else
    return nullptr;
  if (llvm::none_of(ThrowingCalls, [&](const ThrowingCallSpec &Spec) {
        return Spec.Name.ends_with(Short) && Spec.Name.drop_back(Short.size()).ends_with("::");
      }))
    return nullptr;
  std::string Name = sourceQualifiedName(Callee);
  for (const ThrowingCallSpec &Spec : ThrowingCalls)
    if (Spec.Name == Name)
      return &Spec;
  return nullptr;
}

const ThrowingCallSpec &VssApiModel::allocation() const { return Allocation; }

bool VssApiModel::catchesStandardException(llvm::StringRef Caught,
                                           llvm::StringRef Exception) const {
  // "A or B": the handler must catch both.
  if (auto [First, Rest] = Exception.split(" or "); !Rest.empty())
    return catchesStandardException(Caught, First) && catchesStandardException(Caught, Rest);
  for (llvm::StringRef Class = Exception; !Class.empty();) {
    if (Class == Caught)
      return true;
    llvm::StringRef Base;
    for (const auto &[Derived, Parent] : StandardExceptionBases)
      if (Derived == Class)
        Base = Parent;
    Class = Base;
  }
  return false;
}

bool VssApiModel::isServiceDispatcherStart(const FunctionDecl *Function) const {
  return Function && !llvm::isa<CXXMethodDecl>(Function) && Function->getIdentifier() &&
         Function->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         llvm::is_contained(ServiceDispatcherStarts, Function->getName());
}

bool EventBoundApiSpec::forbiddenIn(llvm::StringRef Handler) const {
  return llvm::is_contained(Handlers, Handler) != OnlyIn;
}

const EventBoundApiSpec *VssApiModel::eventBoundApi(const FunctionDecl *Callee) const {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Method || !Method->getIdentifier() || llvm::isa<CXXDestructorDecl>(Method))
    return nullptr;
  for (const EventBoundApiSpec &Spec : EventBoundApis)
    if ((Spec.MethodName.empty() || Method->getName() == Spec.MethodName) &&
        isGlobalClassNamed(Method->getParent(), Spec.ClassName))
      return &Spec;
  return nullptr;
}

namespace {

bool holdsClass(QualType Type, llvm::StringRef Name, unsigned Depth) {
  if (Type.isNull() || Depth > 4)
    return false;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (isGlobalClassNamed(Record, Name))
    return true;
  if (const auto *Specialization = llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Argument : Specialization->getTemplateArgs().asArray())
      if (Argument.getKind() == TemplateArgument::Type &&
          holdsClass(Argument.getAsType(), Name, Depth + 1))
        return true;
  return false;
}

} // namespace

bool VssApiModel::holdsInterface(QualType Type, const EventBoundApiSpec &Rule) const {
  return holdsClass(Type, Rule.ClassName, 0);
}

bool VssApiModel::isComponentsSelectedQuery(const FunctionDecl *Callee) const {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Callee);
  return Method && Method->getIdentifier() && Method->getName() == ComponentsSelectedQuery[1] &&
         isGlobalClassNamed(Method->getParent(), ComponentsSelectedQuery[0]);
}

const BlockingWaitSpec *VssApiModel::blockingWait(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier())
    return nullptr;
  llvm::StringRef Short = Callee->getName();
  if (const auto *Member = llvm::dyn_cast<CXXMemberCallExpr>(Call)) {
    // The object as written: an inherited method converts it to its base.
    const Expr *Argument = Member->getImplicitObjectArgument();
    QualType Type = Argument ? Argument->IgnoreParenImpCasts()->getType() : QualType();
    if (!Type.isNull() && Type->isPointerType())
      Type = Type->getPointeeType();
    const CXXRecordDecl *Object = Type.isNull() ? nullptr : Type->getAsCXXRecordDecl();
    if (!Object || !Object->getIdentifier())
      return nullptr;
    if (llvm::none_of(BlockingWaits,
                      [&](const BlockingWaitSpec &Spec) { return Spec.MethodName == Short; }))
      return nullptr;
    std::string Class = sourceQualifiedName(Object);
    for (const BlockingWaitSpec &Spec : BlockingWaits)
      if (Spec.MethodName == Short && Spec.Name == Class)
        return &Spec;
    return nullptr;
  }
  // The Windows waits: C functions of the global namespace.
  if (llvm::isa<CXXMethodDecl>(Callee) ||
      !Callee->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return nullptr;
  for (const BlockingWaitSpec &Spec : BlockingWaits)
    if (Spec.MethodName.empty() && Spec.Name == Short)
      return &Spec;
  return nullptr;
}

uint32_t VssApiModel::infiniteTimeout() const { return InfiniteTimeout; }

const EventHandlerSpec *VssApiModel::eventHandlerNamed(llvm::StringRef Name) const {
  for (const EventHandlerSpec &Handler : EventHandlers)
    if (Handler.Name == Name)
      return &Handler;
  return nullptr;
}

const FailureReportingSpec *
VssApiModel::failureReportingCallNamed(llvm::StringRef DisplayName) const {
  for (const FailureReportingSpec &Spec : FailureReportingCalls)
    if (Spec.DisplayName == DisplayName)
      return &Spec;
  return nullptr;
}

const FailureReportingSpec *VssApiModel::failureReportingCall(const FunctionDecl *Callee) const {
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

CodeVerdict VssApiModel::judgeCode(const FailureReportingSpec &Call, uint32_t Value,
                                   bool AcceptRecoveryFailed) const {
  if (llvm::is_contained(acceptedCodes(Call, AcceptRecoveryFailed), Value))
    return CodeVerdict::Valid;
  if (Value == SuccessCode)
    return CodeVerdict::Success;
  if (Value == PartialFailureCode)
    return CodeVerdict::PartialFailureMisused;
  if (Value == RecoveryFailedCode)
    return CodeVerdict::Undocumented;
  if (llvm::is_contained(VssGeneratedCodes, Value))
    return CodeVerdict::GeneratedByVss;
  return CodeVerdict::NotAWriterCode;
}

bool VssApiModel::mayBeValidWithBits(const FailureReportingSpec &Call, uint32_t KnownOnes,
                                     bool AcceptRecoveryFailed) const {
  return llvm::any_of(acceptedCodes(Call, AcceptRecoveryFailed),
                      [&](uint32_t Code) { return (Code & KnownOnes) == KnownOnes; });
}

const CertainReplacement *VssApiModel::certainReplacement(uint32_t Value) const {
  for (const CertainReplacement &R : CertainReplacements)
    if (R.From == Value)
      return &R;
  return nullptr;
}

const HResultConstructorSpec *VssApiModel::hresultConstructor(const FunctionDecl *Function) const {
  if (!Function || !Function->getIdentifier() ||
      !Function->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return nullptr;
  for (const HResultConstructorSpec &Spec : HResultConstructors)
    if (Function->getName() == Spec.Name)
      return &Spec;
  return nullptr;
}

llvm::ArrayRef<ThreadStartSpec> VssApiModel::threadStarts() const { return ThreadStarts; }

bool VssApiModel::isCallableWrapper(const CXXRecordDecl *Record) const {
  if (!Record || !Record->getIdentifier())
    return false;
  std::string Name = sourceQualifiedName(Record);
  return llvm::is_contained(CallableWrappers, Name);
}

bool VssApiModel::isInvoke(const FunctionDecl *Function) const {
  return Function && Function->getIdentifier() &&
         llvm::is_contained(InvokeFunctions, sourceQualifiedName(Function));
}

bool VssApiModel::isBind(const FunctionDecl *Function) const {
  return Function && Function->getIdentifier() &&
         llvm::is_contained(BindFunctions, sourceQualifiedName(Function));
}

bool VssApiModel::returnsApiStatus(const FunctionDecl *Function, const SourceManager &SM) const {
  if (!Function || !isHResultType(Function->getReturnType()) || hresultConstructor(Function))
    return false;
  if (Function->isInStdNamespace())
    return false;
  const FunctionDecl *First = Function->getCanonicalDecl();
  if (!isApiFunction(First)) {
    // The shapes of the SDK's APIs: C functions and methods of COM interfaces,
    // declared in a system header. A C++ helper of a library included as a
    // system header is not taken for one.
    const auto *Method = llvm::dyn_cast<CXXMethodDecl>(First);
    if (!SM.isInSystemHeader(SM.getExpansionLoc(First->getLocation())) ||
        !(First->isExternC() || (Method && Method->isVirtual())))
      return false;
  }
  std::string Name = First->getQualifiedNameAsString();
  return llvm::none_of(ApisReturningWriterCodes,
                       [&](llvm::StringRef Listed) { return Listed == Name; });
}

bool VssApiModel::isApiFunction(const FunctionDecl *Function) const {
  const auto *Method = llvm::dyn_cast_or_null<CXXMethodDecl>(Function);
  return Method && isApiClass(Method->getParent());
}

} // namespace vss
