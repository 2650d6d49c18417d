//===--- VssFactsMain.cpp - The facts pass of whole-program analysis -----===//
//
//   vss-facts -p BUILD_DIR -o FACTS_DIR [-j N] [--shard I/N] [files...]
//
// Parses each translation unit of compile_commands.json (or those of the
// files given) and writes its summary (checks/analysis/Facts.h,
// docs/facts-format.md) to FACTS_DIR/tu/<key>.json, the key naming the file and
// its command. A summary whose command and input files (the source and every
// header it read: size and hash of the text) are unchanged is kept, not
// written again.
// Shards of the database (--shard I/N) can run on different machines; their
// folders merge by copying, since no two translation units share a file name.
//
//===----------------------------------------------------------------------===//

#include "../common/FatalErrors.h"
#include "../common/ResourceDir.h"
#include "analysis/Facts.h"
#include "analysis/FactsIndex.h"
#include "analysis/TranslationUnitAnalysis.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <mutex>

using namespace clang;
using namespace llvm;

namespace {

cl::OptionCategory Category("vss-facts options");
cl::opt<std::string> BuildDir("p", cl::desc("The build folder with compile_commands.json"),
                              cl::value_desc("BUILD_DIR"), cl::Required, cl::cat(Category));
cl::opt<std::string> FactsDir("o", cl::desc("The folder to write the summaries to"),
                              cl::value_desc("FACTS_DIR"), cl::Required, cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Translation units summarised in parallel (default: 1)"),
                       cl::init(1), cl::cat(Category));
cl::opt<std::string> Shard("shard",
                           cl::desc("Summarise only the I-th of N slices of the database, "
                                    "1 <= I <= N (e.g. one job of a CI matrix)"),
                           cl::value_desc("I/N"), cl::cat(Category));
cl::list<std::string> Files(cl::Positional, cl::desc("[files...]"), cl::cat(Category));

/// The key of a compile command: its folder, file and arguments.
std::string commandKey(const tooling::CompileCommand &Command) {
  SHA1 Hash;
  Hash.update(Command.Directory);
  Hash.update(StringRef("\0", 1));
  Hash.update(Command.Filename);
  for (const std::string &Arg : Command.CommandLine) {
    Hash.update(StringRef("\0", 1));
    Hash.update(Arg);
  }
  return toHex(Hash.final(), /*LowerCase=*/true);
}

/// True when none of \p Inputs (a list of {"path", "size", "hash"}) changed.
bool inputsUnchanged(const json::Array &Inputs) {
  for (const json::Value &Input : Inputs) {
    const json::Object *File = Input.getAsObject();
    std::optional<StringRef> FilePath = File ? File->getString("path") : std::nullopt;
    std::optional<StringRef> Hash = File ? File->getString("hash") : std::nullopt;
    sys::fs::file_status Status;
    if (!FilePath || !Hash || sys::fs::status(*FilePath, Status) ||
        File->getInteger("size") != static_cast<int64_t>(Status.getSize()))
      return false;
    ErrorOr<std::unique_ptr<MemoryBuffer>> Text = MemoryBuffer::getFile(*FilePath);
    if (!Text || vss::contentHash((*Text)->getBuffer()) != *Hash)
      return false;
  }
  return true;
}

/// The lists of system headers (FACTS_DIR/inputs/<key>.json) that the
/// summaries of this run name: each is checked once, by the first summary
/// that names it, and a full run removes the others.
class SystemInputLists {
public:
  explicit SystemInputLists(std::string FactsDir) : FactsDir(std::move(FactsDir)) {}

  /// True when the list \p Key exists and none of its headers changed.
  bool unchanged(StringRef Key) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto [It, Inserted] = Unchanged.try_emplace(Key, false);
    if (Inserted)
      It->second = check(Key);
    if (It->second)
      Used.insert(Key);
    return It->second;
  }

