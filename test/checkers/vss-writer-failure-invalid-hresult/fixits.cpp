// Fix-its only where the right writer code is certain.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

HRESULT FlushLog();

class CSqlWriter : public CVssWriterEx2 {
  void ReportError(HRESULT hr) { SetWriterFailure(hr); }
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(E_OUTOFMEMORY);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-FIXES: {{^}}    SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES);{{$}}
    SetWriterFailure(HRESULT_FROM_WIN32(ERROR_TIMEOUT));
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: HRESULT_FROM_WIN32(ERROR_TIMEOUT) (0x800705B4) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-FIXES: {{^}}    SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT);{{$}}
    SetWriterFailureEx(HRESULT_FROM_WIN32(WAIT_TIMEOUT), E_FAIL, L"lock wait");
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: HRESULT_FROM_WIN32(WAIT_TIMEOUT) (0x80070102) is not a writer error code; SetWriterFailureEx accepts only S_OK or VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-FIXES: {{^}}    SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT, E_FAIL, L"lock wait");{{$}}
    ReportError(E_OUTOFMEMORY);
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-14]]:51: note: CSqlWriter::ReportError passes 'hr' to SetWriterFailure here
    // CHECK-FIXES: {{^}}    ReportError(VSS_E_WRITERERROR_OUTOFRESOURCES);{{$}}
    // No single right answer: no fix-it.
    SetWriterFailure(E_FAIL);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-FIXES: {{^}}    SetWriterFailure(E_FAIL);{{$}}
    // The value comes from elsewhere: the fix belongs there, not here.
    HRESULT hr = E_OUTOFMEMORY;
    // CHECK-FIXES: {{^}}    HRESULT hr = E_OUTOFMEMORY;{{$}}
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hr' is assigned E_OUTOFMEMORY (0x8007000E) here
    // Only one of the values is certain.
    SetWriterFailure(FAILED(FlushLog()) ? E_OUTOFMEMORY : E_FAIL);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-FIXES: {{^}}    SetWriterFailure(FAILED(FlushLog()) ? E_OUTOFMEMORY : E_FAIL);{{$}}
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
