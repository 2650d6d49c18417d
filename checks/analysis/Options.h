//===--- Options.h - Parsing of vss-* check options ----------------------===//

#ifndef VSS_TIDY_ANALYSIS_OPTIONS_H
#define VSS_TIDY_ANALYSIS_OPTIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace vss {

/// Splits a clang-tidy list option ("a;b;c", or comma separated) into its
/// trimmed, non-empty items.
inline std::vector<std::string> parseListOption(llvm::StringRef Option) {
  std::vector<std::string> Items;
  for (llvm::StringRef Part : llvm::split(Option, ';'))
    for (llvm::StringRef Item : llvm::split(Part, ','))
      if (!(Item = Item.trim()).empty())
        Items.push_back(Item.str());
  return Items;
}

/// Reads a boolean option the way clang-tidy does ("true"/"false", "1"/"0"),
/// without its template accessors, whose symbols differ between compilers.
inline bool parseBoolOption(llvm::StringRef Value) {
  Value = Value.trim();
  return Value.equals_insensitive("true") || Value == "1";
}

/// Joins list items back into the form parseListOption reads.
inline std::string joinListOption(const std::vector<std::string> &Items) {
  std::string Joined;
  for (const std::string &Item : Items)
    Joined += (Joined.empty() ? "" : ";") + Item;
  return Joined;
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
  bool contains(llvm::StringRef QualifiedName) const {
    return Set.contains(QualifiedName);
  }

private:
  llvm::StringSet<> Set;
};

} // namespace vss

#endif // VSS_TIDY_ANALYSIS_OPTIONS_H
