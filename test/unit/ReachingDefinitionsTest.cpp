#include "TestAST.h"
#include "analysis/ReachingDefinitions.h"
#include "analysis/ValueRange.h"
#include "gtest/gtest.h"
#include <string>
#include <vector>

using namespace clang;
using namespace clang::ast_matchers;
using vss::FunctionDataflow;
using vss::ReachingDefinition;
using vss::ValueRange;
using vss::test::function;
using vss::test::parse;

namespace {

const char *Prelude = R"cpp(
  HRESULT Sink(HRESULT hr);
  HRESULT Api();
  bool Busy();
  void ByRef(HRESULT &hr);
  void ByPointer(HRESULT *hr);
  void ReadOnly(HRESULT &hr) { Sink(hr); }
  void Writes(HRESULT &hr) { hr = 5; }
  int Printf(const char *format, ...);
)cpp";

/// The dataflow of \p Function and the read of \p Var inside the call of Sink
/// (the \p Nth such call in the function, counting from 0).
struct Read {
  std::unique_ptr<FunctionDataflow> Dataflow;
  const DeclRefExpr *Use = nullptr;
  clang::ExprMutationAnalyzer::Memoized Mutations;
};

std::unique_ptr<Read> readIn(ASTUnit &AST, const std::string &Function, const std::string &Var,
                             unsigned Nth = 0) {
  auto Result = std::make_unique<Read>();
  auto Matches = match(
      findAll(declRefExpr(to(varDecl(hasName(Var))),
                          hasAncestor(callExpr(callee(functionDecl(hasName("Sink"))))),
                          hasAncestor(functionDecl(hasName(Function))))
                  .bind("use")),
      *function(AST, Function)->getBody(), AST.getASTContext());
  EXPECT_GT(Matches.size(), Nth);
  if (Matches.size() > Nth)
    Result->Use = Matches[Nth].getNodeAs<DeclRefExpr>("use");
  Result->Dataflow = FunctionDataflow::build(function(AST, Function), AST.getASTContext(),
                                             Result->Mutations);
  return Result;
}

/// The reaching definitions as text, in source order: "=<value>" for an
/// assignment of a constant, "=call" for another assignment, "entry", "?";
/// then which of -1, 0, 1 and 2 the range still holds, unless it holds all.
std::vector<std::string> describe(const Read &R, ASTContext &Context) {
  std::vector<std::string> Out;
  auto Definitions = R.Dataflow->definitionsAt(R.Use);
  if (!Definitions)
    return {"not seen"};
  for (const ReachingDefinition &D : *Definitions) {
    std::string Text;
    switch (D.Kind) {
    case ReachingDefinition::Entry:
      Text = "entry";
      break;
    case ReachingDefinition::Unknown:
      Text = "?";
      break;
    case ReachingDefinition::Assignment:
      if (auto Value = vss::constantValue(D.Value, Context))
        Text = "=" + std::to_string(*Value);
      else
        Text = "=call";
      break;
    }
    if (!D.Range.isAll()) {
      Text += "{";
      for (int32_t Probe : {-1, 0, 1, 2})
        if (D.Range.contains(Probe))
          Text += (Text.back() == '{' ? "" : ",") + std::to_string(Probe);
      Text += "}";
    }
    Out.push_back(Text);
  }
  return Out;
}

using Strings = std::vector<std::string>;

TEST(ValueRange, ComparisonsAndTheirNegations) {
  ValueRange Negative = ValueRange::satisfying(BO_LT, 0, false);
  EXPECT_TRUE(Negative.contains(-1));
  EXPECT_TRUE(Negative.contains(INT32_MIN));
  EXPECT_FALSE(Negative.contains(0));
  ValueRange NotOk = ValueRange::satisfying(BO_NE, 0, false);
  EXPECT_FALSE(NotOk.contains(0));
  EXPECT_TRUE(NotOk.contains(1));
  EXPECT_TRUE(NotOk.contains(-1));
  EXPECT_EQ(ValueRange::satisfying(BO_EQ, 7, false).single(), std::optional<int32_t>(7));
  // An unsigned comparison orders values differently: only == and != narrow.
  EXPECT_TRUE(ValueRange::satisfying(BO_GT, 5, true).isAll());
  EXPECT_FALSE(ValueRange::satisfying(BO_NE, 5, true).contains(5));
}

