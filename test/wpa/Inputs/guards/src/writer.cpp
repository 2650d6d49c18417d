#include <vswriter.h>
enum class Mode { Identify, Backup };
void LoadConfig(CVssWriter *Writer, bool IdentifyOnly);
void Refresh(CVssWriter *Writer, Mode For);

// Asks the helpers for Identify: they do not report.
class CQuietWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    LoadConfig(this, true);
    Refresh(this, Mode::Identify);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    LoadConfig(this, false);
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

// Asks for a backup refresh while handling Identify: Refresh reports.
class CLoudWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    Refresh(this, Mode::Backup);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
