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

const FactsIndex::Summary &FactsIndex::summary(llvm::StringRef Key) {
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
  bool Fresh = false;
  if (const llvm::json::Array *Inputs = Object->getArray("inputs"))
    if (std::optional<llvm::StringRef> System = Object->getString("system_inputs"))
      Fresh = inputsFresh(*Inputs, *File) && systemInputsFresh(*System);
  if (!Fresh) {
    Stale.push_back(File->str());
    return *Slot;
  }
  load(*Object, *Slot);
  Slot->Usable = true;
  return *Slot;
}

bool FactsIndex::inputsFresh(const llvm::json::Array &Inputs, llvm::StringRef MainFile) {
  for (const llvm::json::Value &Input : Inputs) {
    const llvm::json::Object *In = Input.getAsObject();
    std::optional<llvm::StringRef> InPath = In ? In->getString("path") : std::nullopt;
    if (!InPath)
      return false;
    // The same headers are inputs of most summaries: each is looked at once.
    auto [It, Inserted] = FileSizes.try_emplace(*InPath);
    if (Inserted) {
      llvm::sys::fs::file_status Status;
      It->second = llvm::sys::fs::status(*InPath, Status)
                       ? std::nullopt
                       : std::optional<uint64_t>(Status.getSize());
    }
    if (!It->second || In->getInteger("size") != static_cast<int64_t>(*It->second))
      return false;
    if (*InPath == MainFile) {
      auto Text = llvm::MemoryBuffer::getFile(*InPath);
      std::optional<llvm::StringRef> Hash = In->getString("hash");
      if (!Text || !Hash || contentHash((*Text)->getBuffer()) != *Hash)
        return false;
    }
  }
  return true;
}

bool FactsIndex::systemInputsFresh(llvm::StringRef Key) {
  auto [It, Inserted] = SystemInputs.try_emplace(Key, false);
  if (!Inserted)
    return It->second;
  auto Buffer = llvm::MemoryBuffer::getFile(systemInputsPath(Folder, Key));
  if (!Buffer)
    return false;
  llvm::Expected<llvm::json::Value> Json = llvm::json::parse((*Buffer)->getBuffer());
  if (!Json) {
    llvm::consumeError(Json.takeError());
    return false;
  }
  const llvm::json::Array *Inputs = Json->getAsArray();
  bool Fresh = Inputs && inputsFresh(*Inputs, "");
  SystemInputs[Key] = Fresh;
  return Fresh;
}

FactsIndex::Where FactsIndex::where(const llvm::json::Object *Location) {
  Where At;
  if (!Location)
    return At;
  At.File = intern(Location->getString("file"));
  At.Line = Location->getInteger("line").value_or(0);
  At.Column = Location->getInteger("column").value_or(0);
  return At;
}

