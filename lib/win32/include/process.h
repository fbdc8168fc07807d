/* The facade's process.h: _beginthreadex (the new thread starts on the primary identity,
 * as on Windows). The handle is a thread handle: WaitForSingleObject, GetExitCodeThread,
 * CloseHandle. */
#ifndef IMPRT_PROCESS_H
#define IMPRT_PROCESS_H

#include "windows.h"

IMPRT_API uintptr_t ImpRt__beginthreadex(const char *file, int line, void *security,
                                         unsigned stack_size,
                                         unsigned (*start_address)(void *),
                                         void *arglist, unsigned initflag, unsigned *thrdaddr);
IMPRT_SITE_WRAPPER(uintptr_t, _beginthreadex,
                   (void *security, unsigned stack_size, unsigned (*start_address)(void *),
                    void *arglist, unsigned initflag, unsigned *thrdaddr), security,
                   stack_size, start_address, arglist, initflag, thrdaddr)
#define _beginthreadex IMPRT_CALL_AT_SITE(_beginthreadex)

#endif
