// The project's own thread pools, named in ThreadStartFunctions.
// RUN: %check_vss %s vss-writer-failure-off-handler-thread %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-failure-off-handler-thread.ThreadStartFunctions: 'Contoso::ThreadPool::Submit:0;::Contoso::RunLater:-1;Contoso::RunAsync:0'}}"
// RUN: %check_vss -check-suffix=DEFAULT %s vss-writer-failure-off-handler-thread %t
// CHECK-NOTES-DEFAULT-NOT: warning:

#include <vswriter.h>
#include <functional>

namespace Contoso {
class ThreadPool {
public:
  template <class Fn> void Submit(Fn F);
};
template <class Fn> void RunLater(int delayMs, Fn F);
template <class Fn> void RunNow(Fn F) { F(); }
void RunAsync(std::function<void()> Work);
} // namespace Contoso

class CSqlWriter : public CVssWriterEx2 {
  Contoso::ThreadPool m_pool;
public:
  bool STDMETHODCALLTYPE OnFreeze() {
    m_pool.Submit([this] { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); });
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by Contoso::ThreadPool::Submit in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: CSqlWriter::OnFreeze starts a worker thread here with Contoso::ThreadPool::Submit
    Contoso::RunLater(100, [this] { SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE); });
    // CHECK-NOTES: :[[@LINE-1]]:37: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by Contoso::RunLater in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: CSqlWriter::OnFreeze starts a worker thread here with Contoso::RunLater
    Contoso::RunNow([this] { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); });
    Contoso::RunAsync([this] { SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES); });
    // CHECK-NOTES: :[[@LINE-1]]:32: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by Contoso::RunAsync in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: CSqlWriter::OnFreeze starts a worker thread here with Contoso::RunAsync
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