void FactsIndex::load(const llvm::json::Object &Object, Summary &Into) {
  auto ReadPairs = [](const llvm::json::Array *List, Pairs &Out) {
    if (!List)
      return;
    for (const llvm::json::Value &Pair : *List)
      if (const llvm::json::Object *P = Pair.getAsObject())
        if (auto Index = P->getInteger("parameter"))
          if (auto Value = P->getInteger("value"))
            Out.push_back({static_cast<unsigned>(*Index), *Value});
    llvm::sort(Out);
  };
  if (const llvm::json::Array *Defined = Object.getArray("functions"))
    for (const llvm::json::Value &Entry : *Defined) {
      const llvm::json::Object *Function = Entry.getAsObject();
      std::optional<llvm::StringRef> Usr = Function ? Function->getString("usr") : std::nullopt;
      if (!Usr)
        continue;
      // An inline function is in the summary of every TU that defines it:
      // what any of them says is kept.
      FactsFunction &Merged = Functions[*Usr];
      if (Merged.Name.empty())
        Merged.Name = Function->getString("name").value_or("").str();
      if (Merged.Handler.empty())
        Merged.Handler = Function->getString("handler").value_or("").str();
      if (Merged.OutsideEvent.empty())
        Merged.OutsideEvent = Function->getString("outside_event").value_or("").str();
      Merged.Noexcept |= Function->getBoolean("noexcept").value_or(false);
      const llvm::json::Array *Returns = Function->getArray("returns");
      if (!Returns)
        continue;
      Summary::Returns Found{intern(Usr), {}};
      bool Known = true;
      for (const llvm::json::Value &R : *Returns) {
        const llvm::json::Object *Return = R.getAsObject();
        if (!Return) {
          Known = false;
          break;
        }
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
        Where At = where(Return->getObject("location"));
        placeAt(Out, At);
        Found.Values.push_back(std::move(Out));
      }
      if (Known)
        Into.FunctionReturns.push_back(std::move(Found));
    }
  if (const llvm::json::Array *Overriding = Object.getArray("overrides"))
    for (const llvm::json::Value &Entry : *Overriding)
      if (const llvm::json::Object *Override = Entry.getAsObject())
        if (auto Method = Override->getString("method"))
          if (auto Base = Override->getString("overrides")) {
            std::vector<std::string> &Bases = Overrides[*Method];
            if (!llvm::is_contained(Bases, *Base))
              Bases.push_back(Base->str());
          }
  if (const llvm::json::Array *Edges = Object.getArray("calls"))
    for (const llvm::json::Value &Entry : *Edges) {
      const llvm::json::Object *Call = Entry.getAsObject();
      if (!Call)
        continue;
      Summary::Call Out;
      Out.Caller = intern(Call->getString("caller"));
      Out.Callee = intern(Call->getString("callee"));
      Out.CalleeName = intern(Call->getString("callee_name"));
      Out.Kind = intern(Call->getString("kind"));
      Out.At = where(Call->getObject("location"));
      ReadPairs(Call->getArray("constants"), Out.Constants);
      ReadPairs(Call->getArray("dead_when"), Out.DeadWhen);
      if (const llvm::json::Array *Catches = Call->getArray("catches"))
        for (const llvm::json::Value &Caught : *Catches)
          if (std::optional<llvm::StringRef> Name = Caught.getAsString())
            Out.Catches.push_back(intern(Name));
      if (const llvm::json::Array *Forwards = Call->getArray("forwards"))
        for (const llvm::json::Value &Forward : *Forwards)
          if (const llvm::json::Object *F = Forward.getAsObject()) {
            std::optional<int64_t> Parameter = F->getInteger("parameter");
            std::optional<int64_t> Argument = F->getInteger("argument");
            if (!Parameter || !Argument || *Parameter < 0 || *Argument < 0)
              continue;
            Out.Forwards.push_back({static_cast<unsigned>(*Argument),
                                    static_cast<unsigned>(*Parameter), intern(F->getString("name")),
                                    where(F->getObject("location"))});
          }
      if (const llvm::json::Object *Via = Call->getObject("via"))
        Out.Through = Summary::Via{
            intern(Via->getString("callee")), intern(Via->getString("callee_name")),
            Via->getInteger("argument").value_or(-1), where(Via->getObject("location"))};
      Into.Calls.push_back(std::move(Out));
    }
  if (const llvm::json::Array *Calls = Object.getArray("failure_calls"))
    for (const llvm::json::Value &Entry : *Calls) {
      const llvm::json::Object *Call = Entry.getAsObject();
      const llvm::json::Object *HResult = Call ? Call->getObject("hresult") : nullptr;
      std::optional<int64_t> Index = HResult ? HResult->getInteger("index") : std::nullopt;
      if (!HResult || HResult->getString("kind") != "parameter" || !Index || *Index < 0)
        continue;
      Into.FailureCalls.push_back(
          {intern(Call->getString("caller")), intern(Call->getString("api")),
           intern(HResult->getString("name")), static_cast<unsigned>(*Index),
           where(HResult->getObject("location"))});
    }
  if (const llvm::json::Array *Starts = Object.getArray("thread_starts"))
    for (const llvm::json::Value &Entry : *Starts) {
      const llvm::json::Object *Start = Entry.getAsObject();
      const llvm::json::Array *Entries = Start ? Start->getArray("entries") : nullptr;
      if (!Entries)
        continue;
      Summary::ThreadStartCall Out{intern(Start->getString("caller")),
                                   intern(Start->getString("api")),
                                   intern(Start->getString("underlying")),
                                   where(Start->getObject("location")),
                                   {}};
      for (const llvm::json::Value &E : *Entries)
        if (std::optional<llvm::StringRef> Usr = E.getAsString())
          Out.Entries.push_back(intern(Usr));
      Into.ThreadStarts.push_back(std::move(Out));
    }
  if (const llvm::json::Array *Handed = Object.getArray("thread_start_parameters"))
    for (const llvm::json::Value &Entry : *Handed) {
      const llvm::json::Object *Start = Entry.getAsObject();
      std::optional<int64_t> Parameter = Start ? Start->getInteger("parameter") : std::nullopt;
      if (!Parameter || *Parameter < 0)
        continue;
      Into.ThreadStartParameters.push_back(
          {intern(Start->getString("function")), intern(Start->getString("name")),
           intern(Start->getString("api")), intern(Start->getString("callee_name")),
           static_cast<unsigned>(*Parameter), where(Start->getObject("location"))});
    }
}

