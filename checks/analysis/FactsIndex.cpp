//===--- FactsIndex.cpp - The other translation units, from their facts --===//

#include "FactsIndex.h"
#include "Facts.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace vss {

namespace {

std::string indexFolder(llvm::StringRef FactsDir, llvm::StringRef Index, llvm::StringRef Usr) {
  llvm::SmallString<256> Path(FactsDir);
  llvm::sys::path::append(Path, Index, llvm::utohexstr(llvm::xxh3_64bits(Usr), /*LowerCase=*/true));
  return std::string(Path);
}

void readLocation(const llvm::json::Object *Loc, std::string &File, unsigned &Line,
                  unsigned &Column) {
  if (!Loc)
    return;
  File = Loc->getString("file").value_or("").str();
  Line = Loc->getInteger("line").value_or(0);
  Column = Loc->getInteger("column").value_or(0);
}

} // namespace

clang::SourceLocation locationIn(clang::SourceManager &SM, llvm::StringRef File, unsigned Line,
                                 unsigned Column) {
  using namespace clang;
  llvm::Expected<FileEntryRef> Entry = SM.getFileManager().getFileRef(File);
  if (!Entry) {
    llvm::consumeError(Entry.takeError());
    return {};
  }
  FileID ID = SM.translateFile(*Entry);
  if (ID.isInvalid())
    ID = SM.createFileID(*Entry, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, Line, Column);
}

std::string callersIndexFolder(llvm::StringRef FactsDir, llvm::StringRef Usr) {
  return indexFolder(FactsDir, "callers", Usr);
}

std::string forwardsIndexFolder(llvm::StringRef FactsDir, llvm::StringRef Usr) {
  return indexFolder(FactsDir, "forwards", Usr);
}

FactsIndex::FactsIndex(std::string Folder, std::string MainFile)
    : Folder(std::move(Folder)), MainFile(std::move(MainFile)) {
  llvm::SmallString<256> Tu(this->Folder);
  llvm::sys::path::append(Tu, "tu");
  if (!llvm::sys::fs::is_directory(this->Folder))
    Problem = "no such folder";
  else if (!llvm::sys::fs::is_directory(Tu))
    Problem = "not a folder written by vss-facts (it has no 'tu' folder)";
}

FactsIndex::Summary &FactsIndex::summary(llvm::StringRef Key) {
  std::unique_ptr<Summary> &Slot = Summaries[Key];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Summary>();
  llvm::SmallString<256> Path(Folder);
  llvm::sys::path::append(Path, "tu", Key + ".json");
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return *Slot;
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse((*Buffer)->getBuffer());
  if (!Json) {
    llvm::consumeError(Json.takeError());
    return *Slot;
  }
  llvm::json::Object *Object = Json->getAsObject();
  if (!Object || Object->getString("format") != "vss-facts")
    return *Slot;
  if (Object->getInteger("version") != FactsFormatVersion) {
    // Written by another release of vss-facts: named once, not used.
    if (std::optional<llvm::StringRef> File = Object->getString("file"); File && *File != MainFile)
      OtherVersion.push_back(File->str());
    return *Slot;
  }
  std::optional<llvm::StringRef> File = Object->getString("file");
  if (!File || *File == MainFile)
    return *Slot;
  // Stale when its source changed since, or a header it read changed size.
  bool Fresh = true;
  if (const llvm::json::Array *Inputs = Object->getArray("inputs")) {
    for (const llvm::json::Value &Input : *Inputs) {
      const llvm::json::Object *In = Input.getAsObject();
      std::optional<llvm::StringRef> InPath = In ? In->getString("path") : std::nullopt;
      // The same headers are inputs of most summaries: each is looked at once.
      std::optional<uint64_t> Size;
      if (InPath) {
        auto [It, Inserted] = FileSizes.try_emplace(*InPath);
        if (Inserted) {
          llvm::sys::fs::file_status Status;
          It->second = llvm::sys::fs::status(*InPath, Status)
                           ? std::nullopt
                           : std::optional<uint64_t>(Status.getSize());
        }
        Size = It->second;
      }
      if (!Size || In->getInteger("size") != static_cast<int64_t>(*Size)) {
        Fresh = false;
        break;
      }
      if (*InPath == *File) {
        auto Text = llvm::MemoryBuffer::getFile(*InPath);
        std::optional<llvm::StringRef> Hash = In->getString("hash");
        if (!Text || !Hash || contentHash((*Text)->getBuffer()) != *Hash) {
          Fresh = false;
          break;
        }
      }
    }
  }
  if (!Fresh) {
    Stale.push_back(File->str());
    return *Slot;
  }
  if (const llvm::json::Array *Defined = Object->getArray("functions"))
    for (const llvm::json::Value &Entry : *Defined)
      if (const llvm::json::Object *Function = Entry.getAsObject())
        if (std::optional<llvm::StringRef> Usr = Function->getString("usr"))
          Functions[*Usr] = {Function->getString("name").value_or("").str(),
                             Function->getString("handler").value_or("").str()};
  if (const llvm::json::Array *Overriding = Object->getArray("overrides"))
    for (const llvm::json::Value &Entry : *Overriding)
      if (const llvm::json::Object *Override = Entry.getAsObject())
        if (auto Method = Override->getString("method"))
          if (auto Base = Override->getString("overrides")) {
            std::vector<std::string> &Bases = Overrides[*Method];
            if (!llvm::is_contained(Bases, *Base))
              Bases.push_back(Base->str());
          }
  // What the checks read stays; the inputs, most of a summary, are not
  // needed once it is known to be fresh.
  Object->erase("inputs");
  Slot->Usable = true;
  Slot->Json = std::move(*Json);
  return *Slot;
}

