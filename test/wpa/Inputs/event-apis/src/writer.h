#pragma once
#include <vswriter.h>
class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot();
  bool STDMETHODCALLTYPE OnFreeze();
  bool STDMETHODCALLTYPE OnThaw();
  bool STDMETHODCALLTYPE OnAbort();
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents);
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponents);

private:
  void RecordDevices();
};
void MarkRestored(IVssComponent *pComponent);
