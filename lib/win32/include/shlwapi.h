/* The facade's shlwapi.h: path helpers with Windows' semantics (backslashes;
 * PathCombineW canonicalizes "." and ".." lexically, as PathCanonicalizeW does).
 * Buffers are MAX_PATH characters. */
#ifndef IMPRT_SHLWAPI_H
#define IMPRT_SHLWAPI_H

#include "windows.h"

IMPRT_API LPWSTR PathCombineW(LPWSTR pszDest, LPCWSTR pszDir, LPCWSTR pszFile);
IMPRT_API BOOL PathAppendW(LPWSTR pszPath, LPCWSTR pszMore);
IMPRT_API BOOL PathCanonicalizeW(LPWSTR pszBuf, LPCWSTR pszPath);
IMPRT_API LPWSTR PathFindFileNameW(LPCWSTR pszPath);
IMPRT_API LPWSTR PathFindExtensionW(LPCWSTR pszPath);
IMPRT_API BOOL PathIsRelativeW(LPCWSTR pszPath);
IMPRT_API BOOL PathRemoveFileSpecW(LPWSTR pszPath);
/* stat() as the calling thread (not recorded by the monitor: the static checks do not
 * count it as an access either). */
IMPRT_API BOOL PathFileExistsW(LPCWSTR pszPath);

#endif