std::vector<const llvm::json::Object *> FactsIndex::summariesIn(const std::string &IndexFolder) {
  std::vector<const llvm::json::Object *> Found;
  if (!Problem.empty())
    return Found;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(IndexFolder, Error), End; It != End && !Error;
       It.increment(Error)) {
    Summary &From = summary(llvm::sys::path::filename(It->path()));
    if (From.Usable)
      Found.push_back(From.Json.getAsObject());
  }
  return Found;
}

const std::vector<FactsCall> &FactsIndex::callersOf(llvm::StringRef Usr) {
  auto [Cached, Inserted] = Callers.try_emplace(Usr);
  if (!Inserted)
    return Cached->second;
  std::vector<FactsCall> &Calls = Cached->second;
  for (const llvm::json::Object *From : summariesIn(callersIndexFolder(Folder, Usr))) {
    const llvm::json::Array *Edges = From->getArray("calls");
    if (!Edges)
      continue;
    for (const llvm::json::Value &Entry : *Edges) {
      const llvm::json::Object *Call = Entry.getAsObject();
      if (!Call || Call->getString("callee") != Usr)
        continue;
      llvm::StringRef Kind = Call->getString("kind").value_or("");
      if (Kind == "lambda-creation" || Kind == "function-reference")
        continue;
      FactsCall Found;
      Found.Caller = Call->getString("caller").value_or("").str();
      auto It = Functions.find(Found.Caller);
      Found.CallerName = It == Functions.end() ? Found.Caller : It->second.Name;
      Found.CalleeName = Call->getString("callee_name").value_or("").str();
      Found.Kind = Kind.str();
      readLocation(Call->getObject("location"), Found.File, Found.Line, Found.Column);
      auto ReadPairs = [&](llvm::StringRef Key, llvm::StringRef ValueKey,
                           std::vector<std::pair<unsigned, int64_t>> &Out) {
        if (const llvm::json::Array *Pairs = Call->getArray(Key))
          for (const llvm::json::Value &Pair : *Pairs)
            if (const llvm::json::Object *P = Pair.getAsObject())
              if (auto Index = P->getInteger("parameter"))
                if (auto Value = P->getInteger(ValueKey))
                  Out.push_back({static_cast<unsigned>(*Index), *Value});
        llvm::sort(Out);
      };
      ReadPairs("constants", "value", Found.Constants);
      ReadPairs("dead_when", "value", Found.DeadWhen);
      Calls.push_back(std::move(Found));
    }
  }
  return Calls;
}