  /// Stores \p List (unless a list of the same text is stored) and returns
  /// its key; empty, with \p Error set, when it cannot be written.
  std::string store(json::Array List, std::string &Error) {
    std::string Text;
    raw_string_ostream(Text) << json::Value(std::move(List));
    std::string Key = utohexstr(xxh3_64bits(Text), /*LowerCase=*/true);
    std::lock_guard<std::mutex> Guard(Lock);
    Used.insert(Key);
    std::string Path = vss::systemInputsPath(FactsDir, Key);
    // A list already there is kept unless it was found unusable (corrupt,
    // or naming headers that changed: then this run's text replaces it).
    auto Known = Unchanged.find(Key);
    bool Unusable = Known != Unchanged.end() && !Known->second;
    if (Written.contains(Key) || (!Unusable && sys::fs::exists(Path))) {
      Written.insert(Key);
      return Key;
    }
    // Whole or not at all, as the summaries.
    if (std::error_code Failure = sys::fs::create_directories(sys::path::parent_path(Path))) {
      Error = "cannot write " + Path + ": " + Failure.message();
      return "";
    }
    // A temporary of its own: another vss-facts may write the same list.
    int FD;
    SmallString<256> Temporary;
    if (std::error_code Failure = sys::fs::createUniqueFile(Path + ".%%%%%%.tmp", FD, Temporary)) {
      Error = "cannot write " + Path + ": " + Failure.message();
      return "";
    }
    {
      raw_fd_ostream OS(FD, /*shouldClose=*/true);
      OS << Text << "\n";
    }
    if (std::error_code Failure = sys::fs::rename(Temporary, Path)) {
      Error = "cannot write " + Path + ": " + Failure.message();
      return "";
    }
    Written.insert(Key);
    Unchanged[Key] = true;
    return Key;
  }

  /// Notes that the summary at \p Path, kept although its translation unit
  /// was not summarised again, names a list.
  void keep(StringRef Path) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
    if (!Buffer)
      return;
    Expected<json::Value> Summary = json::parse((*Buffer)->getBuffer());
    if (!Summary) {
      consumeError(Summary.takeError());
      return;
    }
    if (const json::Object *Object = Summary->getAsObject())
      if (std::optional<StringRef> Key = Object->getString("system_inputs")) {
        std::lock_guard<std::mutex> Guard(Lock);
        Used.insert(*Key);
      }
  }

  /// Removes the lists that no summary of this run names; returns how many.
  unsigned removeUnused() {
    SmallString<256> Folder(FactsDir);
    sys::path::append(Folder, "inputs");
    unsigned Removed = 0;
    std::error_code Error;
    for (sys::fs::directory_iterator It(Folder, Error), End; It != End && !Error;
         It.increment(Error)) {
      StringRef Name = sys::path::filename(It->path());
      if (Name.ends_with(".json") && !Used.contains(Name.drop_back(5)) &&
          !sys::fs::remove(It->path()))
        ++Removed;
    }
    return Removed;
  }

private:
  bool check(StringRef Key) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
        MemoryBuffer::getFile(vss::systemInputsPath(FactsDir, Key));
    if (!Buffer)
      return false;
    Expected<json::Value> List = json::parse((*Buffer)->getBuffer());
    if (!List) {
      consumeError(List.takeError());
      return false;
    }
    return List->getAsArray() && inputsUnchanged(*List->getAsArray());
  }

  std::string FactsDir;
  std::mutex Lock;
  llvm::StringMap<bool> Unchanged;
  llvm::StringSet<> Written, Used;
};

/// True when the summary at \p Path was made from the same command and none
/// of the files it read has changed since.
bool isUpToDate(StringRef Path, StringRef Key, SystemInputLists &Lists) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return false;
  Expected<json::Value> Summary = json::parse((*Buffer)->getBuffer());
  if (!Summary) {
    consumeError(Summary.takeError());
    return false;
  }
  const json::Object *Object = Summary->getAsObject();
  if (!Object || Object->getInteger("version") != vss::FactsFormatVersion ||
      Object->getString("command") != Key)
    return false;
  const json::Array *Inputs = Object->getArray("inputs");
  std::optional<StringRef> System = Object->getString("system_inputs");
  return Inputs && System && inputsUnchanged(*Inputs) && Lists.unchanged(*System);
}

