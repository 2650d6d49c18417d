// Silent: failure calls reachable only from other handlers, helpers of
// OnIdentify that never reach a failure call, and writers that fail correctly.
// RUN: %check_vss %s vss-writer-failure-in-identify %t
// CHECK-MESSAGES-NOT: warning:

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
  HRESULT m_hrLast;
  void ReportError(HRESULT hr) { SetWriterFailure(hr); }
  HRESULT AddComponents(IVssCreateWriterMetadata *pMetadata) {
    return pMetadata->AddComponent(VSS_CT_DATABASE, NULL, L"db", L"db", NULL, 0, false, true, true);
  }
  HRESULT PrepareFiles() {
    HRESULT hr = Flush();
    if (FAILED(hr))
      ReportError(VSS_E_WRITERERROR_RETRYABLE);
    return hr;
  }
  HRESULT Flush() { return S_OK; }

public:
  // The right way: Identify reports a fatal error by returning false.
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    HRESULT hr = AddComponents(pMetadata);
    if (FAILED(hr)) {
      m_hrLast = hr;
      return false;
    }
    Flush();
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) {
    return SUCCEEDED(PrepareFiles());
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return SUCCEEDED(PrepareFiles()); }
  bool STDMETHODCALLTYPE OnFreeze() {
    auto fail = [this] { ReportError(VSS_E_WRITERERROR_TIMEOUT); };
    fail();
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { ReportError(VSS_E_WRITERERROR_NONRETRYABLE); return true; }
};

// A virtual method that reports failures, overridden in a class whose Identify
// never reaches it.
class CBase : public CVssWriter {
public:
  virtual void OnError(HRESULT hr) { SetWriterFailure(hr); }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { OnError(VSS_E_WRITERERROR_RETRYABLE); return false; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
class CDerived : public CBase {
  void OnError(HRESULT hr) override { CBase::OnError(hr); }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    // A qualified call is not virtual: only CBase::OnFreeze is reached.
    return CBase::OnFreeze();
  }
};