TEST(ValueRange, IntersectAndJoin) {
  ValueRange Failed = ValueRange::satisfying(BO_LT, 0, false);
  ValueRange NotFail = ValueRange::satisfying(BO_NE, static_cast<int32_t>(0x80004005), false);
  ValueRange Both = Failed.intersect(NotFail);
  EXPECT_FALSE(Both.contains(0));
  EXPECT_FALSE(Both.contains(static_cast<int32_t>(0x80004005)));
  EXPECT_TRUE(Both.contains(static_cast<int32_t>(0x800423F3)));
  EXPECT_TRUE(Failed.intersect(ValueRange::satisfying(BO_GE, 0, false)).isEmpty());
  // Where paths meet, a value stays out only if it is out on both.
  ValueRange Joined = ValueRange::satisfying(BO_NE, 1, false).join(ValueRange::except({1, 2}));
  EXPECT_FALSE(Joined.contains(1));
  EXPECT_TRUE(Joined.contains(2));
  EXPECT_TRUE(Failed.join(ValueRange::satisfying(BO_GE, 0, false)).isAll());
  // Holes at the ends move the ends.
  ValueRange Shrunk = ValueRange::satisfying(BO_GE, 0, false).intersect(ValueRange::except({0, 1}));
  EXPECT_EQ(Shrunk, ValueRange::satisfying(BO_GE, 2, false));
}

TEST(ValueRange, KnownBits) {
  // HRESULT_FROM_WIN32(x) has the bits 0x80070000: always negative.
  EXPECT_FALSE(ValueRange::satisfying(BO_GE, 0, false).admitsBits(0x80070000));
  EXPECT_TRUE(ValueRange::satisfying(BO_LT, 0, false).admitsBits(0x80070000));
  EXPECT_TRUE(ValueRange().admitsBits(0x10000000));
}

TEST(ReachingDefinitions, EarlyReturnOnSuccessNarrowsWhatFollows) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    bool f() {
      HRESULT hr = 0;
      if (Busy()) hr = Api();
      if (hr >= 0) return true;
      Sink(hr);
      return false;
    }
  )cpp");
  auto R = readIn(*AST, "f", "hr");
  EXPECT_EQ(describe(*R, AST->getASTContext()), (Strings{"=0{-1}", "=call{-1}"}));
}

TEST(ReachingDefinitions, ConditionsOfLoopsAndLogicalOperators) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void loop(HRESULT hr) { while (hr < 0) { Sink(hr); hr = Api(); } }
    void both(HRESULT hr) { if (Busy() && hr != 0) Sink(hr); }
    void either(HRESULT hr) { if (hr != 0 || Busy()) Sink(hr); }
    void neither(HRESULT hr) { if (hr == 0 || hr == 1) return; Sink(hr); }
    void negated(HRESULT hr) { if (!(hr >= 0)) Sink(hr); }
    void truth(HRESULT hr) { if (hr) Sink(hr); }
    void assigned(HRESULT hr) { if ((hr = Api()) < 0) Sink(hr); }
  )cpp");
  ASTContext &Context = AST->getASTContext();
  EXPECT_EQ(describe(*readIn(*AST, "loop", "hr"), Context), (Strings{"entry{-1}", "=call{-1}"}));
  EXPECT_EQ(describe(*readIn(*AST, "both", "hr"), Context), (Strings{"entry{-1,1,2}"}));
  EXPECT_EQ(describe(*readIn(*AST, "either", "hr"), Context), (Strings{"entry"}));
  EXPECT_EQ(describe(*readIn(*AST, "neither", "hr"), Context), (Strings{"entry{-1,2}"}));
  EXPECT_EQ(describe(*readIn(*AST, "negated", "hr"), Context), (Strings{"entry{-1}"}));
  EXPECT_EQ(describe(*readIn(*AST, "truth", "hr"), Context), (Strings{"entry{-1,1,2}"}));
  EXPECT_EQ(describe(*readIn(*AST, "assigned", "hr"), Context), (Strings{"=call{-1}"}));
}

