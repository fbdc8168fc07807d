// A __try/__finally inside a GNU statement expression: the engine lowers __finally only
// in statements, and clang builds no control-flow graph for the function. The check says
// so instead of staying silent. (Reported as not analysed, whatever the code does.)
#include <windows.h>

int ReadCounter(void);

int ServeCounter(HANDLE pipe) // CHECK-WARNING: 'ServeCounter' uses impersonation but was not analysed: clang could not build a control-flow graph for it; its reverts are not checked [impersonation-missing-revert]
{
    int value;
    if (!ImpersonateNamedPipeClient(pipe))
        return -1;
    value = ({
        int v = 0;
        __try {
            v = ReadCounter();
        } __finally {
            RevertToSelf();
        }
        v;
    });
    return value;
}
