// A recursive directory walk: the top-level call impersonates the client, the recursive
// calls inherit the impersonation from their caller and do not touch it, and the top
// level reverts once after the walk. The engine must resolve the recursive group's
// summary (impersonation state unchanged by the recursion). CORRECT.
#include <windows.h>
#include <wchar.h>

#define MAX_DEPTH 16

static DWORD CountFiles(const WCHAR *dir, unsigned depth, DWORD *count)
{
    WIN32_FIND_DATAW fd;
    WCHAR pattern[MAX_PATH];
    HANDLE find;
    DWORD err = ERROR_SUCCESS;

    if (depth > MAX_DEPTH)
        return ERROR_CANT_RESOLVE_FILENAME;
    if (_snwprintf(pattern, MAX_PATH, L"%ls\\*", dir) < 0)
        return ERROR_FILENAME_EXCED_RANGE;

    find = FindFirstFileW(pattern, &fd);
    if (find == INVALID_HANDLE_VALUE)
        return GetLastError();
    do {
        if (wcscmp(fd.cFileName, L".") == 0 || wcscmp(fd.cFileName, L"..") == 0)
            continue;
        if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
            WCHAR sub[MAX_PATH];
            if (_snwprintf(sub, MAX_PATH, L"%ls\\%ls", dir, fd.cFileName) < 0)
                continue;
            err = CountFiles(sub, depth + 1, count);
            if (err != ERROR_SUCCESS)
                break;
        } else {
            (*count)++;
        }
    } while (FindNextFileW(find, &fd));
    FindClose(find);
    return err;
}

DWORD CountClientFiles(HANDLE pipe, const WCHAR *root, DWORD *count)
{
    DWORD err;

    *count = 0;
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    err = CountFiles(root, 0, count);
    RevertToSelf();
    return err;
}
