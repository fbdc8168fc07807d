/* The facade's strsafe.h. Results and truncation follow Windows: on a too-small buffer the
 * destination holds the truncated, NUL-terminated text and the result is
 * STRSAFE_E_INSUFFICIENT_BUFFER.
 * The W printf functions take Windows format strings: %s and %c are wide, %S / %hs / %hc
 * narrow (the facade translates them for the C library, where %s is narrow). */
#ifndef IMPRT_STRSAFE_H
#define IMPRT_STRSAFE_H

#include <stdarg.h>
#include "windows.h"

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)

IMPRT_API HRESULT StringCchCopyW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszSrc);
IMPRT_API HRESULT StringCchCopyA(LPSTR pszDest, size_t cchDest, LPCSTR pszSrc);
IMPRT_API HRESULT StringCchCopyNW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszSrc, size_t cchToCopy);
IMPRT_API HRESULT StringCchCatW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszSrc);
IMPRT_API HRESULT StringCchCatA(LPSTR pszDest, size_t cchDest, LPCSTR pszSrc);
IMPRT_API HRESULT StringCchLengthW(LPCWSTR psz, size_t cchMax, size_t *pcchLength);
IMPRT_API HRESULT StringCchLengthA(LPCSTR psz, size_t cchMax, size_t *pcchLength);
IMPRT_API HRESULT StringCchPrintfW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszFormat, ...);
IMPRT_API HRESULT StringCchPrintfA(LPSTR pszDest, size_t cchDest, LPCSTR pszFormat, ...);
IMPRT_API HRESULT StringCchVPrintfW(LPWSTR pszDest, size_t cchDest, LPCWSTR pszFormat, va_list argList);
IMPRT_API HRESULT StringCbCopyW(LPWSTR pszDest, size_t cbDest, LPCWSTR pszSrc);
IMPRT_API HRESULT StringCbCatW(LPWSTR pszDest, size_t cbDest, LPCWSTR pszSrc);
IMPRT_API HRESULT StringCbPrintfW(LPWSTR pszDest, size_t cbDest, LPCWSTR pszFormat, ...);

#ifdef UNICODE
#define StringCchCopy StringCchCopyW
#define StringCchCat StringCchCatW
#define StringCchPrintf StringCchPrintfW
#define StringCchLength StringCchLengthW
#else
#define StringCchCopy StringCchCopyA
#define StringCchCat StringCchCatA
#define StringCchPrintf StringCchPrintfA
#define StringCchLength StringCchLengthA
#endif

#endif
