#include <vswriter.h>

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  bool STDMETHODCALLTYPE OnIdentifyLater() {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); // NOLINT(vss-writer-failure-in-identify)
    return false;
  }
};
