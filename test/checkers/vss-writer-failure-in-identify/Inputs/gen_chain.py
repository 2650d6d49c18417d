"""Prints a writer whose OnIdentify reaches SetWriterFailure through N helpers,
next to a cycle of N helpers that never reaches it."""
import sys

n = int(sys.argv[1])
print("#include <vswriter.h>")
print("class CDeepWriter;")
for i in range(n + 1):
    print("void step%d(CDeepWriter *w);" % i)
    print("void loop%d(CDeepWriter *w);" % i)
print("""class CDeepWriter : public CVssWriter {
public:
  void Fail() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *) { loop0(this); step0(this); return true; }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};""")
for i in range(n):
    print("void step%d(CDeepWriter *w) { step%d(w); }" % (i, i + 1))
    print("void loop%d(CDeepWriter *w) { loop%d(w); }" % (i, i + 1))
print("void step%d(CDeepWriter *w) { w->Fail(); }" % n)
print("void loop%d(CDeepWriter *w) { loop0(w); }" % n)
