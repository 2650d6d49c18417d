#include "pool.h"

void RunInBackground(LPTHREAD_START_ROUTINE Work, void *Context) {
  Pool::Submit(Work, Context);
}
