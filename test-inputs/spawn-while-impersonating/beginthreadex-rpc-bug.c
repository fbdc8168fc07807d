// RPC indexing service: the manager routine impersonates the caller to "carry the
// caller's identity" into a background indexing thread started with _beginthreadex. The
// thread does not inherit the impersonation token; it indexes the caller-named folder as
// the service. The status is tested, RpcRevertToSelfEx runs on every path after it. BUGGY.
#include <windows.h>
#include <rpc.h>
#include <process.h>
#include <wchar.h>

typedef struct {
    WCHAR folder[MAX_PATH];
    BOOL recursive;
} INDEX_JOB;

extern unsigned __stdcall IndexFolderThread(void *param); /* indexer.c */

error_status_t s_IndexFolder(handle_t binding, const wchar_t *folder, boolean recursive)
{
    INDEX_JOB *job;
    uintptr_t thread;
    RPC_STATUS status;
    error_status_t result = ERROR_SUCCESS;

    if (folder == NULL || wcslen(folder) >= MAX_PATH)
        return ERROR_INVALID_PARAMETER;
    job = (INDEX_JOB *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*job));
    if (job == NULL)
        return ERROR_OUTOFMEMORY;
    wcscpy_s(job->folder, MAX_PATH, folder);
    job->recursive = recursive;

    status = RpcImpersonateClient(binding); // CHECK-NOTE: the thread impersonates the client from here
    if (status != RPC_S_OK) {
        HeapFree(GetProcessHeap(), 0, job);
        return status;
    }
    // CHECK-WARNING@+1: '_beginthreadex' starts a thread that runs with the service's token, not the client's; hand the thread token to it and impersonate inside the new thread [impersonation-spawn-while-impersonating]
    thread = _beginthreadex(NULL, 0, IndexFolderThread, job, 0, NULL);
    if (thread == 0) {
        result = ERROR_NOT_ENOUGH_MEMORY;
        HeapFree(GetProcessHeap(), 0, job);
    } else {
        CloseHandle((HANDLE)thread);
    }
    RpcRevertToSelfEx(binding);
    return result;
}
