#!/usr/bin/env python3
"""Writes a generated VSS writer project of N translation units, for the
whole-program benchmark (bench/run_wpa_bench.py).

  python3 bench/gen_project.py OUT_DIR N [--seed S]

OUT_DIR gets src/*.cpp (N translation units), include/project.h,
include/reporting.h and include/writers.h, compile_commands.json (MinGW
target: --target=x86_64-w64-mingw32 -isystem <repo>/test/Inputs/mingw-overlay
-std=c++17, every file including windows.h, vss.h, vswriter.h, <string> and
<vector> through project.h) and expected.json (what the checks must find).
The same N and seed always give the same files.

The project, in the shape of a real one:

- src/errors.cpp, the reporting layer: CProjectWriter (the base of every
  writer, derived from CVssWriterEx2) has six Fail* members, the only place
  the project calls SetWriterFailure(Ex) outside the writers; free wrappers
  Report*(CProjectWriter *, HRESULT, const wchar_t *) log and call them;
- five writer classes (CCatalogWriter, ...), declared in writers.h, each with
  its handlers (OnIdentify, OnPrepareBackup, OnPrepareSnapshot, OnFreeze,
  OnThaw, OnAbort, OnPostSnapshot, OnBackupComplete) in src/writer_<name>.cpp
  and some of its members in src/writer_<name>_ops.cpp;
- every other translation unit is an ordinary module (src/<area>_<m>.cpp,
  200-400 lines, 20-30 functions: checksums, matching, switches, strings,
  vectors, small classes), which calls four to eight functions of modules
  after it and of a few utility modules (fan-in), and exports a
  <Module>_Apply(CProjectWriter *, ProjectContext &) that calls one or two
  later modules' Apply; one module in ten reports an error from it through a
  Report* wrapper;
- call chains from the handlers: two families of helpers, each hosted in its
  own module, in five levels. Metadata helpers are called from OnIdentify and
  OnPrepareBackup; snapshot helpers from OnPrepareSnapshot, OnPostSnapshot
  and the writers' FlushStore/ResumeStore (OnFreeze/OnThaw), and they also
  call into the Apply graph. A level-k helper calls one or two helpers of
  level k+1 in other modules (fan-in); helpers of levels 2-5 report through
  their family's wrappers (metadata: ReportNonRetryable, ReportTimeout,
  ReportStatus; snapshot: ReportRetryable, ReportOutOfResources,
  ReportInconsistent), so a chain from a handler to SetWriterFailure crosses
  3 to 6 translation units before errors.cpp;
- known findings of vss-writer-failure-in-identify: the Fail* members that
  the metadata chains reach from OnIdentify (in errors.cpp), the
  ValidateSettings of CCatalogWriter and CJournalWriter (in their _ops.cpp,
  called from OnIdentify in the writer's file) are found only across
  translation units; CMailboxWriter::AddComponents reports a failure of
  AddComponent in the writer's own file, found without the facts as well.
  For vss-writer-failure-invalid-hresult (not counted here): CSettingsWriter
  reports E_FAIL in OnThaw, and CIndexWriter::OnPostSnapshot passes
  HRESULT_FROM_WIN32(GetLastError()) to FailWithCode, which hands it to
  SetWriterFailure in errors.cpp.

Each finding is reported by the translation unit that holds the failure call
(errors.cpp or a writer's file), so a sample that includes errors.cpp and
the writer files sees them all. expected.json lists them (file and line),
computed from the call graph the generator wrote; stdout says how many.
"""
import argparse
import json
import os
import random
from collections import defaultdict, deque

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

AREAS = ["catalog", "storage", "volume", "config", "journal", "index", "cache", "policy",
         "network", "metadata", "registry", "service", "stream", "archive", "schedule", "security"]
WRITERS = ["Catalog", "Mailbox", "Journal", "Settings", "Index"]
# Writers whose ValidateSettings (in the _ops file, called from OnIdentify)
# reports a failure, and the one whose AddComponents (same file as OnIdentify) does.
VALIDATE_REPORTS = {"Catalog", "Journal"}
ADD_COMPONENTS_REPORTS = {"Mailbox"}
# For vss-writer-failure-invalid-hresult: a writer that reports E_FAIL in its
# own file, and one that passes HRESULT_FROM_WIN32(GetLastError()) to
# FailWithCode, which passes it on to SetWriterFailure in errors.cpp.
INVALID_CODE = {"Settings"}
FORWARDS_HELPER_CODE = {"Index"}
METADATA_VERBS = ["CollectComponents", "DescribeFiles", "ReadManifest", "ResolvePaths",
                  "CheckVersion", "EnumerateStores", "LoadSchema", "ListDatabases"]
SNAPSHOT_VERBS = ["FlushBuffers", "SuspendWrites", "CheckpointLog", "ResumeWrites",
                  "VerifyShadow", "TrimJournal", "SealSegments", "SyncCaches"]
