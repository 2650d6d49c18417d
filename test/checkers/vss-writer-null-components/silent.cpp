// Checks against null that protect every call through the components, along
// the control flow: early returns, guarded blocks, &&, ||, a helper that
// checks first, AreComponentsSelected(); and the look-alikes: OnPreRestore
// (never given null), a class that is not a writer. No finding.
// RUN: %check_vss %s vss-writer-null-components %t
// CHECK-MESSAGES-NOT: warning:

#include <vswriter.h>

void Flush();

static HRESULT SafeCount(IVssWriterComponents *pComponents, UINT *Count) {
  *Count = 0;
  if (pComponents == nullptr)
    return S_FALSE;
  return pComponents->GetComponentCount(Count);
}

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override {
    if (!pComponents)
      return true;
    UINT Count = 0;
    for (UINT I = 0; SUCCEEDED(pComponents->GetComponentCount(&Count)) && I < Count; ++I) {
      IVssComponent *pComponent = nullptr;
      pComponents->GetComponent(I, &pComponent);
    }
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    UINT Count = 0;
    if (pComponents != NULL) {
      pComponents->GetComponentCount(&Count);
    }
    if (NULL == pComponents || FAILED(pComponents->GetComponentCount(&Count)))
      return true;
    if (pComponents != (IVssWriterComponents *)NULL)
      pComponents->GetComponentCount(&Count);
    return SUCCEEDED(SafeCount(pComponents, &Count));
  }
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) override {
    UINT Count = 0;
    // Checked before the try: the handler sees the state of the calls that throw.
    if (pComponents) {
      try {
        Flush();
      } catch (...) {
        pComponents->GetComponentCount(&Count);
      }
    }
    return pComponents && SUCCEEDED(pComponents->GetComponentCount(&Count));
  }
  bool STDMETHODCALLTYPE OnPreRestore(IVssWriterComponents *pComponents) override {
    UINT Count = 0;
    return SUCCEEDED(pComponents->GetComponentCount(&Count));
  }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *pComponents) override {
    // VSS passes null only when the requester selected no components.
    if (!AreComponentsSelected())
      return true;
    UINT Count = 0;
    return SUCCEEDED(pComponents->GetComponentCount(&Count));
  }
};

// Not a writer: its OnPrepareBackup is not VSS's.
class CBackupJob {
public:
  bool OnPrepareBackup(IVssWriterComponents *pComponents) {
    UINT Count = 0;
    return SUCCEEDED(pComponents->GetComponentCount(&Count));
  }
};
