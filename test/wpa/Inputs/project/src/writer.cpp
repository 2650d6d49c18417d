#include <vswriter.h>
bool LoadCatalog(CVssWriter *Writer);
bool PrepareCatalog(CVssWriter *Writer);
void SubmitJob(void (*Job)(void *), void *Context);
void FlushJob(void *Context);

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    return LoadCatalog(this);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return PrepareCatalog(this); }
  bool STDMETHODCALLTYPE OnFreeze() {
    SubmitJob(&FlushJob, this);
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
