// Logon helper service (C): the handler meant to pass the logon token but passes the
// result of a comparison, `token != NULL`, cast to a handle to silence the compiler.
// ImpersonateLoggedOnUser gets 1 as a handle and always fails: the begin never succeeds
// (so nothing is left to revert), its result is dropped, and the client's note is
// written with the service's token. BUGGY.
#include <windows.h>

DWORD WriteUserNote(const WCHAR *path, const char *text); /* notes.c */

DWORD SaveNote(HANDLE token, const WCHAR *path, const char *text)
{
    ImpersonateLoggedOnUser((HANDLE)(INT_PTR)(token != NULL)); // CHECK-WARNING: if 'ImpersonateLoggedOnUser' fails, the code goes on with the service's own token [impersonation-unchecked-result]
    return WriteUserNote(path, text); // CHECK-NOTE: 'WriteUserNote' runs here with the service's own token when 'ImpersonateLoggedOnUser' failed
}
