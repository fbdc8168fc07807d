// Native-API impersonation done right: the token is set on the current thread
// (NtCurrentThread()), the status tested with NT_SUCCESS, and every path afterwards
// clears it by setting a NULL token. A second call aims at another thread (a worker
// handle) and leaves the current thread alone. CORRECT.
#include <windows.h>
#include <winternl.h>

#ifndef NtCurrentThread
#define NtCurrentThread() ((HANDLE)(LONG_PTR)-2)
#endif

NTSYSAPI NTSTATUS NTAPI NtSetInformationThread(HANDLE ThreadHandle,
                                               THREADINFOCLASS ThreadInformationClass,
                                               PVOID ThreadInformation,
                                               ULONG ThreadInformationLength);

extern NTSTATUS QueryAsClient(const WCHAR *path, ULONG *attrs);

static void ClearThreadToken(void)
{
    HANDLE none = NULL;
    NTSTATUS status = NtSetInformationThread(NtCurrentThread(), ThreadImpersonationToken, &none,
                                             sizeof(none));
    if (!NT_SUCCESS(status))
        RaiseFailFastException(NULL, NULL, 0);
}

NTSTATUS NativeQuery(HANDLE clientToken, HANDLE worker, const WCHAR *path, ULONG *attrs)
{
    NTSTATUS status;

    /* the worker runs as the client too; that does not change this thread */
    status = NtSetInformationThread(worker, ThreadImpersonationToken, &clientToken,
                                    sizeof(clientToken));
    if (!NT_SUCCESS(status))
        return status;

    status = NtSetInformationThread(NtCurrentThread(), ThreadImpersonationToken, &clientToken,
                                    sizeof(clientToken));
    if (!NT_SUCCESS(status))
        return status;
    if (path == NULL) {
        ClearThreadToken();
        return STATUS_INVALID_PARAMETER;
    }
    status = QueryAsClient(path, attrs);
    ClearThreadToken();
    return status;
}
