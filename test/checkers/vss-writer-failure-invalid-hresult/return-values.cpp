// Values returned by helpers defined in the TU: every returned value counts,
// parameters bound to the call's own arguments.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

HRESULT FlushLog();

// Maps every failure to a writer code, but forgets one case.
HRESULT TranslateWriterError(HRESULT hr) {
  switch (hr) {
  case E_OUTOFMEMORY:
    return VSS_E_WRITERERROR_OUTOFRESOURCES;
  case E_ACCESSDENIED:
    return E_FAIL;
  default:
    return VSS_E_WRITERERROR_NONRETRYABLE;
  }
}
// Correct: only writer codes.
HRESULT ClassifyError(HRESULT hr) {
  return hr == E_OUTOFMEMORY ? VSS_E_WRITERERROR_OUTOFRESOURCES : VSS_E_WRITERERROR_RETRYABLE;
}
// Passes the value through.
HRESULT Checked(HRESULT hr) { return hr; }
// Switches on its parameter: what it returns for a known argument is not followed.
HRESULT MapKnown(HRESULT hr) {
  if (hr == E_OUTOFMEMORY)
    return VSS_E_WRITERERROR_OUTOFRESOURCES;
  return hr;
}

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = FlushLog();
    SetWriterFailure(TranslateWriterError(hr));
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-24]]:5: note: TranslateWriterError returns E_FAIL (0x80004005) here
    SetWriterFailure(ClassifyError(hr));
    SetWriterFailure(Checked(E_UNEXPECTED));
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-18]]:31: note: Checked returns E_UNEXPECTED (0x8000FFFF) here
    SetWriterFailure(Checked(VSS_E_WRITERERROR_TIMEOUT));
    SetWriterFailure(Checked(hr));
    SetWriterFailure(MapKnown(E_OUTOFMEMORY));
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
