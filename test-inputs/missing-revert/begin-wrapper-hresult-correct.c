// A begin-wrapper that converts conventions: ImpersonatePipeHr() turns the BOOL of
// ImpersonateNamedPipeClient into an HRESULT (HRESULT_FROM_WIN32 of the last error, or
// S_OK). Its caller tests the HRESULT with FAILED() and reverts on every path after a
// success; the engine must carry "FAILED means nothing began" through the summary.
// CORRECT.
#include <windows.h>

static HRESULT ImpersonatePipeHr(HANDLE pipe)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return HRESULT_FROM_WIN32(GetLastError());
    return S_OK;
}

HRESULT ReadClientHeader(HANDLE pipe, const WCHAR *path, BYTE header[16])
{
    HANDLE file;
    DWORD got = 0;
    HRESULT hr = ImpersonatePipeHr(pipe);
    if (FAILED(hr))
        return hr;

    file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        hr = HRESULT_FROM_WIN32(GetLastError());
        RevertToSelf();
        return hr;
    }
    if (!ReadFile(file, header, 16, &got, NULL) || got != 16)
        hr = E_FAIL;
    CloseHandle(file);
    RevertToSelf();
    return hr;
}
