// The handover with the native API: a worker started with _beginthreadex and
// CREATE_SUSPENDED while impersonating the RPC caller receives the caller's token through
// NtSetInformationThread(worker, ThreadImpersonationToken, ...) before ResumeThread. The
// spec names NtSetInformationThread as a handover like SetThreadToken; aimed at the worker
// it does not change this thread's state. Every path after the begin reverts. CORRECT.
#include <windows.h>
#include <winternl.h>
#include <rpc.h>
#include <process.h>

NTSYSAPI NTSTATUS NTAPI NtSetInformationThread(HANDLE ThreadHandle,
                                               THREADINFOCLASS ThreadInformationClass,
                                               PVOID ThreadInformation,
                                               ULONG ThreadInformationLength);

extern unsigned __stdcall ScanWorker(void *param); /* scanner.c */

error_status_t s_StartScan(handle_t binding, long profileId)
{
    HANDLE token = NULL, worker;
    NTSTATUS status;
    error_status_t result = ERROR_SUCCESS;

    if (RpcImpersonateClient(binding) != RPC_S_OK)
        return ERROR_ACCESS_DENIED;
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE, TRUE, &token)) {
        result = GetLastError();
        goto out;
    }
    worker = (HANDLE)_beginthreadex(NULL, 0, ScanWorker, (void *)(LONG_PTR)profileId,
                                    CREATE_SUSPENDED, NULL);
    if (worker == NULL) {
        result = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    status = NtSetInformationThread(worker, ThreadImpersonationToken, &token, sizeof(token));
    if (!NT_SUCCESS(status)) {
        result = RtlNtStatusToDosError(status);
        TerminateThread(worker, result);
    } else {
        ResumeThread(worker);
    }
    CloseHandle(worker);
out:
    if (token != NULL)
        CloseHandle(token);
    RpcRevertToSelf();
    return result;
}
