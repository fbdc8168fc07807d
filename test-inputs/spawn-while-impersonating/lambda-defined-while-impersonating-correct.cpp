// C++: a lambda that starts the service's indexer is DEFINED while the thread impersonates
// the pipe client but CALLED only after RevertToSelf. The lambda's body runs at the call,
// not where it is written: the CreateProcessW in it never runs while impersonating. A
// lexical "spawn between begin and revert" rule would report it. CORRECT.
#include <windows.h>
#include <string>

DWORD SaveAsClient(HANDLE pipe, const std::wstring &name); // as the client

DWORD HandleSave(HANDLE pipe, const std::wstring &name)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    auto kick_indexer = []() -> bool {
        wchar_t cmd[] = L"\"C:\\Program Files\\Contoso\\indexer.exe\" --incremental";
        STARTUPINFOW si{};
        si.cb = sizeof(si);
        PROCESS_INFORMATION pi{};
        if (!CreateProcessW(nullptr, cmd, nullptr, nullptr, FALSE, CREATE_NO_WINDOW, nullptr,
                            nullptr, &si, &pi))
            return false;
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
        return true;
    };

    DWORD err = SaveAsClient(pipe, name);
    RevertToSelf();
    if (err == ERROR_SUCCESS && !kick_indexer())
        err = GetLastError();
    return err;
}
