// The thread check shares the reachability of the identify check: a branch
// that the values known on the way decide against is not followed from a
// thread's function either.
// RUN: %check_vss %s vss-writer-failure-off-handler-thread %t

#include <vswriter.h>
#include <thread>

class CSqlWriter : public CVssWriterEx2 {
  // The worker may report only when it runs on the handler's own thread.
  void Step(bool fOnHandlerThread) {
    if (fOnHandlerThread)
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
  }
  void Flush(int nPass) {
    if (nPass > 2)
      SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
      // CHECK-NOTES: :[[@LINE+7]]:17: note: CSqlWriter::OnFreeze starts a worker thread here with std::thread
      // CHECK-NOTES: :[[@LINE+9]]:7: note: the lambda calls CSqlWriter::Flush here
  }

public:
  bool STDMETHODCALLTYPE OnFreeze() {
    Step(true);
    std::thread worker([this] {
      Step(false);
      Flush(1);
      Flush(3);
    });
    worker.join();
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
