// A writer with one finding for each option of the vss checks: each is
// reported only when its option is set (ReportingFunctions,
// ThreadStartFunctions) or left at its default (AcceptRecoveryFailed).
#include <vswriter.h>

namespace Contoso {
class ThreadPool {
public:
  template <class Fn> void Submit(Fn Work); // defined in another file
};
void ReportWriterError(CVssWriter *pWriter, HRESULT hr); // defined in another file
} // namespace Contoso

class CSqlWriter : public CVssWriterEx2 {
  Contoso::ThreadPool m_pool;

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    Contoso::ReportWriterError(this, VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(VSS_E_WRITERERROR_RECOVERY_FAILED);
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    m_pool.Submit([this] { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); });
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
