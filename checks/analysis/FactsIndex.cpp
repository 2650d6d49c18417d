//===--- FactsIndex.cpp - The other translation units, from their facts --===//

#include "FactsIndex.h"
#include "Facts.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace vss {

std::string callersIndexFolder(llvm::StringRef FactsDir, llvm::StringRef Usr) {
  llvm::SmallString<256> Path(FactsDir);
  llvm::sys::path::append(Path, "callers",
                          llvm::utohexstr(llvm::xxh3_64bits(Usr), /*LowerCase=*/true));
  return std::string(Path);
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
  const llvm::json::Object *Object = Json->getAsObject();
  if (!Object || Object->getString("format") != "vss-facts" ||
      Object->getInteger("version") != FactsFormatVersion)
    return *Slot;
  std::optional<llvm::StringRef> File = Object->getString("file");
  if (!File || *File == MainFile)
    return *Slot;
  // Stale when its source changed since, or a header it read changed size.
  bool Fresh = true;
  if (const llvm::json::Array *Inputs = Object->getArray("inputs")) {
    for (const llvm::json::Value &Input : *Inputs) {
      const llvm::json::Object *In = Input.getAsObject();
      std::optional<llvm::StringRef> InPath = In ? In->getString("path") : std::nullopt;
      llvm::sys::fs::file_status Status;
      if (!InPath || llvm::sys::fs::status(*InPath, Status) ||
          In->getInteger("size") != static_cast<int64_t>(Status.getSize())) {
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
  Slot->Usable = true;
  Slot->Json = std::move(*Json);
  return *Slot;
}

std::vector<FactsCall> FactsIndex::callersOf(llvm::StringRef Usr) {
  std::vector<FactsCall> Calls;
  if (!Problem.empty())
    return Calls;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(callersIndexFolder(Folder, Usr), Error), End;
       It != End && !Error; It.increment(Error)) {
    Summary &From = summary(llvm::sys::path::filename(It->path()));
    if (!From.Usable)
      continue;
    const llvm::json::Array *Edges = From.Json.getAsObject()->getArray("calls");
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
      if (const llvm::json::Object *Loc = Call->getObject("location")) {
        Found.File = Loc->getString("file").value_or("").str();
        Found.Line = Loc->getInteger("line").value_or(0);
        Found.Column = Loc->getInteger("column").value_or(0);
      }
      Calls.push_back(std::move(Found));
    }
  }
  return Calls;
}

const FactsFunction *FactsIndex::function(llvm::StringRef Usr) const {
  auto It = Functions.find(Usr);
  return It == Functions.end() ? nullptr : &It->second;
}

std::vector<std::string> FactsIndex::takeStale() { return std::exchange(Stale, {}); }

} // namespace vss
