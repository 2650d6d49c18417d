#include <vswriter.h>

class CAppWriter : public CVssWriter {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) override;
  bool STDMETHODCALLTYPE OnPrepareSnapshot() override;
  bool STDMETHODCALLTYPE OnFreeze() override;
  bool STDMETHODCALLTYPE OnThaw() override;
  bool STDMETHODCALLTYPE OnAbort() override;
  void Fail(HRESULT hr);
  void Log(HRESULT hr);
  bool Prepare();
};

HRESULT LastError();
HRESULT Passthrough(HRESULT hr);

HRESULT FlushLogs();
HRESULT ReportWriterError(CAppWriter *Writer, HRESULT hr);
void ReportTranslated(CAppWriter *Writer, HRESULT hr);
namespace Diagnostics {
void Fail(HRESULT hr);
}
extern CAppWriter *g_Writer;
