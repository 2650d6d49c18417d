#include <vswriter.h>
class CReporter : public CVssWriter {
public:
  void Report() { SetWriterFailure(VSS_E_WRITERERROR_RETRYABLE); }
};
void ReportFailure(CVssWriter *Writer) { static_cast<CReporter *>(Writer)->Report(); }
