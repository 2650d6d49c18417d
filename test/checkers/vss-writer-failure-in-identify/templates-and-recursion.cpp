// Dependent templates are judged in their instantiations; recursion ends.
// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>

// Never instantiated, with a dependent base: nothing is known about Base.
template <class Base> class CGenericWriter : public Base {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    this->SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    return false;
  }
};

// Never instantiated, but the base is not dependent: the call is certain.
// (For the MSVC target clang delays the parsing of templates that are never
// instantiated: their bodies are not seen without -fno-delayed-template-parsing.)
template <class Traits> class CTraitsWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    Traits::Describe(pMetadata);
    SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
    // CHECK-MESSAGES-MINGW: :[[@LINE-1]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CTraitsWriter::OnIdentify)
    // CHECK-MESSAGES-LINUX: :[[@LINE-2]]:5: warning: SetWriterFailure must not be called while handling Identify (reached from CTraitsWriter::OnIdentify)
    return false;
  }
};

// Instantiated twice: one warning for the one call.
template <class Traits> class CCatalogWriter : public CVssWriterEx2 {
  void Fail(int depth) {
    if (depth > 0)
      Fail(depth - 1);
    else
      SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
  }
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { Fail(Traits::Depth); return false; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
struct Shallow { static const int Depth = 1; };
struct Deep { static const int Depth = 10; };
CCatalogWriter<Shallow> g_shallow;
CCatalogWriter<Deep> g_deep;
// CHECK-NOTES: :[[@LINE-13]]:7: warning: SetWriterFailure must not be called while handling Identify (reached from CCatalogWriter::OnIdentify)
// CHECK-NOTES: :[[@LINE-11]]:76: note: CCatalogWriter::OnIdentify calls CCatalogWriter::Fail here

// Mutual recursion that never reaches a failure call, and one that does.
class CFileWriter : public CVssWriter { static bool Er(int n); // No body: undecided.
  bool Walk(int n) { return n > 0 ? Visit(n - 1) : true; }
  bool Visit(int n) { return Walk(n); }
  bool Retry(int n) { return n > 0 ? Retry(n - 1) || Report(n) : Report(n); }
  bool Report(int n) { if (Er(n)) SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); return Retry(n); }
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { return Walk(3) && Retry(3); }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return Walk(5); }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
// CHECK-NOTES: :[[@LINE-8]]:35: warning: SetWriterFailure must not be called while handling Identify (reached from CFileWriter::OnIdentify)
// CHECK-NOTES: :[[@LINE-7]]:94: note: CFileWriter::OnIdentify calls CFileWriter::Retry here
// CHECK-NOTES: :[[@LINE-11]]:54: note: CFileWriter::Retry calls CFileWriter::Report here
