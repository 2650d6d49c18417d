#!/usr/bin/env python3
"""Writes a writer program of about N functions in one translation unit.

The program is made of modules of 40 functions each, as many as N asks for;
everything below grows with the number of modules:

- one writer class (CProgramWriter, derived from CVssWriterEx2) whose handlers
  reach every module, directly (OnPrepareBackup -> PrepareAll -> PrepareGroupG
  -> PrepareM) and through a virtual hook (each handler loops over the hooks and
  calls CBackupHook::Run or Describe through the base pointer; every module
  overrides both);
- per module, a component class whose Step0 is the root of a binary tree of 26
  helpers (Step i calls Step 2i+1 and 2i+2), leaves with ordinary code (Win32
  file calls, strings, vectors, maps, switches);
- a chain of forwarding wrappers with fan-in: component Fail(hr) ->
  ReportFailure(CVssWriter *, HRESULT) -> LogAndReport -> ReportToWriter ->
  CProgramWriter::Fail -> SetWriterFailure(hr). Five helpers per module call
  Fail with rotating codes, two in sixteen of them invalid (E_FAIL, or the
  HRESULT of a failed helper);
- per module, one thread start, by turns CreateThread, std::thread with a
  lambda and QueueUserWorkItem, whose entry reaches Fail; in every eighth
  module the entry calls SetWriterFailureEx directly;
- every 64th module (the first included) reports a failure of AddComponent in
  AddComponents, which OnIdentify reaches through Describe.

With --writer-free the same modules are written without anything of VSS: no
VSS headers, no writer class, errors go to a log instead of the writer.
The includes are windows.h and the standard library, for the MinGW target.

The first line of the output states how many functions were written.

  gen_program.py N [--writer-free]
"""
import argparse
import sys

STEPS = 26  # helpers in each component's tree
MODULE_FUNCTIONS = STEPS + 14
GROUP_SIZE = 16  # modules per PrepareGroup / RegisterGroup

WRITER_INCLUDES = """#include <windows.h>
#include <vss.h>
#include <vswriter.h>
"""

STD_INCLUDES = """#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>
"""

COMMON = """
enum Phase { PHASE_PREPARE, PHASE_SNAPSHOT, PHASE_FREEZE, PHASE_THAW, PHASE_ABORT };

struct Context {
  Phase phase;
  ULONGLONG bytes;
  std::vector<std::wstring> log;
};
"""

# 5 functions
WRITER_PRELUDE = """
class CProgramWriter;

struct CBackupHook {
  virtual ~CBackupHook() {}
  virtual HRESULT Run(Context &ctx) = 0;
  virtual bool Describe(IVssCreateWriterMetadata *pMetadata) = 0;
  virtual void Abort() = 0;
};

class CProgramWriter : public CVssWriterEx2 {
  std::vector<std::unique_ptr<CBackupHook>> m_hooks;
  HRESULT RunHooks(Phase phase);

public:
  HRESULT Setup();
  void Fail(HRESULT hr) { SetWriterFailure(hr); }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override;
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnAbort() override;
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override;
};

static void ReportToWriter(CVssWriter *pWriter, HRESULT hr) {
  static_cast<CProgramWriter *>(pWriter)->Fail(hr);
}

static void LogAndReport(CVssWriter *pWriter, HRESULT hr, const wchar_t *where) {
  std::wstring message = std::wstring(L"failure in ") + where;
  OutputDebugStringW(message.c_str());
  ReportToWriter(pWriter, hr);
}

void ReportFailure(CVssWriter *pWriter, HRESULT hr) {
  LogAndReport(pWriter, hr, L"component");
}
"""

# 3 functions
PLAIN_PRELUDE = """
class CProgram;

struct CBackupHook {
  virtual ~CBackupHook() {}
  virtual HRESULT Run(Context &ctx) = 0;
  virtual bool Describe(std::vector<std::wstring> &names) = 0;
  virtual void Abort() = 0;
};

std::vector<HRESULT> g_errors;

static void LogError(CProgram *pProgram, HRESULT hr, const wchar_t *where) {
  std::wstring message = std::wstring(L"failure in ") + where;
  OutputDebugStringW(message.c_str());
  g_errors.push_back(hr);
}

void ReportFailure(CProgram *pProgram, HRESULT hr) {
  LogError(pProgram, hr, L"component");
}
"""

