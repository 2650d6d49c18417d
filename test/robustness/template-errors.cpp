// Templates that fail to instantiate: a writer class template instantiated
// with a type that lacks what its handlers use, helpers whose instantiation
// fails, a failed static_assert, a CRTP writer whose derived class lacks the
// hook, and a return type that cannot be deduced. vss-tidy exits 1 with the
// compiler's errors; the instantiations that succeed are checked as usual.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-*' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

template <class Source> class CTemplateWriter : public CVssWriterEx2 {
  Source m_source;

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    if (FAILED(m_source.Code()))
    // CHECK: template-errors.cpp:[[@LINE-1]]:24: error: member reference base type 'int' is not a structure or union [clang-diagnostic-error]
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK: template-errors.cpp:[[@LINE-1]]:7: warning: SetWriterFailure must not be called while handling Identify (reached from CTemplateWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(m_source.Code());
    // CHECK: template-errors.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK: template-errors.cpp:[[@LINE+71]]:20: note: GoodSource::Code returns E_FAIL (0x80004005) here
    // CHECK: template-errors.cpp:[[@LINE-3]]:30: error: member reference base type 'int' is not a structure or union [clang-diagnostic-error]
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

// int has no Code(): both handlers fail to instantiate.
template class CTemplateWriter<int>;

template <class T> HRESULT CodeOf(T Value) { return Value.Missing; }
// CHECK: template-errors.cpp:[[@LINE-1]]:58: error: member reference base type 'int' is not a structure or union [clang-diagnostic-error]
template <class T> HRESULT Checked(T Value) {
  static_assert(sizeof(T) > 8, "Checked needs a large type");
  // CHECK: template-errors.cpp:[[@LINE-1]]:17: error: static assertion failed due to requirement 'sizeof(long) > 8': Checked needs a large type [clang-diagnostic-error]
  return Value;
}
template <class T> auto Deduced(T Value) { return Deduced(Value); }
// CHECK: template-errors.cpp:[[@LINE-1]]:51: error: function 'Deduced<int>' with deduced return type cannot be used before it is defined [clang-diagnostic-error]

class CHelperWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) {
    SetWriterFailure(CodeOf(1));
    // The call itself is whole: it is reported; the next one is not (its argument has errors).
    // CHECK: template-errors.cpp:[[@LINE-2]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CHelperWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    SetWriterFailure(Deduced(2));
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    SetWriterFailure(Checked(E_FAIL));
    // CHECK: template-errors.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    // CHECK: template-errors.cpp:[[@LINE-17]]:3: note: Checked returns E_FAIL (0x80004005) here
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() {
    SetWriterFailure(E_FAIL);
    // CHECK: template-errors.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

template <class Derived> class CCrtpWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    return static_cast<Derived *>(this)->Identify(pMetadata);
    // CHECK: template-errors.cpp:[[@LINE-1]]:42: error: no member named 'Identify' in 'CDerivedWriter' [clang-diagnostic-error]
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return static_cast<Derived *>(this)->Prepare(); }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

// No Identify: OnIdentify fails to instantiate; Prepare is checked.
class CDerivedWriter : public CCrtpWriter<CDerivedWriter> {
public:
  bool Prepare() {
    SetWriterFailure(E_FAIL);
    // CHECK: template-errors.cpp:[[@LINE-1]]:22: warning: E_FAIL (0x80004005) is not a writer error code; SetWriterFailure accepts only VSS_E_WRITERERROR_* (use VSS_E_WRITERERROR_RETRYABLE for transient failures, VSS_E_WRITERERROR_NONRETRYABLE otherwise) [vss-writer-failure-invalid-hresult]
    return false;
  }
};
CDerivedWriter g_writer;

// A source that works: its handlers are checked.
struct GoodSource {
  HRESULT Code() { return E_FAIL; }
};
CTemplateWriter<GoodSource> g_good;
