//===--- Writes.cpp - Whether a use of a variable writes it --------------===//

#include "Writes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace vss {
namespace {

/// True for a function with a body and a parameter that is a non-const
/// lvalue reference: the callees whose bodies say whether an argument is written.
bool takesWritableReference(const FunctionDecl *Callee, const FunctionDecl *&Definition) {
  if (!Callee || !Callee->hasBody(Definition) || !Definition)
    return false;
  return llvm::any_of(Definition->parameters(), [](const ParmVarDecl *Param) {
    QualType Type = Param->getType();
    return Type->isLValueReferenceType() && !Type->getPointeeType().isConstQualified();
  });
}

} // namespace

ScopedTraversal::ScopedTraversal(ASTContext &Context, const std::vector<Decl *> &Scope)
    : Context(Context), Saved(Context.getTraversalScope()) {
  Context.setTraversalScope(Scope);
}

ScopedTraversal::~ScopedTraversal() { Context.setTraversalScope(Saved); }

WriteAnalysis::WriteAnalysis(const FunctionDecl *Definition, ASTContext &Context,
                             ExprMutationAnalyzer::Memoized &Mutations)
    : Function(Definition), Context(Context), Mutations(Mutations) {}

WriteAnalysis::~WriteAnalysis() { finish(); }

void WriteAnalysis::finish() {
  BodyAnalyzer.reset();
  Scope.reset();
}

bool WriteAnalysis::mayWrite(const Expr *Use) {
  if (!Scope)
    Scope.emplace(Context, traversalScope());
  const Stmt *Root = fullExpressionOf(Use);
  ExprMutationAnalyzer::Analyzer Analyzer(*Root, Context, Mutations);
  const Stmt *Mutation = Analyzer.findMutation(Use);
  if (!Mutation)
    return isWrittenThroughAlias(Use);
  return !isUnmodifiedByCallee(Use, Mutation);
}

std::vector<Decl *> WriteAnalysis::traversalScope() const {
  // This function, and the callees whose parameters may be asked about.
  std::vector<Decl *> Decls{const_cast<FunctionDecl *>(Function)};
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen{Function};
  llvm::SmallVector<const Stmt *, 32> Worklist{Function->getBody()};
  while (!Worklist.empty()) {
    const Stmt *S = Worklist.pop_back_val();
    if (!S)
      continue;
    const FunctionDecl *Callee = nullptr, *Definition = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      Callee = Call->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      Callee = Construct->getConstructor();
    if (takesWritableReference(Callee, Definition) && Seen.insert(Definition).second)
      Decls.push_back(const_cast<FunctionDecl *>(Definition));
    for (const Stmt *Child : S->children())
      Worklist.push_back(Child);
  }
  return Decls;
}

const Stmt *WriteAnalysis::fullExpressionOf(const Stmt *Use) {
  // Up to the enclosing statement (or declaration) of the function body.
  if (!Parents)
    Parents = std::make_unique<ParentMap>(Function->getBody());
  const Stmt *Current = Use;
  while (const Stmt *Parent = Parents->getParent(Current)) {
    if (!isa<Expr>(Parent) && !isa<DeclStmt>(Parent))
      break;
    Current = Parent;
    if (isa<DeclStmt>(Parent))
      break;
  }
  return Current;
}

bool WriteAnalysis::isWrittenThroughAlias(const Expr *Use) {
  // "HRESULT &r = hr;": the analyzer looks within the declaration only, so
  // whether r is written later is asked of the whole body.
  const auto *Decls = dyn_cast<DeclStmt>(fullExpressionOf(Use));
  if (!Decls)
    return false;
  for (const Decl *D : Decls->decls()) {
    const auto *Alias = dyn_cast<VarDecl>(D);
    if (!Alias || !Alias->getInit() || !Alias->getType()->isReferenceType() ||
        Alias->getType()->getPointeeType().isConstQualified() ||
        Alias->getInit()->IgnoreParenImpCasts() != Use)
      continue;
    if (!BodyAnalyzer)
      BodyAnalyzer = std::make_unique<ExprMutationAnalyzer>(*Function->getBody(), Context);
    if (BodyAnalyzer->isMutated(Alias))
      return true;
  }
  return false;
}

bool WriteAnalysis::isUnmodifiedByCallee(const Expr *Use, const Stmt *Mutation) {
  // A non-const reference to a function whose body the TU has: written only
  // if that body writes the parameter.
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *Call = dyn_cast<CallExpr>(Mutation)) {
    Callee = Call->getDirectCallee();
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    if (isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty())
      Args = Args.drop_front();
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Mutation)) {
    Callee = Construct->getConstructor();
    Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
  }
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) || !Definition || Definition->isInvalidDecl())
    return false;
  for (unsigned I = 0; I < Args.size() && I < Definition->getNumParams(); ++I) {
    if (Args[I]->IgnoreParens() != Use)
      continue;
    const ParmVarDecl *Param = Definition->getParamDecl(I);
    QualType Type = Param->getType();
    if (!Type->isLValueReferenceType() || Type->getPointeeType().isConstQualified())
      return false;
    return !FunctionParmMutationAnalyzer::getFunctionParmMutationAnalyzer(*Definition, Context,
                                                                          Mutations)
                ->isMutated(Param);
  }
  return false;
}

} // namespace vss
