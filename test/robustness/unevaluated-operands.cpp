// Calls in unevaluated operands (decltype, sizeof, noexcept) never run, so
// they are neither reached from OnIdentify nor values given to
// SetWriterFailure: the call graph does not walk into them.
// RUN: %expect_exit 0 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    using Result = decltype(SetWriterFailure(E_FAIL));
    static_assert(sizeof(SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE)) == sizeof(Result), "");
    return noexcept(SetWriterFailureEx(E_FAIL));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    decltype(SetWriterFailure(E_FAIL)) hr = S_OK;
    return hr == S_OK;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(E_FAIL);
    // CHECK: unevaluated-operands.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
