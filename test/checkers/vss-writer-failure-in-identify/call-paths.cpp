// Calls reached through chains of calls are reported with the path that leads to them.
// RUN: %check_vss %s vss-writer-failure-in-identify %t

#include <vswriter.h>

#define REPORT_WRITER_ERROR(writer, hr) (writer)->ReportError(hr)

class CSqlWriter;
static void LogAndFail(CSqlWriter *pWriter, HRESULT hr);

class CSqlWriter : public CVssWriterEx2 {
public:
  void ReportError(HRESULT hr) { SetWriterFailure(hr); }
  HRESULT LoadComponents(IVssCreateWriterMetadata *pMetadata);
  HRESULT Enumerate(IVssCreateWriterMetadata *pMetadata) { return LoadComponents(pMetadata); }

  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    HRESULT hr = Enumerate(pMetadata);
    return SUCCEEDED(hr);
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};

HRESULT CSqlWriter::LoadComponents(IVssCreateWriterMetadata *pMetadata) {
  HRESULT hr = pMetadata->AddComponent(VSS_CT_DATABASE, NULL, L"db", L"db", NULL, 0, false, true, true);
  if (FAILED(hr))
    LogAndFail(this, VSS_E_WRITERERROR_RETRYABLE);
  return hr;
}

static void LogAndFail(CSqlWriter *pWriter, HRESULT hr) {
  REPORT_WRITER_ERROR(pWriter, hr);
}
// CHECK-NOTES: :[[@LINE-24]]:34: warning: SetWriterFailure must not be called while handling Identify (reached from CSqlWriter::OnIdentify); report a fatal Identify error by returning false [vss-writer-failure-in-identify]
// CHECK-NOTES: :[[@LINE-20]]:18: note: CSqlWriter::OnIdentify calls CSqlWriter::Enumerate here
// CHECK-NOTES: :[[@LINE-24]]:67: note: CSqlWriter::Enumerate calls CSqlWriter::LoadComponents here
// CHECK-NOTES: :[[@LINE-10]]:5: note: CSqlWriter::LoadComponents calls LogAndFail here
// CHECK-NOTES: :[[@LINE-6]]:3: note: LogAndFail calls CSqlWriter::ReportError here

// Lambdas, functors and function templates.
struct CheckpointFailure {
  CVssWriterEx2 *pWriter;
  void operator()(HRESULT hr) const { pWriter->SetWriterFailureEx(hr); }
};
template <class Callback> void ForEachDatabase(Callback cb) { cb(VSS_E_WRITERERROR_RETRYABLE); }

class CMailWriter : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    auto fail = [this](HRESULT hr) { SetWriterFailure(hr); };
    ForEachDatabase(fail);
    ForEachDatabase(CheckpointFailure{this});
    [&] { SetWriterFailureEx(VSS_E_WRITERERROR_TIMEOUT); }();
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
// CHECK-NOTES: :[[@LINE-18]]:48: warning: SetWriterFailureEx must not be called while handling Identify (reached from CMailWriter::OnIdentify)
// CHECK-NOTES: :[[@LINE-10]]:5: note: CMailWriter::OnIdentify calls ForEachDatabase here
// CHECK-NOTES: :[[@LINE-18]]:63: note: ForEachDatabase calls CheckpointFailure::operator() here
// CHECK-NOTES: :[[@LINE-14]]:38: warning: SetWriterFailure must not be called while handling Identify (reached from CMailWriter::OnIdentify)
// CHECK-NOTES: :[[@LINE-14]]:5: note: CMailWriter::OnIdentify calls ForEachDatabase here
// CHECK-NOTES: :[[@LINE-21]]:63: note: ForEachDatabase calls the lambda here
// CHECK-NOTES: :[[@LINE-14]]:11: warning: SetWriterFailureEx must not be called while handling Identify (reached from CMailWriter::OnIdentify)
// CHECK-NOTES: :[[@LINE-15]]:5: note: CMailWriter::OnIdentify calls the lambda here
// Virtual dispatch, base-class helpers, RAII guards and class templates.
class CWriterBase : public CVssWriterEx2 {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) { return Describe(pMetadata); }
  bool Describe(IVssCreateWriterMetadata *pMetadata) { return AddFiles(pMetadata); }
  virtual bool AddFiles(IVssCreateWriterMetadata *pMetadata) { return true; }
  void Fail(HRESULT hr) { SetWriterFailure(hr); }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
class CLogWriter : public CWriterBase {
  bool AddFiles(IVssCreateWriterMetadata *pMetadata) override {
    Fail(VSS_E_WRITERERROR_NONRETRYABLE);
    return false;
  }
};
// CHECK-NOTES: :[[@LINE-12]]:27: warning: SetWriterFailure must not be called while handling Identify (reached from CWriterBase::OnIdentify)
// CHECK-NOTES: :[[@LINE-16]]:83: note: CWriterBase::OnIdentify calls CWriterBase::Describe here
// CHECK-NOTES: :[[@LINE-16]]:63: note: CWriterBase::Describe calls CLogWriter::AddFiles here through a virtual call
// CHECK-NOTES: :[[@LINE-7]]:5: note: CLogWriter::AddFiles calls CWriterBase::Fail here

class CFailureGuard {
  CVssWriterEx2 *m_pWriter;
  HRESULT m_hr;
public:
  CFailureGuard(CVssWriterEx2 *pWriter) : m_pWriter(pWriter), m_hr(S_OK) {}
  ~CFailureGuard() { if (FAILED(m_hr)) m_pWriter->SetWriterFailureEx(m_hr); }
  void Set(HRESULT hr) { m_hr = hr; }
};
template <class Base> class CWriterT : public Base {
public:
  bool STDMETHODCALLTYPE OnIdentify(IVssCreateWriterMetadata *pMetadata) {
    CFailureGuard guard(this);
    return true;
  }
  bool STDMETHODCALLTYPE OnPrepareSnapshot() { return true; }
  bool STDMETHODCALLTYPE OnFreeze() { CFailureGuard guard(this); return true; }
  bool STDMETHODCALLTYPE OnThaw() { return true; }
  bool STDMETHODCALLTYPE OnAbort() { return true; }
};
class CBlobWriter : public CWriterT<CVssWriterEx2> {};
CBlobWriter g_blobWriter;
// CHECK-NOTES: :[[@LINE-16]]:51: warning: SetWriterFailureEx must not be called while handling Identify (reached from CWriterT::OnIdentify)
// CHECK-NOTES: :[[@LINE-11]]:19: note: CWriterT::OnIdentify calls the destructor CFailureGuard::~CFailureGuard here when the object is destroyed
