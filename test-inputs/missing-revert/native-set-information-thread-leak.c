// Native-API code (a service that avoids the Win32 layer): NtSetInformationThread with
// ThreadImpersonationToken puts a token on the current thread, checked with NT_SUCCESS;
// setting a NULL token reverts. The cancel path returns STATUS_CANCELLED with the
// token still on the thread. BUGGY.
#include <windows.h>
#include <winternl.h>

#ifndef NtCurrentThread
#define NtCurrentThread() ((HANDLE)(LONG_PTR)-2)
#endif
#ifndef STATUS_CANCELLED
#define STATUS_CANCELLED ((NTSTATUS)0xC0000120L)
#endif

NTSYSAPI NTSTATUS NTAPI NtSetInformationThread(HANDLE ThreadHandle,
                                               THREADINFOCLASS ThreadInformationClass,
                                               PVOID ThreadInformation,
                                               ULONG ThreadInformationLength);

extern volatile LONG g_cancelRequested;
extern NTSTATUS CopyAsClient(const WCHAR *from, const WCHAR *to);

NTSTATUS NativeCopy(HANDLE clientToken, const WCHAR *from, const WCHAR *to)
{
    HANDLE none = NULL;
    NTSTATUS status;

    status = NtSetInformationThread(NtCurrentThread(), ThreadImpersonationToken, // CHECK-WARNING: impersonation begun by 'NtSetInformationThread' is still in force when 'NativeCopy' returns [impersonation-missing-revert]
                                    &clientToken, sizeof(clientToken));
    if (!NT_SUCCESS(status)) // CHECK-NOTE: assuming the condition is false
        return status;

    if (InterlockedCompareExchange(&g_cancelRequested, 0, 0) != 0) // CHECK-NOTE: assuming the condition is true
        return STATUS_CANCELLED; // CHECK-NOTE: returns here while still impersonating

    status = CopyAsClient(from, to);
    NtSetInformationThread(NtCurrentThread(), ThreadImpersonationToken, &none, sizeof(none));
    return status;
}
