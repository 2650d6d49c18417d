// The components given to OnPrepareBackup, OnPostSnapshot, OnBackupComplete
// and OnPostRestore are null when the requester selected none: a call through
// them on a path that did not check is reported, in the handler or in the
// helper it passes them to.
// RUN: %check_vss %s vss-writer-null-components %t

#include <vswriter.h>

void Flush();

static HRESULT CountComponents(IVssWriterComponents *pComponents, UINT *Count) {
  return pComponents->GetComponentCount(Count);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'pComponents' may be null here: VSS gives CSqlWriter::OnBackupComplete a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
  // CHECK-NOTES: :[[@LINE+33]]:39: note: CSqlWriter::OnBackupComplete passes 'pComponents' to ForEachComponent here without checking it against null
  // CHECK-NOTES: :[[@LINE+5]]:26: note: ForEachComponent passes 'pComponents' to CountComponents here without checking it against null
}

static HRESULT ForEachComponent(IVssWriterComponents *pComponents) {
  UINT Count = 0;
  return CountComponents(pComponents, &Count);
}

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override {
    UINT Count = 0;
    // Reported once: past the first call the pointer was not null.
    pComponents->GetComponentCount(&Count);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'pComponents' may be null here: VSS gives CSqlWriter::OnPrepareBackup a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
    pComponents->GetComponentCount(&Count);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    // Checked on one branch only.
    UINT Count = 0;
    if (pComponents)
      pComponents->GetComponentCount(&Count);
    IVssComponent *pFirst = nullptr;
    return SUCCEEDED(pComponents->GetComponent(0, &pFirst));
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'pComponents' may be null here: VSS gives CSqlWriter::OnPostSnapshot a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
  }
  bool STDMETHODCALLTYPE OnBackupComplete(IVssWriterComponents *pComponents) override {
    return SUCCEEDED(ForEachComponent(pComponents));
  }
  bool STDMETHODCALLTYPE OnPostRestore(IVssWriterComponents *Selected) override {
    // Checked after the use.
    IVssWriterComponents &Components = *Selected;
    // CHECK-NOTES: :[[@LINE-1]]:40: warning: 'Selected' may be null here: VSS gives CSqlWriter::OnPostRestore a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
    if (!Selected)
      return true;
    UINT Count = 0;
    return SUCCEEDED(Components.GetComponentCount(&Count));
  }
};

class CLogWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override { return true; }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }
  bool STDMETHODCALLTYPE OnPostSnapshot(IVssWriterComponents *pComponents) override {
    // A catch handler runs with what the calls that throw into it had: here
    // nothing was checked.
    UINT Count = 0;
    try {
      Flush();
    } catch (...) {
      pComponents->GetComponentCount(&Count);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'pComponents' may be null here: VSS gives CLogWriter::OnPostSnapshot a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
      return false;
    }
    return pComponents != nullptr;
  }
};
