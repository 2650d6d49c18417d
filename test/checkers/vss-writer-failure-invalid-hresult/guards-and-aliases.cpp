// Values the surrounding if statements exclude do not reach the call (S_OK
// under "if (FAILED(hr))"); writes through references and by-reference
// lambdas make a variable's value unknown.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

bool Busy();
HRESULT FlushLog();

class CSqlWriter : public CVssWriterEx2 {
  HRESULT m_hrFreeze;
  void Fail(HRESULT hr) {
    if (hr != S_OK)
      SetWriterFailure(hr);
  }
public:
  CSqlWriter() : m_hrFreeze(S_OK) {}
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = S_OK;
    if (Busy())
      hr = VSS_E_WRITERERROR_RETRYABLE;
    if (FAILED(hr))
      SetWriterFailure(hr);
    if (!SUCCEEDED(hr) && Busy())
      SetWriterFailure(hr);
    Fail(S_OK);
    Fail(VSS_E_WRITERERROR_TIMEOUT);
    return SUCCEEDED(hr);
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    HRESULT hr = E_FAIL;
    [&] { hr = VSS_E_WRITERERROR_RETRYABLE; }();
    SetWriterFailure(hr);
    if (Busy())
      m_hrFreeze = VSS_E_WRITERERROR_TIMEOUT;
    if (FAILED(m_hrFreeze))
      SetWriterFailure(m_hrFreeze);
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() {
    HRESULT hr = E_FAIL;
    HRESULT &hrRef = hr;
    hrRef = VSS_E_WRITERERROR_RETRYABLE;
    SetWriterFailure(hr);
    return false;
  }
  // The guard does not exclude an invalid failure code.
  bool STDMETHODCALLTYPE OnAbort() {
    HRESULT hr = FAILED(FlushLog()) ? E_UNEXPECTED : S_OK;
    if (FAILED(hr))
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hr' is assigned E_UNEXPECTED (0x8000FFFF) here
    Fail(E_FAIL);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-42]]:24: note: CSqlWriter::Fail passes 'hr' to SetWriterFailure here
    return true;
  }
};
