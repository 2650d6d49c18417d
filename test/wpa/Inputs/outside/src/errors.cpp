#include "writer.h"
void CSqlWriter::ReportError(HRESULT hr) { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); }
void CSqlWriter::ReportRetry() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
