#include "analysis/VssApiModel.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using vss::VssApiModel;
using vss::test::method;
using vss::test::parse;

namespace {

const CXXRecordDecl *record(ASTUnit &AST, const std::string &Name) {
  return vss::test::selectFirst<CXXRecordDecl>(AST, cxxRecordDecl(hasName(Name), isDefinition()));
}

TEST(VssApiModel, RecognisesTheWriterBaseClassesByQualifiedName) {
  auto AST = parse(R"cpp(
    class CBase : public CVssWriterEx2 {};
    template <class B> class CWriterT : public B {};
    class CSql : public CWriterT<CBase> { bool OnFreeze(); bool OnThaw(); };
    class CPlain { bool OnIdentify(IVssCreateWriterMetadata *); };
    namespace ns { class CVssWriter { public: virtual bool OnIdentify(IVssCreateWriterMetadata *); }; }
    class CFake : public ns::CVssWriter { bool OnIdentify(IVssCreateWriterMetadata *) override; };
  )cpp");
  const VssApiModel &Model = VssApiModel::get();
  EXPECT_TRUE(Model.isWriterBaseClass(record(*AST, "::CVssWriter")));
  EXPECT_FALSE(Model.isWriterBaseClass(record(*AST, "CBase")));
  EXPECT_TRUE(Model.isWriterBaseClass(record(*AST, "::CVssWriterEx")));
  EXPECT_FALSE(Model.isWriterBaseClass(record(*AST, "ns::CVssWriter")));
}

TEST(VssApiModel, KnowsATranslationUnitThatCannotUseTheApi) {
  const VssApiModel &Model = VssApiModel::get();
  auto Plain = clang::tooling::buildASTFromCodeWithArgs(
      "struct CWriter { virtual bool OnIdentify(void *); void SetWriterFailure(long); };",
      {"-std=c++17"}, "plain.cpp");
  EXPECT_FALSE(Model.mayBeUsedIn(Plain->getASTContext()));
  // The name alone is enough to look further, wherever it is declared or named.
  auto Named = clang::tooling::buildASTFromCodeWithArgs("namespace ns { class CVssWriterEx2; }",
                                                        {"-std=c++17"}, "named.cpp");
  EXPECT_TRUE(Model.mayBeUsedIn(Named->getASTContext()));
  auto Component = clang::tooling::buildASTFromCodeWithArgs("struct IVssComponentEx2;",
                                                            {"-std=c++17"}, "component.cpp");
  EXPECT_TRUE(Model.mayBeUsedIn(Component->getASTContext()));
  auto Writer = parse("class CSql : public CVssWriter {};");
  EXPECT_TRUE(Model.mayBeUsedIn(Writer->getASTContext()));
}

TEST(VssApiModel, RecognisesHandlersByWhatTheyOverride) {
  auto AST = parse(R"cpp(
    class CSql : public CVssWriterEx {
    public:
      bool OnIdentify(IVssCreateWriterMetadata *) { return true; }
      virtual bool OnIdentifyEx(IVssCreateWriterMetadataEx *) override { return true; }
      bool OnFreeze() final { return true; }
      bool OnThaw() { return true; }
      bool OnPrepare() { return true; }
    };
    class CDerived : public CSql { bool OnThaw() { return true; } };
    class CPlain { public: bool OnIdentify(IVssCreateWriterMetadata *) { return true; } };
  )cpp");
  const VssApiModel &Model = VssApiModel::get();
  const vss::EventHandlerSpec *Identify =
      Model.overriddenEventHandler(method(*AST, "CSql", "OnIdentify"));
  ASSERT_NE(Identify, nullptr);
  EXPECT_EQ(Identify->Name, "OnIdentify");
  EXPECT_TRUE(Identify->HandlesIdentify);
  const vss::EventHandlerSpec *IdentifyEx =
      Model.overriddenEventHandler(method(*AST, "CSql", "OnIdentifyEx"));
  ASSERT_NE(IdentifyEx, nullptr);
  EXPECT_TRUE(IdentifyEx->HandlesIdentify);
  const vss::EventHandlerSpec *Freeze =
      Model.overriddenEventHandler(method(*AST, "CSql", "OnFreeze"));
  ASSERT_NE(Freeze, nullptr);
  EXPECT_FALSE(Freeze->HandlesIdentify);
  const vss::EventHandlerSpec *Thaw =
      Model.overriddenEventHandler(method(*AST, "CDerived", "OnThaw"));
  ASSERT_NE(Thaw, nullptr);
  EXPECT_EQ(Thaw->Name, "OnThaw");
  EXPECT_EQ(Model.overriddenEventHandler(method(*AST, "CSql", "OnPrepare")), nullptr);
  EXPECT_EQ(Model.overriddenEventHandler(method(*AST, "CPlain", "OnIdentify")), nullptr);
}

TEST(VssApiModel, RecognisesFailureCallsByDeclaringClass) {
  auto AST = parse(R"cpp(
    struct IVssWriterImpl { virtual HRESULT SetWriterFailure(HRESULT) = 0; };
    class CSql : public CVssWriterEx2 {
      HRESULT SetWriterFailureMessage(HRESULT);
    };
  )cpp");
  const VssApiModel &Model = VssApiModel::get();
  auto Decl = [&](const std::string &Class, const std::string &Name) {
    return vss::test::selectFirst<CXXMethodDecl>(
        *AST, cxxMethodDecl(hasName(Name), ofClass(hasName(Class))));
  };
  const vss::FailureReportingSpec *Spec =
      Model.failureReportingCall(Decl("::CVssWriter", "SetWriterFailure"));
  ASSERT_NE(Spec, nullptr);
  EXPECT_TRUE(Spec->ForbiddenInIdentify);
  EXPECT_NE(Model.failureReportingCall(Decl("::CVssWriterEx2", "SetWriterFailureEx")), nullptr);
  EXPECT_EQ(Model.failureReportingCall(Decl("::IVssWriterImpl", "SetWriterFailure")), nullptr);
  EXPECT_EQ(Model.failureReportingCall(Decl("CSql", "SetWriterFailureMessage")), nullptr);
}

TEST(VssApiModel, KnowsTheEventsAnApiBelongsTo) {
  auto AST = parse(R"cpp(
    struct IVssComponent { virtual HRESULT SetRestoreMetadata(const wchar_t *) = 0; };
    struct IVssCreateWriterMetadata { virtual HRESULT AddComponent(int) = 0; };
    struct CDeviceMap { HRESULT SetRestoreMetadata(const wchar_t *); };
    namespace app { struct IVssComponent { virtual HRESULT SetRestoreMetadata(const wchar_t *) = 0; }; }
  )cpp");
  const VssApiModel &Model = VssApiModel::get();
  auto Decl = [&](const std::string &Class, const std::string &Name) {
    return vss::test::selectFirst<CXXMethodDecl>(
        *AST, cxxMethodDecl(hasName(Name), ofClass(hasName(Class))));
  };
  const vss::EventBoundApiSpec *Restore =
      Model.eventBoundApi(Decl("::IVssComponent", "SetRestoreMetadata"));
  ASSERT_NE(Restore, nullptr);
  EXPECT_FALSE(Restore->forbiddenIn("OnPreRestore"));
  EXPECT_TRUE(Restore->forbiddenIn("OnPostRestore"));
  const vss::EventBoundApiSpec *Metadata =
      Model.eventBoundApi(Decl("::IVssCreateWriterMetadata", "AddComponent"));
  ASSERT_NE(Metadata, nullptr);
  EXPECT_TRUE(Metadata->KeptPastHandler);
  EXPECT_FALSE(Metadata->forbiddenIn("OnIdentifyEx"));
  EXPECT_TRUE(Metadata->forbiddenIn("OnFreeze"));
  EXPECT_EQ(Model.eventBoundApi(Decl("CDeviceMap", "SetRestoreMetadata")), nullptr);
  EXPECT_EQ(Model.eventBoundApi(Decl("app::IVssComponent", "SetRestoreMetadata")), nullptr);
}

TEST(VssApiModel, RecognisesWaitsByFunctionAndByTheObjectsClass) {
  auto AST = parse(R"cpp(
    typedef unsigned long DWORD;
    DWORD WaitForSingleObject(void *h, DWORD ms);
    namespace app { DWORD WaitForSingleObject(void *h, DWORD ms); }
    namespace std {
    template <class T> struct __basic_future { void wait() const; };
    template <class T> struct future : __basic_future<T> { T get(); };
    }
    struct Job { void wait(); };
    void Run(std::future<int> &f, Job &j, void *h) {
      WaitForSingleObject(h, 1);
      app::WaitForSingleObject(h, 1);
      f.wait();
      j.wait();
    }
  )cpp");
  auto Calls = match(findAll(callExpr().bind("c")), *vss::test::function(*AST, "Run")->getBody(),
                     AST->getASTContext());
  ASSERT_EQ(Calls.size(), 4u);
  const VssApiModel &Model = VssApiModel::get();
  const vss::BlockingWaitSpec *Win32 = Model.blockingWait(Calls[0].getNodeAs<CallExpr>("c"));
  ASSERT_NE(Win32, nullptr);
  EXPECT_EQ(Win32->TimeoutArgument, 1);
  EXPECT_EQ(Model.blockingWait(Calls[1].getNodeAs<CallExpr>("c")), nullptr);
  // Inherited from the library's implementation base: found by the object's class.
  const vss::BlockingWaitSpec *Future = Model.blockingWait(Calls[2].getNodeAs<CallExpr>("c"));
  ASSERT_NE(Future, nullptr);
  EXPECT_EQ(Future->TimeoutArgument, -1);
  EXPECT_EQ(Model.blockingWait(Calls[3].getNodeAs<CallExpr>("c")), nullptr);
}

} // namespace
