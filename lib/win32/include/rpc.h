/* The facade's rpc.h: binding handles that carry a client identity, and a dispatch helper
 * that runs a manager routine as one RPC call. There is no RPC transport: the scenario
 * says who the caller is by handing in a token (e.g. from LogonUserW or
 * ImpRt_AccountToken); the binding's impersonation level is the token's. */
#ifndef IMPRT_RPC_H
#define IMPRT_RPC_H

#include "windows.h"

typedef void *RPC_BINDING_HANDLE;
typedef RPC_BINDING_HANDLE handle_t;
typedef LONG RPC_STATUS;
typedef DWORD error_status_t;
#define RPC_ENTRY
#define __RPC_FAR
#define __RPC_USER
#define __RPC_STUB
#define RPC_S_OK ERROR_SUCCESS
#define RPC_S_INVALID_ARG ERROR_INVALID_PARAMETER
#define RPC_S_OUT_OF_MEMORY ERROR_OUTOFMEMORY
#define RPC_S_ACCESS_DENIED ERROR_ACCESS_DENIED
#define RPC_S_WRONG_KIND_OF_BINDING 1701L
#define RPC_S_INVALID_BINDING 1702L
#define RPC_S_NO_CALL_ACTIVE 1725L
#define RPC_S_CANNOT_SUPPORT 1764L
#define RPC_S_NO_CONTEXT_AVAILABLE 1765L

/* A NULL binding means the current call's. Outside a call: RPC_S_NO_CALL_ACTIVE. A
 * binding without a client identity: RPC_S_NO_CONTEXT_AVAILABLE. */
IMPRT_API RPC_STATUS ImpRt_RpcImpersonateClient(const char *file, int line,
                                                RPC_BINDING_HANDLE BindingHandle);
IMPRT_API RPC_STATUS ImpRt_RpcRevertToSelf(const char *file, int line);
IMPRT_API RPC_STATUS ImpRt_RpcRevertToSelfEx(const char *file, int line,
                                             RPC_BINDING_HANDLE BindingHandle);
IMPRT_SITE_WRAPPER(RPC_STATUS, RpcImpersonateClient, (RPC_BINDING_HANDLE BindingHandle),
                   BindingHandle)
#define RpcImpersonateClient IMPRT_CALL_AT_SITE(RpcImpersonateClient)
IMPRT_SITE_WRAPPER(RPC_STATUS, RpcRevertToSelf, (void))
#define RpcRevertToSelf IMPRT_END_AT_SITE(RpcRevertToSelf)
IMPRT_SITE_WRAPPER(RPC_STATUS, RpcRevertToSelfEx, (RPC_BINDING_HANDLE BindingHandle),
                   BindingHandle)
#define RpcRevertToSelfEx IMPRT_END_AT_SITE(RpcRevertToSelfEx)

/* Runs routine(binding, context) on the calling thread as one RPC call: beginRequest(label),
 * a binding carrying clientToken's identity and level (NULL: a binding with no identity),
 * the argument bytes [args, args+argsSize) recorded as client bytes, endRequest. Like the
 * RPC runtime, it does NOT revert an impersonation the routine leaves in force: the thread
 * keeps it (and the monitor reports it). Returns RPC_S_OK, or RPC_S_INVALID_ARG for a
 * NULL routine or a clientToken that is not a token. */
typedef void (*ImpRt_RpcRoutine)(RPC_BINDING_HANDLE binding, void *context);
IMPRT_API RPC_STATUS ImpRt_RpcDispatch(const char *label, HANDLE clientToken, const void *args,
                                       size_t argsSize, ImpRt_RpcRoutine routine,
                                       void *context);

#endif