METADATA_WRAPPERS = ["ReportNonRetryable", "ReportTimeout", "ReportStatus"]
SNAPSHOT_WRAPPERS = ["ReportRetryable", "ReportOutOfResources", "ReportInconsistent"]
LEVELS = 5
# Chance that a helper of level k (2-4) reports through a wrapper itself, so
# chains end at different depths; level 5 always does, level 1 never.
REPORT_CHANCE = {2: 0.35, 3: 0.45, 4: 0.6}
WIN32_ERRORS = ["ERROR_INVALID_DATA", "ERROR_NOT_FOUND", "ERROR_ACCESS_DENIED",
                "ERROR_SHARING_VIOLATION", "ERROR_DISK_FULL", "ERROR_BAD_FORMAT"]
WORDS = ["data", "logs", "index", "tmp", "backup", "store", "meta", "cache"]

PROJECT_H = r"""// Generated by bench/gen_project.py: what every file of the project includes.
#pragma once
#include <windows.h>
#include <vss.h>
#include <vswriter.h>
#include <string>
#include <vector>

struct ProjectContext {
  DWORD Flags;
  DWORD Generation;
  int Score;
  HRESULT LastError;
  wchar_t Name[64];
  BYTE Buffer[256];
  DWORD BufferSize;
};

inline DWORD RotateLeft(DWORD Value, int Bits) { return (Value << Bits) | (Value >> (32 - Bits)); }
inline bool IsRetryable(HRESULT hr) { return hr == HRESULT_FROM_WIN32(ERROR_SHARING_VIOLATION); }
inline DWORD ProjectChecksum(const BYTE *Data, DWORD Size) {
  DWORD Hash = 2166136261u;
  for (DWORD I = 0; I < Size; ++I)
    Hash = (Hash ^ Data[I]) * 16777619u;
  return Hash;
}
inline int ProjectScore(const ProjectContext &Ctx, int Weight) {
  return static_cast<int>(Ctx.Generation % 97) * Weight;
}
inline bool ProjectMatches(const wchar_t *Name, const wchar_t *Pattern) {
  return Name && Pattern && *Name == *Pattern;
}
inline HRESULT ProjectValidate(ProjectContext &Ctx, DWORD Flags) {
  return Ctx.BufferSize > sizeof(Ctx.Buffer) || (Flags & 0x80000000u) ? E_INVALIDARG : S_OK;
}

// The base of the project's writers. The Fail* members (src/errors.cpp) are
// the only place outside the writers that reports a failure to VSS.
class CProjectWriter : public CVssWriterEx2 {
public:
  void FailRetryable(HRESULT hrApplication);
  void FailNonRetryable();
  void FailOutOfResources();
  void FailTimeout();
  void FailInconsistent();
  void FailWithCode(HRESULT hrWriter);
  ProjectContext &Context() { return m_Context; }

protected:
  ProjectContext m_Context = {};
};
"""

REPORTING_H = r"""// Generated by bench/gen_project.py: the reporting wrappers of src/errors.cpp.
#pragma once
#include "project.h"

void LogFailure(const wchar_t *What, HRESULT hr);
void ReportRetryable(CProjectWriter *Writer, HRESULT hr, const wchar_t *What);
void ReportNonRetryable(CProjectWriter *Writer, HRESULT hr, const wchar_t *What);
void ReportOutOfResources(CProjectWriter *Writer, HRESULT hr, const wchar_t *What);
void ReportTimeout(CProjectWriter *Writer, HRESULT hr, const wchar_t *What);
void ReportInconsistent(CProjectWriter *Writer, HRESULT hr, const wchar_t *What);
void ReportStatus(CProjectWriter *Writer, HRESULT hr, const wchar_t *What);
"""

WRITER_CLASS = r"""
class C{w}Writer : public CProjectWriter {{
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override;
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnAbort() override;
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override;
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) override;

private:
  HRESULT AddComponents(IVssCreateWriterMetadata *pMetadata);
  void ReportSnapshotFailure(HRESULT hr);
  HRESULT ValidateSettings();
  HRESULT FlushStore();
  HRESULT ResumeStore();
  DWORD m_Frozen = 0;
}};
"""

# errors.cpp: (function, its failure call line, the Fail* members it calls)
FAIL_MEMBERS = [
    ("FailRetryable", "HRESULT hrApplication",
     "SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE, hrApplication, L\"retry the backup\");"),
    ("FailNonRetryable", "", "SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);"),
    ("FailOutOfResources", "", "SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES);"),
    ("FailTimeout", "", "SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT);"),
    ("FailInconsistent", "", "SetWriterFailure(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);"),
    ("FailWithCode", "HRESULT hrWriter", "SetWriterFailure(hrWriter);"),
]
WRAPPER_BODIES = {
    "ReportRetryable": (["FailRetryable"], "  Writer->FailRetryable(hr);\n"),
    "ReportNonRetryable": (["FailNonRetryable"], "  Writer->FailNonRetryable();\n"),
    "ReportOutOfResources": (["FailOutOfResources"], "  Writer->FailOutOfResources();\n"),
    "ReportTimeout": (["FailTimeout"], "  Writer->FailTimeout();\n"),
    "ReportInconsistent": (["FailInconsistent"], "  Writer->FailInconsistent();\n"),
    "ReportStatus": (["FailTimeout", "FailWithCode"],
                     "  if (hr == HRESULT_FROM_WIN32(ERROR_TIMEOUT)) {\n"
                     "    Writer->FailTimeout();\n"
                     "    return;\n"
                     "  }\n"
                     "  Writer->FailWithCode(VSS_E_WRITERERROR_NONRETRYABLE);\n"),
}

