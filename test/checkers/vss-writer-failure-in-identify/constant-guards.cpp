// A branch whose condition depends only on values known along the path
// (constants, parameters bound to constants at the call, calls of functions
// of the TU that evaluate to a constant for those arguments) is followed only
// if it can run.
// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>

enum class WriterEvent { Identify, PrepareBackup, PrepareSnapshot, Freeze, Thaw };
constexpr bool kReportTraceFailures = false;
bool TraceFailed();

class CSqlWriter : public CVssWriterEx2 {
  WriterEvent m_last = WriterEvent::Identify;

  // Identify can come at any time; the others only in their sequence.
  static bool IsSequenced(WriterEvent event) {
    switch (event) {
    case WriterEvent::Identify:
      return false;
    default:
      return true;
    }
  }
  bool InSequence(WriterEvent event) { return IsSequenced(event) && m_last != event; }

  // Called at the top of every handler with the handler's own event.
  void EnterEvent(WriterEvent event) {
    if (InSequence(event))
      SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentifyEx); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
      // CHECK-NOTES: :[[@LINE+39]]:5: note: CSqlWriter::OnIdentifyEx calls CSqlWriter::EnterEvent here
    CheckOrder(event);
    m_last = event;
  }
  void CheckOrder(WriterEvent event) {
    if (event == WriterEvent::Identify || event == WriterEvent::Thaw)
      return;
    SetWriterFailureEx(VSS_E_WRITERERROR_NONRETRYABLE);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentifyEx); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
    // CHECK-NOTES: :[[@LINE+30]]:5: note: CSqlWriter::OnIdentifyEx calls CSqlWriter::EnterEvent here
    // CHECK-NOTES: :[[@LINE-9]]:5: note: CSqlWriter::EnterEvent calls CSqlWriter::CheckOrder here
  }
  void Trace(bool fFatal) {
    if (fFatal)
      SetWriterFailure(VSS_E_WRITERERROR_OUTOFRESOURCES);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
      // CHECK-NOTES: :[[@LINE+17]]:5: note: CSqlWriter::OnIdentify calls CSqlWriter::Trace here
    if (kReportTraceFailures && TraceFailed())
      SetWriterFailure(VSS_E_WRITERERROR_TIMEOUT);
  }
  void Validate(WriterEvent event) {
    if (event == m_last)
      SetWriterFailureEx(VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: SetWriterFailureEx must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
      // CHECK-NOTES: :[[@LINE+10]]:5: note: CSqlWriter::OnIdentify calls CSqlWriter::Validate here
  }

public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    // Silent: for Identify, InSequence is false and CheckOrder returns early.
    EnterEvent(WriterEvent::Identify);
    Trace(false);
    // Reported: a fatal trace, and a test of a member the call does not fix.
    Trace(true);
    Validate(WriterEvent::Identify);
    return true;
  }
  bool STDMETHODCALLTYPE OnIdentifyEx(IVssCreateWriterMetadataEx *pMetadata) {
    // The same helper with another event runs the other branches.
    EnterEvent(WriterEvent::Freeze);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
