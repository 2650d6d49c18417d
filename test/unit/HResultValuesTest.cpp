#include "TestAST.h"
#include "analysis/HResultValues.h"
#include "analysis/VssApiModel.h"
#include "gtest/gtest.h"
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
using vss::HResultValue;
using vss::test::function;
using vss::test::parse;

namespace {

/// The known values (low 32 bits) of the first argument of the call of
/// \p Callee in \p Caller; "?" for unknown, "bits" for known-bits values.
std::set<std::string> valuesAt(ASTUnit &AST, const std::string &Caller, const std::string &Callee) {
  const auto *Call = vss::test::selectFirst<CallExpr>(
      AST, callExpr(callee(functionDecl(hasName(Callee))),
                    hasAncestor(functionDecl(hasName(Caller)))));
  EXPECT_NE(Call, nullptr);
  vss::CallGraph Graph(AST.getASTContext());
  vss::HResultValueTracer Tracer(Graph);
  std::set<std::string> Result;
  for (const vss::TracedValue &V : Tracer.traceArgument(Call, 0, function(AST, Caller))) {
    char Buffer[16];
    snprintf(Buffer, sizeof Buffer, "%08X", V.Value.Value);
    Result.insert(V.Value.Kind == HResultValue::Known   ? std::string(Buffer)
                  : V.Value.Kind == HResultValue::HasBits ? "bits"
                                                           : "?");
  }
  return Result;
}

const char *Prelude = R"cpp(
  HRESULT Sink(HRESULT hr);
  HRESULT Api();
  inline HRESULT HRESULT_FROM_WIN32(unsigned long x) { return (HRESULT)x <= 0 ? (HRESULT)x : (HRESULT)((x & 0xFFFF) | 0x80070000); }
  void ByRef(HRESULT &hr);
)cpp";

TEST(HResultValues, ConstantsAreJudgedOnTheirLow32Bits) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    const HRESULT kFail = (HRESULT)0x80004005L;
    void f(bool b) { Sink(b ? kFail : (HRESULT)0x800423F3L); }
  )cpp");
  EXPECT_EQ(valuesAt(*AST, "f", "Sink"), (std::set<std::string>{"80004005", "800423F3"}));
}

TEST(HResultValues, Win32ConversionIsKnownWithOrWithoutAConstant) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void constant() { Sink(HRESULT_FROM_WIN32(1460)); }
    void variable(unsigned long e) { Sink(HRESULT_FROM_WIN32(e)); }
  )cpp");
  EXPECT_EQ(valuesAt(*AST, "constant", "Sink"), (std::set<std::string>{"800705B4"}));
  EXPECT_EQ(valuesAt(*AST, "variable", "Sink"), (std::set<std::string>{"bits"}));
}

TEST(HResultValues, ReachingDefinitionsFollowTheControlFlow) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void paths(bool b) {
      HRESULT hr = 1;
      if (b) hr = 2; else hr = 3;
      Sink(hr);
    }
    void overwritten() { HRESULT hr = 1; hr = 5; Sink(hr); }
    void escaped() { HRESULT hr = 1; ByRef(hr); Sink(hr); }
    void loop(int n) { HRESULT hr = 7; while (n--) { Sink(hr); hr = 8; } }
  )cpp");
  EXPECT_EQ(valuesAt(*AST, "paths", "Sink"), (std::set<std::string>{"00000002", "00000003"}));
  EXPECT_EQ(valuesAt(*AST, "overwritten", "Sink"), (std::set<std::string>{"00000005"}));
  EXPECT_EQ(valuesAt(*AST, "escaped", "Sink"), (std::set<std::string>{"?"}));
  EXPECT_EQ(valuesAt(*AST, "loop", "Sink"), (std::set<std::string>{"00000007", "00000008"}));
}

TEST(HResultValues, ParametersAreFollowedToEveryCaller) {
  auto AST = parse(std::string(Prelude) + R"cpp(
    void wrap(HRESULT hr) { Sink(hr); }
    void wrap2(HRESULT hr) { wrap(hr); }
    void a() { wrap(1); }
    void b() { wrap2(2); }
    void c() { wrap2(Api()); }
  )cpp");
  EXPECT_EQ(valuesAt(*AST, "wrap", "Sink"),
            (std::set<std::string>{"00000001", "00000002", "?"}));
}

} // namespace
