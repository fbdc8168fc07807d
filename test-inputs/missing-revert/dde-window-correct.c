// A raw-DDE server window procedure: on WM_DDE_REQUEST it impersonates the client
// window with ImpersonateDdeClientWindow, reads the item and reverts before posting the
// answer, on the error path as well. CORRECT.
#include <windows.h>
#include <dde.h>

extern HGLOBAL ReadItemAsClient(ATOM item, UINT format);

LRESULT HandleDdeRequest(HWND server, HWND client, LPARAM lParam)
{
    UINT format = LOWORD(lParam);
    ATOM item = HIWORD(lParam);
    HGLOBAL answer;

    if (!ImpersonateDdeClientWindow(client, server)) {
        PostMessageW(client, WM_DDE_ACK, (WPARAM)server, PackDDElParam(WM_DDE_ACK, 0, item));
        return 0;
    }
    answer = ReadItemAsClient(item, format);
    RevertToSelf();

    if (answer == NULL) {
        PostMessageW(client, WM_DDE_ACK, (WPARAM)server, PackDDElParam(WM_DDE_ACK, 0, item));
        return 0;
    }
    PostMessageW(client, WM_DDE_DATA, (WPARAM)server,
                 PackDDElParam(WM_DDE_DATA, (UINT_PTR)answer, item));
    return 0;
}
