#include "engine.h"
void SuspendWrites(HANDLE Flushed) {
  WaitForSingleObject(Flushed, INFINITE);
}
void WaitBriefly(HANDLE Flushed) { WaitForSingleObject(Flushed, 100); }
void WaitFor(HANDLE Flushed, DWORD Milliseconds) { WaitForSingleObject(Flushed, Milliseconds); }
void Checkpoint(HANDLE Done) { WaitForSingleObject(Done, INFINITE); }