# Codes passed to Fail, by turns; two of sixteen are not writer error codes.
FAIL_CODES = ["VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_NONRETRYABLE",
              "VSS_E_WRITERERROR_OUTOFRESOURCES", "VSS_E_WRITERERROR_TIMEOUT",
              "VSS_E_WRITERERROR_RETRYABLE", "E_FAIL", "VSS_E_WRITERERROR_NONRETRYABLE",
              "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT",
              "VSS_E_WRITERERROR_RETRYABLE", "VSS_E_WRITERERROR_NONRETRYABLE",
              "hr", "VSS_E_WRITERERROR_OUTOFRESOURCES", "VSS_E_WRITERERROR_RETRYABLE",
              "VSS_E_WRITERERROR_TIMEOUT", "VSS_E_WRITERERROR_NONRETRYABLE"]
PLAIN_CODES = ["E_FAIL", "E_OUTOFMEMORY", "hr", "E_INVALIDARG"]


class Module:
    def __init__(self, m, writer):
        self.m = m
        self.writer = writer
        self.owner = "CProgramWriter" if writer else "CProgram"

    def code(self, i):
        if self.writer:
            return FAIL_CODES[(self.m * 5 + i) % len(FAIL_CODES)]
        return PLAIN_CODES[(self.m + i) % len(PLAIN_CODES)]

    def component(self):
        m, owner = self.m, self.owner
        # 5 functions in the class body (constructor, Fail, Background, StartWorker,
        # AddComponents); STEPS helpers defined below.
        out = ["""
class CComponent{m} {{
  {owner} *m_owner;
  std::wstring m_root;
  std::vector<std::wstring> m_files;
  std::map<std::wstring, ULONGLONG> m_sizes;

public:
  explicit CComponent{m}({owner} *pOwner) : m_owner(pOwner), m_root(L"C:\\\\data\\\\{m}") {{}}
  void Fail(HRESULT hr) {{ ReportFailure(m_owner, hr); }}
  HRESULT Background();
  HRESULT StartWorker();
  HRESULT AddComponents({describe_param});
""".format(m=m, owner=owner,
           describe_param="IVssCreateWriterMetadata *pMetadata" if self.writer
           else "std::vector<std::wstring> &names")]
        for i in range(STEPS):
            out.append("  HRESULT Step%d(Context &ctx);\n" % i)
        out.append("};\n")
        for i in range(STEPS):
            out.append(self.step(i))
        return "".join(out)

    def step(self, i):
        m = self.m
        left, right = 2 * i + 1, 2 * i + 2
        if left < STEPS:
            body = ["  HRESULT hr = Step%d(ctx);\n" % left]
            if i % 3 == 0:
                body.append("  if (FAILED(hr)) {\n    Fail(%s);\n    return hr;\n  }\n"
                            % self.code(i))
            else:
                body.append("  if (FAILED(hr))\n    return hr;\n")
            body.append("  if (ctx.phase == PHASE_ABORT)\n    return S_FALSE;\n")
            if right < STEPS:
                body.append("  hr = Step%d(ctx);\n" % right)
            body.append("  ctx.bytes += %d;\n  return hr;\n" % i)
        else:
            kind = (m + i) % 4
            if kind == 0:
                body = ["""  std::wstring path = m_root + L"\\\\file{i}.dat";
  DWORD attributes = GetFileAttributesW(path.c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES)
    return HRESULT_FROM_WIN32(GetLastError());
  m_files.push_back(path);
  return S_OK;
""".format(i=i)]
            elif kind == 1:
                body = ["""  std::sort(m_files.begin(), m_files.end());
  auto last = std::unique(m_files.begin(), m_files.end());
  m_files.erase(last, m_files.end());
  return m_files.empty() ? S_FALSE : S_OK;
"""]
            elif kind == 2:
                body = ["""  for (const std::wstring &file : m_files) {{
    m_sizes[file] += ctx.bytes / (m_files.size() + {i});
    ctx.log.push_back(L"step {i}: " + file + L" " + std::to_wstring(m_sizes[file]));
  }}
  return S_OK;
""".format(i=i)]
            else:
                body = ["""  switch (ctx.phase) {{
  case PHASE_PREPARE:
    ctx.bytes = 0;
    break;
  case PHASE_FREEZE:
  case PHASE_THAW:
    ctx.bytes += m_sizes.size() * {i};
    break;
  default:
    return E_UNEXPECTED;
  }}
  return S_OK;
""".format(i=i)]
        return "\nHRESULT CComponent%d::Step%d(Context &ctx) {\n%s}\n" % (m, i, "".join(body))

    def thread(self):
        m, kind = self.m, self.m % 3
        # 3 functions: Background, StartWorker, and the thread's entry.
        if self.writer and m % 8 == 7:
            report = "m_owner->SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE)"
        else:
            report = "Fail(%s)" % ("VSS_E_WRITERERROR_RETRYABLE" if self.writer else "E_FAIL")
        out = ["""
HRESULT CComponent{m}::Background() {{
  Context ctx = {{PHASE_FREEZE, 0, {{}}}};
  HRESULT hr = Step{leaf}(ctx);
  if (FAILED(hr))
    {report};
  return hr;
}}
""".format(m=m, leaf=STEPS - 1, report=report)]
        if kind == 0:
            out.append("""
static DWORD WINAPI FlushThread{m}(LPVOID pParam) {{
  return SUCCEEDED(static_cast<CComponent{m} *>(pParam)->Background()) ? 0 : 1;
}}

HRESULT CComponent{m}::StartWorker() {{
  HANDLE hThread = CreateThread(NULL, 0, FlushThread{m}, this, 0, NULL);
  if (hThread == NULL)
    return HRESULT_FROM_WIN32(GetLastError());
  WaitForSingleObject(hThread, INFINITE);
  CloseHandle(hThread);
  return S_OK;
}}
""".format(m=m))
        elif kind == 1:
            out.append("""
HRESULT CComponent{m}::StartWorker() {{
  HRESULT result = S_OK;
  std::thread worker([this, &result] {{ result = Background(); }});
  worker.join();
  return result;
}}
""".format(m=m))
        else:
            out.append("""
static DWORD WINAPI WorkItem{m}(LPVOID pParam) {{
  return SUCCEEDED(static_cast<CComponent{m} *>(pParam)->Background()) ? 0 : 1;
}}

HRESULT CComponent{m}::StartWorker() {{
  if (!QueueUserWorkItem(WorkItem{m}, this, WT_EXECUTEDEFAULT))
    return HRESULT_FROM_WIN32(GetLastError());
  return S_OK;
}}
""".format(m=m))
        return "".join(out)

    def describe(self):
        m = self.m
        if self.writer:
            report = "      Fail(hr);\n" if m % 64 == 0 else ""
            return """
HRESULT CComponent{m}::AddComponents(IVssCreateWriterMetadata *pMetadata) {{
  for (const std::wstring &file : m_files) {{
    HRESULT hr = pMetadata->AddComponent(VSS_CT_FILEGROUP, NULL, file.c_str(), file.c_str(),
                                         NULL, 0, false, true, true);
    if (FAILED(hr)) {{
{report}      return hr;
    }}
  }}
  return S_OK;
}}
""".format(m=m, report=report)
        return """
HRESULT CComponent{m}::AddComponents(std::vector<std::wstring> &names) {{
  names.insert(names.end(), m_files.begin(), m_files.end());
  return names.empty() ? S_FALSE : S_OK;
}}
""".format(m=m)

    def hook_and_utilities(self):
        m, owner = self.m, self.owner
        describe_param = ("IVssCreateWriterMetadata *pMetadata" if self.writer
                          else "std::vector<std::wstring> &names")
        describe_arg = "pMetadata" if self.writer else "names"
        # 4 functions in the hook, 3 utilities, Prepare: 8.
        return """
class CHook{m} : public CBackupHook {{
  CComponent{m} m_component;

public:
  explicit CHook{m}({owner} *pOwner) : m_component(pOwner) {{}}
  HRESULT Run(Context &ctx) override {{
    switch (ctx.phase) {{
    case PHASE_PREPARE:
    case PHASE_SNAPSHOT:
      return m_component.Step0(ctx);
    case PHASE_FREEZE:
      return m_component.StartWorker();
    default:
      return S_OK;
    }}
  }}
  bool Describe({describe_param}) override {{
    return SUCCEEDED(m_component.AddComponents({describe_arg}));
  }}
  void Abort() override {{ OutputDebugStringW(L"abort {m}"); }}
}};

static std::wstring FormatPath{m}(const std::wstring &root, int index) {{
  return root + L"\\\\part" + std::to_wstring(index) + L".dat";
}}

static ULONGLONG ParseSize{m}(const std::wstring &text) {{
  ULONGLONG size = 0;
  for (wchar_t c : text) {{
    if (c < L'0' || c > L'9')
      break;
    size = size * 10 + (c - L'0');
  }}
  return size;
}}

static bool IsExcluded{m}(const std::wstring &path, const std::vector<std::wstring> &excluded) {{
  return std::find(excluded.begin(), excluded.end(), path) != excluded.end();
}}

HRESULT Prepare{m}({owner} *pOwner) {{
  std::vector<std::wstring> excluded{{FormatPath{m}(L"C:\\\\tmp", {m})}};
  if (IsExcluded{m}(FormatPath{m}(L"C:\\\\data", 1), excluded))
    return S_FALSE;
  CComponent{m} component(pOwner);
  Context ctx = {{PHASE_PREPARE, ParseSize{m}(L"{m}"), {{}}}};
  return component.Step0(ctx);
}}
""".format(m=m, owner=owner, describe_param=describe_param, describe_arg=describe_arg)

    def text(self):
        return self.component() + self.thread() + self.describe() + self.hook_and_utilities()


