/* Handlers that end their impersonation through a revert helper, for the monitor's tests
 * (MonitorTest.cpp, "revert helpers"). Built with -finstrument-functions, as the validation
 * suite builds the services, so that the monitor knows the call frames. */
#include <windows.h>

int ImpRtTest_helperSkips = 0;       /* EndWork returns without reverting while set */
unsigned ImpRtTest_helperRevertLine; /* the line of EndWork's RevertToSelf, once run */
unsigned ImpRtTest_handlerBeginLine; /* the line of the begin of the handler run last */

static void EndWork(void)
{
    if (ImpRtTest_helperSkips)
        return;
    ImpRtTest_helperRevertLine = __LINE__ + 1;
    RevertToSelf();
}

/* Begins, ends through EndWork. */
BOOL ImpRtTest_HandleWithHelper(HANDLE token)
{
    ImpRtTest_handlerBeginLine = __LINE__ + 1;
    if (!ImpersonateLoggedOnUser(token))
        return FALSE;
    EndWork();
    return TRUE;
}

/* Begins, calls EndWork, then reverts itself as well. */
BOOL ImpRtTest_HandleWithHelperThenRevert(HANDLE token)
{
    if (!ImpersonateLoggedOnUser(token))
        return FALSE;
    EndWork();
    RevertToSelf();
    return TRUE;
}

/* Begins and returns without reverting, never calling EndWork. */
BOOL ImpRtTest_HandleLeaksItself(HANDLE token)
{
    ImpRtTest_handlerBeginLine = __LINE__ + 1;
    return ImpersonateLoggedOnUser(token);
}

/* Begins and reverts in one function: that is no revert helper. */
static BOOL BeginAndRevert(HANDLE token)
{
    if (!ImpersonateLoggedOnUser(token))
        return FALSE;
    RevertToSelf();
    return TRUE;
}

BOOL ImpRtTest_HandleThroughBeginAndRevert(HANDLE token)
{
    return BeginAndRevert(token);
}
