// MaxWaitMilliseconds sets the bound: a time-out at least that long is
// reported, a shorter one is not.
// RUN: %check_vss %s vss-writer-freeze-blocking %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-freeze-blocking.MaxWaitMilliseconds: 2000}}"
// RUN: %check_vss -check-suffix=DEFAULT %s vss-writer-freeze-blocking %t
// CHECK-MESSAGES-DEFAULT-NOT: warning:

#include <vswriter.h>

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override {
    WaitForSingleObject(m_hFlushed, 1999);
    WaitForSingleObject(m_hFlushed, 2000);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: WaitForSingleObject waits up to 2000 ms inside the freeze window (reached from CSqlWriter::OnFreeze), at least the bound of 2000 ms (option MaxWaitMilliseconds): wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

private:
  HANDLE m_hFlushed = nullptr;
};
