#include "writer.h"
CSqlWriter::~CSqlWriter() { Uninitialize(); }
HRESULT CSqlWriter::Uninitialize() {
  HRESULT hr = Unsubscribe();
  if (FAILED(hr))
    ReportError(hr);
  return hr;
}
