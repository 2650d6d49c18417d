#pragma once
#include <windows.h>
void SuspendWrites(HANDLE Flushed);
void WaitBriefly(HANDLE Flushed);
void WaitFor(HANDLE Flushed, DWORD Milliseconds);
void Checkpoint(HANDLE Done);
