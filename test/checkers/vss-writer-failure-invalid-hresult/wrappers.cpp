// Forwarding wrappers are followed to every call in the TU, through any
// number of levels; each call that passes an invalid value is reported there.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

HRESULT FlushLog();

class CSqlWriter : public CVssWriterEx2 {
  void ReportError(HRESULT hr) { SetWriterFailure(hr); }
  void Fail(HRESULT hrFailure, const wchar_t *wszWhy) { ReportError(hrFailure); }
  static void FailWriter(CSqlWriter *pWriter, HRESULT hr) { pWriter->Fail(hr, L"static"); }
  void FailWithDefault(HRESULT hr = E_ACCESSDENIED) { SetWriterFailureEx(hr); }
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    ReportError(E_FAIL);
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-8]]:51: note: CSqlWriter::ReportError passes 'hr' to SetWriterFailure here
    Fail(VSS_E_WRITERERROR_TIMEOUT, L"timeout");
    Fail(HRESULT_FROM_WIN32(ERROR_DISK_FULL), L"disk full");
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: HRESULT_FROM_WIN32(ERROR_DISK_FULL) (0x80070070) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-11]]:69: note: CSqlWriter::Fail passes 'hrFailure' to CSqlWriter::ReportError here
    // CHECK-NOTES: :[[@LINE-13]]:51: note: CSqlWriter::ReportError passes 'hr' to SetWriterFailure here
    FailWriter(this, E_INVALIDARG);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_INVALIDARG (0x80070057) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-14]]:75: note: CSqlWriter::FailWriter passes 'hr' to CSqlWriter::Fail here
    // CHECK-NOTES: :[[@LINE-16]]:69: note: CSqlWriter::Fail passes 'hrFailure' to CSqlWriter::ReportError here
    // CHECK-NOTES: :[[@LINE-18]]:51: note: CSqlWriter::ReportError passes 'hr' to SetWriterFailure here
    HRESULT hr = FlushLog();
    if (FAILED(hr))
      hr = HRESULT_FROM_NT(0xC0000001L);
    Fail(hr, L"log");
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: HRESULT_FROM_NT(0xC0000001L) (0xD0000001) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: 'hr' is assigned HRESULT_FROM_NT(0xC0000001L) (0xD0000001) here
    // CHECK-NOTES: :[[@LINE-24]]:69: note: CSqlWriter::Fail passes 'hrFailure' to CSqlWriter::ReportError here
    // CHECK-NOTES: :[[@LINE-26]]:51: note: CSqlWriter::ReportError passes 'hr' to SetWriterFailure here
    FailWithDefault();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: E_ACCESSDENIED (0x80070005) is not a writer error code; SetWriterFailureEx accepts only S_OK or VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-26]]:74: note: CSqlWriter::FailWithDefault passes 'hr' to SetWriterFailureEx here
    FailWithDefault(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    ReportError(VSS_E_WRITERERROR_NONRETRYABLE);
    FailWriter(this, VSS_E_WRITERERROR_OUTOFRESOURCES);
    ReportError(FlushLog());
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

// A wrapper that nobody calls says nothing about its parameter.
void Unused(CVssWriterEx2 *pWriter, HRESULT hr) { pWriter->SetWriterFailureEx(hr); }
