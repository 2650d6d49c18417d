// A template that instantiates itself without end: clang stops at its depth
// limit with a fatal error, and instantiates no template after it. vss-tidy
// exits 1 with that error, and the writers' bugs in code that needs no
// further instantiation, before and after it, are reported.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

class CBeforeWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK: template-depth-limit.cpp:[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CBeforeWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

template <int N> struct Code {
  static const HRESULT Value = Code<N + 1>::Value;
  // CHECK: template-depth-limit.cpp:[[@LINE-1]]:32: error: recursive template instantiation exceeded maximum depth of 1024 [clang-diagnostic-error]
};

class CLoopWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) { return true; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(Code<0>::Value);
    // CHECK: template-depth-limit.cpp:[[@LINE-1]]:22: note: in instantiation of template class 'Code<0>' requested here
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

class CAfterWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) { return true; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailureEx(E_FAIL);
    // CHECK: template-depth-limit.cpp:[[@LINE-1]]:24: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailureEx accepts only S_OK or VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
