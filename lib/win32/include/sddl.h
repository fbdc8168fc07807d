/* The facade's sddl.h: SID to string ("S-1-22-1-61001"); free the result with LocalFree. */
#ifndef IMPRT_SDDL_H
#define IMPRT_SDDL_H

#include "windows.h"

IMPRT_API BOOL ConvertSidToStringSidW(PSID Sid, LPWSTR *StringSid);
IMPRT_API BOOL ConvertSidToStringSidA(PSID Sid, LPSTR *StringSid);

#endif
