// Waits without a bounded time-out reachable from OnFreeze or OnThaw: Windows
// waits with INFINITE or a time-out at least MaxWaitMilliseconds (10 s by
// default), given directly, through a variable or through a wrapper's
// parameter, and the waits of the standard library that take no time-out.
// RUN: %check_vss %s vss-writer-freeze-blocking %t

#include <vswriter.h>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

static const DWORD kFlushTimeout = 30000;

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override {
    WaitForSingleObject(m_hFlushed, INFINITE);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: WaitForSingleObject waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnFreeze); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    DWORD Timeout = INFINITE;
    WaitForSingleObjectEx(m_hFlushed, Timeout, FALSE);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: WaitForSingleObjectEx waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnFreeze); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-3]]:21: note: the time-out is INFINITE here
    WaitFor(m_hFlushed, kFlushTimeout);
    SleepEx(INFINITE, TRUE);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: SleepEx waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnFreeze); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    HANDLE Handles[2] = {m_hFlushed, m_hCheckpoint};
    MsgWaitForMultipleObjects(2, Handles, FALSE, INFINITE, QS_ALLINPUT);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: MsgWaitForMultipleObjects waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnFreeze); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    SignalObjectAndWait(m_hCheckpoint, m_hFlushed, INFINITE, FALSE);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: SignalObjectAndWait waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnFreeze); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override {
    HANDLE Handles[2] = {m_hFlushed, m_hCheckpoint};
    WaitForMultipleObjects(2, Handles, TRUE, 60000);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: WaitForMultipleObjects waits up to 60000 ms inside the freeze window (reached from CSqlWriter::OnThaw), at least the bound of 10000 ms (option MaxWaitMilliseconds): wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    StopWorkers();
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

private:
  void WaitFor(HANDLE Handle, DWORD Milliseconds) { WaitForSingleObject(Handle, Milliseconds); }
  // CHECK-NOTES: :[[@LINE-1]]:53: warning: WaitForSingleObject waits up to 30000 ms inside the freeze window (reached from CSqlWriter::OnFreeze), at least the bound of 10000 ms (option MaxWaitMilliseconds): wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
  // CHECK-NOTES: :[[@LINE-22]]:5: note: CSqlWriter::OnFreeze calls CSqlWriter::WaitFor here
  // CHECK-NOTES: :[[@LINE-23]]:25: note: the time-out is 30000 ms here
  void DrainQueue() {
    SleepConditionVariableCS(m_QueueEmpty, m_QueueLock, INFINITE);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: SleepConditionVariableCS waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-13]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
    // CHECK-NOTES: :[[@LINE+8]]:5: note: CSqlWriter::StopWorkers calls CSqlWriter::DrainQueue here
    DWORD Index = 0;
    CoWaitForMultipleHandles(0, INFINITE, 1, &m_hFlushed, &Index);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: CoWaitForMultipleHandles waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-18]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
    // CHECK-NOTES: :[[@LINE+3]]:5: note: CSqlWriter::StopWorkers calls CSqlWriter::DrainQueue here
  }
  void StopWorkers() {
    DrainQueue();
    m_Worker.join();
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: std::thread::join waits without a time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-25]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
    m_Pending.get();
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: std::future::get waits without a time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-28]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
    m_Pending.wait();
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: std::future::wait waits without a time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-31]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
    std::unique_lock<std::mutex> Lock(m_Mutex);
    m_Drained.wait(Lock);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: std::condition_variable::wait waits without a time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-35]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
    m_Drained.wait(Lock, [this] { return m_Idle; });
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: std::condition_variable::wait waits without a time-out inside the freeze window (reached from CSqlWriter::OnThaw); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
    // CHECK-NOTES: :[[@LINE-38]]:5: note: CSqlWriter::OnThaw calls CSqlWriter::StopWorkers here
  }

  HANDLE m_hFlushed = nullptr;
  HANDLE m_hCheckpoint = nullptr;
  PCONDITION_VARIABLE m_QueueEmpty = nullptr;
  PCRITICAL_SECTION m_QueueLock = nullptr;
  std::thread m_Worker;
  std::future<int> m_Pending;
  std::mutex m_Mutex;
  std::condition_variable m_Drained;
  bool m_Idle = false;
};