TEST(ReachingDefinitions, SwitchCasesAndDefault) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void f(HRESULT hr) {
      switch (hr) {
      case 0: Sink(hr); break;
      case 1: case 2: break;
      default: Sink(hr);
      }
    }
  )cpp");
  ASTContext &Context = AST->getASTContext();
  EXPECT_EQ(describe(*readIn(*AST, "f", "hr", 0), Context), (Strings{"entry{0}"}));
  EXPECT_EQ(describe(*readIn(*AST, "f", "hr", 1), Context), (Strings{"entry{-1}"}));
}

TEST(ReachingDefinitions, WritesAreWhatExprMutationAnalyzerSays) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void logged() { HRESULT hr = 1; Printf("%x", hr); Sink(hr); }
    void byRef() { HRESULT hr = 1; ByRef(hr); Sink(hr); }
    void byPointer() { HRESULT hr = 1; ByPointer(&hr); Sink(hr); }
    void readOnly() { HRESULT hr = 1; ReadOnly(hr); Sink(hr); }
    void writes() { HRESULT hr = 1; Writes(hr); Sink(hr); }
    void compound() { HRESULT hr = 1; hr |= 2; Sink(hr); }
    void lambda() { HRESULT hr = 1; [&] { hr = 2; }(); Sink(hr); }
    void alias() { HRESULT hr = 1; HRESULT &r = hr; Sink(r); Sink(hr); }
    void aliasWritten() { HRESULT hr = 1; HRESULT &r = hr; r = 2; Sink(hr); }
  )cpp");
  ASTContext &Context = AST->getASTContext();
  EXPECT_EQ(describe(*readIn(*AST, "logged", "hr"), Context), (Strings{"=1"}));
  EXPECT_EQ(describe(*readIn(*AST, "byRef", "hr"), Context), (Strings{"?"}));
  EXPECT_EQ(describe(*readIn(*AST, "byPointer", "hr"), Context), (Strings{"?"}));
  EXPECT_EQ(describe(*readIn(*AST, "readOnly", "hr"), Context), (Strings{"=1"}));
  EXPECT_EQ(describe(*readIn(*AST, "writes", "hr"), Context), (Strings{"?"}));
  EXPECT_EQ(describe(*readIn(*AST, "compound", "hr"), Context), (Strings{"?"}));
  EXPECT_EQ(describe(*readIn(*AST, "lambda", "hr"), Context), (Strings{"?"}));
  EXPECT_EQ(describe(*readIn(*AST, "alias", "hr"), Context), (Strings{"=1"}));
  EXPECT_EQ(describe(*readIn(*AST, "aliasWritten", "hr"), Context), (Strings{"?"}));
}

TEST(ReachingDefinitions, UnreachableReadsAreNotSeen) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void f() { HRESULT hr = 1; return; Sink(hr); }
  )cpp");
  EXPECT_EQ(describe(*readIn(*AST, "f", "hr"), AST->getASTContext()), (Strings{"not seen"}));
}

TEST(ReachingDefinitions, MembersOfThisKeepTheirConditions) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    struct S {
      HRESULT m_hr;
      void f() {
        if (m_hr < 0) Sink(m_hr);
        m_hr = Api();
        Sink(m_hr);
      }
    };
  )cpp");
  ASTContext &Context = AST->getASTContext();
  const auto *F = vss::test::method(*AST, "S", "f");
  auto Matches = match(findAll(memberExpr(hasAncestor(callExpr(callee(functionDecl(hasName("Sink"))))))
                                   .bind("use")),
                       *F->getBody(), Context);
  ASSERT_EQ(Matches.size(), 2u);
  clang::ExprMutationAnalyzer::Memoized Mutations;
  auto Dataflow = FunctionDataflow::build(F, Context, Mutations);
  ValueRange Guarded = Dataflow->rangeAt(Matches[0].getNodeAs<MemberExpr>("use"));
  ValueRange Written = Dataflow->rangeAt(Matches[1].getNodeAs<MemberExpr>("use"));
  EXPECT_FALSE(Guarded.contains(0));
  EXPECT_TRUE(Written.isAll());
}

} // namespace