std::vector<const FactsIndex::Summary *> FactsIndex::summariesIn(const std::string &IndexFolder) {
  std::vector<const Summary *> Found;
  if (!Problem.empty())
    return Found;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(IndexFolder, Error), End; It != End && !Error;
       It.increment(Error)) {
    const Summary &From = summary(llvm::sys::path::filename(It->path()));
    if (From.Usable)
      Found.push_back(&From);
  }
  return Found;
}

const std::vector<FactsCall> &FactsIndex::callersOf(llvm::StringRef Usr) {
  auto [Cached, Inserted] = Callers.try_emplace(Usr);
  if (!Inserted)
    return Cached->second;
  std::vector<FactsCall> Calls;
  for (const Summary *From : summariesIn(callersIndexFolder(Folder, Usr)))
    for (const Summary::Call &Call : From->Calls) {
      if (Call.Callee != Usr || Call.Kind == "lambda-creation" || Call.Kind == "function-reference")
        continue;
      FactsCall Found;
      Found.Caller = Call.Caller.str();
      Found.CallerName = nameOf(Call.Caller);
      Found.CalleeName = Call.CalleeName.str();
      Found.Kind = Call.Kind.str();
      placeAt(Found, Call.At);
      Found.Constants = Call.Constants;
      Found.DeadWhen = Call.DeadWhen;
      for (llvm::StringRef Caught : Call.Catches)
        Found.Catches.push_back(Caught.str());
      Calls.push_back(std::move(Found));
    }
  // The map may have grown while the summaries were read.
  return Callers[Usr] = std::move(Calls);
}

void FactsIndex::followForwards(
    llvm::StringRef Usr, unsigned Parameter,
    llvm::function_ref<void(const Summary &From, llvm::StringRef Function, unsigned Index,
                            llvm::function_ref<std::vector<FactsHop>()> Path)>
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
    for (const Summary *From : summariesIn(forwardsIndexFolder(Folder, Function))) {
      AtNode(*From, Function, Index, PathTo);
      for (const Summary::Call &Call : From->Calls) {
        if (Call.Forwards.empty() || Call.Caller != Function ||
            (Call.Kind != "call" && Call.Kind != "virtual-call" && Call.Kind != "construction"))
          continue;
        for (const Summary::Forward &F : Call.Forwards) {
          if (F.Parameter != Index)
            continue;
          Node Next{Call.Callee.str(), F.Argument};
          if (Next.first.empty() || Seen.count(Next))
            continue;
          FactsHop Hop = hop(Function, F.Name, Call.CalleeName, F.At);
          Seen[Next] = {At, std::move(Hop)};
          Worklist.push_back(std::move(Next));
        }
      }
    }
  }
}

FactsHop FactsIndex::hop(llvm::StringRef Function, llvm::StringRef Parameter,
                         llvm::StringRef Callee, const Where &At) const {
  FactsHop Hop;
  Hop.FunctionName = nameOf(Function);
  Hop.Parameter = Parameter.str();
  Hop.CalleeName = Callee.str();
  placeAt(Hop, At);
  return Hop;
}

