#include <vswriter.h>
#include "pool.h"

void ReportFailure(CVssWriter *Writer);

class CPoolWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override { return true; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    Pool::Submit(&Purge, this);
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override {
    Pool::Submit(&Flush, this);
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override {
    RunInBackground(&Verify, this);
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override {
    Pool::RunNow(&Cleanup, this);
    return true;
  }

private:
  static DWORD WINAPI Flush(void *Context) {
    static_cast<CPoolWriter *>(Context)->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return 1;
  }
  static DWORD WINAPI Verify(void *Context) {
    static_cast<CPoolWriter *>(Context)->SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
    return 1;
  }
  static DWORD WINAPI Purge(void *Context) {
    ReportFailure(static_cast<CVssWriter *>(Context));
    return 1;
  }
  static DWORD WINAPI Cleanup(void *Context) {
    static_cast<CPoolWriter *>(Context)->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return 1;
  }
};
