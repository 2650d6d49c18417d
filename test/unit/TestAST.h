// Parses C++ from a string for the analysis unit tests.
#ifndef VSS_TIDY_TEST_UNIT_TESTAST_H
#define VSS_TIDY_TEST_UNIT_TESTAST_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <memory>
#include <string>

namespace vss::test {

/// The declarations a test writer needs, as the fact sheet describes them.
inline const char *const WriterPrelude = R"cpp(
typedef long HRESULT;
struct IVssCreateWriterMetadata; struct IVssCreateWriterMetadataEx; struct IVssWriterComponents;
class CVssWriter {
public:
  virtual ~CVssWriter();
  virtual bool OnIdentify(IVssCreateWriterMetadata *pMetadata) { return true; }
  virtual bool OnPrepareBackup(IVssWriterComponents *pComponent) { return true; }
  virtual bool OnFreeze() = 0;
  virtual bool OnThaw() = 0;
protected:
  HRESULT SetWriterFailure(HRESULT hr);
};
class CVssWriterEx : public CVssWriter {
public:
  virtual bool OnIdentify(IVssCreateWriterMetadata *pMetadata) { return false; }
  virtual bool OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata) { return false; }
};
class CVssWriterEx2 : public CVssWriterEx {
public:
  HRESULT SetWriterFailureEx(HRESULT hrWriter, HRESULT hrApplication = 1, const wchar_t *msg = 0);
};
)cpp";

inline std::unique_ptr<clang::ASTUnit> parse(const std::string &Code) {
  return clang::tooling::buildASTFromCodeWithArgs(
      std::string(WriterPrelude) + Code, {"-std=c++17", "-fsyntax-only"}, "input.cpp");
}

template <typename NodeT, typename MatcherT>
const NodeT *selectFirst(clang::ASTUnit &AST, const MatcherT &Matcher) {
  auto Matches = clang::ast_matchers::match(Matcher.bind("n"), AST.getASTContext());
  return clang::ast_matchers::selectFirst<NodeT>("n", Matches);
}

/// The definition of the method \p Class::\p Method.
inline const clang::CXXMethodDecl *method(clang::ASTUnit &AST, const std::string &Class,
                                          const std::string &Method) {
  using namespace clang::ast_matchers;
  return selectFirst<clang::CXXMethodDecl>(
      AST, cxxMethodDecl(hasName(Method), ofClass(hasName(Class)), isDefinition()));
}

inline const clang::FunctionDecl *function(clang::ASTUnit &AST, const std::string &Name) {
  using namespace clang::ast_matchers;
  return selectFirst<clang::FunctionDecl>(AST, functionDecl(hasName(Name), isDefinition()));
}

} // namespace vss::test

#endif
