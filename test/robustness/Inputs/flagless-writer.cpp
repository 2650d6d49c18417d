// A writer that needs no header and no flags: the declarations vss-tidy
// recognises, then a writer that calls SetWriterFailure from OnIdentify.
typedef long HRESULT;
struct IVssCreateWriterMetadata;
class CVssWriter {
public:
  virtual ~CVssWriter();
  virtual bool OnIdentify(IVssCreateWriterMetadata *pMetadata) { return true; }
  virtual bool OnPrepareSnapshot() = 0;
  virtual bool OnFreeze() = 0;
  virtual bool OnThaw() = 0;
  virtual bool OnAbort() = 0;

protected:
  HRESULT SetWriterFailure(HRESULT hr);
};

class CSqlWriter : public CVssWriter {
public:
  bool OnIdentify(IVssCreateWriterMetadata *) override {
    SetWriterFailure(static_cast<HRESULT>(0x800423F3L));
    return false;
  }
  bool OnPrepareSnapshot() override { return true; }
  bool OnFreeze() override { return true; }
  bool OnThaw() override { return true; }
  bool OnAbort() override { return true; }
};
