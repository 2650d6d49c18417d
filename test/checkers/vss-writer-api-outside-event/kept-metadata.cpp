// The IVssCreateWriterMetadata given to OnIdentify is valid while it runs:
// kept in a member or a global and used from another handler, it is not.
// RUN: %check_vss %s vss-writer-api-outside-event %t

#include <vswriter.h>

IVssCreateWriterMetadataEx *g_pMetadata = nullptr;

// A smart pointer as ATL's CComPtr is used: operator-> gives the interface.
template <class T> class CComPtr {
public:
  CComPtr &operator=(T *Other) {
    Pointer = Other;
    return *this;
  }
  T *operator->() const { return Pointer; }

private:
  T *Pointer = nullptr;
};

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override {
    m_pMetadata = pMetadata;
    m_spMetadata = pMetadata;
    return SUCCEEDED(pMetadata->AddDatabaseFiles(L"", L"db", L"C:\\db", L"*.mdf"));
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    m_pMetadata->AddDatabaseFiles(L"", L"db", L"C:\\db", L"*.ldf");
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: IVssCreateWriterMetadata::AddDatabaseFiles is valid only while the writer handles OnIdentify or OnIdentifyEx, but this call through a pointer kept past it is reached from OnPrepareSnapshot; describe the writer's metadata in OnIdentify and do not keep the pointer [vss-writer-api-outside-event]
    // CHECK-NOTES: :[[@LINE-7]]:5: note: CSqlWriter::OnIdentify keeps the pointer in 'm_pMetadata' here
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override {
    m_spMetadata->AddDatabaseFiles(L"", L"db", L"C:\\db", L"*.bak");
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: IVssCreateWriterMetadata::AddDatabaseFiles is valid only while the writer handles OnIdentify or OnIdentifyEx, but this call through a pointer kept past it is reached from OnAbort; describe the writer's metadata in OnIdentify and do not keep the pointer [vss-writer-api-outside-event]
    // CHECK-NOTES: :[[@LINE-14]]:5: note: CSqlWriter::OnIdentify keeps the pointer in 'm_spMetadata' here
    return true;
  }

  IVssCreateWriterMetadata *m_pMetadata = nullptr;
  CComPtr<IVssCreateWriterMetadata> m_spMetadata;
};

class CSqlWriterEx : public CVssWriterEx {
public:
  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata) override {
    g_pMetadata = pMetadata;
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    Exclude();
    return true;
  }

private:
  void Exclude() { g_pMetadata->AddExcludeFilesFromSnapshot(L"C:\\db", L"*.tmp", false); }
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot is valid only while the writer handles OnIdentify or OnIdentifyEx, but this call through a pointer kept past it is reached from OnPostSnapshot; describe the writer's metadata in OnIdentifyEx and do not keep the pointer [vss-writer-api-outside-event]
  // CHECK-NOTES: :[[@LINE-7]]:5: note: CSqlWriterEx::OnPostSnapshot calls CSqlWriterEx::Exclude here
  // CHECK-NOTES: :[[@LINE-16]]:5: note: CSqlWriterEx::OnIdentifyEx keeps the pointer in 'g_pMetadata' here
};