void FactsIndex::followForwards(
    llvm::StringRef Usr, unsigned Parameter,
    llvm::function_ref<void(const llvm::json::Object &Summary, llvm::StringRef Function,
                            unsigned Index, llvm::function_ref<std::vector<FactsHop>()> Path)>
        AtNode) {
  // Breadth first over (function, parameter): each is followed once, and
  // each node is reached by a shortest path.
  using Node = std::pair<std::string, unsigned>;
  struct Reached {
    Node From;
    FactsHop Hop; ///< From's hop to this node.
  };
  std::map<Node, Reached> Seen;
  std::deque<Node> Worklist;
  Node Start{Usr.str(), Parameter};
  Seen[Start] = {};
  Worklist.push_back(Start);
  while (!Worklist.empty()) {
    Node At = Worklist.front();
    Worklist.pop_front();
    const auto &[Function, Index] = At;
    auto PathTo = [&] {
      std::vector<FactsHop> Hops;
      for (Node Back = At; Back != Start; Back = Seen[Back].From)
        Hops.insert(Hops.begin(), Seen[Back].Hop);
      return Hops;
    };
    for (const llvm::json::Object *From : summariesIn(forwardsIndexFolder(Folder, Function))) {
      AtNode(*From, Function, Index, PathTo);
      const llvm::json::Array *Calls = From->getArray("calls");
      if (!Calls)
        continue;
      for (const llvm::json::Value &Entry : *Calls) {
        const llvm::json::Object *Call = Entry.getAsObject();
        const llvm::json::Array *Forwards = Call ? Call->getArray("forwards") : nullptr;
        if (!Forwards || Call->getString("caller") != Function)
          continue;
        llvm::StringRef Kind = Call->getString("kind").value_or("");
        if (Kind != "call" && Kind != "virtual-call" && Kind != "construction")
          continue;
        for (const llvm::json::Value &Forward : *Forwards) {
          const llvm::json::Object *F = Forward.getAsObject();
          if (!F || F->getInteger("parameter") != Index)
            continue;
          Node Next{Call->getString("callee").value_or("").str(),
                    static_cast<unsigned>(F->getInteger("argument").value_or(0))};
          if (Next.first.empty() || Seen.count(Next))
            continue;
          FactsHop Hop;
          Hop.FunctionName = nameOf(Function);
          Hop.Parameter = F->getString("name").value_or("").str();
          Hop.CalleeName = Call->getString("callee_name").value_or("").str();
          readLocation(F->getObject("location"), Hop.File, Hop.Line, Hop.Column);
          Seen[Next] = {At, std::move(Hop)};
          Worklist.push_back(std::move(Next));
        }
      }
    }
  }
}

std::string FactsIndex::nameOf(llvm::StringRef Usr) const {
  auto It = Functions.find(Usr);
  return It == Functions.end() ? Usr.str() : It->second.Name;
}

std::vector<FactsForwardedFailure> FactsIndex::failuresReachedFrom(llvm::StringRef Usr,
                                                                   unsigned Parameter) {
  std::vector<FactsForwardedFailure> Failures;
  std::set<std::tuple<std::string, unsigned, unsigned>> Seen;
  followForwards(
      Usr, Parameter,
      [&](const llvm::json::Object &Summary, llvm::StringRef Function, unsigned Index, auto Path) {
        const llvm::json::Array *Calls = Summary.getArray("failure_calls");
        if (!Calls)
          return;
        for (const llvm::json::Value &Entry : *Calls) {
          const llvm::json::Object *Call = Entry.getAsObject();
          const llvm::json::Object *HResult = Call ? Call->getObject("hresult") : nullptr;
          if (!HResult || Call->getString("caller") != Function ||
              HResult->getString("kind") != "parameter" || HResult->getInteger("index") != Index)
            continue;
          FactsHop Hop;
          Hop.FunctionName = nameOf(Function);
          Hop.Parameter = HResult->getString("name").value_or("").str();
          Hop.CalleeName = Call->getString("api").value_or("").str();
          readLocation(HResult->getObject("location"), Hop.File, Hop.Line, Hop.Column);
          if (!Seen.insert({Hop.File, Hop.Line, Hop.Column}).second)
            continue;
          FactsForwardedFailure Failure{Hop.CalleeName, Path()};
          Failure.Hops.push_back(std::move(Hop));
          Failures.push_back(std::move(Failure));
        }
      });
  return Failures;
}

std::vector<FactsThreadStart> FactsIndex::threadStartsReachedFrom(llvm::StringRef Usr,
                                                                  unsigned Parameter) {
  std::vector<FactsThreadStart> Starts;
  followForwards(
      Usr, Parameter,
      [&](const llvm::json::Object &Summary, llvm::StringRef Function, unsigned Index, auto Path) {
        const llvm::json::Array *Handed = Summary.getArray("thread_start_parameters");
        if (!Handed)
          return;
        for (const llvm::json::Value &Entry : *Handed) {
          const llvm::json::Object *Start = Entry.getAsObject();
          if (!Start || Start->getString("function") != Function ||
              Start->getInteger("parameter") != Index)
            continue;
          FactsHop Hop;
          Hop.FunctionName = nameOf(Function);
          Hop.Parameter = Start->getString("name").value_or("").str();
          Hop.CalleeName = Start->getString("callee_name").value_or("").str();
          readLocation(Start->getObject("location"), Hop.File, Hop.Line, Hop.Column);
          FactsThreadStart Found{Start->getString("api").value_or("").str(), Path()};
          Found.Hops.push_back(std::move(Hop));
          Starts.push_back(std::move(Found));
        }
      });
  return Starts;
}

