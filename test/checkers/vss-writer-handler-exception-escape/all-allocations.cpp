// With ReportAllAllocations, every throwing new a handler reaches is reported,
// not only those tested for null; new (std::nothrow) never is.
// RUN: %check_vss %s vss-writer-handler-exception-escape %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-handler-exception-escape.ReportAllAllocations: true}}"
// RUN: %check_vss -check-suffix=DEFAULT %s vss-writer-handler-exception-escape %t
// CHECK-MESSAGES-DEFAULT-NOT: warning:

#include <vswriter.h>
#include <new>

struct CBuffer {
  char Data[4096];
};

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnFreeze() {
    m_buffer = Allocate();
    m_spare = new (std::nothrow) CBuffer;
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }

private:
  static CBuffer *Allocate() { return new CBuffer; }
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: 'new' can throw std::bad_alloc, which escapes the event handler CSqlWriter::OnFreeze; VSS does not expect exceptions from a writer's handlers: catch it and report a writer failure [vss-writer-handler-exception-escape]
  // CHECK-NOTES: :[[@LINE-11]]:16: note: CSqlWriter::OnFreeze calls CSqlWriter::Allocate here

  CBuffer *m_buffer = nullptr;
  CBuffer *m_spare = nullptr;
};
