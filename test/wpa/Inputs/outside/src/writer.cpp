#include "writer.h"
bool STDMETHODCALLTYPE CSqlWriter::OnFreeze() {
  ReportRetry();
  return true;
}
