// The fix of beginthreadex-rpc-bug.c: the manager routine impersonates the caller only to
// open a copy of its token for the job (OpenThreadToken), reverts with RpcRevertToSelfEx,
// and starts the indexing thread afterwards; the thread impersonates the job's token
// itself. _beginthreadex after the revert is not reported, and the folder name (an RPC
// parameter, client data) is only copied, never opened by the service here. CORRECT.
#include <windows.h>
#include <rpc.h>
#include <process.h>
#include <wchar.h>

typedef struct {
    HANDLE callerToken;
    WCHAR folder[MAX_PATH];
    BOOL recursive;
} INDEX_JOB;

extern unsigned __stdcall IndexFolderAsCaller(void *param); /* impersonates job->callerToken */

error_status_t s_IndexFolder(handle_t binding, const wchar_t *folder, boolean recursive)
{
    INDEX_JOB *job;
    uintptr_t thread;
    BOOL opened;
    error_status_t result = ERROR_SUCCESS;

    if (folder == NULL || wcslen(folder) >= MAX_PATH)
        return ERROR_INVALID_PARAMETER;
    job = (INDEX_JOB *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*job));
    if (job == NULL)
        return ERROR_OUTOFMEMORY;
    wcscpy_s(job->folder, MAX_PATH, folder);
    job->recursive = recursive;

    if (RpcImpersonateClient(binding) != RPC_S_OK) {
        HeapFree(GetProcessHeap(), 0, job);
        return ERROR_ACCESS_DENIED;
    }
    opened = OpenThreadToken(GetCurrentThread(), TOKEN_IMPERSONATE | TOKEN_QUERY, TRUE,
                             &job->callerToken);
    if (!opened)
        result = GetLastError();
    RpcRevertToSelfEx(binding);
    if (!opened) {
        HeapFree(GetProcessHeap(), 0, job);
        return result;
    }

    thread = _beginthreadex(NULL, 0, IndexFolderAsCaller, job, 0, NULL);
    if (thread == 0) {
        CloseHandle(job->callerToken);
        HeapFree(GetProcessHeap(), 0, job);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    CloseHandle((HANDLE)thread);
    return ERROR_SUCCESS;
}
