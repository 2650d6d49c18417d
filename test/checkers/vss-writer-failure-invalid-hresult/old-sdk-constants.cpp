// An older vswriter.h declared the codes as const HRESULT variables, not
// macros: values are judged the same way, and a fix-it, which would have to
// name a macro, is not offered.
// RUN: %check_vss %s vss-writer-failure-invalid-hresult %t

#include <vswriter.h>

#undef VSS_E_WRITERERROR_OUTOFRESOURCES
#undef VSS_E_WRITERERROR_RETRYABLE
const HRESULT VSS_E_WRITERERROR_OUTOFRESOURCES = (HRESULT)0x800423F1L;
const HRESULT VSS_E_WRITERERROR_RETRYABLE = (HRESULT)0x800423F3L;

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES);
    SetWriterFailure(E_OUTOFMEMORY);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: E_OUTOFMEMORY (0x8007000E) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_*
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
