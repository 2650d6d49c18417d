// A header that is not found (#include "nope.h") is a fatal error: clang
// reports it, is silent about the names it would have declared, and stops
// instantiating templates. vss-tidy exits 1 and still reports the bugs that
// do not depend on the missing header; code that uses its names gives no
// finding, nor does a writer class that clang marks invalid.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>
#include "nope.h"
// CHECK: missing-header.cpp:[[@LINE-1]]:10: error: 'nope.h' file not found [clang-diagnostic-error]

template <class Writer> void ReportLater(Writer *pWriter) { pWriter->Fail(); }

class CSqlWriter : public CVssWriterEx2 {
public:
  void Fail() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK: missing-header.cpp:[[@LINE-1]]:17: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentifyEx); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
  // CHECK: missing-header.cpp:[[@LINE+30]]:5: note: CSqlWriter::OnIdentifyEx calls CSqlWriter::Fail here
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    HRESULT hr = NopeLoadCatalog(pMetadata);
    if (FAILED(hr))
      SetWriterFailure(NOPE_WRITER_ERROR);
    NopeReportError(this, hr);
    // Through a template: clang no longer instantiates ReportLater<CSqlWriter>,
    // so the path to SetWriterFailure is not seen.
    ReportLater(this);
    return SUCCEEDED(hr);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = NopeFlush();
    if (FAILED(hr)) {
      SetWriterFailure(hr);
      return false;
    }
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(E_FAIL);
    // CHECK: missing-header.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() {
    nope::RunInBackground([this] { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); });
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata) {
    Fail();
    return false;
  }
};

// A member of a type from the missing header makes the class invalid: every
// use of its base class is an error (not shown after the fatal one).
class CCatalogWriter : public CVssWriter {
  NopeCatalog m_catalog;

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    SetWriterFailure(E_FAIL);
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
