// A failure call in a member function of a local class is judged like any
// other: the class's functions are user code of their own.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { return true; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() {
    struct Reporter {
      static void Fail(CSqlWriter *pWriter) { pWriter->SetWriterFailure(E_FAIL); }
      // CHECK-NOTES: :[[@LINE-1]]:73: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
      static void Retry(CSqlWriter *pWriter) { pWriter->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
    };
    Reporter::Fail(this);
    Reporter::Retry(this);
    return false;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
