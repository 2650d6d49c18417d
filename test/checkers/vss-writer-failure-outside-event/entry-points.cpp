// Every program entry point runs while no event is handled: wmain, WinMain,
// wWinMain and DllMain as main does (lifecycle.cpp). A function of the same
// name in a class is not one.
// RUN: %check_vss %s vss-writer-failure-outside-event %t

#include <vswriter.h>

class CSqlWriter : public CVssWriterEx2 {
public:
  void FailStartup() { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from wmain, the program's entry point); log the error or return it to the caller instead [vss-writer-failure-outside-event]
  // CHECK-NOTES: :[[@LINE+18]]:12: note: wmain calls CSqlWriter::FailStartup here
  void FailLoad() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from DllMain, the program's entry point); log the error or return it to the caller instead [vss-writer-failure-outside-event]
  // CHECK-NOTES: :[[@LINE+26]]:14: note: DllMain calls CSqlWriter::FailLoad here
  void FailWindow() { SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT); }
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: SetWriterFailure records the failure of the event being handled, but this call runs while no event is handled (reached from WinMain, the program's entry point); log the error or return it to the caller instead [vss-writer-failure-outside-event]
  // CHECK-NOTES: :[[@LINE+17]]:12: note: WinMain calls CSqlWriter::FailWindow here
  void FailHelper() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }

  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

CSqlWriter g_writer;

int wmain(int argc, wchar_t **argv) {
  g_writer.FailStartup();
  return 0;
}

int WINAPI WinMain(HINSTANCE hInstance, HINSTANCE hPrev, LPSTR lpCmdLine, int nShow) {
  g_writer.FailWindow();
  return 0;
}

BOOL WINAPI DllMain(HINSTANCE hInstance, DWORD dwReason, LPVOID lpReserved) {
  if (dwReason == 1)
    g_writer.FailLoad();
  return TRUE;
}

// Not an entry point: a member named like one.
struct CHost {
  int WinMain(CSqlWriter &Writer) {
    Writer.FailHelper();
    return 0;
  }
};
