DWORD Remove(HANDLE pipe, const WCHAR *name)
{
    DWORD err = 0;
    ImpersonateNamedPipeClient(pipe);
    if (!DeleteFileW(name))
        err = GetLastError();
    RevertToSelf();
    return err;
}
