// Local variables: the values that reach the call along the function's control flow.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

HRESULT FlushLog();
bool IsTransient(HRESULT hr);
void Translate(HRESULT &hr);

class CSqlWriter : public CVssWriterEx2 {
  HRESULT Checkpoint();
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = VSS_E_WRITERERROR_RETRYABLE;
    if (FAILED(FlushLog()))
      hr = E_FAIL;
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: 'hr' is assigned E_FAIL (0x80004005) here
    return false;
  }
  // The goto Cleanup pattern of real writers.
  bool STDMETHODCALLTYPE OnFreeze() {
    HRESULT hr = S_OK;
    hr = Checkpoint();
    if (FAILED(hr)) {
      hr = E_UNEXPECTED;
      goto Cleanup;
    }
    hr = FlushLog();
    if (FAILED(hr)) {
      hr = IsTransient(hr) ? VSS_E_WRITERERROR_RETRYABLE : VSS_E_WRITERERROR_NONRETRYABLE;
      goto Cleanup;
    }
  Cleanup:
    if (FAILED(hr))
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-12]]:7: note: 'hr' is assigned E_UNEXPECTED (0x8000FFFF) here
    return SUCCEEDED(hr);
  }
  // Loops: the last assignment of each path reaches the call.
  bool STDMETHODCALLTYPE OnThaw() {
    HRESULT hrLast = VSS_E_WRITERERROR_TIMEOUT;
    for (int i = 0; i < 3; ++i) {
      if (SUCCEEDED(FlushLog()))
        break;
      hrLast = E_OUTOFMEMORY;
    }
    SetWriterFailureEx(hrLast);
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailureEx accepts only S_OK or VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: 'hrLast' is assigned E_OUTOFMEMORY (0x8007000E) here
    return true;
  }
  // Silent: every reaching value is valid, the invalid one is overwritten, or
  // the value is not known (a function's result, a write through a reference).
  bool STDMETHODCALLTYPE OnAbort() {
    HRESULT hr = E_FAIL;
    hr = VSS_E_WRITERERROR_NONRETRYABLE;
    SetWriterFailure(hr);
    HRESULT hrChecked = FlushLog();
    SetWriterFailure(hrChecked);
    HRESULT hrTranslated = E_FAIL;
    Translate(hrTranslated);
    SetWriterFailure(hrTranslated);
    HRESULT hrBoth = FAILED(Checkpoint()) ? VSS_E_WRITERERROR_RETRYABLE : VSS_E_WRITERERROR_TIMEOUT;
    SetWriterFailure(hrBoth);
    return true;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    HRESULT hrFromWin32 = HRESULT_FROM_WIN32(GetLastError());
    SetWriterFailure(hrFromWin32);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: HRESULT_FROM_WIN32(GetLastError()) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'hrFromWin32' is assigned HRESULT_FROM_WIN32(GetLastError()) here
    return false;
  }
};
