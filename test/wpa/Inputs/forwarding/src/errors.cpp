#include "writer.h"

void CAppWriter::Fail(HRESULT hr) { SetWriterFailure(hr); }

HRESULT ReportWriterError(CAppWriter *Writer, HRESULT hr) {
  Writer->Fail(hr);
  return hr;
}

void ReportTranslated(CAppWriter *Writer, HRESULT hr) {
  Writer->Fail(hr == E_ACCESSDENIED ? VSS_E_WRITERERROR_NONRETRYABLE
                                    : VSS_E_WRITERERROR_RETRYABLE);
}

HRESULT LastError() { return E_UNEXPECTED; }
HRESULT Passthrough(HRESULT hr) { return hr; }
