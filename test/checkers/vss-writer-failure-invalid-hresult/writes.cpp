// Passing a value on does not change it. A use writes the variable only where
// clang's ExprMutationAnalyzer says it may: a by-value or variadic argument
// never does; a non-const reference or a pointer to a function without a body
// may; a non-const reference to a function whose body the TU has does if that
// body writes the parameter.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

int LogPrintf(const wchar_t *wszFormat, ...);
void LogHr(HRESULT hr);
void LogHrRef(const HRESULT &hr);
void Translate(HRESULT &hr);
void Reset(HRESULT *phr);
void Show(HRESULT &hr) { LogHr(hr); }
void Clear(HRESULT &hr) { hr = VSS_E_WRITERERROR_NONRETRYABLE; }
template <class... Args> void Trace(const wchar_t *wszFormat, Args... args) {}
template <class T> void TraceRef(T &&value) { LogHr(value); }

class CSqlWriter : public CVssWriterEx2 {
  HRESULT m_hrLast;
  HRESULT m_hrTranslated;

  // The logging shape of real writers: the value is printed, then reported.
  bool Fail(HRESULT hr, const wchar_t *wszWhy) {
    LogPrintf(L"%ls failed: 0x%08lx\n", wszWhy, hr);
    SetWriterFailure(hr);
    return false;
  }

public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return Fail(E_FAIL, L"flush"); }
  // CHECK-NOTES: :[[@LINE-1]]:60: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
  // CHECK-NOTES: :[[@LINE-7]]:22: note: CSqlWriter::Fail passes 'hr' to SetWriterFailure here

  // Reads of every kind leave the value as it was.
  bool STDMETHODCALLTYPE OnFreeze() {
    HRESULT hr = E_UNEXPECTED;
    LogHr(hr);
    LogHrRef(hr);
    Show(hr);
    Trace(L"%x", hr);
    TraceRef(hr);
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-8]]:13: note: 'hr' is assigned E_UNEXPECTED (0x8000FFFF) here
    HRESULT hrAlias = E_ACCESSDENIED;
    HRESULT &hrRead = hrAlias;
    LogHr(hrRead);
    SetWriterFailure(hrAlias);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_ACCESSDENIED (0x80070005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-5]]:13: note: 'hrAlias' is assigned E_ACCESSDENIED (0x80070005) here
    HRESULT hrCopied = E_INVALIDARG;
    [hrCopied] { LogHr(hrCopied); }();
    SetWriterFailure(hrCopied);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_INVALIDARG (0x80070057) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hrCopied' is assigned E_INVALIDARG (0x80070057) here
    return false;
  }

  // Writes that are not followed make the value unknown: silent.
  bool STDMETHODCALLTYPE OnThaw() {
    HRESULT hrTranslated = E_FAIL;
    Translate(hrTranslated);
    SetWriterFailure(hrTranslated);
    HRESULT hrReset = E_FAIL;
    Reset(&hrReset);
    SetWriterFailure(hrReset);
    HRESULT hrCleared = E_FAIL;
    Clear(hrCleared);
    SetWriterFailure(hrCleared);
    HRESULT hrWritten = E_FAIL;
    HRESULT &hrAlias = hrWritten;
    hrAlias = VSS_E_WRITERERROR_RETRYABLE;
    SetWriterFailure(hrWritten);
    HRESULT hrCompound = E_FAIL;
    hrCompound |= 0x23F3;
    SetWriterFailure(hrCompound);
    HRESULT hrLambda = E_FAIL;
    [&] { hrLambda = VSS_E_WRITERERROR_RETRYABLE; }();
    SetWriterFailure(hrLambda);
    return false;
  }

  // The same for data members, wherever they are written.
  CSqlWriter() : m_hrLast(VSS_E_WRITERERROR_RETRYABLE), m_hrTranslated(E_FAIL) {}
  void Remember(HRESULT hr) {
    if (FAILED(hr))
      m_hrLast = E_UNEXPECTED;
    LogPrintf(L"last error: 0x%08lx\n", m_hrLast);
    LogHrRef(m_hrLast);
    Translate(m_hrTranslated);
  }
  bool STDMETHODCALLTYPE OnAbort() {
    SetWriterFailure(m_hrLast);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-8]]:7: note: 'm_hrLast' is assigned E_UNEXPECTED (0x8000FFFF) here
    SetWriterFailure(m_hrTranslated);
    return true;
  }
};
