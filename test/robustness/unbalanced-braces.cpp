// Unbalanced braces: stray closing braces, a class closed early by one brace
// too many, and a handler never closed that swallows the rest of the file.
// vss-tidy reports the compiler errors and exits 1; the writer before them is
// checked as usual, code that the parser recovered is checked where it is
// whole, and nothing the parser dropped gives a finding.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

class CGoodWriter : public CVssWriter {
  void ReportError() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:24: warning: SetWriterFailure must not be called while handling Identify (reached from CGoodWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    ReportError();
    // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:5: note: CGoodWriter::OnIdentify calls CGoodWriter::ReportError here
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

}}
// CHECK: unbalanced-braces.cpp:[[@LINE-1]]:1: error: extraneous closing brace ('}') [clang-diagnostic-error]
// CHECK: unbalanced-braces.cpp:[[@LINE-2]]:2: error: extraneous closing brace ('}') [clang-diagnostic-error]

// One brace too many ends the class after OnFreeze: OnFreeze is still a
// handler of the writer; OnThaw becomes a free function.
class CEarlyEnd : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnFreeze() { SetWriterFailure(E_FAIL); return true; } }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:56: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
  // CHECK: unbalanced-braces.cpp:[[@LINE-2]]:81: error: expected ';' after class [clang-diagnostic-error]
  bool STDMETHODCALLTYPE OnThaw() { SetWriterFailure(E_FAIL); return true; }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:37: error: use of undeclared identifier 'SetWriterFailure' [clang-diagnostic-error]
};
// CHECK: unbalanced-braces.cpp:[[@LINE-1]]:1: error: extraneous closing brace ('}') [clang-diagnostic-error]

// OnIdentify is never closed: what it holds before the next handler is
// checked (its SetWriterFailure is reported); the handlers after it are not
// handlers any more, and their bugs are not reported.
class CNeverClosed : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    if (!pMetadata) {
      SetWriterFailureEx(VSS_E_WRITERERROR_NONRETRYABLE);
      // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:7: warning: SetWriterFailureEx must not be called while handling Identify (reached from CNeverClosed::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
      return false;
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { SetWriterFailure(E_FAIL); return true; }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:46: error: function definition is not allowed here [clang-diagnostic-error]
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:37: error: function definition is not allowed here [clang-diagnostic-error]
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:35: error: function definition is not allowed here [clang-diagnostic-error]
  bool STDMETHODCALLTYPE OnAbort() { return true; }
  // CHECK: unbalanced-braces.cpp:[[@LINE-1]]:36: error: function definition is not allowed here [clang-diagnostic-error]
// The end of the file ends the class (and OnIdentify) with two errors.
// CHECK: unbalanced-braces.cpp:[[@LINE+3]]:3: error: expected ';' after class [clang-diagnostic-error]
// CHECK: unbalanced-braces.cpp:[[@LINE+2]]:3: error: expected '}' [clang-diagnostic-error]
// CHECK: unbalanced-braces.cpp:[[@LINE-20]]:43: note: to match this '{'
};