def groups(modules, writer):
    owner = "CProgramWriter" if writer else "CProgram"
    out = []
    count = 0
    for g in range(0, modules, GROUP_SIZE):
        members = range(g, min(g + GROUP_SIZE, modules))
        out.append("\nstatic HRESULT PrepareGroup%d(%s *pOwner) {\n  HRESULT hr = S_OK;\n"
                   % (g // GROUP_SIZE, owner))
        for m in members:
            out.append("  hr = Prepare%d(pOwner);\n  if (FAILED(hr))\n    return hr;\n" % m)
        out.append("  return hr;\n}\n")
        out.append("\nstatic void RegisterGroup%d(%s *pOwner, "
                   "std::vector<std::unique_ptr<CBackupHook>> &hooks) {\n"
                   % (g // GROUP_SIZE, owner))
        for m in members:
            out.append("  hooks.push_back(std::make_unique<CHook%d>(pOwner));\n" % m)
        out.append("}\n")
        count += 2
    all_groups = range((modules + GROUP_SIZE - 1) // GROUP_SIZE)
    out.append("\nstatic HRESULT PrepareAll(%s *pOwner) {\n  HRESULT hr = S_OK;\n" % owner)
    for g in all_groups:
        out.append("  hr = PrepareGroup%d(pOwner);\n  if (FAILED(hr))\n    return hr;\n" % g)
    out.append("  return hr;\n}\n")
    out.append("\nstatic void RegisterAll(%s *pOwner, "
               "std::vector<std::unique_ptr<CBackupHook>> &hooks) {\n" % owner)
    for g in all_groups:
        out.append("  RegisterGroup%d(pOwner, hooks);\n" % g)
    out.append("}\n")
    return "".join(out), count + 2


# 10 functions
WRITER_HANDLERS = """
HRESULT CProgramWriter::Setup() {
  RegisterAll(this, m_hooks);
  return S_OK;
}

HRESULT CProgramWriter::RunHooks(Phase phase) {
  Context ctx = {phase, 0, {}};
  for (const std::unique_ptr<CBackupHook> &hook : m_hooks) {
    HRESULT hr = hook->Run(ctx);
    if (FAILED(hr))
      return hr;
  }
  return S_OK;
}

bool STDMETHODCALLTYPE CProgramWriter::OnIdentify(IVssCreateWriterMetadata *pMetadata) {
  for (const std::unique_ptr<CBackupHook> &hook : m_hooks)
    if (!hook->Describe(pMetadata))
      return false;
  return true;
}

bool STDMETHODCALLTYPE CProgramWriter::OnPrepareBackup(IVssWriterComponents *pComponents) {
  HRESULT hr = PrepareAll(this);
  if (FAILED(hr))
    return false;
  return SUCCEEDED(RunHooks(PHASE_PREPARE));
}

bool STDMETHODCALLTYPE CProgramWriter::OnPrepareSnapshot() {
  return SUCCEEDED(RunHooks(PHASE_SNAPSHOT));
}

bool STDMETHODCALLTYPE CProgramWriter::OnFreeze() {
  return SUCCEEDED(RunHooks(PHASE_FREEZE));
}

bool STDMETHODCALLTYPE CProgramWriter::OnThaw() {
  return SUCCEEDED(RunHooks(PHASE_THAW));
}

bool STDMETHODCALLTYPE CProgramWriter::OnAbort() {
  for (const std::unique_ptr<CBackupHook> &hook : m_hooks)
    hook->Abort();
  return true;
}

bool STDMETHODCALLTYPE CProgramWriter::OnPostSnapshot(IVssWriterComponents *pComponents) {
  return SUCCEEDED(RunHooks(PHASE_THAW));
}

CProgramWriter g_writer;

int main() {
  return SUCCEEDED(g_writer.Setup()) ? 0 : 1;
}
"""

# 4 functions
PLAIN_MAIN = """
class CProgram {
  std::vector<std::unique_ptr<CBackupHook>> m_hooks;

public:
  void Setup() { RegisterAll(this, m_hooks); }
  HRESULT Run(Phase phase) {
    Context ctx = {phase, 0, {}};
    for (const std::unique_ptr<CBackupHook> &hook : m_hooks) {
      HRESULT hr = hook->Run(ctx);
      if (FAILED(hr))
        return hr;
    }
    return S_OK;
  }
  std::vector<std::wstring> Describe() {
    std::vector<std::wstring> names;
    for (const std::unique_ptr<CBackupHook> &hook : m_hooks)
      hook->Describe(names);
    return names;
  }
};

int main() {
  CProgram program;
  program.Setup();
  if (FAILED(PrepareAll(&program)))
    return 1;
  for (Phase phase : {PHASE_PREPARE, PHASE_SNAPSHOT, PHASE_FREEZE, PHASE_THAW})
    if (FAILED(program.Run(phase)))
      return 1;
  return program.Describe().empty() ? 1 : 0;
}
"""


def modules_for(functions, writer):
    fixed = (5 + 10 + 2) if writer else (3 + 4 + 2)
    per_module = MODULE_FUNCTIONS + 2.0 / GROUP_SIZE
    return max(1, int(round((functions - fixed) / per_module)))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("functions", type=int, nargs="?", default=1000)
    p.add_argument("--writer-free", action="store_true")
    args = p.parse_args()
    writer = not args.writer_free
    modules = modules_for(args.functions, writer)
    group_text, group_functions = groups(modules, writer)
    # Functions defined in the file (lambdas included), counted as they are written.
    total = modules * MODULE_FUNCTIONS + group_functions + ((5 + 10) if writer else (3 + 4))
    sys.stdout.write("// %d functions in %d modules%s\n" % (
        total, modules, "" if writer else ", no writer"))
    sys.stdout.write(WRITER_INCLUDES if writer else "#include <windows.h>\n")
    sys.stdout.write(STD_INCLUDES)
    sys.stdout.write(COMMON)
    sys.stdout.write(WRITER_PRELUDE if writer else PLAIN_PRELUDE)
    for m in range(modules):
        sys.stdout.write(Module(m, writer).text())
    sys.stdout.write(group_text)
    sys.stdout.write(WRITER_HANDLERS if writer else PLAIN_MAIN)


if __name__ == "__main__":
    main()
