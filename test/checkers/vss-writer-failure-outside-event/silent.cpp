// Look-alikes that run while an event is handled, or are not what they seem:
// no finding.
// RUN: %check_vss %s vss-writer-failure-outside-event %t
// CHECK-MESSAGES-NOT: warning:

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  // A callable made in the constructor and run by a handler: making it runs
  // nothing.
  CSqlWriter() : m_onError([](CSqlWriter *Self) { Self->Report(); }) {}

  void Report() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  void ReportTimeout() { SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT); }
  void ReportOther() { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); }

  bool STDMETHODCALLTYPE OnFreeze() {
    m_onError(this);
    ReportTimeout();
    return true;
  }
  // A handler that subscribes again is not run outside events.
  bool STDMETHODCALLTYPE OnVSSApplicationStartup() {
    if (FAILED(Subscribe()))
      ReportOther();
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }

private:
  void (*m_onError)(CSqlWriter *);
};

// Not a writer class: its constructor and destructor are not roots, and its
// Initialize is not the writer's.
class CCatalog {
public:
  explicit CCatalog(CSqlWriter *Writer) : m_writer(Writer) { m_writer->Report(); }
  ~CCatalog() { m_writer->ReportTimeout(); }
  void Initialize() { m_writer->ReportOther(); }

private:
  CSqlWriter *m_writer;
};

namespace tools {
// Not the program's entry point.
int main(CSqlWriter *Writer) {
  Writer->Report();
  return 0;
}
} // namespace tools
