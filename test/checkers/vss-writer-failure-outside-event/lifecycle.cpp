// SetWriterFailure records the failure of the event being handled: reached
// from the writer's constructor or destructor, from the functions that call
// Initialize, Subscribe or Unsubscribe, from main or from a service main, it
// runs while no event is handled.
// RUN: %check_vss %s vss-writer-failure-outside-event %t

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  CSqlWriter() { LoadSettings(); }
  ~CSqlWriter() { Uninitialize(); }

  HRESULT Initialize() {
    HRESULT hr = CVssWriter::Initialize(VSS_ID(), L"SqlWriter", VSS_UT_USERDATA, VSS_ST_OTHER);
    if (FAILED(hr)) {
      SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from CSqlWriter::Initialize, which calls CVssWriter::Initialize); log the error or return it to the caller instead [vss-writer-failure-outside-event]
      // CHECK-NOTES: :[[@LINE-4]]:30: note: CSqlWriter::Initialize calls CVssWriter::Initialize here
      return hr;
    }
    return Subscribe();
  }

  void Uninitialize() {
    HRESULT hr = Unsubscribe();
    if (FAILED(hr))
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from CSqlWriter::Uninitialize, which calls CVssWriter::Unsubscribe); log the error or return it to the caller instead [vss-writer-failure-outside-event]
      // CHECK-NOTES: :[[@LINE-4]]:18: note: CSqlWriter::Uninitialize calls CVssWriter::Unsubscribe here
  }

  void Fail(HRESULT hr) { SetWriterFailureEx(hr); }
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: SetWriterFailureEx records the failure of the event being handled, but this call runs while no event is handled (reached from main, the program's entry point); log the error or return it to the caller instead [vss-writer-failure-outside-event]
  // CHECK-NOTES: :[[@LINE+47]]:12: note: main calls CSqlWriter::Fail here

  void Abandon() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from ServiceMain, a service main registered with StartServiceCtrlDispatcherW); log the error or return it to the caller instead [vss-writer-failure-outside-event]
  // CHECK-NOTES: :[[@LINE+45]]:3: note: main registers ServiceMain with StartServiceCtrlDispatcherW here
  // CHECK-NOTES: :[[@LINE+36]]:63: note: ServiceMain calls CSqlWriter::Abandon here

  bool STDMETHODCALLTYPE OnPrepareSnapshot() {
    Retry();
    return true;
  }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }

private:
  void LoadSettings() {
    if (!m_settings)
      SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from CSqlWriter::CSqlWriter, a constructor of writer class 'CSqlWriter'); log the error or return it to the caller instead [vss-writer-failure-outside-event]
      // CHECK-NOTES: :[[@LINE-44]]:18: note: CSqlWriter::CSqlWriter calls CSqlWriter::LoadSettings here
  }
  // Reached from a handler only: silent.
  void Retry() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }

  int *m_settings = nullptr;
};

// Not a writer: its destructor is not a root, and it calls no lifecycle method.
class CJob {
public:
  explicit CJob(CSqlWriter *Writer) : m_writer(Writer) {}
  ~CJob() { Cancel(); }
  void Cancel() {}

private:
  CSqlWriter *m_writer;
};

CSqlWriter *g_writer;

void WINAPI ServiceMain(DWORD argc, LPWSTR *argv) { g_writer->Abandon(); }

int main() {
  CSqlWriter Writer;
  g_writer = &Writer;
  if (FAILED(Writer.Initialize()))
    Writer.Fail(VSS_E_WRITERERROR_NONRETRYABLE);
  SERVICE_TABLE_ENTRYW Table[] = {{(LPWSTR)L"SqlWriter", ServiceMain}, {nullptr, nullptr}};
  StartServiceCtrlDispatcherW(Table);
  return 0;
}
