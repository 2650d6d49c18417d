#include "writer.h"

static void Notify(HRESULT code) { ReportWriterError(g_Writer, code); }

bool CAppWriter::OnIdentify(IVssCreateWriterMetadata *pMetadata) { return true; }
bool CAppWriter::OnPrepareSnapshot() { return Prepare(); }

bool CAppWriter::OnFreeze() {
  HRESULT hr = FlushLogs();
  if (FAILED(hr)) {
    ReportWriterError(this, hr);
    return false;
  }
  ReportWriterError(this, E_FAIL);
  return false;
}

bool CAppWriter::OnThaw() {
  HRESULT status = E_OUTOFMEMORY;
  Fail(status);
  Log(E_FAIL);
  ReportTranslated(this, E_ACCESSDENIED);
  Diagnostics::Fail(E_FAIL);
  Fail(VSS_E_WRITERERROR_RETRYABLE);
  return false;
}

bool CAppWriter::OnAbort() {
  Notify(E_FAIL);
  return true;
}

// Values returned by functions of errors.cpp.
bool CAppWriter::Prepare() {
  Fail(LastError());
  Fail(Passthrough(E_INVALIDARG));
  Fail(Passthrough(VSS_E_WRITERERROR_RETRYABLE));
  return false;
}
