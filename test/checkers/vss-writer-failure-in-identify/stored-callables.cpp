// Creating a callable is not calling it: a lambda, function pointer or
// functor stored in a local, a member or a container runs where that storage
// is invoked, and a callable given to a function that calls its parameter
// runs there.
// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>
#include <functional>
#include <utility>
#include <vector>

void RegisterCallback(std::function<void(HRESULT)> callback);
bool Busy();

class CSqlWriter : public CVssWriterEx2 {
  std::function<void(HRESULT)> m_onError;
  std::function<void(HRESULT)> m_onLaterError;
  std::function<void(HRESULT)> m_onTimeout;
  void (*m_pfnFail)(CSqlWriter *);
  std::vector<std::function<void()>> m_cleanups;
  std::vector<std::function<void()>> m_laterSteps;

  static void FailStatic(CSqlWriter *pWriter) {
    pWriter->SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE+24]]:5: note: CSqlWriter::OnIdentify calls CSqlWriter::FailStatic here through 'm_pfnFail'
  }
  void RunNow(const std::function<void()> &step) { step(); }
  void Keep(std::function<void()> step) { m_laterSteps.push_back(std::move(step)); }

public:
  CSqlWriter() : m_pfnFail(&CSqlWriter::FailStatic) {
    m_onError = [this](HRESULT hr) { SetWriterFailure(hr); };
    // CHECK-NOTES: :[[@LINE-1]]:38: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE+14]]:7: note: CSqlWriter::OnIdentify calls the lambda here through 'm_onError'
    m_onTimeout = [this](HRESULT hr) { SetWriterFailureEx(hr); };
    // CHECK-NOTES: :[[@LINE-1]]:40: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE+19]]:5: note: CSqlWriter::OnIdentify calls the lambda here through 'm_onTimeout'
  }
  void Initialize() {
    m_cleanups.push_back([this] { SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE); });
    // CHECK-NOTES: :[[@LINE-1]]:35: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE+9]]:7: note: CSqlWriter::OnIdentify calls the lambda here through 'cleanup'
  }

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    // Run here: stored by the constructor and by Initialize, invoked now.
    if (Busy())
      m_onError(VSS_E_WRITERERROR_RETRYABLE);
    m_pfnFail(this);
    for (auto &cleanup : m_cleanups)
      cleanup();
    RunNow([this] { SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT); });
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: CSqlWriter::OnIdentify calls CSqlWriter::RunNow here
    // CHECK-NOTES: :[[@LINE-28]]:52: note: CSqlWriter::RunNow calls the lambda here through 'step'
    std::invoke(m_onTimeout, VSS_E_WRITERERROR_TIMEOUT);
    // Given to a function whose body is elsewhere: it may call it.
    RegisterCallback([this](HRESULT hr) { SetWriterFailureEx(hr); });
    // CHECK-NOTES: :[[@LINE-1]]:43: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE-2]]:22: note: CSqlWriter::OnIdentify passes the lambda here to RegisterCallback, which may call it
    // Created, stored, never run while handling Identify: silent.
    m_onLaterError = [this](HRESULT hr) { SetWriterFailure(hr); };
    Keep([this] { SetWriterFailureEx(VSS_E_WRITERERROR_NONRETRYABLE); });
    auto unused = [this] { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); };
    return true;
  }

  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    m_onLaterError(VSS_E_WRITERERROR_RETRYABLE);
    for (auto &step : m_laterSteps)
      step();
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
