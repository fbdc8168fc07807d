DWORD Handle(HANDLE pipe, DWORD mode)
{
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    if (mode & 2)
        return 87;
    RevertToSelf();
    return 0;
}
