#include <vswriter.h>

class CSqlWriter : public CVssWriter {
  void ReportError(HRESULT hr) { SetWriterFailure(hr); }
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    ReportError(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
