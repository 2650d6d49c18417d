#include "hook.h"

class CReporter : public CVssWriter {
public:
  void Report() { SetWriterFailure(VSS_E_WRITERERROR_NONRETRYABLE); }
};

// Reports while describing: reached from OnIdentify through the virtual call.
class CSqlHook : public CBackupHook {
public:
  void Describe(CVssWriter *Writer) override { static_cast<CReporter *>(Writer)->Report(); }
  // Not an override of a hook method: nothing calls it virtually.
  void Flush(CVssWriter *Writer) { static_cast<CReporter *>(Writer)->Report(); }
};

CBackupHook *CreateHook(int Which) { return new CSqlHook; }
