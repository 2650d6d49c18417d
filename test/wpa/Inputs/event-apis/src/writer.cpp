#include "writer.h"
bool STDMETHODCALLTYPE CSqlWriter::OnPrepareSnapshot() { return true; }
bool STDMETHODCALLTYPE CSqlWriter::OnFreeze() {
  RecordDevices();
  return true;
}
bool STDMETHODCALLTYPE CSqlWriter::OnThaw() { return true; }
bool STDMETHODCALLTYPE CSqlWriter::OnAbort() { return true; }
bool STDMETHODCALLTYPE CSqlWriter::OnPostSnapshot(IVssWriterComponents *pComponents) {
  RecordDevices();
  return true;
}
bool STDMETHODCALLTYPE CSqlWriter::OnPostRestore(IVssWriterComponents *pComponents) {
  IVssComponent *pComponent = nullptr;
  if (pComponents && SUCCEEDED(pComponents->GetComponent(0, &pComponent)))
    MarkRestored(pComponent);
  return true;
}
