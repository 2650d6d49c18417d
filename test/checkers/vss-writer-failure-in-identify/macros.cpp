// A failure call written inside a macro is reported at the macro's use.
// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>

#define FAIL_WRITER(hr) SetWriterFailure(hr)
#define CHECK_HR(expr, onfail)                                                                     \
  do {                                                                                             \
    HRESULT hr__ = (expr);                                                                         \
    if (FAILED(hr__)) { onfail; goto Cleanup; }                                                    \
  } while (0)

class CSqlWriter : public CVssWriterEx2 {
  HRESULT Load() { return S_OK; }
  void Fail() { FAIL_WRITER(VSS_E_WRITERERROR_RETRYABLE); }
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    CHECK_HR(Load(), SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE));
    CHECK_HR(Load(), Fail());
    FAIL_WRITER(VSS_E_WRITERERROR_TIMEOUT);
  Cleanup:
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { FAIL_WRITER(VSS_E_WRITERERROR_RETRYABLE); return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
// CHECK-NOTES: :[[@LINE-14]]:17: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
// CHECK-NOTES: :[[@LINE-11]]:22: note: CSqlWriter::OnIdentify calls CSqlWriter::Fail here
// CHECK-NOTES: :[[@LINE-13]]:22: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
// CHECK-NOTES: :[[@LINE-12]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
