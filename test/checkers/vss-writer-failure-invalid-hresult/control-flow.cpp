// Conditions narrow the values a variable can have on each branch, and the
// narrowed values reach every use the branch leads to: an early return on
// success removes S_OK, a loop on FAILED(hr) sees only failures, a switch
// case sees its own value.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

HRESULT Step();
HRESULT Retry();
bool Busy();

class CSqlWriter : public CVssWriterEx2 {
  bool m_fDirty;
  HRESULT m_hrLast;
  bool FlushPages();
  bool WriteCheckpoint();

public:
  CSqlWriter() : m_fDirty(false), m_hrLast(S_OK) {}

  // An early return on success: S_OK does not reach the call.
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = S_OK;
    if (m_fDirty)
      hr = Step();
    if (SUCCEEDED(hr))
      return true;
    SetWriterFailure(hr);
    return false;
  }

  // The same shape with an invalid code on one path: that one is reported.
  bool STDMETHODCALLTYPE OnFreeze() {
    HRESULT hr = S_OK;
    if (m_fDirty)
      hr = Busy() ? E_FAIL : VSS_E_WRITERERROR_RETRYABLE;
    if (SUCCEEDED(hr))
      return true;
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-5]]:7: note: 'hr' is assigned E_FAIL (0x80004005) here
    return false;
  }

  // Loops: the body of "while (FAILED(hr))" sees failures only.
  bool STDMETHODCALLTYPE OnThaw() {
    HRESULT hr = S_OK;
    if (m_fDirty)
      hr = Step();
    while (FAILED(hr)) {
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE+1]]:7: note: 'hr' is assigned E_UNEXPECTED (0x8000FFFF) here
      hr = Busy() ? E_UNEXPECTED : Retry();
    }
    return true;
  }

  // Comparisons with constants, either way round, negated, combined; "a || b"
  // being true says nothing of a.
  bool STDMETHODCALLTYPE OnAbort() {
    HRESULT hr = m_fDirty ? Step() : S_OK;
    if (hr == S_OK)
      return true;
    SetWriterFailure(hr);
    HRESULT hrFlush = m_fDirty ? Step() : S_OK;
    if (hrFlush != S_OK)
      SetWriterFailure(hrFlush);
    if (!SUCCEEDED(hrFlush))
      SetWriterFailure(hrFlush);
    if (hrFlush < 0)
      SetWriterFailure(hrFlush);
    if (0 > hrFlush)
      SetWriterFailure(hrFlush);
    if (m_fDirty && FAILED(hrFlush))
      SetWriterFailure(hrFlush);
    if (FAILED(hrFlush) || Busy())
      SetWriterFailure(hrFlush);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: S_OK (0x00000000) reports no failure; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-14]]:13: note: 'hrFlush' is assigned S_OK (0x00000000) here
    if (hrFlush == S_OK || hrFlush == S_FALSE)
      return true;
    SetWriterFailure(hrFlush);
    return false;
  }

  // A comparison keeps the values it does not rule out.
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    HRESULT hr = m_fDirty ? E_ACCESSDENIED : S_OK;
    if (hr != S_OK)
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_ACCESSDENIED (0x80070005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-4]]:13: note: 'hr' is assigned E_ACCESSDENIED (0x80070005) here
    if (hr != E_ACCESSDENIED)
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: S_OK (0x00000000) reports no failure; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-8]]:13: note: 'hr' is assigned S_OK (0x00000000) here
    return false;
  }

  // switch: each case sees its own value, default sees the others.
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) {
    HRESULT hr = Busy() ? S_OK : m_fDirty ? E_OUTOFMEMORY : E_INVALIDARG;
    switch (hr) {
    case S_OK:
      return true;
    case E_OUTOFMEMORY:
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-7]]:13: note: 'hr' is assigned E_OUTOFMEMORY (0x8007000E) here
      return false;
    default:
      SetWriterFailure(hr);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: E_INVALIDARG (0x80070057) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-12]]:13: note: 'hr' is assigned E_INVALIDARG (0x80070057) here
      return false;
    }
  }
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents *pComponents) {
    HRESULT hr = m_fDirty ? Step() : S_OK;
    switch (hr) {
    case S_OK:
    case S_FALSE:
      break;
    default:
      SetWriterFailure(hr);
    }
    return true;
  }

  // break and continue leave the loop body on success.
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponents) {
    HRESULT hr = S_OK;
    for (int i = 0; i < 3; ++i) {
      hr = m_fDirty ? Step() : S_OK;
      if (SUCCEEDED(hr))
        continue;
      SetWriterFailure(hr);
    }
    for (;;) {
      hr = m_fDirty ? Retry() : S_OK;
      if (hr == S_OK)
        break;
      SetWriterFailure(hr);
    }
    return true;
  }

  // The goto Cleanup shape: success paths return before the label.
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID SnapshotSetId) {
    HRESULT hr = S_OK;
    if (!FlushPages()) {
      hr = Step();
      if (FAILED(hr))
        goto Cleanup;
    }
    if (!WriteCheckpoint()) {
      hr = E_UNEXPECTED;
      goto Cleanup;
    }
    return true;
  Cleanup:
    SetWriterFailure(hr);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_UNEXPECTED (0x8000FFFF) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK-NOTES: :[[@LINE-7]]:7: note: 'hr' is assigned E_UNEXPECTED (0x8000FFFF) here
    return false;
  }

  // An assignment inside the condition is the value tested.
  bool STDMETHODCALLTYPE OnVSSShutdown() {
    HRESULT hr = S_OK;
    if (FAILED(hr = m_fDirty ? Step() : S_OK))
      SetWriterFailure(hr);
    if (SUCCEEDED(hr = m_fDirty ? Step() : S_OK))
      return true;
    SetWriterFailure(hr);
    return false;
  }

  // A data member tested before it is reported; a write in between voids the test.
  bool STDMETHODCALLTYPE OnVSSApplicationStartup() {
    if (m_fDirty)
      m_hrLast = VSS_E_WRITERERROR_NONRETRYABLE;
    if (FAILED(m_hrLast))
      SetWriterFailure(m_hrLast);
    if (FAILED(m_hrLast)) {
      m_hrLast = S_OK;
      SetWriterFailure(m_hrLast);
      // CHECK-NOTES: :[[@LINE-1]]:24: warning: S_OK (0x00000000) reports no failure; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK-NOTES: :[[@LINE-171]]:35: note: 'm_hrLast' is assigned S_OK (0x00000000) here
      // CHECK-NOTES: :[[@LINE-4]]:7: note: 'm_hrLast' is assigned S_OK (0x00000000) here
    }
    return true;
  }
};
