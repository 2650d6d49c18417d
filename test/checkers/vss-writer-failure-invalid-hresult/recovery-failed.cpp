// VSS_E_WRITERERROR_RECOVERY_FAILED is in vsserror.h but listed by no
// reference page: reported unless AcceptRecoveryFailed is set.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t
// RUN: %check_vss -check-suffix=ACCEPT %s vss-writer-failure-invalid-hresult %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-failure-invalid-hresult.AcceptRecoveryFailed: true}}"
// CHECK-NOTES-ACCEPT-NOT: warning:

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponents) {
    SetWriterFailure(VSS_E_WRITERERROR_RECOVERY_FAILED);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: VSS_E_WRITERERROR_RECOVERY_FAILED (0x800423F5) is not documented as a writer failure code (set AcceptRecoveryFailed to accept it); SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    SetWriterFailureEx(VSS_E_WRITERERROR_RECOVERY_FAILED, E_FAIL, L"replay failed");
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: VSS_E_WRITERERROR_RECOVERY_FAILED (0x800423F5) is not documented as a writer failure code (set AcceptRecoveryFailed to accept it); SetWriterFailureEx accepts only S_OK or VSS_E_WRITERERROR_*
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
