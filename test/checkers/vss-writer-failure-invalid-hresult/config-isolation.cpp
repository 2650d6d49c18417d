// The test runner isolates each test from any .clang-tidy file above the
// files it checks: this one would accept RECOVERY_FAILED, but the finding
// stays.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: echo "CheckOptions: {vss-writer-failure-invalid-hresult.AcceptRecoveryFailed: true}" > %t.dir/.clang-tidy
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t.dir/isolated

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponents) {
    SetWriterFailure(VSS_E_WRITERERROR_RECOVERY_FAILED);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: VSS_E_WRITERERROR_RECOVERY_FAILED (0x800423F5) is not documented as a writer failure code (set AcceptRecoveryFailed to accept it); SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
