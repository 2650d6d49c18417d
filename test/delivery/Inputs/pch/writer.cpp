// No #include, and no VSS class named: CVssWriter is known only through the
// precompiled header.
class CSqlWriter : public WriterBase {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    SetWriterFailure(E_FAIL);
    return false;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
