// Code with compile errors, incomplete classes and dependent templates: no
// crash and no bogus finding; genuine calls are still reported.
// RUN: %check_vss -expect-compile-errors %s vss-writer-failure-in-identify %t

#include <vswriter.h>

class CIncomplete;
class CBrokenBase : public CIncomplete {
// CHECK-MESSAGES: :[[@LINE-1]]:28: error: base class has incomplete type [clang-diagnostic-error]
// CHECK-MESSAGES: :[[@LINE-3]]:7: note: forward declaration of 'CIncomplete'
  bool OnIdentify(IVssCreateWriterMetadata *pMetadata) { SetWriterFailure(E_FAIL); return false; }
// CHECK-MESSAGES: :[[@LINE-1]]:58: error: use of undeclared identifier 'SetWriterFailure' [clang-diagnostic-error]
};

class CSqlWriter : public CVssWriterEx2 {
  CIncomplete *m_pCatalog;
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    LoadCatalog(m_pCatalog);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: use of undeclared identifier 'LoadCatalog' [clang-diagnostic-error]
    // A call with errors in it is not trusted: only the compiler error shows.
    SetWriterFailure(qzxUndeclaredHr);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: error: use of undeclared identifier 'qzxUndeclaredHr' [clang-diagnostic-error]
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify)
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
