#include <windows.h>

// The project's thread pool (pool.cpp).
class Pool {
public:
  // Hands Work to a worker thread of the system's pool.
  static void Submit(LPTHREAD_START_ROUTINE Work, void *Context);
  // Runs Work on the calling thread: not a thread start.
  static void RunNow(LPTHREAD_START_ROUTINE Work, void *Context);
};
// Hands Work to Pool::Submit (jobs.cpp): a wrapper of a wrapper.
void RunInBackground(LPTHREAD_START_ROUTINE Work, void *Context);
