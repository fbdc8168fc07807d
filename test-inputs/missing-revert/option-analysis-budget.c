// AnalysisBudget: 40 -- a budget far below what the long handler needs. A function whose
// run spends more state operations than the budget is reported as not analysed, with the
// reason, never passed as clean; a function that fits (the short handler, which leaks) is
// still analysed and reported. Under the default budget (1,000,000) the long handler is
// analysed and silent. BUGGY (Short), NOT ANALYSED (Long).
// RUN-OPTION: AnalysisBudget: 40
#include <windows.h>

DWORD LookupRecord(DWORD id, DWORD field); /* records.c */

DWORD Short(HANDLE pipe, DWORD id)
{
    // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'Short' returns [impersonation-missing-revert]
    // CHECK-NOTE@+1: assuming the condition is false
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    return LookupRecord(id, 0); // CHECK-NOTE: returns here while still impersonating
}

// CHECK-WARNING@+1: 'Long' uses impersonation but was not analysed: the analysis ran out of its work budget (AnalysisBudget: 40 state operations); its reverts are not checked [impersonation-missing-revert]
DWORD Long(HANDLE pipe, DWORD id, DWORD mask)
{
    DWORD err = ERROR_SUCCESS, f;

    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();
    for (f = 0; f < 32 && err == ERROR_SUCCESS; f++) {
        if (mask & (1u << f))
            err = LookupRecord(id, f);
        else if (f % 3 == 0)
            err = LookupRecord(id, f + 32);
        else if (f % 3 == 1)
            err = LookupRecord(id, f + 64);
    }
    if (err == ERROR_FILE_NOT_FOUND)
        err = LookupRecord(id, 96);
    else if (err == ERROR_ACCESS_DENIED)
        err = LookupRecord(id, 97);
    RevertToSelf();
    return err;
}
