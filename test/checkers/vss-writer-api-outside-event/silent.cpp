// Each event-bound API called while an event it belongs to is handled, the
// metadata used inside OnIdentify, look-alike methods of other classes and
// helpers no other handler reaches: no finding.
// RUN: %check_vss %s vss-writer-api-outside-event %t
// CHECK-MESSAGES-NOT: warning:

#include <vswriter.h>

// Not the writer's: a class of the user's with the same method names.
class CDeviceMap {
public:
  HRESULT GetSnapshotDeviceName(LPCWSTR Volume, LPCWSTR *Device) const;
  VSS_ID GetCurrentSnapshotSetId() const;
  HRESULT SetRestoreMetadata(LPCWSTR Metadata);
};

class CSqlWriter : public CVssWriterEx {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override {
    Describe(pMetadata);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override {
    IVssExamineWriterMetadata *pMetadata = nullptr;
    GetIdentifyInformation(&pMetadata);
    if (IVssComponentEx *pComponent = FirstComponent(pComponents))
      pComponent->SetPrepareForBackupFailureMsg(L"log volume is offline");
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override {
    IVssExamineWriterMetadata *pMetadata = nullptr;
    GetIdentifyInformation(&pMetadata);
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() override {
    LPCWSTR Device = nullptr;
    m_Devices.GetSnapshotDeviceName(L"C:\\", &Device);
    VSS_ID Current = GetCurrentSnapshotSetId();
    return Current.Data1 == m_Devices.GetCurrentSnapshotSetId().Data1;
  }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    LPCWSTR Device = nullptr;
    ResolveDevice(L"C:\\", &Device);
    if (IVssComponentEx *pComponent = FirstComponent(pComponents))
      pComponent->SetPostSnapshotFailureMsg(L"snapshot device not found");
    return true;
  }
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID SnapshotSetId) override {
    m_Devices.SetRestoreMetadata(L"not VSS's");
    return SnapshotSetId.Data1 == m_Devices.GetCurrentSnapshotSetId().Data1;
  }
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents *pComponents) override {
    if (IVssComponentEx *pComponent = FirstComponent(pComponents))
      pComponent->SetRestoreMetadata(L"restore from the log first");
    return true;
  }

private:
  void Describe(IVssCreateWriterMetadata *pMetadata) {
    pMetadata->AddDatabaseFiles(L"", L"db", L"C:\\db", L"*.mdf");
  }
  HRESULT ResolveDevice(LPCWSTR Volume, LPCWSTR *Device) {
    return GetSnapshotDeviceName(Volume, Device);
  }
  // Called by no handler.
  void Unused() {
    LPCWSTR Device = nullptr;
    GetSnapshotDeviceName(L"D:\\", &Device);
  }
  static IVssComponentEx *FirstComponent(IVssWriterComponents *pComponents) {
    IVssComponent *pComponent = nullptr;
    if (!pComponents || FAILED(pComponents->GetComponent(0, &pComponent)))
      return nullptr;
    return static_cast<IVssComponentEx *>(pComponent);
  }
  CDeviceMap m_Devices;
};
