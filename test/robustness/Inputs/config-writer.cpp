// One finding of a vss check and one of a stock check, to show which
// configuration applied: both are errors when WarningsAsErrors is "*".
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
};

int f(int x) {
  if (x)
    return 1;
  return 0;
}
