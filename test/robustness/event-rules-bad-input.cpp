// The three event rules (api-outside-event, null-components, freeze-blocking)
// on code a writer has while it is being written: calls with errors in them,
// a dependent writer template, recursion through the components and through a
// time-out, a wait on an incomplete type. No crash; the valid findings beside
// them are reported as usual.
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-writer-api-outside-event,vss-writer-null-components,vss-writer-freeze-blocking' %s -- -std=c++17 %msvc_flags > %t.msvc
// RUN: FileCheck %s --input-file=%t.msvc --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-writer-api-outside-event,vss-writer-null-components,vss-writer-freeze-blocking' %s -- -std=c++17 %mingw_flags > %t.mingw
// RUN: FileCheck %s --input-file=%t.mingw --implicit-check-not='{{warning|error}}:'
// RUN: %expect_exit 1 %vss_tidy --config={} --checks='-*,vss-writer-api-outside-event,vss-writer-null-components,vss-writer-freeze-blocking' %s -- -std=c++17 %linux_flags > %t.linux
// RUN: FileCheck %s --input-file=%t.linux --implicit-check-not='{{warning|error}}:'

#include <vswriter.h>

struct CIncomplete;
DWORD Wait(CIncomplete *Event, DWORD Milliseconds);

// Recursion: the components are passed back and forth, the time-out too.
static HRESULT CountDown(IVssWriterComponents *pComponents, UINT Depth);
static HRESULT CountUp(IVssWriterComponents *pComponents, UINT Depth) {
  return Depth ? CountDown(pComponents, Depth - 1) : S_OK;
}
static HRESULT CountDown(IVssWriterComponents *pComponents, UINT Depth) {
  if (Depth == 0)
    return CountUp(pComponents, 1);
  UINT Count = 0;
  return pComponents->GetComponentCount(&Count);
  // CHECK: event-rules-bad-input.cpp:[[@LINE-1]]:10: warning: 'pComponents' may be null here: VSS gives CSqlWriter::OnPrepareBackup a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
}
static void WaitLoop(HANDLE Handle, DWORD Milliseconds, int Depth) {
  if (Depth > 0)
    WaitLoop(Handle, Milliseconds, Depth - 1);
  WaitForSingleObject(Handle, Milliseconds);
  // CHECK: event-rules-bad-input.cpp:[[@LINE-1]]:3: warning: WaitForSingleObject waits with an INFINITE time-out inside the freeze window (reached from CSqlWriter::OnFreeze); the snapshot times out if it does not return: wait with a time-out well inside the freeze window, or do the work before the freeze (OnPrepareSnapshot) [vss-writer-freeze-blocking]
}

template <class T> class CWriterT : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override {
    return T::Count(pComponents) > 0;
  }
  bool STDMETHODCALLTYPE OnFreeze() override {
    T::Wait(INFINITE);
    return true;
  }
};

class CSqlWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnPrepareBackup(IVssWriterComponents *pComponents) override {
    HRESULT hr = CountUp(pComponents, 3);
    // A call with an error in it still calls through the pointer.
    pComponents->GetComponentCount(Undeclared);
    // CHECK: event-rules-bad-input.cpp:[[@LINE-1]]:5: warning: 'pComponents' may be null here: VSS gives CSqlWriter::OnPrepareBackup a null IVssWriterComponents when the requester selected no components; check it against null first [vss-writer-null-components]
    // CHECK: event-rules-bad-input.cpp:[[@LINE-2]]:36: error: use of undeclared identifier 'Undeclared' [clang-diagnostic-error]
    return SUCCEEDED(hr);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override { return true; }
  bool STDMETHODCALLTYPE OnFreeze() override {
    Wait(m_Event, INFINITE);
    WaitForSingleObject(m_hFlushed);
    // CHECK: event-rules-bad-input.cpp:[[@LINE-1]]:5: error: no matching function for call to 'WaitForSingleObject' [clang-diagnostic-error]
    WaitLoop(m_hFlushed, INFINITE, 3);
    LPCWSTR Device = nullptr;
    GetSnapshotDeviceName(Device);
    // CHECK: event-rules-bad-input.cpp:[[@LINE-1]]:33: error: too few arguments to function call, expected 2, have 1 [clang-diagnostic-error]
    return true;
  }
  bool STDMETHODCALLTYPE OnThaw() override { return true; }
  bool STDMETHODCALLTYPE OnAbort() override { return true; }

private:
  CIncomplete *m_Event = nullptr;
  HANDLE m_hFlushed = nullptr;
};
