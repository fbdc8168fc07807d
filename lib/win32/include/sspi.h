/* The facade's sspi.h: security context handles that carry a client identity. There is no
 * authentication package: a context is made for a token (ImpRt_SspiCreateContext, or the
 * dispatch helper below), standing for AcceptSecurityContext's result. */
#ifndef IMPRT_SSPI_H
#define IMPRT_SSPI_H

#include "windows.h"

typedef LONG SECURITY_STATUS;
#define SEC_ENTRY
typedef struct _SecHandle {
  ULONG_PTR dwLower;
  ULONG_PTR dwUpper;
} SecHandle, *PSecHandle;
typedef SecHandle CredHandle, *PCredHandle, CtxtHandle, *PCtxtHandle;
#define SecInvalidateHandle(x) ((PSecHandle)(x))->dwLower = ((PSecHandle)(x))->dwUpper = ((ULONG_PTR)((INT_PTR)-1))
#define SecIsValidHandle(x) ((((PSecHandle)(x))->dwLower != ((ULONG_PTR)((INT_PTR)-1))) && (((PSecHandle)(x))->dwUpper != ((ULONG_PTR)((INT_PTR)-1))))

#define SEC_E_OK ((SECURITY_STATUS)0x00000000L)
#define SEC_E_INVALID_HANDLE ((SECURITY_STATUS)0x80090301L)
#define SEC_E_UNSUPPORTED_FUNCTION ((SECURITY_STATUS)0x80090302L)
#define SEC_E_INTERNAL_ERROR ((SECURITY_STATUS)0x80090304L)
#define SEC_E_INVALID_TOKEN ((SECURITY_STATUS)0x80090308L)
#define SEC_E_NO_IMPERSONATION ((SECURITY_STATUS)0x8009030BL)

/* An invalid handle: SEC_E_INVALID_HANDLE. A context without a client identity:
 * SEC_E_NO_IMPERSONATION. */
IMPRT_API SECURITY_STATUS ImpRt_ImpersonateSecurityContext(const char *file, int line,
                                                           PCtxtHandle phContext);
IMPRT_API SECURITY_STATUS ImpRt_RevertSecurityContext(const char *file, int line,
                                                      PCtxtHandle phContext);
IMPRT_SITE_WRAPPER(SECURITY_STATUS, ImpersonateSecurityContext, (PCtxtHandle phContext),
                   phContext)
#define ImpersonateSecurityContext IMPRT_CALL_AT_SITE(ImpersonateSecurityContext)
IMPRT_SITE_WRAPPER(SECURITY_STATUS, RevertSecurityContext, (PCtxtHandle phContext), phContext)
#define RevertSecurityContext IMPRT_END_AT_SITE(RevertSecurityContext)
IMPRT_API SECURITY_STATUS DeleteSecurityContext(PCtxtHandle phContext);
/* A token handle (TOKEN_ALL_ACCESS, type Impersonation) for the context's client. */
IMPRT_API SECURITY_STATUS QuerySecurityContextToken(PCtxtHandle phContext, void **Token);

/* A context for clientToken's identity and level (NULL: a context with no identity). */
IMPRT_API SECURITY_STATUS ImpRt_SspiCreateContext(HANDLE clientToken, PCtxtHandle phContext);
/* Runs routine(&context, ctx) as one request: beginRequest(label), a fresh context for
 * clientToken, [args, args+argsSize) recorded as client bytes, then the context is deleted
 * and endRequest. Nothing is reverted for the routine. Returns SEC_E_OK, or
 * SEC_E_INVALID_TOKEN / SEC_E_INTERNAL_ERROR for bad arguments. */
typedef void (*ImpRt_SspiRoutine)(PCtxtHandle context, void *ctx);
IMPRT_API SECURITY_STATUS ImpRt_SspiDispatch(const char *label, HANDLE clientToken,
                                             const void *args, size_t argsSize,
                                             ImpRt_SspiRoutine routine, void *ctx);

#endif
