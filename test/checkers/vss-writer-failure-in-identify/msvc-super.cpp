// MSVC's __super (accepted by clang with -fms-extensions) names the base class.
// RUN: %check_vss -targets=msvc %s vss-writer-failure-in-identify %t

#include <vswriter.h>

class CExchangeWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    HRESULT hr = S_OK;
    hr = pMetadata->AddComponent(VSS_CT_DATABASE, NULL, L"Mailbox", L"Mailbox", NULL, 0, false, true, true);
    if (FAILED(hr))
      goto Cleanup;
  Cleanup:
    if (FAILED(hr))
      __super::SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: SetWriterFailure must not be called while handling Identify (reached from CExchangeWriter::OnIdentify)
    return SUCCEEDED(hr);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() {
    __super::SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT);
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
