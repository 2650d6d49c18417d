// The file ends in the middle of an OnIdentify override, inside an unclosed
// SetWriterFailure call in an unclosed loop. vss-tidy exits 1 with the
// parser's errors at the end of the file; the other handlers are checked, and
// so is what OnIdentify holds before the cut.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
  HRESULT m_hrLast = S_OK;
  void Remember(HRESULT hr) { m_hrLast = hr; }

public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(E_FAIL);
    // CHECK: half-written-identify.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    HRESULT hr = pMetadata->AddComponent(VSS_CT_DATABASE, NULL, L"db", L"db", NULL, 0, true,
                                         true, true);
    if (FAILED(hr)) {
      SetWriterFailure(hr);
      // CHECK: half-written-identify.cpp:[[@LINE-1]]:7: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
      // CHECK: half-written-identify.cpp:[[@LINE-2]]:24: warning: 'hr' holds the result of IVssCreateWriterMetadata::AddComponent, which is never a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      // CHECK: half-written-identify.cpp:[[@LINE-6]]:13: note: 'hr' is assigned the result of IVssCreateWriterMetadata::AddComponent here
      return false;
    }
    // The file ends inside a SetWriterFailure call: the parser's errors are on
    // its last line, and the cut call is not reported.
    // CHECK: half-written-identify.cpp:[[@LINE+6]]:26: error: expected ')' [clang-diagnostic-error]
    // CHECK: half-written-identify.cpp:[[@LINE+5]]:26: error: expected ';' after class [clang-diagnostic-error]
    // CHECK: half-written-identify.cpp:[[@LINE+4]]:26: error: expected '}' [clang-diagnostic-error]
    // CHECK: half-written-identify.cpp:14:41: note: to match this '{'
    for (UINT i = 0; i < 3; ++i) {
      Remember(hr);
      SetWriterFailure(hr