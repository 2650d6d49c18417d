// Stand-in for the C runtime's process.h.
#pragma once
typedef __UINTPTR_TYPE__ uintptr_t;
uintptr_t _beginthread(void (*start_address)(void *), unsigned stack_size, void *arglist);
uintptr_t _beginthreadex(void *security, unsigned stack_size,
                         unsigned (*start_address)(void *), void *arglist, unsigned initflag,
                         unsigned *thrdaddr);
