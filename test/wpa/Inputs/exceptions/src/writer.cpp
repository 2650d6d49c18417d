#include <vswriter.h>
#include <stdexcept>
#include "store.h"
class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnFreeze() {
    Flush(m_open);
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() {
    try {
      return Parse(m_level) > 0;
    } catch (const std::exception &) {
      return false;
    }
  }
  bool STDMETHODCALLTYPE OnAbort() try {
    Close(m_open);
    return true;
  } catch (...) {
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }

private:
  bool m_open = false;
  std::string m_level = "1";
};
