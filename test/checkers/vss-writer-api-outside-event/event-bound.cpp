// Writer APIs that VSS accepts during some events only, reached from the
// handler of another event: directly, through helpers, a virtual call and a
// lambda.
// RUN: %check_vss %s vss-writer-api-outside-event %t

#include <vswriter.h>

class CBaseWriter : public CVssWriterEx {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override {
    IVssExamineWriterMetadata *pMetadata = nullptr;
    GetIdentifyInformation(&pMetadata);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: GetIdentifyInformation may be called only while the writer handles OnPrepareBackup, OnPrepareSnapshot or OnPostSnapshot, but this call is reached from OnThaw; call it from OnPrepareBackup, OnPrepareSnapshot or OnPostSnapshot [vss-writer-api-outside-event]
    return true;
  }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

protected:
  virtual void RecordDevices() {}
};

class CSqlWriter : public CBaseWriter {
public:
  bool STDMETHODCALLTYPE OnFreeze() override {
    LPCWSTR Device = nullptr;
    ResolveDevice(L"C:\\", &Device);
    RecordDevices();
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override {
    IVssComponentEx *pComponent = FirstComponent(pComponents);
    if (pComponent)
      pComponent->SetPostSnapshotFailureMsg(L"no space left for the log");
      // CHECK-NOTES: :[[@LINE-1]]:19: warning: IVssComponentEx::SetPostSnapshotFailureMsg may be called only while the writer handles OnPostSnapshot, but this call is reached from OnPrepareBackup; call it from OnPostSnapshot [vss-writer-api-outside-event]
    return true;
  }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    IVssComponentEx *pComponent = FirstComponent(pComponents);
    auto Fail = [pComponent] { pComponent->SetPrepareForBackupFailureMsg(L"too late"); };
    // CHECK-NOTES: :[[@LINE-1]]:44: warning: IVssComponentEx::SetPrepareForBackupFailureMsg may be called only while the writer handles OnPrepareBackup, but this call is reached from OnPostSnapshot; call it from OnPrepareBackup [vss-writer-api-outside-event]
    // CHECK-NOTES: :[[@LINE+2]]:7: note: CSqlWriter::OnPostSnapshot calls the lambda here
    if (pComponent)
      Fail();
    return true;
  }
  bool STDMETHODCALLTYPE OnBackupShutdown(VSS_ID SnapshotSetId) override {
    VSS_ID Current = GetCurrentSnapshotSetId();
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: GetCurrentSnapshotSetId must not be called while the writer handles OnBackupShutdown, but this call is reached from it; use the SnapshotSetId parameter of OnBackupShutdown instead [vss-writer-api-outside-event]
    return Current.Data1 == SnapshotSetId.Data1;
  }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponents) override {
    IVssComponentEx *pComponent = FirstComponent(pComponents);
    if (pComponent)
      pComponent->SetRestoreMetadata(L"restored");
      // CHECK-NOTES: :[[@LINE-1]]:19: warning: IVssComponent::SetRestoreMetadata may be called only while the writer handles OnPreRestore, but this call is reached from OnPostRestore; call it from OnPreRestore [vss-writer-api-outside-event]
    return true;
  }

protected:
  void RecordDevices() override {
    LPCWSTR Device = nullptr;
    GetSnapshotDeviceName(L"D:\\", &Device);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: GetSnapshotDeviceName may be called only while the writer handles OnPostSnapshot, but this call is reached from OnFreeze; call it from OnPostSnapshot [vss-writer-api-outside-event]
    // CHECK-NOTES: :[[@LINE-37]]:5: note: CSqlWriter::OnFreeze calls CSqlWriter::RecordDevices here through a virtual call
  }

private:
  HRESULT ResolveDevice(LPCWSTR Volume, LPCWSTR *Device) {
    return GetSnapshotDeviceName(Volume, Device);
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: GetSnapshotDeviceName may be called only while the writer handles OnPostSnapshot, but this call is reached from OnFreeze; call it from OnPostSnapshot [vss-writer-api-outside-event]
    // CHECK-NOTES: :[[@LINE-45]]:5: note: CSqlWriter::OnFreeze calls CSqlWriter::ResolveDevice here
  }
  static IVssComponentEx *FirstComponent(IVssWriterComponents *pComponents) {
    IVssComponent *pComponent = nullptr;
    if (!pComponents || FAILED(pComponents->GetComponent(0, &pComponent)))
      return nullptr;
    return static_cast<IVssComponentEx *>(pComponent);
  }
};
