/* Annotations that tell impersonation-tidy what a function does with impersonation.
 *
 *   IMPERSONATION_BEGIN("HRESULT")  the function begins impersonation; the argument is its
 *                                   success convention (BOOL, RPC_STATUS, HRESULT,
 *                                   SECURITY_STATUS, NTSTATUS, WIN32_ERROR, VOID), or ""
 *                                   to take it from the return type
 *   IMPERSONATION_END               the function ends impersonation
 *   IMPERSONATION_TRANSFERS         the function leaves impersonation in force on purpose,
 *                                   for its caller to revert
 *   IMPERSONATION_HANDLER           the function serves a client request; its parameters
 *                                   are client data
 *
 * Under clang they become [[clang::annotate]] attributes (GNU spelling, so C and C++ alike);
 * every other compiler, MSVC included, sees nothing. Place them before the declaration:
 *
 *   IMPERSONATION_BEGIN("BOOL") BOOL BeginClient(HANDLE pipe);
 */
#ifndef IMPERSONATION_ANNOTATIONS_H
#define IMPERSONATION_ANNOTATIONS_H

#if defined(__clang__)
#define IMPERSONATION_BEGIN(convention)                                                    \
  __attribute__((annotate("impersonation::begin", convention)))
#define IMPERSONATION_END __attribute__((annotate("impersonation::end")))
#define IMPERSONATION_TRANSFERS __attribute__((annotate("impersonation::transfers")))
#define IMPERSONATION_HANDLER __attribute__((annotate("impersonation::handler")))
#else
#define IMPERSONATION_BEGIN(convention)
#define IMPERSONATION_END
#define IMPERSONATION_TRANSFERS
#define IMPERSONATION_HANDLER
#endif

#endif /* IMPERSONATION_ANNOTATIONS_H */
