#include <vswriter.h>

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { return false; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
