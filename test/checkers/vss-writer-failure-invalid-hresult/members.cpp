// Data members whose every assignment in the TU is a constant are judged by
// the set of those constants; any other write makes the member unknown.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t
// RUN: %check_vss -check-suffix=UNPROVEN %s vss-writer-failure-invalid-hresult %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-failure-invalid-hresult.ReportUnprovenValues: true}}"

#include <vswriter.h>

HRESULT FlushLog();

class CSqlWriter : public CVssWriterEx2 {
  HRESULT m_hrLastError;
  HRESULT m_hrValid = VSS_E_WRITERERROR_RETRYABLE;
  HRESULT m_hrFromApi;
public:
  CSqlWriter() : m_hrLastError(VSS_E_WRITERERROR_RETRYABLE), m_hrFromApi(S_OK) {}
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    if (FAILED(FlushLog()))
      m_hrLastError = E_FAIL;
    m_hrValid = VSS_E_WRITERERROR_NONRETRYABLE;
    m_hrFromApi = FlushLog();
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(m_hrLastError);
    // CHECK-NOTES-UNPROVEN: :[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES-UNPROVEN: :[[@LINE-8]]:7: note: 'm_hrLastError' is assigned E_FAIL (0x80004005) here
    // CHECK-NOTES: :[[@LINE-3]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-10]]:7: note: 'm_hrLastError' is assigned E_FAIL (0x80004005) here
    SetWriterFailure(m_hrValid);
    SetWriterFailure(m_hrFromApi);
    // CHECK-NOTES-UNPROVEN: :[[@LINE-1]]:22: warning: m_hrFromApi cannot be proven to be a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    SetWriterFailure(FlushLog());
    // CHECK-NOTES-UNPROVEN: :[[@LINE-1]]:22: warning: FlushLog() cannot be proven to be a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
