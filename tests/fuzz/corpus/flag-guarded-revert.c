struct ctx { int impersonating; HANDLE token; };
static void Cleanup(struct ctx *c) { if (c->impersonating) RevertToSelf(); }
DWORD Serve(struct ctx *c, const WCHAR *path)
{
    HANDLE f;
    c->impersonating = ImpersonateLoggedOnUser(c->token);
    if (!c->impersonating) { Cleanup(c); return GetLastError(); }
    f = CreateFileW(path, 1, 0, 0, 3, 0, 0);
    if (f == (HANDLE)-1) { Cleanup(c); return GetLastError(); }
    CloseHandle(f);
    Cleanup(c);
    return 0;
}
