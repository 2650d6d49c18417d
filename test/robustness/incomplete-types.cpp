// Incomplete types: a writer whose base class is only declared, a writer with
// a member of an incomplete type (clang marks the class invalid), and a valid
// writer that passes pointers and references to incomplete types around,
// calls through them and hands one to a thread. vss-tidy exits 1 with the
// compiler's errors, reports the valid writer's bugs, and nothing in the
// invalid classes.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>
#include <process.h>

class CCatalog;
struct Settings;
HRESULT Load(CCatalog &Catalog);
HRESULT Save(Settings *pSettings);

class CDeclaredWriter;
class CDerivedWriter : public CDeclaredWriter {
  // CHECK: incomplete-types.cpp:[[@LINE-1]]:31: error: base class has incomplete type [clang-diagnostic-error]
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    SetWriterFailure(E_FAIL);
    // CHECK: incomplete-types.cpp:[[@LINE-1]]:5: error: use of undeclared identifier 'SetWriterFailure' [clang-diagnostic-error]
    return false;
  }
};

class CFieldWriter : public CVssWriter {
  CCatalog m_catalog;
  // CHECK: incomplete-types.cpp:[[@LINE-1]]:12: error: field has incomplete type 'CCatalog' [clang-diagnostic-error]

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK: incomplete-types.cpp:[[@LINE-1]]:5: error: cannot initialize object parameter of type 'CVssWriter' with an expression of type 'CFieldWriter' [clang-diagnostic-error]
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

class CSqlWriter : public CVssWriterEx2 {
  CCatalog *m_pCatalog = nullptr;
  Settings *m_pSettings = nullptr;
  static unsigned __stdcall SaveLater(void *pContext) {
    CSqlWriter *self = static_cast<CSqlWriter *>(pContext);
    if (FAILED(Save(self->m_pSettings)))
      self->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
      // CHECK: incomplete-types.cpp:[[@LINE-1]]:13: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by _beginthreadex in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
      // CHECK: incomplete-types.cpp:[[@LINE+25]]:5: note: CSqlWriter::OnFreeze starts a worker thread here with _beginthreadex
    return 0;
  }

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    HRESULT hr = Load(*m_pCatalog);
    if (FAILED(hr))
      SetWriterFailure(hr);
      // CHECK: incomplete-types.cpp:[[@LINE-1]]:7: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    return SUCCEEDED(hr);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = m_pSettings->LastError;
    // CHECK: incomplete-types.cpp:[[@LINE-1]]:29: error: member access into incomplete type 'Settings' [clang-diagnostic-error]
    SetWriterFailure(hr);
    SetWriterFailure(sizeof(Settings));
    // CHECK: incomplete-types.cpp:[[@LINE-1]]:22: error: invalid application of 'sizeof' to an incomplete type 'Settings' [clang-diagnostic-error]
    m_pCatalog->Flush();
    // CHECK: incomplete-types.cpp:[[@LINE-1]]:15: error: member access into incomplete type 'CCatalog' [clang-diagnostic-error]
    SetWriterFailure(E_FAIL);
    // CHECK: incomplete-types.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    _beginthreadex(NULL, 0, &SaveLater, this, 0, NULL);
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
