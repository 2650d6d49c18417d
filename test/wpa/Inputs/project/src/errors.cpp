#include <vswriter.h>
class CReporter : public CVssWriter {
public:
  void Report(HRESULT hr) { SetWriterFailure(hr); }
};
void ReportFailure(CVssWriter *Writer, HRESULT hr) {
  static_cast<CReporter *>(Writer)->Report(hr);
}
