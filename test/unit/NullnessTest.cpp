#include "analysis/Nullness.h"
#include "TestAST.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <string>
#include <vector>

using namespace clang;
using vss::NullnessAnalysis;
using vss::UncheckedUse;
using vss::test::function;
using vss::test::parse;

namespace {

const char *Prelude = R"cpp(
  struct IItems { virtual long Count(unsigned *n) = 0; };
  void Use(IItems *p);
  void Checked(IItems *p) { if (p) p->Count(nullptr); }
  void Unchecked(IItems *p) { p->Count(nullptr); }
  void Throws();
)cpp";

/// The unchecked uses of the first parameter of \p Name, as "line:kind".
std::vector<std::string> usesIn(ASTUnit &AST, const std::string &Name) {
  const FunctionDecl *F = function(AST, Name);
  EXPECT_NE(F, nullptr);
  if (!F)
    return {};
  NullnessAnalysis Analysis(AST.getASTContext());
  std::vector<std::string> Out;
  const SourceManager &SM = AST.getSourceManager();
  for (const UncheckedUse &Use : Analysis.uncheckedUses(F, F->getParamDecl(0)))
    Out.push_back(std::to_string(SM.getPresumedLineNumber(Use.Loc)) +
                  (Use.Kind == UncheckedUse::Dereference
                       ? ":deref"
                       : ":passed to " + Use.Callee->getNameAsString()));
  return Out;
}

unsigned lineOf(const std::string &Code, const std::string &Marker) {
  std::string Full = std::string(vss::test::WriterPrelude) + Prelude + Code;
  size_t At = Full.find(Marker);
  EXPECT_NE(At, std::string::npos) << Marker;
  return 1 + std::count(Full.begin(), Full.begin() + At, '\n');
}

TEST(NullnessTest, FirstUseBeforeAnyCheckIsReportedOnce) {
  std::string Code = R"cpp(
    void F(IItems *p) {
      p->Count(nullptr); // first
      p->Count(nullptr);
    })cpp";
  auto AST = parse(std::string(Prelude) + Code);
  EXPECT_EQ(usesIn(*AST, "F"),
            std::vector<std::string>{std::to_string(lineOf(Code, "// first")) + ":deref"});
}

TEST(NullnessTest, ChecksAlongTheControlFlowProtect) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void EarlyReturn(IItems *p) { if (!p) return; p->Count(nullptr); }
    void Guarded(IItems *p) { if (p != 0) { p->Count(nullptr); } }
    void NullFirst(IItems *p) { if (nullptr == p) return; p->Count(nullptr); }
    void Conjunction(IItems *p) { if (p && p->Count(nullptr)) return; }
    void Disjunction(IItems *p) { if (!p || p->Count(nullptr)) return; }
    void Conditional(IItems *p) { long n = p ? p->Count(nullptr) : 0; (void)n; }
    void CastNull(IItems *p) { if (p == (IItems *)0) return; p->Count(nullptr); }
    void Loop(IItems *p) { for (int i = 0; p && i < 3; ++i) p->Count(nullptr); }
    void Reassigned(IItems *p, IItems *q) { p = q; p->Count(nullptr); }
    void InCatch(IItems *p) { if (!p) return; try { Throws(); } catch (...) { p->Count(nullptr); } }
  )cpp");
  for (const char *Name : {"EarlyReturn", "Guarded", "NullFirst", "Conjunction", "Disjunction",
                           "Conditional", "CastNull", "Loop", "Reassigned", "InCatch"})
    EXPECT_EQ(usesIn(*AST, Name), std::vector<std::string>{}) << Name;
}

TEST(NullnessTest, PathsThatMissTheCheckAreReported) {
  std::string Code = R"cpp(
    void OneBranch(IItems *p, bool b) {
      if (b && p) p->Count(nullptr);
      p->Count(nullptr); // after
    }
    void CheckedLate(IItems *p) {
      IItems &r = *p; // deref
      if (!p) return;
      r.Count(nullptr);
    }
    void CatchUnchecked(IItems *p) {
      try { Throws(); } catch (...) { p->Count(nullptr); } // catch
    })cpp";
  auto AST = parse(std::string(Prelude) + Code);
  EXPECT_EQ(usesIn(*AST, "OneBranch"),
            std::vector<std::string>{std::to_string(lineOf(Code, "// after")) + ":deref"});
  EXPECT_EQ(usesIn(*AST, "CheckedLate"),
            std::vector<std::string>{std::to_string(lineOf(Code, "// deref")) + ":deref"});
  EXPECT_EQ(usesIn(*AST, "CatchUnchecked"),
            std::vector<std::string>{std::to_string(lineOf(Code, "// catch")) + ":deref"});
}

TEST(NullnessTest, UncheckedPointersPassedToDefinedFunctionsAreRecorded) {
  std::string Code = R"cpp(
    void Passes(IItems *p) {
      Use(p);
      Checked(p); // checked helper
      if (p) Unchecked(p);
      Unchecked(p); // unchecked
    })cpp";
  auto AST = parse(std::string(Prelude) + Code);
  // Use has no body: nothing to follow. Both calls before the check pass it on.
  EXPECT_EQ(usesIn(*AST, "Passes"),
            (std::vector<std::string>{
                std::to_string(lineOf(Code, "// checked helper")) + ":passed to Checked",
                std::to_string(lineOf(Code, "// unchecked")) + ":passed to Unchecked"}));
}

} // namespace
