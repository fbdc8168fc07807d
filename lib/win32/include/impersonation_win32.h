/* The impersonation runtime's C entry points for scenario programs and drivers (C or
 * C++). Included by windows.h. The C++ API is in <impersonation/runtime.h> and
 * <impersonation/monitor.h>; these are thin C wrappers over it.
 *
 * A scenario typically:
 *   ImpRt_SetWindowsRoot("/tmp/x");            // where C:\..., relative paths, the
 *                                              // registry and pipe names live
 *   HANDLE alice = ImpRt_AccountToken("alice", SecurityImpersonation);
 *   ... run the client on a thread that did ImpersonateLoggedOnUser(alice) ...
 *   ImpRt_BeginRequest("paystub"); HandleRequest(pipe); ImpRt_EndRequest();
 *   ImpRt_PrintMonitor();                       // EVENT ... / FINDING ... lines on stdout
 *
 * The RPC, COM and SSPI dispatch helpers are declared in rpc.h, objbase.h and sspi.h.
 */
#ifndef IMPRT_IMPERSONATION_WIN32_H
#define IMPRT_IMPERSONATION_WIN32_H

#include "windows.h"

/* Maps Windows paths (and the registry, and pipe names) into hostDir. */
IMPRT_API void ImpRt_SetWindowsRoot(const char *hostDir);
/* A token handle for an account of the runtime's table ("alice", "bob", "carol",
 * "mallory", "anonymous") at `level`, type Impersonation; NULL (GetLastError) if unknown. */
IMPRT_API HANDLE ImpRt_AccountToken(const char *accountName, SECURITY_IMPERSONATION_LEVEL level);
/* The monitor (see <impersonation/monitor.h>). */
IMPRT_API void ImpRt_BeginRequest(const char *label);
IMPRT_API void ImpRt_EndRequest(void);
IMPRT_API void ImpRt_AddClientBytes(const void *data, size_t size);
IMPRT_API void ImpRt_ResetMonitor(void);
/* EVENT and FINDING lines on stdout. */
IMPRT_API void ImpRt_PrintMonitor(void);
/* The number of findings so far. */
IMPRT_API size_t ImpRt_FindingCount(void);
/* The calling thread's effective uid and gid, read back from the kernel. */
IMPRT_API DWORD ImpRt_CurrentUid(void);
IMPRT_API DWORD ImpRt_CurrentGid(void);
/* Puts the calling thread back on the primary identity (for cleanup between scenario
 * steps, outside any request; not recorded by the monitor). */
IMPRT_API void ImpRt_ResetThread(void);

#endif
