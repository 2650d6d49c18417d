//===--- Options.h - Parsing of vss-* check options ----------------------===//

#ifndef VSS_TIDY_OPTIONS_H
#define VSS_TIDY_OPTIONS_H

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <clang-tidy/utils/OptionsUtils.h>
#include <string>
#include <vector>

namespace vss {

/// Splits a list option into its trimmed, non-empty items, as clang-tidy's
/// own checks do ("a;b;c"); a comma separates items too.
inline std::vector<std::string> parseListOption(llvm::StringRef Option) {
  std::vector<std::string> Items;
  for (llvm::StringRef Part : clang::tidy::utils::options::parseStringList(Option))
    for (llvm::StringRef Item : llvm::split(Part, ','))
      if (!(Item = Item.trim()).empty())
        Items.push_back(Item.str());
  return Items;
}

/// Joins list items back into the form clang-tidy writes a list option in.
inline std::string joinListOption(const std::vector<std::string> &Items) {
  llvm::SmallVector<llvm::StringRef, 4> Refs(Items.begin(), Items.end());
  return clang::tidy::utils::options::serializeStringList(Refs);
}
/// True for a qualified name as the user writes one in an option:
/// identifiers joined by "::", with an optional leading "::".
inline bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  if (Name.empty())
    return false;
  for (llvm::StringRef Part : llvm::split(Name, "::"))
    if (Part.empty() || llvm::isDigit(Part.front()) ||
        !llvm::all_of(Part, [](char C) { return llvm::isAlnum(C) || C == '_' || C == '$'; }))
      return false;
  return true;
}

/// A set of qualified function names given by the user ("ns::Class::Fail" or
/// "::ns::Class::Fail"), matched against a declaration's qualified name.
class QualifiedNameSet {
public:
  explicit QualifiedNameSet(const std::vector<std::string> &Names) {
    for (llvm::StringRef Name : Names) {
      Name.consume_front("::");
      Set.insert(Name);
    }
  }
  bool empty() const { return Set.empty(); }
  bool contains(llvm::StringRef QualifiedName) const { return Set.contains(QualifiedName); }

private:
  llvm::StringSet<> Set;
};

} // namespace vss

#endif // VSS_TIDY_OPTIONS_H
