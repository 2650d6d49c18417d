#include <windows.h>
void SubmitJob(void (*Job)(void *), void *Context) {
  struct Work {
    static DWORD WINAPI Run(void *Parameter) { return 0; }
  };
  CreateThread(nullptr, 0, &Work::Run, Context, 0, nullptr);
}
void FlushJob(void *Context) {}
