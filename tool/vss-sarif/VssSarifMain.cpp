//===--- VssSarifMain.cpp - clang-tidy's exported findings as SARIF 2.1.0 ===//
//
//   vss-sarif [-o out.sarif] [--root=DIR] [--docs-base-url=URL] fixes.yaml...
//
// Empty inputs (run-clang-tidy writes one per clean file) and no inputs at
// all give a valid log without results.
//
// Reads the YAML that vss-tidy (or clang-tidy) writes with --export-fixes, one
// file per translation unit, and writes one SARIF 2.1.0 log: the tool with its
// version, one rule per check (help text and a link to its doc page), each
// finding with its exact region, its notes as relatedLocations and as a
// codeFlow (the call path), and its fix-its as fixes. Serialisation is LLVM's
// JSON library; the input is read with clang's own YAML mapping.
//
// As clang's own SARIF writer does, file URIs are percent-encoded and columns
// are counted in Unicode code points (columnKind says so); clang-tidy's byte
// offsets are converted. With --root, files under DIR get URIs relative to it
// under the uriBaseId SRCROOT, which GitHub code scanning resolves.
//
//===----------------------------------------------------------------------===//

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <memory>

using namespace llvm;
namespace json = llvm::json;

static cl::OptionCategory SarifOptions("vss-sarif options");
static cl::list<std::string> Inputs(cl::Positional, cl::desc("<fixes.yaml>..."), cl::ZeroOrMore,
                                    cl::cat(SarifOptions));
static cl::opt<std::string> Output("o", cl::desc("Output SARIF file (default: stdout)"),
                                   cl::value_desc("file"), cl::init("-"), cl::cat(SarifOptions));
static cl::opt<std::string> Root("root",
                                 cl::desc("Write the URIs of files under this directory relative "
                                          "to it, with uriBaseId SRCROOT"),
                                 cl::value_desc("dir"), cl::cat(SarifOptions));
static cl::opt<std::string>
    DocsBaseUrl("docs-base-url", cl::desc("Where the vss-* doc pages are (<url>/<check>.rst)"),
                cl::init(VSS_DOCS_BASE_URL), cl::cat(SarifOptions));

