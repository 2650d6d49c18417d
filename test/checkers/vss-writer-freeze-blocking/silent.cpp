// Bounded waits in OnFreeze and OnThaw, unbounded waits in the other
// handlers or where no handler reaches them, a wrapper that OnFreeze calls
// with a short time-out, the timed waits of the standard library, and a
// function of the user's named like a Windows wait: no finding.
// RUN: %check_vss %s vss-writer-freeze-blocking %t
// CHECK-MESSAGES-NOT: warning:

#include <vswriter.h>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

namespace app {
DWORD WaitForSingleObject(HANDLE Handle, DWORD Milliseconds);
}

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    WaitForSingleObject(m_hFlushed, INFINITE);
    WaitFor(m_hFlushed, INFINITE);
    WaitUnlessZero(m_hFlushed, INFINITE);
    m_Worker.join();
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override {
    WaitForSingleObject(m_hFlushed, 5000);
    DWORD Timeout = 2000;
    WaitForSingleObjectEx(m_hFlushed, Timeout, FALSE);
    WaitFor(m_hFlushed, 1000);
    WaitUnlessZero(m_hFlushed, 100);
    app::WaitForSingleObject(m_hFlushed, INFINITE);
    m_Pending.wait_for(std::chrono::milliseconds(100));
    std::unique_lock<std::mutex> Lock(m_Mutex);
    m_Drained.wait_for(Lock, std::chrono::milliseconds(100));
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override {
    Sleep(9999);
    // Waits on the workers the handler starts do not hold the handler.
    std::thread Flusher([this] { WaitForSingleObject(m_hFlushed, INFINITE); });
    Flusher.detach();
    CreateThread(nullptr, 0, &CSqlWriter::DrainWorker, this, 0, nullptr);
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override {
    m_Pending.get();
    return true;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    SleepEx(INFINITE, TRUE);
    return true;
  }

private:
  void WaitFor(HANDLE Handle, DWORD Milliseconds) { WaitForSingleObject(Handle, Milliseconds); }
  // Its parameter is tested before the wait: judged by the call on the path
  // (OnFreeze's 100 ms), not by every caller's value (OnPrepareSnapshot's).
  void WaitUnlessZero(HANDLE Handle, DWORD Milliseconds) {
    if (Milliseconds == 0)
      return;
    WaitForSingleObject(Handle, Milliseconds);
  }
  static DWORD WINAPI DrainWorker(LPVOID Self) {
    return WaitForSingleObject(static_cast<CSqlWriter *>(Self)->m_hFlushed, INFINITE);
  }
  // Called by no handler.
  void Drain() { WaitForSingleObject(m_hFlushed, INFINITE); }

  HANDLE m_hFlushed = nullptr;
  std::thread m_Worker;
  std::future<int> m_Pending;
  std::mutex m_Mutex;
  std::condition_variable m_Drained;
};
