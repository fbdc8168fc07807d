// C++, the begin's result chooses between the work and the error in a `?:`:
// `return ImpersonateNamedPipeClient(pipe) ? StatAsClient(...) : GetLastError();`.
// StatAsClient (same file) does the access and reverts for its caller; it is only called
// on the success side. CORRECT (silent).
#include <windows.h>
#include <string>

static DWORD StatAsClient(const std::wstring &path, WIN32_FILE_ATTRIBUTE_DATA &data)
{
    const DWORD err = GetFileAttributesExW(path.c_str(), GetFileExInfoStandard, &data)
                          ? ERROR_SUCCESS
                          : GetLastError();
    RevertToSelf();
    return err;
}

DWORD HandleStat(HANDLE pipe, const std::wstring &path, WIN32_FILE_ATTRIBUTE_DATA &data)
{
    return ImpersonateNamedPipeClient(pipe) ? StatAsClient(path, data) : GetLastError();
}
