// Failure calls reachable from a callable handed to another thread, for every
// thread-start API and callable form.
// RUN: %check_vss %s vss-writer-failure-off-handler-thread %t

#include <windows.h>
#include <process.h>
#include <vswriter.h>
#include <functional>
#include <future>
#include <thread>
#include <ppl.h>

class CSqlWriter;
static DWORD WINAPI FlushThread(LPVOID pParam);
static unsigned CheckpointThread(void *pParam);
static void WINAPI TimerFired(PVOID pParam, BOOLEAN fired);
static void WINAPI WaitDone(PVOID pParam, BOOLEAN fired);

struct CFlushJob {
  CSqlWriter *m_pWriter;
  void operator()() const;
};

class CSqlWriter : public CVssWriterEx2 {
public:
  HRESULT Flush() { return S_OK; }
  void ReportFlushError() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by CreateThread in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE+27]]:22: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with CreateThread
  // CHECK-NOTES: :[[@LINE+98]]:38: note: FlushThread calls CSqlWriter::ReportFlushError here
  void MemberWorker() { SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE+35]]:17: note: CSqlWriter::OnFreeze starts a worker thread here with std::thread
  void BoundWorker() { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); }
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE+53]]:17: note: CSqlWriter::OnThaw starts a worker thread here with std::thread
  static void WINAPI PoolWork(PTP_CALLBACK_INSTANCE, PVOID pv, PTP_WORK) {
    VSS_ID id;
    static_cast<CSqlWriter *>(pv)->GetSessionId(&id);
    // CHECK-NOTES: :[[@LINE-1]]:36: warning: GetSessionId must be called on the thread that called the event handler; this call runs on a worker thread started by CreateThreadpoolWork in CSqlWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE+50]]:21: note: CSqlWriter::OnThaw starts a worker thread here with CreateThreadpoolWork
  }
  static void WINAPI SimplePoolWork(PTP_CALLBACK_INSTANCE, PVOID pv) {
    static_cast<CSqlWriter *>(pv)->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-NOTES: :[[@LINE-1]]:36: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by TrySubmitThreadpoolCallback in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE+14]]:5: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with TrySubmitThreadpoolCallback
  }
  static DWORD WINAPI WorkItem(LPVOID pv) {
    static_cast<CSqlWriter *>(pv)->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-NOTES: :[[@LINE-1]]:36: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by QueueUserWorkItem in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE+8]]:5: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with QueueUserWorkItem
    return 0;
  }

  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HANDLE hThread = CreateThread(NULL, 0, FlushThread, this, 0, NULL);
    WaitForSingleObject(hThread, INFINITE);
    _beginthreadex(NULL, 0, &CheckpointThread, this, 0, NULL);
    QueueUserWorkItem(&CSqlWriter::WorkItem, this, 0);
    TrySubmitThreadpoolCallback(SimplePoolWork, this, NULL);
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    std::thread worker([this] { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); });
    // CHECK-NOTES: :[[@LINE-1]]:33: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:17: note: CSqlWriter::OnFreeze starts a worker thread here with std::thread
    worker.join();
    std::thread member(&CSqlWriter::MemberWorker, this);
    member.join();
    std::thread functor(CFlushJob{this});
    functor.join();
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() {
    auto result = std::async(std::launch::async, [this] {
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::async in CSqlWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
      // CHECK-NOTES: :[[@LINE-3]]:19: note: CSqlWriter::OnThaw starts a worker thread here with std::async
      return 0;
    });
    result.get();
    auto byDefault = std::async([this] {
      SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::async in CSqlWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
      // CHECK-NOTES: :[[@LINE-3]]:22: note: CSqlWriter::OnThaw starts a worker thread here with std::async
      return 0;
    });
    byDefault.get();
    std::thread bound(std::bind(&CSqlWriter::BoundWorker, this));
    bound.join();
    PTP_WORK work = CreateThreadpoolWork(&CSqlWriter::PoolWork, this, NULL);
    SubmitThreadpoolWork(work);
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() {
    concurrency::create_task([this] { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); }).wait();
    // CHECK-NOTES: :[[@LINE-1]]:39: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by Concurrency::create_task in CSqlWriter::OnAbort; pass the error back to OnAbort and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: CSqlWriter::OnAbort starts a worker thread here with Concurrency::create_task
    concurrency::parallel_for(0, 4, [this](int) { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); });
    // CHECK-NOTES: :[[@LINE-1]]:51: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by Concurrency::parallel_for in CSqlWriter::OnAbort; pass the error back to OnAbort and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: CSqlWriter::OnAbort starts a worker thread here with Concurrency::parallel_for
    HANDLE hTimer, hWait;
    CreateTimerQueueTimer(&hTimer, NULL, TimerFired, this, 1000, 0, 0);
    RegisterWaitForSingleObject(&hWait, hTimer, WaitDone, this, INFINITE, 0);
    return true;
  }

  // Silent: synchronous helpers, lambdas and std::function the handler calls
  // itself, deferred std::async waited on, threads that never report.
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    ReportFlushError();
    auto fail = [this] { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); };
    fail();
    std::function<void()> onError = [this] { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); };
    onError();
    auto deferred = std::async(std::launch::deferred, [this] {
      SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
      return 0;
    });
    deferred.get();
    std::thread quiet([this] { Flush(); });
    quiet.join();
    return true;
  }
};

static DWORD WINAPI FlushThread(LPVOID pParam) {
  static_cast<CSqlWriter *>(pParam)->ReportFlushError();
  return 0;
}
static unsigned CheckpointThread(void *pParam) {
  static_cast<CSqlWriter *>(pParam)->SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT);
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by _beginthreadex in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE-76]]:5: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with _beginthreadex
  return 0;
}
static void WINAPI TimerFired(PVOID pParam, BOOLEAN fired) {
  static_cast<CSqlWriter *>(pParam)->SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT);
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by CreateTimerQueueTimer in CSqlWriter::OnAbort; pass the error back to OnAbort and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE-37]]:5: note: CSqlWriter::OnAbort starts a worker thread here with CreateTimerQueueTimer
}
static void WINAPI WaitDone(PVOID pParam, BOOLEAN fired) {
  static_cast<CSqlWriter *>(pParam)->SetWriterFailureEx(VSS_E_WRITERERROR_NONRETRYABLE);
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by RegisterWaitForSingleObject in CSqlWriter::OnAbort; pass the error back to OnAbort and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE-41]]:5: note: CSqlWriter::OnAbort starts a worker thread here with RegisterWaitForSingleObject
}
void CFlushJob::operator()() const { m_pWriter->SetWriterFailureEx(VSS_E_WRITERERROR_OUTOFRESOURCES); }
// CHECK-NOTES: :[[@LINE-1]]:49: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
// CHECK-NOTES: :[[@LINE-79]]:17: note: CSqlWriter::OnFreeze starts a worker thread here with std::thread
