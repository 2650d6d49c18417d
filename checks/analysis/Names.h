//===--- Names.h - How declarations are named to the user ----------------===//

#ifndef VSS_TIDY_ANALYSIS_NAMES_H
#define VSS_TIDY_ANALYSIS_NAMES_H

#include "clang/AST/Decl.h"
#include <string>

namespace vss {

/// The qualified name of a declaration as written in the source, without
/// template arguments: a member of every specialization of CWriterT reads
/// "CWriterT::OnIdentify", the same as the template's own; inline namespaces
/// are not spelled ("std::thread"). Users write names this way in options,
/// and the model's catalogues are written this way.
std::string sourceQualifiedName(const clang::NamedDecl *Decl);

/// How a function is named in a message: its source qualified name, or "the
/// lambda" for a lambda's call operator.
std::string describeFunction(const clang::FunctionDecl *Function);

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_NAMES_H
