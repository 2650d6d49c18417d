// A kept IVssCreateWriterMetadata pointer passed to a helper, which calls
// through its parameter: the member that keeps it is enough to follow it.
// RUN: %check_vss %s vss-writer-api-outside-event %t

#include <vswriter.h>

static void AddLogFiles(IVssCreateWriterMetadata *pMetadata) {
  pMetadata->AddDatabaseFiles(L"", L"db", L"C:\\db", L"*.ldf");
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: IVssCreateWriterMetadata::AddDatabaseFiles is valid only while the writer handles OnIdentify or OnIdentifyEx, but this call through a pointer kept past it is reached from OnPrepareSnapshot; describe the writer's metadata in OnIdentify and do not keep the pointer [vss-writer-api-outside-event]
  // CHECK-NOTES: :[[@LINE+11]]:5: note: CSqlWriter::OnPrepareSnapshot calls AddLogFiles here
}

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override {
    m_pMetadata = pMetadata;
    AddLogFiles(pMetadata);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    AddLogFiles(m_pMetadata);
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

private:
  IVssCreateWriterMetadata *m_pMetadata = nullptr;
};
