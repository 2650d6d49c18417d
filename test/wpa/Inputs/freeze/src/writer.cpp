#include <vswriter.h>
#include "engine.h"
class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    Checkpoint(m_hDone);
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    SuspendWrites(m_hFlushed);
    WaitBriefly(m_hFlushed);
    WaitFor(m_hFlushed, INFINITE);
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }

private:
  HANDLE m_hFlushed = nullptr;
  HANDLE m_hDone = nullptr;
};
