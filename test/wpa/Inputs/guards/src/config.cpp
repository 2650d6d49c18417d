#include <vswriter.h>
void ReportFailure(CVssWriter *Writer);
enum class Mode { Identify, Backup };

// Reports only when it is not asked for Identify.
void LoadConfig(CVssWriter *Writer, bool IdentifyOnly) {
  if (!IdentifyOnly)
    ReportFailure(Writer);
}

void Refresh(CVssWriter *Writer, Mode For) {
  switch (For) {
  case Mode::Identify:
    break;
  case Mode::Backup:
    ReportFailure(Writer);
    break;
  }
}