class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(std::string Key, std::string Output, std::string FactsDir, SystemInputLists &Lists)
      : Key(std::move(Key)), Output(std::move(Output)), FactsDir(std::move(FactsDir)),
        Lists(Lists) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    vss::TranslationUnitAnalysis::startTranslationUnit();
    json::Object Summary = vss::summarizeTranslationUnit(Context, Key);
    vss::TranslationUnitAnalysis::startTranslationUnit();
    // The system headers are stored once for every summary that read them.
    json::Array System;
    if (json::Array *Headers = Summary.getArray("system_inputs"))
      System = std::move(*Headers);
    std::string ListKey = Lists.store(std::move(System), WriteError);
    if (ListKey.empty())
      return;
    Summary["system_inputs"] = ListKey;
    llvm::StringSet<> Callees, Forwarders;
    if (const json::Array *Calls = Summary.getArray("calls"))
      for (const json::Value &Call : *Calls) {
        const json::Object *Edge = Call.getAsObject();
        if (std::optional<StringRef> Callee = Edge->getString("callee"))
          Callees.insert(*Callee);
        if (Edge->getArray("forwards"))
          Forwarders.insert(Edge->getString("caller").value_or(""));
      }
    if (const json::Array *Functions = Summary.getArray("functions"))
      for (const json::Value &Entry : *Functions)
        if (Entry.getAsObject()->getArray("returns"))
          Forwarders.insert(Entry.getAsObject()->getString("usr").value_or(""));
    if (const json::Array *Handed = Summary.getArray("thread_start_parameters"))
      for (const json::Value &Entry : *Handed)
        Forwarders.insert(Entry.getAsObject()->getString("function").value_or(""));
    if (const json::Array *Failures = Summary.getArray("failure_calls"))
      for (const json::Value &Failure : *Failures) {
        const json::Object *Object = Failure.getAsObject();
        const json::Object *HResult = Object->getObject("hresult");
        if (HResult && HResult->getString("kind") == "parameter")
          Forwarders.insert(Object->getString("caller").value_or(""));
      }
    std::vector<std::string> CalleeList;
    for (const auto &Callee : Callees)
      CalleeList.push_back(Callee.getKey().str());
    // Written whole or not at all: a reader never sees half a summary.
    std::string Temporary = Output + ".tmp";
    {
      std::error_code Error;
      raw_fd_ostream OS(Temporary, Error);
      if (Error) {
        WriteError = "cannot write " + Temporary + ": " + Error.message();
        return;
      }
      OS << json::Value(std::move(Summary)) << "\n";
    }
    if (std::error_code Error = sys::fs::rename(Temporary, Output)) {
      WriteError = "cannot write " + Output + ": " + Error.message();
      return;
    }
    // The callers index: an empty file callers/<hash of the callee>/<key> for
    // each function this TU calls, so that a reader finds the callers of a
    // function without reading every summary (and shards merge by copying).
    // The forwards index, forwards/<hash of the function>/<key>, names the
    // summaries where a function passes a parameter on.
    auto AddEntry = [&](const std::string &Folder) {
      SmallString<256> Entry(Folder);
      sys::path::append(Entry, Key);
      int FD;
      if (std::error_code Error = sys::fs::create_directories(Folder))
        WriteError = "cannot write " + Folder + ": " + Error.message();
      else if (std::error_code Error = sys::fs::openFileForWrite(Entry, FD))
        WriteError = "cannot write " + std::string(Entry) + ": " + Error.message();
      else
        sys::Process::SafelyCloseFileDescriptor(FD);
    };
    for (const std::string &Callee : CalleeList)
      AddEntry(vss::callersIndexFolder(FactsDir, Callee));
    for (const auto &Forwarder : Forwarders)
      if (!Forwarder.getKey().empty())
        AddEntry(vss::forwardsIndexFolder(FactsDir, Forwarder.getKey()));
  }

  std::string WriteError;

