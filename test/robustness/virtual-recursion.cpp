// A writer whose handlers recurse through virtual calls: handlers that call
// themselves and each other in a cycle, virtual helpers in mutual recursion,
// and overrides in two derived classes that call back into the base (cycles
// that run through every level), on the handler's thread and on a worker
// thread. The traversal ends, each finding is reported once with a shortest
// path, and nothing else is.
// RUN: %expect_exit 0 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 0 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 0 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>
#include <process.h>

class CBaseWriter : public CVssWriterEx2 {
public:
  virtual void Walk(int n) { Visit(n); }
  virtual void Visit(int n) { Walk(n - 1); }
  virtual void Drain(int n) { Flush(n); }
  virtual void Flush(int n) { Drain(n - 1); }
  virtual bool Step(int n) = 0;
  static unsigned __stdcall Worker(void *pContext) {
    static_cast<CBaseWriter *>(pContext)->Drain(2);
    return 0;
  }

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    Walk(3);
    return Step(1) && OnIdentify(pMetadata);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return OnFreeze(); }
  bool STDMETHODCALLTYPE OnFreeze() { return OnThaw(); }
  bool STDMETHODCALLTYPE OnThaw() {
    _beginthreadex(NULL, 0, &Worker, this, 0, NULL);
    return OnPrepareSnapshot();
  }
  bool STDMETHODCALLTYPE OnAbort() { return OnAbort(); }
};

class CMidWriter : public CBaseWriter {
public:
  void Walk(int n) override {
    CBaseWriter::Walk(n);
    Step(n);
  }
  bool Step(int n) override {
    Visit(n);
    return OnIdentify(nullptr);
  }
  void Drain(int n) override {
    CBaseWriter::Drain(n);
    Flush(n + 1);
  }
};

class CLeafWriter : public CMidWriter {
public:
  void Visit(int n) override {
    CMidWriter::Visit(n);
    SetWriterFailure(E_FAIL);
    // CHECK: virtual-recursion.cpp:[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CBaseWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK: virtual-recursion.cpp:30:5: note: CBaseWriter::OnIdentify calls CBaseWriter::Walk here through a virtual call
    // CHECK: virtual-recursion.cpp:19:30: note: CBaseWriter::Walk calls CLeafWriter::Visit here through a virtual call
    // CHECK: virtual-recursion.cpp:[[@LINE-4]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
  }
  void Flush(int n) override {
    CMidWriter::Flush(n);
    SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK: virtual-recursion.cpp:[[@LINE-1]]:5: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by _beginthreadex in CBaseWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
    // CHECK: virtual-recursion.cpp:36:5: note: CBaseWriter::OnThaw starts a worker thread here with _beginthreadex
    // CHECK: virtual-recursion.cpp:25:43: note: CBaseWriter::Worker calls CBaseWriter::Drain here through a virtual call
    // CHECK: virtual-recursion.cpp:21:31: note: CBaseWriter::Drain calls CLeafWriter::Flush here through a virtual call
  }
  bool Step(int n) override { return CMidWriter::Step(n) || OnFreeze(); }
  bool STDMETHODCALLTYPE OnFreeze() override {
    Walk(1);
    return CBaseWriter::OnFreeze();
  }
};