std::optional<std::vector<FactsReturn>> FactsIndex::returnsOf(llvm::StringRef Usr) {
  // A function with returns recorded is in the forwards index: it passes a
  // value on to its callers.
  for (const llvm::json::Object *From : summariesIn(forwardsIndexFolder(Folder, Usr))) {
    const llvm::json::Array *Functions = From->getArray("functions");
    if (!Functions)
      continue;
    for (const llvm::json::Value &Entry : *Functions) {
      const llvm::json::Object *Function = Entry.getAsObject();
      const llvm::json::Array *Returns = Function ? Function->getArray("returns") : nullptr;
      if (!Returns || Function->getString("usr") != Usr)
        continue;
      std::vector<FactsReturn> Found;
      for (const llvm::json::Value &R : *Returns) {
        const llvm::json::Object *Return = R.getAsObject();
        if (!Return)
          return std::nullopt;
        FactsReturn Out;
        llvm::StringRef Kind = Return->getString("kind").value_or("");
        if (Kind == "constant") {
          Out.Kind = FactsReturn::Constant;
          Out.Value = Return->getInteger("value").value_or(0);
          Out.Text = Return->getString("text").value_or("").str();
        } else if (Kind == "parameter") {
          Out.Kind = FactsReturn::Parameter;
          Out.Index = Return->getInteger("index").value_or(0);
        }
        readLocation(Return->getObject("location"), Out.File, Out.Line, Out.Column);
        Found.push_back(std::move(Out));
      }
      return Found;
    }
  }
  return std::nullopt;
}

std::vector<FactsThreadStartSite> FactsIndex::threadStartsRunning(llvm::StringRef Usr) {
  // A thread start names its entry in a call edge too (a function reference,
  // a callback argument), so the callers index finds the summaries.
  std::vector<FactsThreadStartSite> Found;
  for (const llvm::json::Object *From : summariesIn(callersIndexFolder(Folder, Usr))) {
    // Handed to a function of yet another TU that starts a thread with it.
    if (const llvm::json::Array *Calls = From->getArray("calls"))
      for (const llvm::json::Value &Entry : *Calls) {
        const llvm::json::Object *Call = Entry.getAsObject();
        const llvm::json::Object *Via = Call ? Call->getObject("via") : nullptr;
        if (!Via || Call->getString("callee") != Usr ||
            Call->getString("kind") != "callback-argument")
          continue;
        std::optional<llvm::StringRef> Wrapper = Via->getString("callee");
        std::optional<int64_t> Argument = Via->getInteger("argument");
        if (!Wrapper || !Argument || *Argument < 0)
          continue;
        std::vector<FactsThreadStart> Starts =
            threadStartsReachedFrom(*Wrapper, static_cast<unsigned>(*Argument));
        if (Starts.empty())
          continue;
        FactsThreadStartSite Site;
        Site.Caller = Call->getString("caller").value_or("").str();
        Site.CallerName = nameOf(Site.Caller);
        if (const FactsFunction *Caller = function(Site.Caller))
          Site.Handler = Caller->Handler;
        Site.Api = Via->getString("callee_name").value_or("").str();
        Site.Underlying = Starts.front().Api;
        Site.Hops = std::move(Starts.front().Hops);
        readLocation(Via->getObject("location"), Site.File, Site.Line, Site.Column);
        Found.push_back(std::move(Site));
      }
    const llvm::json::Array *Starts = From->getArray("thread_starts");
    if (!Starts)
      continue;
    for (const llvm::json::Value &Entry : *Starts) {
      const llvm::json::Object *Start = Entry.getAsObject();
      const llvm::json::Array *Entries = Start ? Start->getArray("entries") : nullptr;
      if (!Entries || llvm::none_of(*Entries, [&](const llvm::json::Value &E) {
            return E.getAsString() == Usr;
          }))
        continue;
      FactsThreadStartSite Site;
      Site.Caller = Start->getString("caller").value_or("").str();
      Site.CallerName = nameOf(Site.Caller);
      if (const FactsFunction *Caller = function(Site.Caller))
        Site.Handler = Caller->Handler;
      Site.Api = Start->getString("api").value_or("").str();
      Site.Underlying = Start->getString("underlying").value_or("").str();
      readLocation(Start->getObject("location"), Site.File, Site.Line, Site.Column);
      Found.push_back(std::move(Site));
    }
  }
  return Found;
}

llvm::ArrayRef<std::string> FactsIndex::overriddenBy(llvm::StringRef Usr) const {
  auto It = Overrides.find(Usr);
  if (It == Overrides.end())
    return {};
  return It->second;
}

const FactsFunction *FactsIndex::function(llvm::StringRef Usr) const {
  auto It = Functions.find(Usr);
  return It == Functions.end() ? nullptr : &It->second;
}

std::vector<std::string> FactsIndex::takeStale() { return std::exchange(Stale, {}); }

std::vector<std::string> FactsIndex::takeOtherVersion() { return std::exchange(OtherVersion, {}); }

} // namespace vss
