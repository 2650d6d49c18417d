//===--- Names.cpp - How declarations are named to the user --------------===//

#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/PrettyPrinter.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace vss {

std::string sourceQualifiedName(const NamedDecl *Decl) {
  // The template a specialization was instantiated from: printQualifiedName
  // then prints no template arguments.
  if (const auto *Function = dyn_cast<FunctionDecl>(Decl)) {
    if (const FunctionDecl *Pattern = Function->getTemplateInstantiationPattern())
      Decl = Pattern;
  } else if (const auto *Record = dyn_cast<CXXRecordDecl>(Decl)) {
    if (const CXXRecordDecl *Pattern = Record->getTemplateInstantiationPattern())
      Decl = Pattern;
  }
  // A member of a local class: printQualifiedName would spell the enclosing
  // function's signature; the class's own name is what the user reads.
  if (Decl->getDeclContext()->isRecord() && Decl->getParentFunctionOrMethod()) {
    std::string Name = Decl->getNameAsString();
    for (const DeclContext *Context = Decl->getDeclContext(); Context && Context->isRecord();
         Context = Context->getParent())
      Name = cast<RecordDecl>(Context)->getNameAsString() + "::" + Name;
    return Name;
  }
  std::string Name;
  llvm::raw_string_ostream Out(Name);
  Decl->printQualifiedName(Out, Decl->getASTContext().getPrintingPolicy());
  return Out.str();
}

std::string describeFunction(const FunctionDecl *Function) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
    if (Method->getParent()->isLambda())
      return "the lambda";
  return sourceQualifiedName(Function);
}

} // namespace vss
