// UDP log collector: each datagram names its channel; the collector appends the text to
// C:\Logs\Collected\<channel>.log. The channel reaches the path through a pointer cast
// of the receive buffer, MultiByteToWideChar and StringCchPrintfW: all derivations of
// what recvfrom filled in. Nothing is impersonated (a datagram has no client token), so
// the file is created with the service's token wherever "..\\" leads. BUGGY.
#include <winsock2.h>
#include <windows.h>
#include <strsafe.h>

typedef struct {
    char channel[32];
    unsigned short length;
    char text[1024];
} LOG_DATAGRAM;

static void CollectOne(SOCKET s)
{
    char buf[sizeof(LOG_DATAGRAM)];
    struct sockaddr_in from;
    int fromLen = (int)sizeof(from);
    const LOG_DATAGRAM *dg;
    WCHAR channel[33], path[MAX_PATH];
    HANDLE file;
    DWORD written = 0;
    int n = recvfrom(s, buf, (int)sizeof(buf), 0, (struct sockaddr *)&from, &fromLen); // CHECK-NOTE: the client's data is received here

    if (n != (int)sizeof(buf))
        return;
    dg = (const LOG_DATAGRAM *)buf;
    if (dg->length > sizeof(dg->text))
        return;
    if (MultiByteToWideChar(CP_UTF8, 0, dg->channel, (int)sizeof(dg->channel), channel, 32) == 0)
        return;
    channel[32] = L'\0';
    if (FAILED(StringCchPrintfW(path, MAX_PATH, L"C:\\Logs\\Collected\\%ls.log", channel)))
        return;
    // CHECK-WARNING@+1: 'CreateFileW' accesses an object named by the client with the service's own token [impersonation-primary-token-access]
    file = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE)
        return;
    WriteFile(file, dg->text, dg->length, &written, NULL);
    CloseHandle(file);
}

DWORD WINAPI CollectorThread(LPVOID param)
{
    SOCKET s = (SOCKET)(ULONG_PTR)param;
    for (;;)
        CollectOne(s);
}
