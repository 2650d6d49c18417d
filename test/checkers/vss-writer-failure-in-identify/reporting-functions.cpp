// The project's own reporting wrappers, defined in another translation unit,
// are treated like SetWriterFailure when listed in ReportingFunctions.
// RUN: %check_vss %s vss-writer-failure-in-identify %t -- \
// RUN:   -config="{CheckOptions: {vss-writer-failure-in-identify.ReportingFunctions: '::Contoso::ReportWriterError;CSqlWriter::Fail;CWriterT::Fail'}}"
// RUN: %check_vss -check-suffix=DEFAULT %s vss-writer-failure-in-identify %t

#include <vswriter.h>

namespace Contoso {
void ReportWriterError(CVssWriter *pWriter, HRESULT hr);  // defined elsewhere
void ReportWriterWarning(CVssWriter *pWriter, HRESULT hr);
}

class CSqlWriter : public CVssWriterEx2 {
  void Fail(HRESULT hr);  // defined elsewhere
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    Contoso::ReportWriterError(this, VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Contoso::ReportWriterError must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    Contoso::ReportWriterWarning(this, VSS_E_WRITERERROR_RETRYABLE);
    Fail(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CSqlWriter::Fail must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:5: warning: SetWriterFailure must not be called while handling Identify
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { Fail(VSS_E_WRITERERROR_RETRYABLE); return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

// Wrappers in class templates are named without template arguments.
template <class Base> class CWriterT : public Base {
public:
  void Fail(HRESULT hr);  // defined elsewhere
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    Fail(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CWriterT::Fail must not be called while handling Identify (reached from CWriterT::OnIdentify)
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
CWriterT<CVssWriter> g_writer;
