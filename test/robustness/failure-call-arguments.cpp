// SetWriterFailure, SetWriterFailureEx and IVssComponentEx2::SetFailure called
// with too few or too many arguments, or with arguments of the wrong type. A
// call with errors in it is not analysed (no finding, whatever handler it is
// in); the valid calls beside them are reported as usual.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

struct Status { HRESULT hr; };
HRESULT *LastError();

class CSqlWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    SetWriterFailure();
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: error: too few arguments to function call, single argument 'hr' was not specified [clang-diagnostic-error]
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE, E_FAIL);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:51: error: too many arguments to function call, expected single argument 'hr', have 2 arguments [clang-diagnostic-error]
    SetWriterFailure("VSS_E_WRITERERROR_RETRYABLE");
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: error: cannot initialize a parameter of type 'HRESULT' (aka 'long') with an lvalue of type 'const char[28]' [clang-diagnostic-error]
    SetWriterFailure(Status{E_FAIL});
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: error: no viable conversion from 'Status' to 'HRESULT' (aka 'long') [clang-diagnostic-error]
    SetWriterFailure(LastError());
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: error: cannot initialize a parameter of type 'HRESULT' (aka 'long') with an rvalue of type 'HRESULT *' (aka 'long *') [clang-diagnostic-error]
    SetWriterFailure(nullptr);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: error: cannot initialize a parameter of type 'HRESULT' (aka 'long') with an rvalue of type 'std::nullptr_t' [clang-diagnostic-error]
    SetWriterFailure([] { return E_FAIL; });
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: error: no viable conversion from '(lambda at {{.*}}failure-call-arguments.cpp:[[@LINE-1]]:22)' to 'HRESULT' (aka 'long') [clang-diagnostic-error]
    SetWriterFailureEx();
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:24: error: too few arguments to function call, at least argument 'hrWriter' must be specified [clang-diagnostic-error]
    SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE, S_OK, L"message", 4);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:71: error: too many arguments to function call, expected at most 3, have 4 [clang-diagnostic-error]
    SetWriterFailureEx(VSS_E_WRITERERROR_RETRYABLE, S_OK, 42);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:59: error: cannot initialize a parameter of type 'LPCWSTR' (aka 'const wchar_t *') with an rvalue of type 'int' [clang-diagnostic-error]
    // The one valid call of OnIdentify.
    SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    HRESULT hr = Undeclared();
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:18: error: use of undeclared identifier 'Undeclared' [clang-diagnostic-error]
    SetWriterFailure(hr);
    SetWriterFailure(hr +);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:26: error: expected expression [clang-diagnostic-error]
    SetWriterFailure(Status{}.code);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:31: error: no member named 'code' in 'Status' [clang-diagnostic-error]
    SetWriterFailure(E_FAIL);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) {
    IVssComponent *pComponent = NULL;
    if (!pComponents)
      return true;
    pComponents->GetComponent(0, &pComponent);
    IVssComponentEx2 *pComponent2 = static_cast<IVssComponentEx2 *>(pComponent);
    pComponent2->SetFailure(E_FAIL);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:35: error: too few arguments to function call, expected 4, have 1 [clang-diagnostic-error]
    pComponent2->SetFailure(E_FAIL, S_OK, L"", 0);
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:29: warning: E_FAIL (0x80004005) is not a writer error code; IVssComponentEx2::SetFailure accepts only S_OK or VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    // A member function pointer called without its argument.
    HRESULT (CSqlWriter::*report)(HRESULT) = &CSqlWriter::SetWriterFailure;
    (this->*report)();
    // CHECK: failure-call-arguments.cpp:[[@LINE-1]]:21: error: too few arguments to function call, expected 1, have 0 [clang-diagnostic-error]
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
