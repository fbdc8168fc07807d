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
#define _beginthreadex(...) ImpRt__beginthreadex(__FILE__, __LINE__, __VA_ARGS__)

#endif
