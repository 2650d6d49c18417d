//===--- VssSarifMain.cpp - clang-tidy's exported findings as SARIF 2.1.0 ===//
//
//   vss-sarif [-o out.sarif] [--docs-base-url=URL] fixes.yaml...
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
//===----------------------------------------------------------------------===//

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
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

static cl::list<std::string> Inputs(cl::Positional, cl::desc("<fixes.yaml>..."), cl::ZeroOrMore);
static cl::opt<std::string> Output("o", cl::desc("Output SARIF file (default: stdout)"),
                                   cl::value_desc("file"), cl::init("-"));
static cl::opt<std::string> DocsBaseUrl(
    "docs-base-url", cl::desc("Where the vss-* doc pages are (<url>/<check>.rst)"),
    cl::init(VSS_DOCS_BASE_URL));

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

/// Line and column (1-based, column in bytes) of offsets in source files.
class LineTable {
public:
  std::pair<unsigned, unsigned> position(StringRef Path, unsigned Offset) {
    auto &Starts = lineStarts(Path);
    auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
    unsigned Line = It - Starts.begin();
    return {Line, Offset - Starts[Line - 1] + 1};
  }

private:
  std::vector<unsigned> &lineStarts(StringRef Path) {
    auto [It, Inserted] = Files.try_emplace(Path);
    if (Inserted) {
      It->second.push_back(0);
      if (auto Buffer = MemoryBuffer::getFile(Path)) {
        StringRef Text = (*Buffer)->getBuffer();
        for (size_t I = 0; I < Text.size(); ++I)
          if (Text[I] == '\n')
            It->second.push_back(I + 1);
      }
    }
    return It->second;
  }
  StringMap<std::vector<unsigned>> Files;
};

std::string fileUri(StringRef Path) {
  SmallString<256> Absolute(Path);
  sys::fs::make_absolute(Absolute);
  sys::path::remove_dots(Absolute, true);
  return "file://" + std::string(Absolute);
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
  return json::Object{{"artifactLocation", json::Object{{"uri", fileUri(Path)}}},
                      {"region", std::move(Region)}};
}

json::Object location(LineTable &Lines, const clang::tooling::DiagnosticMessage &Message) {
  unsigned Length = 0;
  for (const auto &Range : Message.Ranges)
    if (Range.FilePath == Message.FilePath && Range.FileOffset == Message.FileOffset)
      Length = Range.Length;
  return json::Object{{"physicalLocation",
                       physicalLocation(Lines, Message.FilePath, Message.FileOffset, Length)}};
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
        Rules.push_back(json::Object{{"id", D.DiagnosticName},
                                     {"helpUri", helpUri(D.DiagnosticName)}});
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
        for (const clang::tooling::Replacement &R : Replacements)
          Changes.push_back(json::Object{
              {"deletedRegion", json::Object{{"charOffset", R.getOffset()},
                                             {"charLength", R.getLength()}}},
              {"insertedContent", json::Object{{"text", R.getReplacementText().str()}}}});
        Fixes.push_back(json::Object{
            {"description", json::Object{{"text", "Apply the fix-it of " + D.DiagnosticName}}},
            {"artifactChanges",
             json::Array{json::Object{{"artifactLocation", json::Object{{"uri", fileUri(File)}}},
                                      {"replacements", std::move(Changes)}}}}});
      }
      if (!Fixes.empty())
        Result["fixes"] = std::move(Fixes);
      Results.push_back(std::move(Result));
    }
  }
  json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::Array{json::Object{
           {"tool", json::Object{{"driver",
                                  json::Object{{"name", "vss-tidy"},
                                               {"version", VSS_TIDY_VERSION},
                                               {"semanticVersion", VSS_TIDY_VERSION},
                                               {"informationUri", DocsBaseUrl.getValue()},
                                               {"rules", std::move(Rules)}}}}},
           {"results", std::move(Results)}}}}};
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
