// IMPERSONATION_HANDLER marks a request handler whose parameters are client data. This
// cache-purge handler never impersonates: it formats the cache file's path from the
// client's cache name and deletes it with the service's token ("..\\..\\..\\Windows\\
// System32\\config\\x" deletes what the service may delete). No identity note: the
// handler never impersonates. BUGGY.
// RUN-FLAGS: -x c --target=x86_64-w64-mingw32 -fms-extensions -I%S/../../checks/annotations
#include <windows.h>
#include <strsafe.h>
#include "impersonation_annotations.h"

IMPERSONATION_HANDLER DWORD OnPurgeRequest(DWORD sessionId,
                                           const WCHAR *cacheName) // CHECK-NOTE: 'cacheName' holds data from the client
{
    WCHAR path[MAX_PATH];

    if (FAILED(StringCchPrintfW(path, MAX_PATH, L"C:\\ProgramData\\CacheSvc\\%lu\\%ls.cache",
                                (unsigned long)sessionId, cacheName)))
        return ERROR_INVALID_NAME;
    // CHECK-WARNING@+1: 'DeleteFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (!DeleteFileW(path) && GetLastError() != ERROR_FILE_NOT_FOUND)
        return GetLastError();
    return ERROR_SUCCESS;
}
