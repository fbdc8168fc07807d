DWORD Convert(HANDLE token, WCHAR *cmd)
{
    DWORD err = 0;
    if (!SetThreadToken(0, token))
        return GetLastError();
    __try {
        if (!CreateProcessW(0, cmd, 0, 0, 0, 0, 0, 0, 0, 0))
            err = GetLastError();
    } __finally {
        RevertToSelf();
    }
    return err;
}
