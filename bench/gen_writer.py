#!/usr/bin/env python3
"""Writes a realistic VSS writer translation unit with N writer classes.

Each writer has every common handler, helpers that call each other, a lambda,
a template helper, a virtual hook and an RAII guard, and includes windows.h,
the VSS headers and a good part of the C++ standard library, as real writers do.
"""
import sys

HEADER = """#include <windows.h>
#include <vss.h>
#include <vswriter.h>
#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

template <class F> HRESULT Retry(int times, F f) {
  HRESULT hr = E_FAIL;
  for (int i = 0; i < times && FAILED(hr); ++i) hr = f();
  return hr;
}
"""

WRITER = """
class CWriter{n}Guard {{
  CVssWriterEx2 *m_pWriter; HRESULT m_hr = S_OK;
public:
  explicit CWriter{n}Guard(CVssWriterEx2 *p) : m_pWriter(p) {{}}
  ~CWriter{n}Guard() {{ if (FAILED(m_hr)) m_pWriter->SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE); }}
  void Fail(HRESULT hr) {{ m_hr = hr; }}
}};

class CWriter{n} : public CVssWriterEx2 {{
  std::map<std::wstring, std::vector<std::wstring>> m_files;
  std::mutex m_lock;
  HRESULT m_hrLast = S_OK;

  HRESULT AddComponents(IVssCreateWriterMetadata *pMetadata) {{
    HRESULT hr = S_OK;
    for (const auto &entry : m_files) {{
      hr = pMetadata->AddComponent(VSS_CT_FILEGROUP, NULL, entry.first.c_str(), entry.first.c_str(),
                                   NULL, 0, false, true, true);
      if (FAILED(hr)) return hr;
    }}
    return hr;
  }}
  HRESULT Flush() {{ std::lock_guard<std::mutex> lock(m_lock); return m_files.empty() ? S_FALSE : S_OK; }}
  void ReportError(HRESULT hr) {{ m_hrLast = hr; SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }}
  virtual HRESULT OnFlushError(HRESULT hr) {{ ReportError(hr); return hr; }}
  HRESULT Checkpoint() {{
    return Retry(3, [this] {{ return Flush(); }});
  }}

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {{
    HRESULT hr = AddComponents(pMetadata);
    return SUCCEEDED(hr);
  }}
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) {{
    std::vector<std::wstring> names;
    std::sort(names.begin(), names.end());
    return SUCCEEDED(Flush());
  }}
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {{
    HRESULT hr = Checkpoint();
    if (FAILED(hr)) {{ OnFlushError(hr); return false; }}
    return true;
  }}
  bool STDMETHODCALLTYPE OnFreeze() {{
    CWriter{n}Guard guard(this);
    auto result = std::async(std::launch::deferred, [this] {{ return Flush(); }});
    if (FAILED(result.get())) guard.Fail(E_FAIL);
    return true;
  }}
  bool STDMETHODCALLTYPE OnThaw() {{ return SUCCEEDED(Flush()); }}
  bool STDMETHODCALLTYPE OnAbort() {{ m_files.clear(); return true; }}
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {{
    std::function<void(HRESULT)> fail = [this](HRESULT hr) {{ ReportError(hr); }};
    if (FAILED(Flush())) fail(E_FAIL);
    return true;
  }}
}};
"""


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    sys.stdout.write(HEADER)
    for n in range(count):
        sys.stdout.write(WRITER.format(n=n))


if __name__ == "__main__":
    main()
