#include <vswriter.h>

// A plug-in point of the writer: each hook is defined in its own file.
class CBackupHook {
public:
  virtual ~CBackupHook() {}
  virtual void Describe(CVssWriter *Writer) = 0;
};
CBackupHook *CreateHook(int Which);
