// Bad input: compile errors, dependent templates, recursive wrappers and
// variables assigned in cycles end without a crash or a bogus finding.
// RUN: %check_vss -expect-compile-errors %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
  void Fail(HRESULT hr, int depth) {
    if (depth > 0)
      Fail(hr, depth - 1);
    else
      SetWriterFailure(hr);
  }
  void PingPong(HRESULT hr, bool back);
  void PongPing(HRESULT hr) { PingPong(hr, true); }
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    Fail(E_FAIL, 3);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: E_FAIL (0x80004005) is not a writer error code
    // CHECK-MESSAGES: :[[@LINE-8]]:24: note: CSqlWriter::Fail passes 'hr' to SetWriterFailure here
    PingPong(VSS_E_WRITERERROR_RETRYABLE, false);
    HRESULT a = VSS_E_WRITERERROR_RETRYABLE, b = VSS_E_WRITERERROR_TIMEOUT;
    for (int i = 0; i < 4; ++i) { HRESULT t = a; a = b; b = t; }
    SetWriterFailure(a);
    SetWriterFailure(qzxUndeclaredHr);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: error: use of undeclared identifier 'qzxUndeclaredHr' [clang-diagnostic-error]
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
void CSqlWriter::PingPong(HRESULT hr, bool back) {
  if (back) SetWriterFailure(hr); else PongPing(hr);
}

template <class T> class CTemplateWriter : public CVssWriter {
  T m_value;
public:
  bool STDMETHODCALLTYPE OnFreeze() { SetWriterFailure(m_value.Code()); return false; }
};
