// Messages name the value that decides the finding, as written where it is
// written whole: a value built inside a statement macro is named as the
// macro's definition writes it, with the macro it was expanded from; a macro
// that stands for one value is named by its invocation. With several invalid
// values, the headline names the plainest one and the notes list them all.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

typedef long JET_ERR;
JET_ERR JetBeginSession(int iInstance);
HRESULT FlushLog();
int LogPrintf(const wchar_t *wszFormat, ...);
bool Busy();
const DWORD FACILITY_ESE = 0xe5e;

#define CallEse(func)                                                                    \
  err = func;                                                                            \
  if (err < 0) {                                                                         \
    LogPrintf(L"%hs returned %d", #func, err);                                           \
    hr = MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ESE, err);                                 \
    goto Cleanup;                                                                        \
  }
#define CallHr(func)                                                                     \
  hr = func;                                                                             \
  if (FAILED(hr)) {                                                                      \
    LogPrintf(L"%hs returned %#x", #func, hr);                                           \
    goto Cleanup;                                                                        \
  }
#define E_DB_OFFLINE MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x201)

class CEseWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = S_OK;
    JET_ERR err = 0;
    CallEse(JetBeginSession(0));
    CallHr(FlushLog());
    return true;
  Cleanup:
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ESE, err), expanded from CallEse, is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-6]]:5: note: 'hr' is assigned MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ESE, err), expanded from CallEse, here
    return false;
  }

  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(E_DB_OFFLINE);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_DB_OFFLINE (0x80040201) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }

  bool STDMETHODCALLTYPE OnThaw() {
    HRESULT hr = S_OK;
    JET_ERR err = 0;
    CallHr(Unsubscribe());
    CallEse(JetBeginSession(1));
    if (Busy()) {
      hr = E_UNEXPECTED;
      goto Cleanup;
    }
    return true;
  Cleanup:
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-10]]:5: note: 'hr' is assigned the result of CVssWriter::Unsubscribe here
    // CHECK-NOTES: :[[@LINE-10]]:5: note: 'hr' is assigned MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ESE, err), expanded from CallEse, here
    // CHECK-NOTES: :[[@LINE-9]]:7: note: 'hr' is assigned E_UNEXPECTED (0x8000FFFF) here
    return false;
  }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
