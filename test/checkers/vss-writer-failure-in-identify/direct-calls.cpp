// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>

// Handlers are recognised by what they override, however they are spelled.
class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    this->SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
    CVssWriter::SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
    SetWriterFailureEx(VSS_E_WRITERERROR_PARTIAL_FAILURE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
    return false;
  }
  STDMETHODIMP_(bool) OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata) override {
    SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE, E_FAIL, L"catalog unreadable");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentifyEx)
    return false;
  }
  // Other handlers may report failures.
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); return false; }
  virtual bool STDMETHODCALLTYPE OnFreeze() override { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); return false; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    SetWriterFailureEx(VSS_E_WRITERERROR_PARTIAL_FAILURE);
    return false;
  }
};

// A component-level failure reported from Identify breaks the same rule.
class CFileWriter : public CVssWriterEx2 {
  IVssComponentEx2 *m_pComponent;
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    m_pComponent->SetFailure(VSS_E_WRITERERROR_RETRYABLE, S_OK, NULL, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: IVssComponentEx2::SetFailure must not be called while handling Identify (reached from CFileWriter::OnIdentify)
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) {
    m_pComponent->SetFailure(VSS_E_WRITERERROR_RETRYABLE, S_OK, NULL, 0);
    return true;
  }
};

// A writer deriving from CVssWriter through its own base class.
class CWriterBase : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
class CMailWriter final : public CWriterBase {
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) final {
    return SUCCEEDED(SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES));
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: SetWriterFailure must not be called while handling Identify (reached from CMailWriter::OnIdentify)
  }
};

// Silent: look-alikes.
class CNotAWriter {
public:
  HRESULT SetWriterFailure(HRESULT hr);
  bool OnIdentify(IVssCreateWriterMetadata *pMetadata) { SetWriterFailure(E_FAIL); return false; }
};

class CLookAlikeWriter : public CVssWriter {
  HRESULT SetWriterFailureMessage(HRESULT hr);
  IVssWriterImpl *m_pImpl;
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    SetWriterFailureMessage(VSS_E_WRITERERROR_RETRYABLE);
    m_pImpl->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

// A class in another namespace that happens to be called CVssWriter is not VSS's.
namespace contoso {
class CVssWriter {
public:
  virtual bool OnIdentify(IVssCreateWriterMetadata *pMetadata) { return true; }
protected:
  HRESULT SetWriterFailure(HRESULT hr);
};
}
class CContosoWriter : public contoso::CVssWriter {
  bool OnIdentify(IVssCreateWriterMetadata *pMetadata) override { SetWriterFailure(E_FAIL); return false; }
};
