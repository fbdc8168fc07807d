// TCP report service: a thread per connection receives a report name terminated by a
// newline and streams the file back. The handler never impersonates anyone (a socket
// has no client token to impersonate without an authentication protocol), so fopen runs
// with the service's token on a name the remote peer chose: "..\\..\\Windows\\..." or
// any absolute path. No identity note: a handler that never impersonates has no begin or
// end to point at. BUGGY.
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

static void ServeReport(SOCKET s)
{
    char name[260];
    char buf[4096];
    size_t got;
    FILE *f;
    int n = recv(s, name, (int)sizeof(name) - 1, 0); // CHECK-NOTE: the client's data is received here

    if (n <= 0)
        return;
    name[n] = '\0';
    name[strcspn(name, "\r\n")] = '\0';

    f = fopen(name, "rb"); // CHECK-WARNING: 'fopen' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    if (f == NULL) {
        send(s, "ERR\n", 4, 0);
        return;
    }
    while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
        send(s, buf, (int)got, 0);
    fclose(f);
}

DWORD WINAPI ReportConnectionThread(LPVOID param)
{
    SOCKET s = (SOCKET)(ULONG_PTR)param;
    ServeReport(s);
    shutdown(s, SD_BOTH);
    closesocket(s);
    return 0;
}
