// A DDEML server callback: for an XTYP_REQUEST it impersonates the DDE client with
// DdeImpersonateClient before reading the requested item. Reading an unknown item
// returns NULL from the callback without RevertToSelf. BUGGY.
#include <windows.h>
#include <ddeml.h>

extern DWORD g_ddeInst;
extern HDDEDATA ReadItemAsClient(HSZ item, UINT format);
extern BOOL IsKnownItem(HSZ item);

HDDEDATA CALLBACK ServerCallback(UINT type, UINT format, HCONV conv, HSZ topic, HSZ item,
                                 HDDEDATA data, ULONG_PTR d1, ULONG_PTR d2)
{
    HDDEDATA result;

    (void)topic; (void)data; (void)d1; (void)d2;
    if (type != XTYP_REQUEST)
        return NULL;

    // CHECK-WARNING@+2: impersonation begun by 'DdeImpersonateClient' is still in force when 'ServerCallback' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!DdeImpersonateClient(conv))
        return NULL;
    if (!IsKnownItem(item)) // CHECK-NOTE: assuming the condition is true
        return NULL; // CHECK-NOTE: returns here while still impersonating
    result = ReadItemAsClient(item, format);
    RevertToSelf();
    return result;
}
