// A local class's member functions are functions of their own: the path goes
// through them, and they are named by their class, not by the function that
// declares the class. Inline namespaces are not spelled.
// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>

namespace contoso {
inline namespace v2 {
struct FailureReporter {
  static void Fail(CVssWriterEx2 *pWriter) { pWriter->SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:55: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
  // CHECK-NOTES: :[[@LINE+12]]:5: note: CSqlWriter::OnIdentify calls Visitor::Visit here
  // CHECK-NOTES: :[[@LINE+9]]:48: note: Visitor::Visit calls contoso::FailureReporter::Fail here
};
} // namespace v2
} // namespace contoso

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    struct Visitor {
      static void Visit(CSqlWriter *pWriter) { contoso::FailureReporter::Fail(pWriter); }
    };
    Visitor::Visit(this);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