# Signatures of the ordinary functions: (kind, parameters, the exported name's suffix).
SIGNATURES = {
    "A": ("DWORD", "const BYTE *Data, DWORD Size", "Checksum", "ProjectChecksum"),
    "B": ("int", "const ProjectContext &Ctx, int Weight", "Score", "ProjectScore"),
    "C": ("bool", "const wchar_t *Name, const wchar_t *Pattern", "Matches", "ProjectMatches"),
    "D": ("HRESULT", "ProjectContext &Ctx, DWORD Flags", "Load", "ProjectValidate"),
}


class Project:
    """The files of the project and the call graph between its writer-aware
    functions (those that can reach a failure call), from which the expected
    findings follow."""

    def __init__(self, out_dir, n, seed):
        self.out = os.path.abspath(out_dir)
        self.n = n
        self.rng = random.Random(seed)
        self.files = {}                 # path under OUT_DIR -> text
        self.calls = defaultdict(set)   # caller -> callees (writer-aware functions only)
        self.defined_in = {}            # function -> file
        self.sites = []                 # (function, file, text of the failure call)
        self.identify = []              # OnIdentify handlers
        self.functions = 0
        self.kinds = {}                 # file -> "errors" / "writer" / "ordinary"

    # --- the call graph -------------------------------------------------
    def define(self, function, path):
        self.defined_in[function] = path

    def call(self, caller, callee):
        self.calls[caller].add(callee)

    def expected_findings(self):
        """The failure calls reachable from an OnIdentify handler: those
        reached through the handler's own file only (found without facts)
        and the others (found only across translation units)."""
        def reach(starts, same_file):
            seen, todo = set(starts), deque(starts)
            while todo:
                f = todo.popleft()
                for g in self.calls.get(f, ()):
                    if g in self.defined_in and g not in seen and \
                            (not same_file or self.defined_in[g] == self.defined_in[f]):
                        seen.add(g)
                        todo.append(g)
            return seen
        everywhere = reach(self.identify, False)
        within = set()
        for handler in self.identify:
            within |= reach([handler], True)
        found = []
        for function, path, text in self.sites:
            if function not in everywhere:
                continue
            lines = [i + 1 for i, l in enumerate(self.files[path].splitlines()) if text in l]
            assert len(lines) == 1, (path, text, lines)
            found.append({"file": path, "line": lines[0], "function": function,
                          "across": function not in within})
        return sorted(found, key=lambda f: (f["file"], f["line"]))

    # --- ordinary code --------------------------------------------------
    def ordinary_functions(self, prefix, count, remote, exports):
        """count functions of ordinary code (no writer pointer, so no path
        to a failure call), the last ones the exports of the module; remote
        is {kind: [names of other modules' functions]} that they may call."""
        rng = self.rng
        local = {k: [] for k in SIGNATURES}
        out = []
        used_remote = set()

        def callee(kind):
            r = rng.random()
            if remote.get(kind) and r < 0.3:
                name = rng.choice(remote[kind])
                used_remote.add(name)
                return name
            if local[kind] and r < 0.85:
                return rng.choice(local[kind])
            return SIGNATURES[kind][3]

        export_kinds = list(exports)
        for i in range(count):
            exported = i >= count - len(export_kinds)
            kind = export_kinds[i - (count - len(export_kinds))] if exported else \
                rng.choice("AABBCCDDDEF")
            if kind in "EF":
                out.append(self.stl_function(prefix, i, kind))
                self.functions += 1
                continue
            ret, params, suffix, _ = SIGNATURES[kind]
            name = "%s_%s" % (prefix, suffix) if exported else \
                "%s%d" % ({"A": "Mix", "B": "Rank", "C": "Match", "D": "Prepare"}[kind], i)
            storage = "" if exported else "static "
            c1, c2 = rng.randrange(1, 1 << 31), rng.randrange(3, 29)
            if kind == "A":
                body = ("  DWORD Hash = 0x%08xu;\n"
                        "  for (DWORD I = 0; I < Size; ++I) {\n"
                        "    Hash ^= Data[I];\n"
                        "    Hash = RotateLeft(Hash, %d) * 0x01000193u;\n"
                        "  }\n"
                        "  if (Size > %d)\n"
                        "    Hash ^= %s(Data + 1, Size - 1);\n"
                        "  return Hash;\n") % (c1, c2, c2 + 4, callee("A"))
            elif kind == "B":
                body = ("  int Result = Weight * %d;\n"
                        "  if (Ctx.Flags & 0x%x)\n"
                        "    Result += %s(Ctx, Weight - 1);\n"
                        "  else\n"
                        "    Result -= static_cast<int>(Ctx.Generation %% %d);\n"
                        "  return Result > %d ? %d : Result;\n") % (
                            c2, 1 << (c2 % 16), callee("B"), c2 + 7, c1 % 5000, c1 % 5000)
            elif kind == "C":
                body = ("  if (!Name || !Pattern)\n"
                        "    return false;\n"
                        "  while (*Name && *Pattern && (*Pattern == L'?' || *Name == *Pattern)) {\n"
                        "    ++Name;\n"
                        "    ++Pattern;\n"
                        "  }\n"
                        "  if (*Pattern == L'*')\n"
                        "    return %s(Name, Pattern + 1);\n"
                        "  return *Name == 0 && *Pattern == 0;\n") % callee("C")
            elif rng.random() < 0.5:
                body = ("  switch (Flags & 0x7) {\n"
                        "  case 0:\n"
                        "    return S_OK;\n"
                        "  case 1:\n"
                        "    Ctx.Generation += %d;\n"
                        "    return S_FALSE;\n"
                        "  case 2:\n"
                        "    return E_INVALIDARG;\n"
                        "  case 3:\n"
                        "    return HRESULT_FROM_WIN32(%s);\n"
                        "  default:\n"
                        "    break;\n"
                        "  }\n"
                        "  return %s(Ctx, Flags >> 3);\n") % (
                            c2, rng.choice(WIN32_ERRORS), callee("D"))
            else:
                body = ("  Ctx.Flags |= Flags & 0x%x;\n"
                        "  DWORD Sum = %s(Ctx.Buffer, Ctx.BufferSize);\n"
                        "  if (Sum == 0x%xu)\n"
                        "    return HRESULT_FROM_WIN32(%s);\n"
                        "  HRESULT hr = %s(Ctx, Flags >> 1);\n"
                        "  if (FAILED(hr))\n"
                        "    return hr;\n"
                        "  Ctx.Score = %s(Ctx, %d);\n"
                        "  return S_OK;\n") % (
                            c1 & 0xffff, callee("A"), c1, rng.choice(WIN32_ERRORS),
                            callee("D"), callee("B"), c2)
            out.append("%s%s %s(%s) {\n%s}\n" % (storage, ret, name, params, body))
            if not exported:
                local[kind].append(name)
            self.functions += 1
        return out, used_remote

    def stl_function(self, prefix, i, kind):
        rng = self.rng
        if kind == "E":
            return ("static void Collect%d(std::vector<DWORD> &Values, DWORD Seed) {\n"
                    "  for (DWORD I = 0; I < %d; ++I)\n"
                    "    Values.push_back(Seed * %du + I);\n"
                    "  if (Values.size() > %d)\n"
                    "    Values.resize(%d);\n"
                    "}\n") % (i, rng.randrange(4, 40), rng.randrange(3, 999),
                              rng.randrange(50, 500), rng.randrange(10, 50))
        return ("namespace {\n"
                "class Cursor%d {\n"
                "public:\n"
                "  explicit Cursor%d(const std::wstring &Base) : m_Path(Base) {}\n"
                "  const std::wstring &Next() {\n"
                "    m_Path += L\"\\\\%s\";\n"
                "    m_Path += std::to_wstring(++m_Position * %d);\n"
                "    return m_Path;\n"
                "  }\n"
                "  bool Done() const { return m_Position >= %d; }\n"
                "\n"
                "private:\n"
                "  std::wstring m_Path;\n"
                "  int m_Position = 0;\n"
                "};\n"
                "} // namespace\n") % (i, i, rng.choice(WORDS), rng.randrange(2, 99),
                                       rng.randrange(2, 12))

    # --- the files ------------------------------------------------------
    def generate(self):
        rng = self.rng
        n_modules = self.n - 1 - 2 * len(WRITERS)
        if n_modules < 4 * LEVELS:
            raise SystemExit("gen_project.py: N must be at least %d"
                             % (4 * LEVELS + 1 + 2 * len(WRITERS)))
        modules = ["%s_%04d" % (AREAS[m % len(AREAS)], m) for m in range(n_modules)]
        prefixes = [m.split("_")[0].capitalize() + m.split("_")[1] for m in modules]
        module_path = ["src/%s.cpp" % m for m in modules]

        # Helpers of the chains: per family and level, each in its own module.
        per_level = max(2, round(n_modules * 0.012))
        hosts = rng.sample(range(n_modules), 2 * LEVELS * per_level)
        chains = {}   # (family, level) -> [(helper name, module)]
        hosted = {}   # module -> (family, level, name)
        for family, verbs in (("metadata", METADATA_VERBS), ("snapshot", SNAPSHOT_VERBS)):
            for level in range(1, LEVELS + 1):
                chains[family, level] = []
                for _ in range(per_level):
                    m = hosts.pop()
                    name = "%s_%s" % (prefixes[m], rng.choice(verbs))
                    chains[family, level].append((name, m))
                    hosted[m] = (family, level, name)
                    self.define(name, module_path[m])
        helper_calls = defaultdict(list)    # helper -> next helpers it calls
        helper_reports = {}                  # helper -> wrapper it reports through
        helper_applies = defaultdict(list)   # snapshot helper -> Apply functions
        for family, wrappers in (("metadata", METADATA_WRAPPERS), ("snapshot", SNAPSHOT_WRAPPERS)):
            for level in range(1, LEVELS):
                upper, lower = chains[family, level], chains[family, level + 1]
                for name, _ in lower:   # every helper has a caller one level up
                    helper_calls[rng.choice(upper)[0]].append(name)
                for name, _ in upper:
                    if not helper_calls[name]:
                        helper_calls[name].append(rng.choice(lower)[0])
                    if rng.random() < 0.35:   # fan-out, hence fan-in below
                        extra = rng.choice(lower)[0]
                        if extra not in helper_calls[name]:
                            helper_calls[name].append(extra)
            # Every wrapper of the family is used; then levels 2-4 by chance.
            bottoms = [name for name, _ in chains[family, LEVELS]]
            for i, name in enumerate(bottoms):
                helper_reports[name] = wrappers[i % len(wrappers)]
            for level in range(2, LEVELS):
                for name, _ in chains[family, level]:
                    if rng.random() < REPORT_CHANCE[level]:
                        helper_reports[name] = rng.choice(wrappers)
        for level in range(1, LEVELS + 1):
            for name, _ in chains["snapshot", level]:
                if rng.random() < 0.3:
                    helper_applies[name].append("%s_Apply" % prefixes[rng.randrange(n_modules)])
        for helper, callees in helper_calls.items():
            for c in callees:
                self.call(helper, c)
        for helper, wrapper in helper_reports.items():
            self.call(helper, wrapper)
        for helper, applies in helper_applies.items():
            for a in applies:
                self.call(helper, a)

        # The Apply graph of the ordinary modules: towards later modules.
        apply_calls, apply_reports = {}, {}
        for m in range(n_modules):
            later = list(range(m + 1, min(n_modules, m + 41)))
            picked = []
            if later and rng.random() < 0.7:
                picked.append(rng.choice(later))
                if rng.random() < 0.3:
                    picked.append(rng.choice(later))
            apply_calls[m] = sorted(set(picked))
            if rng.random() < 0.1:
                apply_reports[m] = rng.choice(METADATA_WRAPPERS + SNAPSHOT_WRAPPERS)
            name = "%s_Apply" % prefixes[m]
            self.define(name, module_path[m])
            for c in apply_calls[m]:
                self.call(name, "%s_Apply" % prefixes[c])
            if m in apply_reports:
                self.call(name, apply_reports[m])

        # Handlers and the helpers they call.
        metadata_l1 = [name for name, _ in chains["metadata", 1]]
        snapshot_l1 = [name for name, _ in chains["snapshot", 1]]
        rng.shuffle(metadata_l1)
        rng.shuffle(snapshot_l1)
        uses = defaultdict(list)   # (writer, function) -> level-1 helpers it calls
        for i, name in enumerate(metadata_l1):   # each one from a handler
            handler = "OnIdentify" if i % 2 == 0 else "OnPrepareBackup"
            uses[WRITERS[i % len(WRITERS)], handler].append(name)
        snapshot_users = ["OnPrepareSnapshot", "OnPostSnapshot", "FlushStore", "ResumeStore"]
        for i, name in enumerate(snapshot_l1):
            uses[WRITERS[i % len(WRITERS)], snapshot_users[i % 4]].append(name)
        for w in WRITERS:
            for function in ["OnIdentify", "OnPrepareBackup"] + snapshot_users:
                pool = metadata_l1 if function in ("OnIdentify", "OnPrepareBackup") else snapshot_l1
                if not uses[w, function]:
                    uses[w, function].append(rng.choice(pool))

        utility = list(range(max(0, n_modules - max(2, n_modules // 30)), n_modules))
        self.write_headers()
        self.write_errors()
        for w in WRITERS:
            self.write_writer(w, uses)
            self.write_writer_ops(w, uses, prefixes, n_modules)
        for m in range(n_modules):
            self.write_module(m, modules, prefixes, module_path, hosted, helper_calls,
                              helper_reports, helper_applies, apply_calls, apply_reports, utility)
        return self.expected_findings()

    def write_headers(self):
        self.files["include/project.h"] = PROJECT_H
        self.files["include/reporting.h"] = REPORTING_H
        self.files["include/writers.h"] = (
            "// Generated by bench/gen_project.py: the writers of the project.\n"
            "#pragma once\n#include \"project.h\"\n" +
            "".join(WRITER_CLASS.format(w=w) for w in WRITERS))

    def write_errors(self):
        path = "src/errors.cpp"
        self.kinds[path] = "errors"
        text = ["// Generated by bench/gen_project.py: how the project reports failures to VSS.\n"
                "#include \"reporting.h\"\n\n"
                "static LONG FailureCount = 0;\n"
                "static HRESULT LastFailure = S_OK;\n\n"]
        ordinary, _ = self.ordinary_functions("Errors", 10, {}, "")
        text += [f + "\n" for f in ordinary]
        text.append("void LogFailure(const wchar_t *What, HRESULT hr) {\n"
                    "  InterlockedIncrement(&FailureCount);\n"
                    "  LastFailure = hr;\n"
                    "  OutputDebugStringW(What);\n"
                    "}\n\n")
        for member, params, failure in FAIL_MEMBERS:
            name = "CProjectWriter::" + member
            self.define(name, path)
            self.sites.append((name, path, failure))
            text.append("void %s(%s) {\n  LogFailure(L\"%s\", LastFailure);\n  %s\n}\n\n"
                        % (name, params, member, failure))
        for wrapper, (fails, body) in WRAPPER_BODIES.items():
            self.define(wrapper, path)
            for f in fails:
                self.call(wrapper, "CProjectWriter::" + f)
            text.append("void %s(CProjectWriter *Writer, HRESULT hr, const wchar_t *What) {\n"
                        "  LogFailure(What, hr);\n%s}\n\n" % (wrapper, body))
        self.functions += 1 + len(FAIL_MEMBERS) + len(WRAPPER_BODIES)
        self.files[path] = "".join(text).rstrip("\n") + "\n"

    def declarations(self, names):
        """Prototypes of the other translation units' functions a file calls."""
        out = []
        for name in sorted(names):
            suffix = name.rsplit("_", 1)[1]
            for ret, params, s, _ in SIGNATURES.values():
                if suffix == s:
                    out.append("%s %s(%s);\n" % (ret, name, params))
                    break
            else:
                out.append("HRESULT %s(CProjectWriter *Writer, ProjectContext &Ctx);\n" % name)
        return out

    def write_writer(self, w, uses):
        rng = self.rng
        cls = "C%sWriter" % w
        path = "src/writer_%s.cpp" % w.lower()
        self.kinds[path] = "writer"
        helpers = sorted({h for (writer, function), hs in uses.items() if writer == w
                          and function in ("OnIdentify", "OnPrepareBackup", "OnPrepareSnapshot",
                                           "OnPostSnapshot") for h in hs})
        ordinary, _ = self.ordinary_functions("Writer" + w, rng.randint(10, 14), {}, "")
        text = ["// Generated by bench/gen_project.py: the event handlers of %s.\n" % cls,
                "#include \"reporting.h\"\n#include \"writers.h\"\n\n",
                "// Helpers of other translation units.\n"] + self.declarations(helpers)
        text.append("\nstatic const wchar_t *const %sFiles[] = {L\"%s.db\", L\"%s.log\", "
                    "L\"%s.idx\"};\n\n" % (w, w.lower(), w.lower(), w.lower()))
        text += [f + "\n" for f in ordinary]

        def fn(name):
            self.define("%s::%s" % (cls, name), path)
            self.functions += 1
            return "%s::%s" % (cls, name)

        def calls(caller, helper_list, indent="  "):
            body = ""
            for h in helper_list:
                self.call(caller, h)
                body += ("%shr = %s(this, m_Context);\n%sif (FAILED(hr))\n%s  return false;\n"
                         % (indent, h, indent, indent))
            return body

        name = fn("AddComponents")
        report = ""
        if w in ADD_COMPONENTS_REPORTS:
            report = "      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);\n"
            self.sites.append((name, path, report.strip()))
        text.append("HRESULT %s(IVssCreateWriterMetadata *pMetadata) {\n"
                    "  HRESULT hr = S_OK;\n"
                    "  for (const wchar_t *File : %sFiles) {\n"
                    "    hr = pMetadata->AddComponent(VSS_CT_FILEGROUP, NULL, File, File, NULL,\n"
                    "                                 0, false, true, true);\n"
                    "    if (FAILED(hr)) {\n%s"
                    "      return hr;\n"
                    "    }\n"
                    "  }\n"
                    "  return hr;\n"
                    "}\n\n" % (name, w, report))
        name = fn("ReportSnapshotFailure")
        failure = ("SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE, hr, L\"%s snapshot\");"
                   % w.lower())
        self.sites.append((name, path, failure))
        text.append("void %s(HRESULT hr) {\n  LogFailure(L\"%s\", hr);\n  %s\n}\n\n"
                    % (name, name, failure))

        name = fn("OnIdentify")
        self.identify.append(name)
        self.call(name, "%s::AddComponents" % cls)
        validate = ""
        if w in VALIDATE_REPORTS or rng.random() < 0.5:
            self.call(name, "%s::ValidateSettings" % cls)
            validate = "  hr = ValidateSettings();\n  if (FAILED(hr))\n    return false;\n"
        text.append("bool STDMETHODCALLTYPE %s(IVssCreateWriterMetadata *pMetadata) {\n"
                    "  HRESULT hr = AddComponents(pMetadata);\n"
                    "  if (FAILED(hr))\n"
                    "    return false;\n%s%s"
                    "  return true;\n"
                    "}\n\n" % (name, calls(name, uses[w, "OnIdentify"]), validate))
        name = fn("OnPrepareBackup")
        text.append("bool STDMETHODCALLTYPE %s(IVssWriterComponents *pComponents) {\n"
                    "  HRESULT hr = S_OK;\n"
                    "  m_Context.Generation++;\n%s"
                    "  return pComponents != NULL;\n"
                    "}\n\n" % (name, calls(name, uses[w, "OnPrepareBackup"])))
        name = fn("OnPrepareSnapshot")
        body = ""
        for h in uses[w, "OnPrepareSnapshot"]:
            self.call(name, h)
            body += ("  hr = %s(this, m_Context);\n"
                     "  if (FAILED(hr)) {\n    ReportSnapshotFailure(hr);\n    return false;\n"
                     "  }\n" % h)
        self.call(name, "%s::ReportSnapshotFailure" % cls)
        text.append("bool STDMETHODCALLTYPE %s() {\n  HRESULT hr = S_OK;\n%s  return true;\n}\n\n"
                    % (name, body))
        name = fn("OnFreeze")
        self.call(name, "%s::FlushStore" % cls)
        text.append("bool STDMETHODCALLTYPE %s() {\n"
                    "  m_Frozen = GetTickCount();\n"
                    "  return SUCCEEDED(FlushStore());\n"
                    "}\n\n" % name)
        name = fn("OnThaw")
        self.call(name, "%s::ResumeStore" % cls)
        invalid = ""
        if w in INVALID_CODE:
            invalid = ("  if (m_Context.LastError == E_ACCESSDENIED)\n"
                       "    SetWriterFailure(E_FAIL);\n")
            self.sites.append((name, path, "SetWriterFailure(E_FAIL);"))
        text.append("bool STDMETHODCALLTYPE %s() {\n"
                    "  if (GetTickCount() - m_Frozen > 60000)\n"
                    "    FailTimeout();\n%s"
                    "  return SUCCEEDED(ResumeStore());\n"
                    "}\n\n" % (name, invalid))
        self.call(name, "CProjectWriter::FailTimeout")
        name = fn("OnAbort")
        text.append("bool STDMETHODCALLTYPE %s() {\n  m_Frozen = 0;\n  m_Context = {};\n"
                    "  return true;\n}\n\n" % name)
        name = fn("OnPostSnapshot")
        body = ""
        for h in uses[w, "OnPostSnapshot"]:
            self.call(name, h)
            report = ("FailWithCode(HRESULT_FROM_WIN32(GetLastError()))"
                      if w in FORWARDS_HELPER_CODE else "FailInconsistent()")
            body += "  hr = %s(this, m_Context);\n  if (FAILED(hr))\n    %s;\n" % (h, report)
        self.call(name, "CProjectWriter::FailInconsistent")
        self.call(name, "CProjectWriter::FailWithCode")
        text.append("bool STDMETHODCALLTYPE %s(IVssWriterComponents *pComponents) {\n"
                    "  HRESULT hr = S_OK;\n%s  return SUCCEEDED(hr);\n}\n\n" % (name, body))
        name = fn("OnBackupComplete")
        text.append("bool STDMETHODCALLTYPE %s(IVssWriterComponents *pComponents) {\n"
                    "  m_Context.Generation = 0;\n  return true;\n}\n" % name)
        self.files[path] = "".join(text)

    def write_writer_ops(self, w, uses, prefixes, n_modules):
        rng = self.rng
        cls = "C%sWriter" % w
        path = "src/writer_%s_ops.cpp" % w.lower()
        self.kinds[path] = "writer"
        helpers = sorted(set(uses[w, "FlushStore"] + uses[w, "ResumeStore"]))
        loader = "%s_Load" % prefixes[rng.randrange(n_modules)]
        ordinary, _ = self.ordinary_functions("Ops" + w, rng.randint(12, 18), {}, "")
        text = ["// Generated by bench/gen_project.py: members of %s that touch its store.\n" % cls,
                "#include \"reporting.h\"\n#include \"writers.h\"\n\n",
                "// Functions of other translation units.\n"]
        text += self.declarations(helpers + [loader])
        text.append("\n")
        text += [f + "\n" for f in ordinary]
        name = "%s::ValidateSettings" % cls
        self.define(name, path)
        report = ""
        if w in VALIDATE_REPORTS:
            report = "    SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);\n"
            self.sites.append((name, path, report.strip()))
        text.append("HRESULT %s() {\n"
                    "  HRESULT hr = %s(m_Context, 0x1);\n"
                    "  if (FAILED(hr)) {\n%s"
                    "    return hr;\n"
                    "  }\n"
                    "  return S_OK;\n"
                    "}\n\n" % (name, loader, report))
        name = "%s::FlushStore" % cls
        self.define(name, path)
        failure = "SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);"
        self.sites.append((name, path, failure))
        body = ""
        for h in uses[w, "FlushStore"]:
            self.call(name, h)
            body += ("  hr = %s(this, m_Context);\n  if (FAILED(hr)) {\n    %s\n    return hr;\n"
                     "  }\n" % (h, failure if not body else "LogFailure(L\"flush\", hr);"))
        text.append("HRESULT %s() {\n  HRESULT hr = S_OK;\n%s  return S_OK;\n}\n\n" % (name, body))
        name = "%s::ResumeStore" % cls
        self.define(name, path)
        body = ""
        for h in uses[w, "ResumeStore"]:
            self.call(name, h)
            body += "  hr = %s(this, m_Context);\n  if (FAILED(hr))\n    FailRetryable(hr);\n" % h
        self.call(name, "CProjectWriter::FailRetryable")
        text.append("HRESULT %s() {\n  HRESULT hr = S_OK;\n%s  return hr;\n}\n" % (name, body))
        self.functions += 3
        self.files[path] = "".join(text)

    def write_module(self, m, modules, prefixes, module_path, hosted, helper_calls,
                     helper_reports, helper_applies, apply_calls, apply_reports, utility):
        rng = self.rng
        path = module_path[m]
        self.kinds[path] = "ordinary"
        prefix = prefixes[m]
        n_modules = len(modules)
        # Other modules' exports it may call: later modules and the utility modules.
        targets = sorted(set(rng.sample(range(m + 1, n_modules), min(6, n_modules - m - 1)) +
                             rng.sample(utility, min(2, len(utility)))) - {m})
        remote = defaultdict(list)
        for t in targets:
            kind = rng.choice("ABCD")
            remote[kind].append("%s_%s" % (prefixes[t], SIGNATURES[kind][2]))
        ordinary, used = self.ordinary_functions(prefix, rng.randint(18, 28), remote, "ABCD")
        writer_aware = []
        needs_reporting = m in apply_reports
        declared = set(used)
        # Apply: the writer-aware code of an ordinary module.
        body = "  HRESULT hr = %s_Load(Ctx, Ctx.Flags);\n" % prefix
        for c in apply_calls[m]:
            body += "  if (SUCCEEDED(hr))\n    hr = %s_Apply(Writer, Ctx);\n" % prefixes[c]
            declared.add("%s_Apply" % prefixes[c])
        if m in apply_reports:
            body += ("  if (FAILED(hr) && !IsRetryable(hr))\n    %s(Writer, hr, L\"%s_Apply\");\n"
                     % (apply_reports[m], prefix))
        writer_aware.append("HRESULT %s_Apply(CProjectWriter *Writer, ProjectContext &Ctx) {\n%s"
                            "  return hr;\n}\n" % (prefix, body))
        if m in hosted:
            family, level, name = hosted[m]
            callers = "called from the writers' handlers" if level == 1 else "level %d" % level
            body = ("  HRESULT hr = %s_Load(Ctx, Ctx.Flags | 0x%x);\n  if (FAILED(hr))\n"
                    "    return hr;\n" % (prefix, 1 << level))
            for c in helper_calls.get(name, []):
                declared.add(c)
                body += "  hr = %s(Writer, Ctx);\n  if (FAILED(hr))\n" % c
                if name in helper_reports:
                    body += "    %s(Writer, hr, L\"%s\");\n" % (helper_reports[name], name)
                body += "    return hr;\n"
            for a in helper_applies.get(name, []):
                declared.add(a)
                body += "  hr = %s(Writer, Ctx);\n" % a
            if not helper_calls.get(name):
                body += ("  Ctx.Score = %s_Score(Ctx, %d);\n  if (Ctx.Score < 0) {\n"
                         "    hr = HRESULT_FROM_WIN32(%s);\n    %s(Writer, hr, L\"%s\");\n"
                         "    return hr;\n  }\n" % (prefix, rng.randrange(2, 9),
                                                    rng.choice(WIN32_ERRORS),
                                                    helper_reports[name], name))
            needs_reporting = needs_reporting or name in helper_reports
            writer_aware.append("// The %s chains, %s.\n"
                                "HRESULT %s(CProjectWriter *Writer, ProjectContext &Ctx) {\n%s"
                                "  Ctx.Generation++;\n  return S_OK;\n}\n"
                                % (family, callers, name, body))
            self.functions += 1
        self.functions += 1
        text = ["// Generated by bench/gen_project.py: %s module %d (ordinary code).\n"
                % (AREAS[m % len(AREAS)], m),
                "#include \"reporting.h\"\n" if needs_reporting else "#include \"project.h\"\n"]
        if declared:
            text.append("\n// Functions of other translation units.\n")
            text += self.declarations(declared)
        text.append("\n")
        text += [f + "\n" for f in ordinary + writer_aware]
        self.files[path] = "".join(text).rstrip("\n") + "\n"

    def write(self, expected):
        for path, text in self.files.items():
            full = os.path.join(self.out, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
        overlay = os.path.join(REPO, "test", "Inputs", "mingw-overlay")
        sources = sorted(p for p in self.files if p.endswith(".cpp"))
        commands = [{"directory": self.out, "file": p,
                     "arguments": ["clang++", "--target=x86_64-w64-mingw32", "-isystem", overlay,
                                   "-std=c++17", "-I" + os.path.join(self.out, "include"),
                                   "-c", p]}
                    for p in sources]
        with open(os.path.join(self.out, "compile_commands.json"), "w") as f:
            json.dump(commands, f, indent=1)
        lines = {p: self.files[p].count("\n") for p in sources}
        manifest = {
            "translation_units": len(sources),
            "functions": self.functions,
            "lines": sum(lines.values()),
            "kinds": {p: self.kinds[p] for p in sources},
            "lines_per_file": lines,
            "identify_findings": expected,
            "identify_within": sum(1 for e in expected if not e["across"]),
            "identify_across": sum(1 for e in expected if e["across"]),
        }
        with open(os.path.join(self.out, "expected.json"), "w") as f:
            json.dump(manifest, f, indent=1)
        return manifest


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out_dir")
    p.add_argument("n", type=int, help="translation units")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    project = Project(args.out_dir, args.n, args.seed)
    manifest = project.write(project.generate())
    kinds = list(manifest["kinds"].values())
    print("gen_project.py: %d translation units (%d ordinary, %d writer, %d errors), "
          "%d functions, %d lines in %s" % (
              manifest["translation_units"], kinds.count("ordinary"), kinds.count("writer"),
              kinds.count("errors"), manifest["functions"], manifest["lines"], project.out))
    print("expected vss-writer-failure-in-identify findings: %d across translation units, "
          "%d within one (%s)" % (manifest["identify_across"], manifest["identify_within"],
                                  ", ".join("%s:%d" % (e["file"], e["line"])
                                            for e in manifest["identify_findings"])))


if __name__ == "__main__":
    main()
