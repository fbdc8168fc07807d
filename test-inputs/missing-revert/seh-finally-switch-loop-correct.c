// A message loop whose body is a __try/__finally, with a switch inside: "break" leaves
// the switch (not the __try), "continue" and "return" leave the __try and run the
// __finally, which reverts. The lowering must tell the three apart. CORRECT.
#include <windows.h>

typedef struct {
    DWORD type;
    DWORD length;
    WCHAR path[MAX_PATH];
} MESSAGE;

enum { MSG_STAT = 1, MSG_SKIP = 2, MSG_QUIT = 3 };

extern BOOL NextMessage(HANDLE pipe, MESSAGE *m);

DWORD MessageLoop(HANDLE pipe, DWORD *served)
{
    MESSAGE m;

    *served = 0;
    while (NextMessage(pipe, &m)) {
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        __try {
            switch (m.type) {
            case MSG_STAT:
                if (GetFileAttributesW(m.path) != INVALID_FILE_ATTRIBUTES)
                    (*served)++;
                break;
            case MSG_SKIP:
                continue;
            case MSG_QUIT:
                return ERROR_SUCCESS;
            default:
                break;
            }
            if (m.length == 0)
                continue;
        } __finally {
            RevertToSelf();
        }
    }
    return ERROR_NO_MORE_ITEMS;
}