private:
  std::string Key, Output, FactsDir;
  SystemInputLists &Lists;
};

class FactsAction : public ASTFrontendAction {
public:
  FactsAction(std::string Key, std::string Output, SystemInputLists &Lists, std::string &WriteError)
      : Key(std::move(Key)), Output(std::move(Output)), Lists(Lists), WriteError(WriteError) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
    auto Consumer = std::make_unique<FactsConsumer>(Key, Output, FactsDir, Lists);
    Current = Consumer.get();
    return Consumer;
  }
  void EndSourceFileAction() override {
    if (Current)
      WriteError = Current->WriteError;
  }

private:
  std::string Key, Output;
  SystemInputLists &Lists;
  std::string &WriteError;
  FactsConsumer *Current = nullptr;
};

// An address in this executable, to find its path.
void executableAnchor() {}

} // namespace

int main(int Argc, const char **Argv) {
  vss::exitOnFatalErrors("vss-facts");
  // Targets known by name, so that a cross compiler's name gives its target.
  llvm::InitializeAllTargetInfos();
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(Argc, Argv,
                              "vss-facts: summarises translation units for the vss-* checks' "
                              "whole-program analysis\n");

  unsigned ShardIndex = 1, ShardCount = 1;
  if (!Shard.empty()) {
    auto [Index, Count] = StringRef(Shard).split('/');
    if (Index.getAsInteger(10, ShardIndex) || Count.getAsInteger(10, ShardCount) ||
        ShardCount == 0 || ShardIndex == 0 || ShardIndex > ShardCount) {
      errs() << "vss-facts: error: --shard expects I/N with 1 <= I <= N, not '" << Shard << "'\n";
      return 1;
    }
  }

  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> Database =
      tooling::CompilationDatabase::loadFromDirectory(BuildDir, Error);
  if (!Database) {
    errs() << "vss-facts: error: cannot load the compilation database in '" << BuildDir
           << "': " << Error << "\n";
    return 1;
  }

  // As clang-tidy reads the database: response files (CMake's @includes.rsp)
  // expanded, and the target of a cross compiler's name (x86_64-w64-mingw32-g++)
  // made explicit.
  Database = tooling::expandResponseFiles(std::move(Database), vfs::getRealFileSystem());

  // The commands to summarise, in a stable order (sharding depends on it).
  std::vector<tooling::CompileCommand> Commands;
  if (Files.empty()) {
    Commands = Database->getAllCompileCommands();
  } else {
    for (const std::string &File : Files) {
      SmallString<256> Absolute(File);
      sys::fs::make_absolute(Absolute);
      sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
      std::vector<tooling::CompileCommand> Found = Database->getCompileCommands(Absolute);
      if (Found.empty()) {
        errs() << "vss-facts: error: no compile command for '" << File << "' in " << BuildDir
               << "\n";
        return 1;
      }
      Commands.insert(Commands.end(), Found.begin(), Found.end());
    }
  }
  std::vector<std::pair<std::string, tooling::CompileCommand>> Keyed;
  for (tooling::CompileCommand &Command : Commands) {
    if (!Command.CommandLine.empty())
      tooling::addTargetAndModeForProgramName(Command.CommandLine, Command.CommandLine.front());
    Keyed.emplace_back(commandKey(Command), std::move(Command));
  }
  llvm::sort(Keyed, [](const auto &A, const auto &B) { return A.first < B.first; });
  Keyed.erase(std::unique(Keyed.begin(), Keyed.end(),
                          [](const auto &A, const auto &B) { return A.first == B.first; }),
              Keyed.end());

  SmallString<256> TuDir(FactsDir);
  sys::path::append(TuDir, "tu");
  if (std::error_code Error = sys::fs::create_directories(TuDir)) {
    errs() << "vss-facts: error: cannot create '" << TuDir << "': " << Error.message() << "\n";
    return 1;
  }

  static const std::string ResourceDirArg = std::string("-resource-dir=") + vss::builtResourceDir();
  bool OwnResourceDir =
      vss::hasResourceDirNextTo(Argv[0], reinterpret_cast<void *>(&executableAnchor));

  SystemInputLists Lists(FactsDir);
  std::atomic<unsigned> Summarised{0}, UpToDate{0}, Failed{0};
  std::mutex OutputLock;
  auto Summarise = [&](const std::string &Key, const tooling::CompileCommand &Command) {
    SmallString<256> Output(TuDir);
    sys::path::append(Output, Key + ".json");
    if (isUpToDate(Output, Key, Lists)) {
      ++UpToDate;
      return;
    }
    tooling::CommandLineArguments Args = Command.CommandLine;
    Args = tooling::getClangStripOutputAdjuster()(Args, Command.Filename);
    Args = tooling::getClangSyntaxOnlyAdjuster()(Args, Command.Filename);
    if (!OwnResourceDir)
      Args.insert(Args.begin() + 1, ResourceDirArg);
    IntrusiveRefCntPtr<vfs::FileSystem> FS = vfs::createPhysicalFileSystem();
    FS->setCurrentWorkingDirectory(Command.Directory);
    auto Files = makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
    std::string WriteError;
    tooling::ToolInvocation Invocation(
        Args, std::make_unique<FactsAction>(Key, std::string(Output), Lists, WriteError),
        Files.get());
    bool Parsed = Invocation.run();
    std::lock_guard<std::mutex> Lock(OutputLock);
    if (!WriteError.empty()) {
      errs() << "vss-facts: error: " << WriteError << "\n";
      Lists.keep(Output);
      ++Failed;
    } else if (!sys::fs::exists(Output)) {
      errs() << "vss-facts: error: " << Command.Filename << " could not be parsed\n";
      ++Failed;
    } else {
      if (!Parsed)
        errs() << "vss-facts: warning: " << Command.Filename
               << " has errors; its summary holds what clang could parse\n";
      ++Summarised;
    }
  };

  unsigned Selected = 0;
  {
    DefaultThreadPool Pool(hardware_concurrency(std::max(1u, unsigned(Jobs))));
    for (size_t I = 0; I < Keyed.size(); ++I) {
      if (I % ShardCount != ShardIndex - 1)
        continue;
      ++Selected;
      Pool.async([&, I] { Summarise(Keyed[I].first, Keyed[I].second); });
    }
    Pool.wait();
  }
  // The summaries of translation units that left the database (a run over
  // the whole database, sharded or not, knows every key): their calls must
  // not be followed any more.
  unsigned Removed = 0;
  if (Files.empty()) {
    llvm::StringSet<> Known;
    for (const auto &[Key, Command] : Keyed)
      Known.insert(Key + ".json");
    std::error_code Error;
    for (sys::fs::directory_iterator It(TuDir, Error), End; It != End && !Error;
         It.increment(Error)) {
      StringRef Name = sys::path::filename(It->path());
      if (Name.ends_with(".json") && !Known.contains(Name) && !sys::fs::remove(It->path()))
        ++Removed;
    }
    // The lists of system headers that no summary names any more (only a
    // run over every translation unit knows them all).
    if (ShardCount == 1)
      Lists.removeUnused();
  }
  outs() << "vss-facts: " << Selected << " translation unit(s): " << Summarised << " summarised, "
         << UpToDate << " up to date, " << Failed << " failed";
  if (Removed)
    outs() << ", " << Removed << " removed (no longer in the database)";
  outs() << "\n";
  return Failed ? 1 : 0;
}
