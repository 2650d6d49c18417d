#include "pool.h"

void Pool::Submit(LPTHREAD_START_ROUTINE Work, void *Context) {
  QueueUserWorkItem(Work, Context, 0);
}

void Pool::RunNow(LPTHREAD_START_ROUTINE Work, void *Context) { Work(Context); }