std::string FactsIndex::nameOf(llvm::StringRef Usr) const {
  auto It = Functions.find(Usr);
  return It == Functions.end() ? Usr.str() : It->second.Name;
}

std::vector<FactsForwardedFailure> FactsIndex::failuresReachedFrom(llvm::StringRef Usr,
                                                                   unsigned Parameter) {
  std::vector<FactsForwardedFailure> Failures;
  std::set<std::tuple<std::string, unsigned, unsigned>> Seen;
  followForwards(Usr, Parameter,
                 [&](const Summary &From, llvm::StringRef Function, unsigned Index, auto Path) {
                   for (const Summary::ForwardedFailure &Call : From.FailureCalls) {
                     if (Call.Caller != Function || Call.Index != Index)
                       continue;
                     FactsHop Hop = hop(Function, Call.Name, Call.Api, Call.At);
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
  followForwards(Usr, Parameter,
                 [&](const Summary &From, llvm::StringRef Function, unsigned Index, auto Path) {
                   for (const Summary::HandedToThread &Start : From.ThreadStartParameters) {
                     if (Start.Function != Function || Start.Parameter != Index)
                       continue;
                     FactsHop Hop = hop(Function, Start.Name, Start.CalleeName, Start.At);
                     FactsThreadStart Found{Start.Api.str(), Path()};
                     Found.Hops.push_back(std::move(Hop));
                     Starts.push_back(std::move(Found));
                   }
                 });
  return Starts;
}

std::optional<std::vector<FactsReturn>> FactsIndex::returnsOf(llvm::StringRef Usr) {
  // A function with returns recorded is in the forwards index: it passes a
  // value on to its callers.
  for (const Summary *From : summariesIn(forwardsIndexFolder(Folder, Usr)))
    for (const Summary::Returns &Function : From->FunctionReturns)
      if (Function.Function == Usr)
        return Function.Values;
  return std::nullopt;
}

const std::vector<FactsThreadStartSite> &FactsIndex::threadStartsRunning(llvm::StringRef Usr) {
  if (auto It = StartsRunning.find(Usr); It != StartsRunning.end())
    return It->second;
  // A thread start names its entry in a call edge too (a function reference,
  // a callback argument), so the callers index finds the summaries.
  std::vector<FactsThreadStartSite> Found;
  for (const Summary *From : summariesIn(callersIndexFolder(Folder, Usr))) {
    // Handed to a function of yet another TU that starts a thread with it.
    for (const Summary::Call &Call : From->Calls) {
      if (!Call.Through || Call.Callee != Usr || Call.Kind != "callback-argument")
        continue;
      const Summary::Via &Via = *Call.Through;
      if (Via.Callee.empty() || Via.Argument < 0)
        continue;
      std::vector<FactsThreadStart> Starts =
          threadStartsReachedFrom(Via.Callee, static_cast<unsigned>(Via.Argument));
      if (Starts.empty())
        continue;
      FactsThreadStartSite Site;
      Site.Caller = Call.Caller.str();
      Site.CallerName = nameOf(Site.Caller);
      if (const FactsFunction *Caller = function(Site.Caller))
        Site.Handler = Caller->Handler;
      Site.Api = Via.CalleeName.str();
      Site.Underlying = Starts.front().Api;
      Site.Hops = std::move(Starts.front().Hops);
      placeAt(Site, Via.At);
      Found.push_back(std::move(Site));
    }
    for (const Summary::ThreadStartCall &Start : From->ThreadStarts) {
      if (!llvm::is_contained(Start.Entries, Usr))
        continue;
      FactsThreadStartSite Site;
      Site.Caller = Start.Caller.str();
      Site.CallerName = nameOf(Site.Caller);
      if (const FactsFunction *Caller = function(Site.Caller))
        Site.Handler = Caller->Handler;
      Site.Api = Start.Api.str();
      Site.Underlying = Start.Underlying.str();
      placeAt(Site, Start.At);
      Found.push_back(std::move(Site));
    }
  }
  return StartsRunning[Usr] = std::move(Found);
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
