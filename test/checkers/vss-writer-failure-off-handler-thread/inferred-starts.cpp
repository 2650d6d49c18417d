// Thread starts behind the standard library and behind the project's own
// wrappers are inferred: a function that passes a callable parameter on to a
// thread start is itself a thread start for that parameter, at any depth.
// Callables stored first and started later are resolved through the places
// they were stored in.
// RUN: %check_vss %s vss-writer-failure-off-handler-thread %t

#include <windows.h>
#include <vswriter.h>
#include <functional>
#include <future>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

// The project's own wrappers.
template <class F> std::thread RunInBackground(F f) { return std::thread(std::move(f)); }

static DWORD WINAPI JobTrampoline(LPVOID pContext) {
  auto *pJob = static_cast<std::function<void()> *>(pContext);
  (*pJob)();
  delete pJob;
  return 0;
}

class CWorkQueue {
public:
  void Submit(std::function<void()> job) {
    QueueUserWorkItem(JobTrampoline, new std::function<void()>(std::move(job)), 0);
  }
  void SubmitLater(std::function<void()> job) { Submit(std::move(job)); }
  // Runs the job on the caller's thread: not a thread start.
  void RunHere(std::function<void()> job) { job(); }
};

class CSqlWriter : public CVssWriterEx2 {
  std::thread m_flusher;
  std::vector<std::thread> m_workers;
  std::function<void()> m_onTimeout;
  CWorkQueue m_queue;

  void Flush() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::CSqlWriter; pass the error back to the event handler and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE+9]]:18: note: CSqlWriter::CSqlWriter starts a worker thread here with std::thread
  void FlushPart(int part) { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); }
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::vector::emplace_back in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE+17]]:15: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with std::vector::emplace_back, which hands it to std::thread
  void Checkpoint() { SetWriterFailureEx(VSS_E_WRITERERROR_NONRETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by std::vector::push_back in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
  // CHECK-NOTES: :[[@LINE+15]]:15: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with std::vector::push_back, which hands it to std::thread

public:
  CSqlWriter() : m_flusher(&CSqlWriter::Flush, this) {
    m_onTimeout = [this] { SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT); };
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE+26]]:17: note: CSqlWriter::OnFreeze starts a worker thread here with std::thread
  }

  // The standard library's own wrappers.
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    m_workers.emplace_back([this] { SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE); });
    // CHECK-NOTES: :[[@LINE-1]]:37: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by std::vector::emplace_back in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:15: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with std::vector::emplace_back, which hands it to std::thread
    m_workers.emplace_back(&CSqlWriter::FlushPart, this, 1);
    m_workers.push_back(std::thread(&CSqlWriter::Checkpoint, this));
    auto pThread = std::make_unique<std::thread>([this] {
      SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::make_unique in CSqlWriter::OnPrepareSnapshot; pass the error back to OnPrepareSnapshot and report it there [vss-writer-failure-off-handler-thread]
      // CHECK-NOTES: :[[@LINE-3]]:20: note: CSqlWriter::OnPrepareSnapshot starts a worker thread here with std::make_unique, which hands it to std::thread
    });
    pThread->join();
    return true;
  }

  // A packaged task moved into a thread, and a stored callable started later.
  bool STDMETHODCALLTYPE OnFreeze() {
    std::packaged_task<void()> task([this] { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); });
    // CHECK-NOTES: :[[@LINE-1]]:46: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by std::thread in CSqlWriter::OnFreeze; pass the error back to OnFreeze and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE+1]]:17: note: CSqlWriter::OnFreeze starts a worker thread here with std::thread
    std::thread worker(std::move(task));
    worker.join();
    std::thread timer(m_onTimeout);
    timer.join();
    return true;
  }

  // The project's own wrappers, through a template and through a queue that
  // hands the job to a trampoline.
  bool STDMETHODCALLTYPE OnThaw() {
    std::thread background = RunInBackground([this] { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); });
    // CHECK-NOTES: :[[@LINE-1]]:55: warning: SetWriterFailure must be called on the thread that called the event handler; this call runs on a worker thread started by RunInBackground in CSqlWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:30: note: CSqlWriter::OnThaw starts a worker thread here with RunInBackground, which hands it to std::thread
    // CHECK-NOTES: :[[@LINE-76]]:62: note: RunInBackground passes 'f' to std::thread here
    background.join();
    m_queue.SubmitLater([this] { SetWriterFailureEx(VSS_E_WRITERERROR_OUTOFRESOURCES); });
    // CHECK-NOTES: :[[@LINE-1]]:34: warning: SetWriterFailureEx must be called on the thread that called the event handler; this call runs on a worker thread started by CWorkQueue::SubmitLater in CSqlWriter::OnThaw; pass the error back to OnThaw and report it there [vss-writer-failure-off-handler-thread]
    // CHECK-NOTES: :[[@LINE-2]]:13: note: CSqlWriter::OnThaw starts a worker thread here with CWorkQueue::SubmitLater, which hands it to QueueUserWorkItem
    // CHECK-NOTES: :[[@LINE-67]]:49: note: CWorkQueue::SubmitLater passes 'job' to CWorkQueue::Submit here
    // CHECK-NOTES: :[[@LINE-70]]:5: note: CWorkQueue::Submit passes 'job' to QueueUserWorkItem here
    // Silent: run on this thread.
    m_queue.RunHere([this] { SetWriterFailureEx(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT); });
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
