#include "writer.h"
void CSqlWriter::RecordDevices() {
  LPCWSTR Device = nullptr;
  GetSnapshotDeviceName(L"C:\\", &Device);
}
void MarkRestored(IVssComponent *pComponent) { pComponent->SetRestoreMetadata(L"restored"); }
