#include "TestAST.h"
#include "analysis/CallGraph.h"
#include "analysis/Callables.h"
#include "analysis/ConstantGuards.h"
#include "analysis/HResultValues.h"
#include "analysis/ThreadStarts.h"
#include "gtest/gtest.h"
#include <set>
#include <string>

using namespace clang;
using namespace clang::ast_matchers;
using vss::test::function;
using vss::test::parse;

namespace {

/// A small standard library: the names the model knows, nothing more.
const char *Std = R"cpp(
  namespace std {
  template <class T> struct remove_reference { using type = T; };
  template <class T> struct remove_reference<T &> { using type = T; };
  template <class T> typename remove_reference<T>::type &&move(T &&t) {
    return static_cast<typename remove_reference<T>::type &&>(t);
  }
  template <class> class function;
  template <class R, class... A> class function<R(A...)> {
  public:
    function() {}
    template <class F> function(F f) {}
    template <class F> function &operator=(F f) { return *this; }
    R operator()(A... a) const;
  };
  template <class T> class vector {
  public:
    void push_back(const T &value);
    T *begin();
    T *end();
  };
  class thread {
  public:
    template <class F> explicit thread(F f) {}
    void join();
  };
  }
)cpp";

/// What \p Caller runs through callables: "F through E" for a stored one
/// invoked as E, "F given to G" for one given to a function without a body.
std::set<std::string> invokedFrom(ASTUnit &AST, const std::string &Caller) {
  vss::CallGraph Graph(AST.getASTContext());
  std::set<std::string> Names;
  for (const vss::CallSite &Site : Graph.callSites(function(AST, Caller))) {
    const auto *Call = dyn_cast_or_null<CallExpr>(Site.Site);
    if (Site.Kind == vss::CallEdgeKind::CallableInvocation)
      Names.insert(vss::describeFunction(Site.Callee) + " through " +
                   vss::spelledText(vss::CallableFlow::invokedCallable(Call), AST.getASTContext()));
    else if (Site.Kind == vss::CallEdgeKind::CallbackArgument)
      Names.insert(vss::describeFunction(Site.Callee) + " given to " +
                   vss::describeFunction(Call->getDirectCallee()));
  }
  return Names;
}

TEST(Callables, StoredCallablesRunWhereTheyAreInvoked) {
  auto AST = parse(std::string(Std) + R"cpp(
    void Fail();
    void Other();
    struct S {
      std::function<void()> m_onError;
      void (*m_pfn)();
      std::vector<std::function<void()>> m_steps;
      S() { m_onError = [] { Fail(); }; m_pfn = &Other; }
      void add() { m_steps.push_back([] { Fail(); }); }
    };
    void run(S &s) {
      s.m_onError();
      s.m_pfn();
      for (auto &step : s.m_steps)
        step();
    }
  )cpp");
  EXPECT_EQ(invokedFrom(*AST, "run"),
            (std::set<std::string>{"the lambda through s.m_onError", "Other through s.m_pfn",
                                   "the lambda through step"}));
}

TEST(Callables, CreatingIsNotCallingAndBodilessCalleesMayCall) {
  auto AST = parse(std::string(Std) + R"cpp(
    void Register(std::function<void()> f);
    void Fail();
    std::function<void()> g_later;
    void create() {
      auto unused = [] { Fail(); };
      g_later = [] { Fail(); };
    }
    void give() { Register([] { Fail(); }); }
  )cpp");
  EXPECT_TRUE(invokedFrom(*AST, "create").empty());
  EXPECT_EQ(invokedFrom(*AST, "give"), (std::set<std::string>{"the lambda given to Register"}));
}

TEST(Callables, InvokedExpressionAndForwardedParameter) {
  auto AST = parse(std::string(Std) + R"cpp(
    void take(std::function<void()> job) {
      job();
      std::function<void()> copy = std::move(job);
    }
  )cpp");
  const FunctionDecl *Take = function(*AST, "take");
  const auto *Call = vss::test::selectFirst<CallExpr>(*AST, cxxOperatorCallExpr());
  ASSERT_NE(Call, nullptr);
  const Expr *Invoked = vss::CallableFlow::invokedCallable(Call);
  ASSERT_NE(Invoked, nullptr);
  EXPECT_EQ(vss::CallableFlow::forwardedParameter(Invoked, Take), Take->getParamDecl(0));
  const auto *Init = vss::test::selectFirst<VarDecl>(*AST, varDecl(hasName("copy")));
  EXPECT_EQ(vss::CallableFlow::forwardedParameter(Init->getInit(), Take), Take->getParamDecl(0));
}

TEST(ThreadStarts, WrappersAreInferredAtAnyDepth) {
  auto AST = parse(std::string(Std) + R"cpp(
    void Fail();
    template <class F> void Run(F f) { std::thread t(std::move(f)); t.join(); }
    template <class F> void RunLater(F f) { Run(std::move(f)); }
    template <class F> void RunHere(F f) { f(); }
    template <class F> void Loop(F f, int n) { if (n) Loop(f, n - 1); }
    void handler() {
      std::thread direct([] { Fail(); });
      RunLater([] { Fail(); });
      RunHere([] { Fail(); });
      Loop([] { Fail(); }, 3);
    }
  )cpp");
  vss::CallGraph Graph(AST->getASTContext());
  std::vector<vss::ThreadStart> Starts = vss::findThreadStarts(Graph, {});
  std::set<std::string> Seen;
  for (const vss::ThreadStart &Start : Starts)
    if (vss::describeFunction(Start.Site->Caller) == "handler")
      Seen.insert(Start.Api + " -> " + Start.Underlying + " / " +
                  std::to_string(Start.Steps.size()) + " steps");
  EXPECT_EQ(Seen, (std::set<std::string>{"std::thread -> std::thread / 0 steps",
                                         "RunLater -> std::thread / 2 steps"}));
}

TEST(ConstantGuards, BranchesDecidedByKnownValues) {
  auto AST = parse(R"cpp(
    enum Event { Identify, Freeze };
    bool Sequenced(Event e) { switch (e) { case Identify: return false; default: return true; } }
    void Report();
    void Enter(Event e, int unknown) {
      if (Sequenced(e))
        Report();
      if (unknown > 3)
        Report();
    }
  )cpp");
  vss::GuardEvaluator Guards(AST->getASTContext());
  const FunctionDecl *Enter = function(*AST, "Enter");
  auto Calls = match(findAll(callExpr(callee(functionDecl(hasName("Report")))).bind("c")),
                     *Enter->getBody(), AST->getASTContext());
  ASSERT_EQ(Calls.size(), 2u);
  const Stmt *First = Calls[0].getNodeAs<CallExpr>("c");
  const Stmt *Second = Calls[1].getNodeAs<CallExpr>("c");
  const auto &DeadForIdentify = Guards.deadStatements(Enter, {{0, 0}});
  EXPECT_TRUE(DeadForIdentify.count(First));
  EXPECT_FALSE(DeadForIdentify.count(Second));
  EXPECT_FALSE(Guards.deadStatements(Enter, {{0, 1}}).count(First));
  EXPECT_FALSE(Guards.deadStatements(Enter, {}).count(First));
  EXPECT_EQ(Guards.relevantParameters(Enter), (llvm::ArrayRef<unsigned>{0, 1}));
}

} // namespace
