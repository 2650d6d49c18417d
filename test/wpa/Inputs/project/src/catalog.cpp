#include <vswriter.h>
void ReportFailure(CVssWriter *Writer, HRESULT hr);
void ReportRetry(CVssWriter *Writer);
bool LoadCatalog(CVssWriter *Writer) {
  ReportFailure(Writer, E_FAIL);
  return false;
}
// Reached from OnPrepareSnapshot only: reporting a failure there is right.
bool PrepareCatalog(CVssWriter *Writer) {
  ReportRetry(Writer);
  return false;
}
