#include "TestAST.h"
#include "analysis/CallGraph.h"
#include "gtest/gtest.h"

using namespace clang;
using vss::CallEdgeKind;
using vss::CallGraph;
using vss::test::function;
using vss::test::method;
using vss::test::parse;

namespace {

/// The first time a traversal reached \p Function, if it did.
const vss::ReachedFunction *firstReach(const vss::Reachability &R, const FunctionDecl *Function) {
  for (const vss::ReachedFunction &Node : R.reached())
    if (Node.Function == Function->getCanonicalDecl())
      return &Node;
  return nullptr;
}

bool always(const vss::CallSite &) { return true; }
bool expandAll(const FunctionDecl *) { return true; }

/// The callee names along the shortest path from \p Root to \p Target.
std::string pathText(CallGraph &Graph, const FunctionDecl *Root, const FunctionDecl *Target) {
  vss::Reachability R = Graph.reachableFrom({Root}, always, expandAll);
  const vss::ReachedFunction *Node = firstReach(R, Target);
  if (!Node)
    return "<unreachable>";
  std::string Text = vss::describeFunction(Root);
  for (const vss::CallSite *Step : R.pathTo(*Node))
    Text += " -> " + vss::describeFunction(Step->Callee);
  return Text;
}

TEST(CallGraph, FindsShortestPathThroughHelpersAndMembers) {
  auto AST = parse(R"cpp(
    void leaf() {}
    void mid2() { leaf(); }
    void mid1() { mid2(); }
    struct S { void m() { leaf(); } };
    void root() { mid1(); S s; S *p = &s; p->m(); }
  )cpp");
  CallGraph Graph(AST->getASTContext());
  EXPECT_EQ(pathText(Graph, function(*AST, "root"), function(*AST, "leaf")), "root -> S::m -> leaf");
}

TEST(CallGraph, FollowsLambdasFunctorsAndTemplates) {
  auto AST = parse(R"cpp(
    void leaf() {}
    struct F { void operator()() const { leaf(); } };
    template <class T> void apply(T t) { t(); }
    void viaLambda() { auto l = [] { leaf(); }; apply(l); }
    void viaFunctor() { apply(F{}); }
  )cpp");
  CallGraph Graph(AST->getASTContext());
  EXPECT_EQ(pathText(Graph, function(*AST, "viaLambda"), function(*AST, "leaf")), "viaLambda -> the lambda -> leaf");
  EXPECT_EQ(pathText(Graph, function(*AST, "viaFunctor"), function(*AST, "leaf")),
            "viaFunctor -> apply -> F::operator() -> leaf");
}

TEST(CallGraph, FollowsImplicitDestructorsAndVirtualOverrides) {
  auto AST = parse(R"cpp(
    void leaf() {}
    struct Guard { ~Guard() { leaf(); } };
    void scoped() { Guard g; }
    struct Base { virtual void run() {} void go() { run(); } };
    struct Derived : Base { void run() override { leaf(); } };
    void dispatch(Base &b) { b.go(); }
    void qualified(Derived &d) { d.Base::run(); }
  )cpp");
  CallGraph Graph(AST->getASTContext());
  EXPECT_EQ(pathText(Graph, function(*AST, "scoped"), function(*AST, "leaf")),
            "scoped -> Guard::~Guard -> leaf");
  EXPECT_EQ(pathText(Graph, function(*AST, "dispatch"), function(*AST, "leaf")),
            "dispatch -> Base::go -> Derived::run -> leaf");
  EXPECT_EQ(pathText(Graph, function(*AST, "qualified"), function(*AST, "leaf")), "<unreachable>");
}

TEST(CallGraph, EndsOnRecursionAndVisitsEachFunctionOnce) {
  auto AST = parse(R"cpp(
    void b(int);
    void a(int n) { if (n) b(n - 1); a(n); }
    void b(int n) { if (n) a(n - 1); }
  )cpp");
  CallGraph Graph(AST->getASTContext());
  vss::Reachability R = Graph.reachableFrom({function(*AST, "a")}, always, expandAll);
  EXPECT_EQ(R.reached().size(), 2u);
}

TEST(CallGraph, LongChainsDoNotOverflowTheStack) {
  std::string Code = "void f0() {}\n";
  const int Depth = 5000;
  for (int I = 1; I <= Depth; ++I)
    Code += "void f" + std::to_string(I) + "() { f" + std::to_string(I - 1) + "(); }\n";
  auto AST = parse(Code);
  CallGraph Graph(AST->getASTContext());
  vss::Reachability R = Graph.reachableFrom({function(*AST, "f" + std::to_string(Depth))}, always, expandAll);
  EXPECT_EQ(R.reached().size(), size_t(Depth + 1));
  EXPECT_EQ(R.pathTo(*firstReach(R, function(*AST, "f0"))).size(), size_t(Depth));
}

TEST(CallGraph, BuildsEdgesOnlyForReachedFunctions) {
  auto AST = parse(R"cpp(
    void leaf() {}
    void unrelated() { leaf(); }
    void root() { leaf(); }
  )cpp");
  CallGraph Graph(AST->getASTContext());
  vss::Reachability R = Graph.reachableFrom({function(*AST, "root")}, always, expandAll);
  EXPECT_EQ(firstReach(R, function(*AST, "unrelated")), nullptr);
  ASSERT_EQ(Graph.callSites(function(*AST, "root")).size(), 1u);
  EXPECT_EQ(Graph.callSites(function(*AST, "root"))[0].Kind, CallEdgeKind::Call);
}

} // namespace
