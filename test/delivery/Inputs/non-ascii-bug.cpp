#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    /* échec */ SetWriterFailure(E_OUTOFMEMORY);
    return false;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
