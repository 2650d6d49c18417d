// The HRESULT a Windows, COM or VSS API returns (a C function or a virtual
// method of a system header, or a method of the VSS classes) is its own
// status, never a writer error code: reported by default, naming the API.
// What an API writes through an out-parameter, what a function without a body
// in the TU returns, and what a C++ helper of a library included as a system
// header returns, stay unknown. ReportApiResults=false turns the rule off.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t -- -- -isystem %S/Inputs
// RUN: %check_vss -check-suffix=OFF %s vss-writer-failure-invalid-hresult %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-failure-invalid-hresult.ReportApiResults: false}}" \
// RUN:   -- -isystem %S/Inputs

#include <vswriter.h>
#include <writer-helpers.h>

HRESULT FlushLog();
bool Busy();

class CSqlWriter : public CVssWriterEx2 {
  IVssComponentEx2 *m_pComponent;
  HRESULT Register() { return Subscribe(); }
  void ReportError(HRESULT hr) { SetWriterFailure(hr); }

public:
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) {
    UINT cComponents = 0;
    HRESULT hr = pComponents->GetComponentCount(&cComponents);
    if (FAILED(hr)) {
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'hr' holds the result of IVssWriterComponents::GetComponentCount, which is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hr' is assigned the result of IVssWriterComponents::GetComponentCount here
      return false;
    }
    return true;
  }

  // The shutdown shape of a public writer: Unsubscribe's failure reported.
  HRESULT Uninitialize() {
    HRESULT hr = Unsubscribe();
    if (FAILED(hr))
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'hr' holds the result of CVssWriter::Unsubscribe, which is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hr' is assigned the result of CVssWriter::Unsubscribe here
    return hr;
  }

  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(Unsubscribe());
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: the result of CVssWriter::Unsubscribe is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    SetWriterFailure(Register());
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: the result of CVssWriter::Subscribe is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-31]]:24: note: CSqlWriter::Register returns the result of CVssWriter::Subscribe here
    HRESULT hr = m_pComponent->SetPrepareForBackupFailureMsg(L"busy");
    ReportError(hr);
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'hr' holds the result of IVssComponentEx::SetPrepareForBackupFailureMsg, which is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'hr' is assigned the result of IVssComponentEx::SetPrepareForBackupFailureMsg here
    // CHECK-NOTES: :[[@LINE-35]]:51: note: CSqlWriter::ReportError passes 'hr' to SetWriterFailure here
    HRESULT hrCom = CoInitializeEx(NULL, 0);
    if (FAILED(hrCom))
      SetWriterFailure(hrCom);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'hrCom' holds the result of CoInitializeEx, which is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hrCom' is assigned the result of CoInitializeEx here
    return false;
  }

  // Several invalid values: the headline names the plainest, the notes all.
  bool STDMETHODCALLTYPE OnFreeze() {
    HRESULT hr = Subscribe();
    if (Busy())
      hr = E_FAIL;
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-5]]:13: note: 'hr' is assigned the result of CVssWriter::Subscribe here
    // CHECK-NOTES: :[[@LINE-4]]:7: note: 'hr' is assigned E_FAIL (0x80004005) here
    // CHECK-NOTES-OFF: :[[@LINE-4]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES-OFF: :[[@LINE-6]]:7: note: 'hr' is assigned E_FAIL (0x80004005) here
    return false;
  }

  // Silent: out-parameters, user functions without a body, and the value
  // the writer chose itself.
  bool STDMETHODCALLTYPE OnThaw() {
    HRESULT hr = S_OK, hrApplication = S_OK;
    DWORD dwReserved = 0;
    m_pComponent->GetFailure(&hr, &hrApplication, NULL, &dwReserved);
    SetWriterFailure(hr);
    SetWriterFailure(FlushLog());
    SetWriterFailure(TranslateToWriterError(hrApplication));
    if (FAILED(Unsubscribe()))
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
