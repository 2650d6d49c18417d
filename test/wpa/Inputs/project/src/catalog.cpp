#include <vswriter.h>
void ReportFailure(CVssWriter *Writer, HRESULT hr);
bool LoadCatalog(CVssWriter *Writer) {
  ReportFailure(Writer, E_FAIL);
  return false;
}