namespace {

struct CheckInfo {
  const char *Id;
  const char *Name; ///< A readable name that differs from the id, as SARIF asks.
  const char *Summary;
};
const CheckInfo Checks[] = {
#define VSS_CHECK(Id, Class, Summary) {Id, #Class, Summary},
#include "VssChecks.def"
};

/// Line and column of byte offsets in source files, the column counted in
/// Unicode code points (1-based), as the log's columnKind says.
class LineTable {
public:
  std::pair<unsigned, unsigned> position(StringRef Path, unsigned Offset) {
    const File &F = file(Path);
    auto It = std::upper_bound(F.LineStarts.begin(), F.LineStarts.end(), Offset);
    unsigned Line = It - F.LineStarts.begin();
    unsigned Start = F.LineStarts[Line - 1];
    return {Line, codePoints(F, Start, Offset) + 1};
  }
  /// The number of code points from the start of the file to \p Offset.
  unsigned charOffset(StringRef Path, unsigned Offset) { return codePoints(file(Path), 0, Offset); }

private:
  struct File {
    std::unique_ptr<MemoryBuffer> Buffer;
    std::vector<unsigned> LineStarts{0};
  };
  const File &file(StringRef Path) {
    auto [It, Inserted] = Files.try_emplace(Path);
    if (Inserted) {
      if (auto Buffer = MemoryBuffer::getFile(Path)) {
        It->second.Buffer = std::move(*Buffer);
        StringRef Text = It->second.Buffer->getBuffer();
        for (size_t I = 0; I < Text.size(); ++I)
          if (Text[I] == '\n')
            It->second.LineStarts.push_back(I + 1);
      }
    }
    return It->second;
  }
  /// Code points between two byte offsets: every byte but a UTF-8
  /// continuation byte starts one. Without the file, bytes are all one has.
  static unsigned codePoints(const File &F, unsigned From, unsigned To) {
    if (!F.Buffer)
      return To - From;
    StringRef Text = F.Buffer->getBuffer();
    unsigned Count = 0;
    for (unsigned I = From; I < To; ++I)
      if (I >= Text.size() || (static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
        ++Count;
    return Count;
  }
  StringMap<File> Files;
};

/// The absolute, normalised form of \p Path, with '/' separators.
std::string absolutePath(StringRef Path) {
  SmallString<256> Absolute(Path);
  sys::fs::make_absolute(Absolute);
  sys::path::remove_dots(Absolute, true);
  return sys::path::convert_to_slash(Absolute);
}

/// RFC 3986: every byte outside the unreserved set, the path's '/' and a
/// Windows drive's ':' is written %XX.
std::string percentEncode(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/' || C == ':')
      Out += C;
    else
      Out += formatv("%{0:X-2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

/// A file URI for an absolute path (file:///C:/... on Windows).
std::string fileUri(StringRef Absolute) {
  return (StringRef(Absolute).starts_with("/") ? "file://" : "file:///") + percentEncode(Absolute);
}

/// The directory of --root, absolute, ending in '/'.
std::string rootDirectory() {
  std::string Base = absolutePath(Root);
  if (!StringRef(Base).ends_with("/"))
    Base += "/";
  return Base;
}

/// The artifact location of a file: relative to --root under SRCROOT when
/// the file is there, an absolute file URI otherwise.
json::Object artifactLocation(StringRef Path) {
  std::string Absolute = absolutePath(Path);
  if (!Root.empty()) {
    std::string Base = rootDirectory();
    if (StringRef(Absolute).starts_with(Base))
      return json::Object{{"uri", percentEncode(StringRef(Absolute).drop_front(Base.size()))},
                          {"uriBaseId", "SRCROOT"}};
  }
  return json::Object{{"uri", fileUri(Absolute)}};
}

json::Object physicalLocation(LineTable &Lines, StringRef Path, unsigned Offset,
                              unsigned Length = 0) {
  auto [Line, Column] = Lines.position(Path, Offset);
  json::Object Region{{"startLine", Line}, {"startColumn", Column}};
  if (Length) {
    auto [EndLine, EndColumn] = Lines.position(Path, Offset + Length);
    Region["endLine"] = EndLine;
    Region["endColumn"] = EndColumn;
  }
  return json::Object{{"artifactLocation", artifactLocation(Path)}, {"region", std::move(Region)}};
}

json::Object location(LineTable &Lines, const clang::tooling::DiagnosticMessage &Message) {
  unsigned Length = 0;
  for (const auto &Range : Message.Ranges)
    if (Range.FilePath == Message.FilePath && Range.FileOffset == Message.FileOffset)
      Length = Range.Length;
  return json::Object{
      {"physicalLocation", physicalLocation(Lines, Message.FilePath, Message.FileOffset, Length)}};
}

std::string helpUri(StringRef Check) {
  if (Check.starts_with("vss-"))
    return (Twine(DocsBaseUrl) + "/" + Check + ".rst").str();
  if (Check.starts_with("clang-diagnostic-"))
    return "https://clang.llvm.org/docs/DiagnosticsReference.html";
  auto [Module, Name] = Check.split('-');
  return ("https://clang.llvm.org/extra/clang-tidy/checks/" + Module + "/" + Name + ".html").str();
}

} // namespace

int main(int Argc, char **Argv) {
  // --help lists vss-sarif's own options, not those of every LLVM library.
  cl::HideUnrelatedOptions(SarifOptions);
  cl::ParseCommandLineOptions(Argc, Argv, "clang-tidy --export-fixes YAML to SARIF 2.1.0\n");
  LineTable Lines;
  std::map<std::string, unsigned> RuleIndex;
  json::Array Rules, Results;
  for (const CheckInfo &Check : Checks) {
    RuleIndex[Check.Id] = Rules.size();
    Rules.push_back(json::Object{{"id", Check.Id},
                                 {"name", Check.Name},
                                 {"shortDescription", json::Object{{"text", Check.Summary}}},
                                 {"fullDescription", json::Object{{"text", Check.Summary}}},
                                 {"helpUri", helpUri(Check.Id)},
                                 {"help", json::Object{{"text", Check.Summary}}}});
  }
  for (const std::string &Input : Inputs) {
    auto Buffer = MemoryBuffer::getFile(Input);
    if (!Buffer) {
      WithColor::error() << Input << ": " << Buffer.getError().message() << "\n";
      return 1;
    }
    // run-clang-tidy writes an empty file for a translation unit without findings.
    if ((*Buffer)->getBuffer().trim().empty())
      continue;
    clang::tooling::TranslationUnitDiagnostics Diagnostics;
    yaml::Input YAML((*Buffer)->getBuffer());
    YAML >> Diagnostics;
    if (YAML.error()) {
      WithColor::error() << Input << ": not clang-tidy --export-fixes YAML\n";
      return 1;
    }
    for (const clang::tooling::Diagnostic &D : Diagnostics.Diagnostics) {
      if (D.Message.FilePath.empty())
        continue;
      auto [Rule, Inserted] = RuleIndex.try_emplace(D.DiagnosticName, Rules.size());
      if (Inserted)
        Rules.push_back(
            json::Object{{"id", D.DiagnosticName}, {"helpUri", helpUri(D.DiagnosticName)}});
      json::Object Result{
          {"ruleId", D.DiagnosticName},
          {"ruleIndex", Rule->second},
          {"level", D.DiagLevel == clang::tooling::Diagnostic::Error ? "error" : "warning"},
          {"message", json::Object{{"text", D.Message.Message}}},
          {"locations", json::Array{location(Lines, D.Message)}}};
      if (!D.Notes.empty()) {
        json::Array Related, Steps;
        int Id = 1;
        for (const auto &Note : D.Notes) {
          if (Note.FilePath.empty())
            continue;
          json::Object Loc = location(Lines, Note);
          Loc["message"] = json::Object{{"text", Note.Message}};
          Steps.push_back(json::Object{{"location", json::Object(Loc)}});
          Loc["id"] = Id++;
          Related.push_back(std::move(Loc));
        }
        json::Object Final = location(Lines, D.Message);
        Final["message"] = json::Object{{"text", D.Message.Message}};
        Steps.push_back(json::Object{{"location", std::move(Final)}});
        Result["relatedLocations"] = std::move(Related);
        Result["codeFlows"] = json::Array{json::Object{
            {"threadFlows", json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
      }
      json::Array Fixes;
      for (const auto &[File, Replacements] : D.Message.Fix) {
        json::Array Changes;
        for (const clang::tooling::Replacement &R : Replacements) {
          unsigned Begin = Lines.charOffset(File, R.getOffset());
          unsigned End = Lines.charOffset(File, R.getOffset() + R.getLength());
          Changes.push_back(json::Object{
              {"deletedRegion", json::Object{{"charOffset", Begin}, {"charLength", End - Begin}}},
              {"insertedContent", json::Object{{"text", R.getReplacementText().str()}}}});
        }
        Fixes.push_back(json::Object{
            {"description", json::Object{{"text", "Apply the fix-it of " + D.DiagnosticName}}},
            {"artifactChanges",
             json::Array{json::Object{{"artifactLocation", artifactLocation(File)},
                                      {"replacements", std::move(Changes)}}}}});
      }
      if (!Fixes.empty())
        Result["fixes"] = std::move(Fixes);
      Results.push_back(std::move(Result));
    }
  }
  json::Object Run{
      {"tool", json::Object{{"driver", json::Object{{"name", "vss-tidy"},
                                                    {"version", VSS_TIDY_VERSION},
                                                    {"semanticVersion", VSS_TIDY_VERSION},
                                                    {"informationUri", DocsBaseUrl.getValue()},
                                                    {"rules", std::move(Rules)}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  if (!Root.empty())
    Run["originalUriBaseIds"] =
        json::Object{{"SRCROOT", json::Object{{"uri", fileUri(rootDirectory())}}}};
  json::Object Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(Run)}}};
  std::error_code EC;
  ToolOutputFile Out(Output, EC, sys::fs::OF_Text);
  if (EC) {
    WithColor::error() << Output << ": " << EC.message() << "\n";
    return 1;
  }
  Out.os() << formatv("{0:2}", json::Value(std::move(Log))) << "\n";
  Out.keep();
  return 0;
}
