#include <vswriter.h>
class CReporter : public CVssWriter {
public:
  void Report(HRESULT hr) { SetWriterFailure(hr); }
  void Retry() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
};
void ReportFailure(CVssWriter *Writer, HRESULT hr) {
  static_cast<CReporter *>(Writer)->Report(hr);
}
void ReportRetry(CVssWriter *Writer) { static_cast<CReporter *>(Writer)->Retry(); }
