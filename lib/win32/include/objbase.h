/* The facade's objbase.h: CoImpersonateClient / CoRevertToSelf on a per-thread call
 * context, and a dispatch helper that runs a method as one COM call. As COM does, the
 * dispatch reverts an impersonation the method left in force when the call returns. */
#ifndef IMPRT_OBJBASE_H
#define IMPRT_OBJBASE_H

#include "windows.h"

#define RPC_E_CALL_COMPLETE _HRESULT_TYPEDEF_(0x80010117L)
#define RPC_E_NO_CONTEXT _HRESULT_TYPEDEF_(0x8001011EL)

/* Outside a call: RPC_E_CALL_COMPLETE. A call without a client identity:
 * HRESULT_FROM_WIN32(ERROR_CANNOT_IMPERSONATE). */
IMPRT_API HRESULT ImpRt_CoImpersonateClient(const char *file, int line);
IMPRT_API HRESULT ImpRt_CoRevertToSelf(const char *file, int line);
IMPRT_SITE_WRAPPER(HRESULT, CoImpersonateClient, (void))
#define CoImpersonateClient IMPRT_CALL_AT_SITE(CoImpersonateClient)
IMPRT_SITE_WRAPPER(HRESULT, CoRevertToSelf, (void))
#define CoRevertToSelf IMPRT_END_AT_SITE(CoRevertToSelf)

/* Runs routine(context) on the calling thread as one COM call: beginRequest(label), a call
 * context carrying clientToken's identity and level (NULL: none), [args, args+argsSize)
 * recorded as client bytes; when the routine returns, an impersonation begun by
 * CoImpersonateClient in the call is reverted (as COM does), then endRequest. Returns the
 * routine's HRESULT, or E_INVALIDARG for a NULL routine or a clientToken that is not a
 * token. */
typedef HRESULT (*ImpRt_ComRoutine)(void *context);
IMPRT_API HRESULT ImpRt_ComDispatch(const char *label, HANDLE clientToken, const void *args,
                                    size_t argsSize, ImpRt_ComRoutine routine, void *context);

#endif
