#!/usr/bin/env python3
"""Prints a translation unit of about LINES lines: writer classes with every
common handler, helpers that call each other and shared free functions, a
virtual hook overridden in a derived writer, a recursive helper, a worker
thread and HRESULT values passed through variables and members.

  gen_large_tu.py LINES

Every tenth writer has four bugs: its OnIdentify reaches SetWriterFailure through
two helpers, its OnPrepareSnapshot passes E_FAIL through a variable, its OnFreeze
starts a thread that calls SetWriterFailure, and its OnPrepareBackup calls through
its components without checking them against null. Every
other writer is clean. The last line printed says how many findings to expect.
"""
import sys

HEADER = """#include <vswriter.h>
#include <process.h>

HRESULT SharedStep(int n);
HRESULT SharedFlush(int n) { return n > 0 ? SharedStep(n - 1) : S_OK; }
HRESULT SharedStep(int n) { return n % 2 ? SharedFlush(n - 1) : S_FALSE; }
"""

WRITER = """
class CWriter{n} : public CVssWriterEx2 {{
  HRESULT m_hrLast = S_OK;
  int m_count = 0;

  HRESULT AddComponents(IVssCreateWriterMetadata *pMetadata) {{
    HRESULT hr = pMetadata->AddComponent(VSS_CT_FILEGROUP, NULL, L"c{n}", L"c{n}", NULL, 0,
                                         false, true, true);
    if (FAILED(hr))
      return hr;
    return Walk(3);
  }}
  HRESULT Walk(int depth) {{
    if (depth <= 0)
      return SharedFlush(m_count);
    return Walk(depth - 1);
  }}
  void Remember(HRESULT hr) {{ m_hrLast = hr; }}
  void ReportError() {{ SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }}
  void ReportFrom(HRESULT hr) {{
    Remember(hr);
    ReportError();
  }}
  static unsigned __stdcall Worker(void *pContext) {{
    CWriter{n} *self = static_cast<CWriter{n} *>(pContext);
    {worker}
    return 0;
  }}

protected:
  virtual HRESULT OnFlushError(HRESULT hr) {{
    Remember(hr);
    return hr;
  }}

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {{
    HRESULT hr = AddComponents(pMetadata);
    {identify}
    return SUCCEEDED(hr);
  }}
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) {{
    UINT count = 0;
    {components}HRESULT hr = pComponents->GetComponentCount(&count);
    if (FAILED(hr)) {{
      ReportError();
      return false;
    }}
    m_count = static_cast<int>(count);
    return true;
  }}
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {{
    HRESULT hr = SharedFlush(m_count);
    if (FAILED(hr)) {{
      OnFlushError(hr);
      {prepare}
      return false;
    }}
    return true;
  }}
  bool STDMETHODCALLTYPE OnFreeze() {{
    {freeze}
    HRESULT hr = Walk(m_count);
    if (FAILED(hr)) {{
      SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT);
      return false;
    }}
    return true;
  }}
  bool STDMETHODCALLTYPE OnThaw() {{
    if (FAILED(m_hrLast)) {{
      ReportError();
      return false;
    }}
    return true;
  }}
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {{ return OnThaw(); }}
  bool STDMETHODCALLTYPE OnAbort() {{
    m_hrLast = S_OK;
    return true;
  }}
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) {{
    return SUCCEEDED(Walk(2));
  }}
}};

class CDerivedWriter{n} : public CWriter{n} {{
protected:
  HRESULT OnFlushError(HRESULT hr) override {{
    CWriter{n}::OnFlushError(hr);
    return SharedStep(2);
  }}
}};
"""

lines = int(sys.argv[1])
per_writer = WRITER.count("\n")
writers = max(1, (lines - HEADER.count("\n") - 1) // per_writer)
print(HEADER, end="")
bugs = 0
for n in range(writers):
    buggy = n % 10 == 0
    bugs += 4 if buggy else 0
    print(WRITER.format(
        n=n,
        components="" if buggy else "if (!pComponents) return true; ",
        identify="if (FAILED(hr))\n      ReportFrom(hr);" if buggy else "",
        prepare="hr = E_FAIL;\n      SetWriterFailure(hr);" if buggy else "",
        freeze="_beginthreadex(NULL, 0, &Worker, this, 0, NULL);" if buggy else "",
        worker="self->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);" if buggy else "(void)self;"),
        end="")
print("// %d writers, %d findings expected" % (writers, bugs))
