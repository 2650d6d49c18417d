#include <vswriter.h>
class CSqlWriter : public CVssWriterEx2 {
public:
  ~CSqlWriter();
  HRESULT Uninitialize();
  void ReportError(HRESULT hr);
  void ReportRetry();
  bool STDMETHODCALLTYPE OnFreeze();
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
