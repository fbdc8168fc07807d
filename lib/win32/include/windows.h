/* The impersonation runtime's Win32 facade: enough of windows.h for the service code in
 * test-inputs/ to build and run unchanged on Linux (C gnu11 or C++17, clang or gcc).
 *
 * Decisions worth knowing (docs/runtime.md has the full list):
 *  - WCHAR is wchar_t (32-bit on Linux), so L"" literals and the C library's wcs*
 *    functions work unchanged; sizeof(WCHAR) is 4. The facade converts to UTF-8 at the
 *    boundary. Structures holding WCHAR arrays are therefore larger than on Windows; both
 *    ends of a pipe are built with these headers, so they agree.
 *  - DWORD, LONG, ULONG are 32-bit as on Windows (not unsigned long).
 *  - Functions the monitor records are macros passing __FILE__/__LINE__ to an ImpRt_
 *    function (e.g. CreateFileW(...) -> ImpRt_CreateFileW(__FILE__, __LINE__, ...)), so
 *    their address cannot be taken under the Windows name.
 *  - A function the facade does not implement is not declared: code that needs it fails
 *    to compile instead of running against a stub. Unsupported arguments fail with
 *    ERROR_NOT_SUPPORTED (or ERROR_INVALID_PARAMETER); bad handles with
 *    ERROR_INVALID_HANDLE.
 */
#ifndef IMPRT_WINDOWS_H
#define IMPRT_WINDOWS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>
/* Before the fopen() and system() macros below: libstdc++'s <cstdio> and <cstdlib> #undef
 * those names when first included, so they must be in already. */
#ifdef __cplusplus
#include <cstdio>
#include <cstdlib>
#else
#include <stdio.h>
#include <stdlib.h>
#endif

/* The facade's inline functions are Windows' code, not the service's: they are no call
 * frames of the monitor (-finstrument-functions, see IMPRT_END_AT_SITE). */
#ifdef __cplusplus
#define IMPRT_API extern "C"
#define IMPRT_INLINE inline __attribute__((no_instrument_function))
#else
#define IMPRT_API extern
#define IMPRT_INLINE static inline __attribute__((no_instrument_function))
#endif

/* A recorded call names the line it starts on, also when it spans several lines (a
 * function-like macro's __LINE__ is the line of its closing parenthesis): the API's name
 * is an object-like macro that notes the site, then names a wrapper that takes it back.
 * The sites form a per-thread stack, so a call nested in another's arguments pairs up
 * whichever the compiler evaluates first. */
IMPRT_API void ImpRt_MarkSite(const char *file, int line);
IMPRT_API void ImpRt_TakeSite(const char **file, int *line);
#define IMPRT_CALL_AT_SITE(Name) (ImpRt_MarkSite(__FILE__, __LINE__), ImpRt_##Name##_atSite)
/* An API that ends impersonation (RevertToSelf, RpcRevertToSelf, ...) also notes the name of
 * the function that calls it (__func__): when that function ends an impersonation its
 * caller began, it is a revert helper, and the monitor reports a leak through it there. */
IMPRT_API void ImpRt_MarkEndSite(const char *file, int line, const char *function);
#define IMPRT_END_AT_SITE(Name)                                                             \
  (ImpRt_MarkEndSite(__FILE__, __LINE__, __func__), ImpRt_##Name##_atSite)
#define IMPRT_SITE_WRAPPER(Ret, Name, Params, ...)                                          \
  IMPRT_INLINE Ret ImpRt_##Name##_atSite Params {                                          \
    const char *file;                                                                      \
    int line;                                                                              \
    ImpRt_TakeSite(&file, &line);                                                          \
    return ImpRt_##Name(file, line, ##__VA_ARGS__);                                        \
  }

/* ---- calling conventions, SAL, misc keywords --------------------------------------- */
#define WINAPI
#define WINAPIV
#define APIENTRY
#define CALLBACK
#define NTAPI
#define WINBASEAPI
#define WINADVAPI
#define NTSYSAPI
#define STDMETHODCALLTYPE
#define STDAPICALLTYPE
#define CONST const
#define VOID void
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif
#if !defined(__clang__)
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __cdecl
#define __cdecl
#endif
#endif
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _Inout_z_
#define _Outptr_
#define _Outptr_opt_
#define _Reserved_
#define _Check_return_
#define _Must_inspect_result_
#define _Ret_maybenull_
#define _Printf_format_string_
#define _In_reads_(n)
#define _In_reads_opt_(n)
#define _In_reads_bytes_(n)
#define _In_reads_bytes_opt_(n)
#define _Out_writes_(n)
#define _Out_writes_opt_(n)
#define _Out_writes_z_(n)
#define _Out_writes_bytes_(n)
#define _Out_writes_bytes_opt_(n)
#define _Out_writes_bytes_to_(n, m)
#define _Out_writes_to_(n, m)
#define _Inout_updates_(n)
#define _Field_size_(n)
#define _Field_size_bytes_(n)
#define _Success_(x)
#define _When_(a, b)
#define _In_range_(a, b)

/* ---- basic types -------------------------------------------------------------------- */
typedef int BOOL;
typedef BOOL *PBOOL, *LPBOOL;
typedef unsigned char BYTE, UCHAR, BOOLEAN;
typedef BYTE *PBYTE, *LPBYTE, *PUCHAR, *PBOOLEAN;
typedef unsigned short WORD, USHORT;
typedef WORD *PWORD, *LPWORD, *PUSHORT;
typedef short SHORT;
typedef uint32_t DWORD, ULONG, UINT32, DWORD32;
typedef DWORD *PDWORD, *LPDWORD, *PULONG;
typedef int32_t LONG, INT32;
typedef LONG *PLONG, *LPLONG;
typedef int INT;
typedef unsigned int UINT;
typedef INT *PINT, *LPINT;
typedef UINT *PUINT;
typedef int64_t LONGLONG, INT64, LONG64;
typedef uint64_t ULONGLONG, DWORD64, UINT64, ULONG64;
typedef intptr_t INT_PTR, LONG_PTR, SSIZE_T;
typedef uintptr_t UINT_PTR, ULONG_PTR, DWORD_PTR, SIZE_T;
typedef SIZE_T *PSIZE_T;
typedef ULONG_PTR *PULONG_PTR;
typedef float FLOAT;
typedef void *PVOID, *LPVOID, *HANDLE;
typedef const void *LPCVOID, *PCVOID;
typedef HANDLE *PHANDLE, *LPHANDLE;
typedef char CHAR;
typedef CHAR *PCHAR, *LPCH, *PCH, *LPSTR, *PSTR;
typedef const CHAR *LPCSTR, *PCSTR, *LPCCH, *PCCH;
typedef wchar_t WCHAR; /* 32-bit on Linux: see the note at the top */
typedef WCHAR *PWCHAR, *LPWCH, *PWCH, *LPWSTR, *PWSTR, *NWPSTR;
typedef const WCHAR *LPCWSTR, *PCWSTR, *LPCWCH, *PCWCH;
typedef LONG HRESULT;
typedef LONG NTSTATUS;
typedef NTSTATUS *PNTSTATUS;
typedef LONG LSTATUS;
typedef DWORD ACCESS_MASK;
typedef ACCESS_MASK *PACCESS_MASK;
typedef ACCESS_MASK REGSAM;
typedef HANDLE HLOCAL, HGLOBAL, HINSTANCE, HMODULE, HWND;
typedef struct HKEY__ *HKEY;
typedef HKEY *PHKEY;
typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM, LRESULT;

#ifdef UNICODE
typedef WCHAR TCHAR, *LPTSTR;
typedef const WCHAR *LPCTSTR;
#define __TEXT(q) L##q
#else
typedef char TCHAR, *LPTSTR;
typedef const char *LPCTSTR;
#define __TEXT(q) q
#endif
#define TEXT(q) __TEXT(q)

typedef union _LARGE_INTEGER {
  struct {
    DWORD LowPart;
    LONG HighPart;
  };
  struct {
    DWORD LowPart;
    LONG HighPart;
  } u;
  LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
  struct {
    DWORD LowPart;
    DWORD HighPart;
  };
  struct {
    DWORD LowPart;
    DWORD HighPart;
  } u;
  ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef struct _FILETIME {
  DWORD dwLowDateTime;
  DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

typedef struct _SECURITY_ATTRIBUTES {
  DWORD nLength;
  LPVOID lpSecurityDescriptor; /* must be NULL: security descriptors are not modelled */
  BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef struct _OVERLAPPED {
  ULONG_PTR Internal;
  ULONG_PTR InternalHigh;
  union {
    struct {
      DWORD Offset;
      DWORD OffsetHigh;
    };
    PVOID Pointer;
  };
  HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED; /* overlapped I/O is not supported: pass NULL */

#define TRUE 1
#define FALSE 0
#ifndef NULL
#define NULL ((void *)0)
#endif
#define MAX_PATH 260
#define INFINITE 0xFFFFFFFFu
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#define INVALID_FILE_ATTRIBUTES ((DWORD)-1)
#define INVALID_FILE_SIZE ((DWORD)0xFFFFFFFF)
#define INVALID_SET_FILE_POINTER ((DWORD)-1)
#define ANYSIZE_ARRAY 1

#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))
#define MAKEWORD(a, b) ((WORD)(((BYTE)(a)) | ((WORD)((BYTE)(b))) << 8))
#define MAKELONG(a, b) ((LONG)(((WORD)(a)) | ((DWORD)((WORD)(b))) << 16))
#define ARRAYSIZE(a) (sizeof(a) / sizeof((a)[0]))
#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#define ZeroMemory(d, n) memset((d), 0, (n))
#define SecureZeroMemory(d, n) memset((d), 0, (n))
#define FillMemory(d, n, v) memset((d), (v), (n))
#define CopyMemory(d, s, n) memcpy((d), (s), (n))
#define MoveMemory(d, s, n) memmove((d), (s), (n))
#define RtlZeroMemory(d, n) memset((d), 0, (n))
#define RtlCopyMemory(d, s, n) memcpy((d), (s), (n))

/* ---- error codes (winerror.h) ------------------------------------------------------- */
#define ERROR_SUCCESS 0L
#define NO_ERROR 0L
#define ERROR_INVALID_FUNCTION 1L
#define ERROR_FILE_NOT_FOUND 2L
#define ERROR_PATH_NOT_FOUND 3L
#define ERROR_TOO_MANY_OPEN_FILES 4L
#define ERROR_ACCESS_DENIED 5L
#define ERROR_INVALID_HANDLE 6L
#define ERROR_NOT_ENOUGH_MEMORY 8L
#define ERROR_BAD_FORMAT 11L
#define ERROR_INVALID_ACCESS 12L
#define ERROR_INVALID_DATA 13L
#define ERROR_OUTOFMEMORY 14L
#define ERROR_NO_MORE_FILES 18L
#define ERROR_WRITE_PROTECT 19L
#define ERROR_NOT_READY 21L
#define ERROR_BAD_LENGTH 24L
#define ERROR_WRITE_FAULT 29L
#define ERROR_READ_FAULT 30L
#define ERROR_GEN_FAILURE 31L
#define ERROR_SHARING_VIOLATION 32L
#define ERROR_LOCK_VIOLATION 33L
#define ERROR_HANDLE_EOF 38L
#define ERROR_HANDLE_DISK_FULL 39L
#define ERROR_NOT_SUPPORTED 50L
#define ERROR_FILE_EXISTS 80L
#define ERROR_CANNOT_MAKE 82L
#define ERROR_INVALID_PARAMETER 87L
#define ERROR_BROKEN_PIPE 109L
#define ERROR_OPEN_FAILED 110L
#define ERROR_BUFFER_OVERFLOW 111L
#define ERROR_DISK_FULL 112L
#define ERROR_CALL_NOT_IMPLEMENTED 120L
#define ERROR_SEM_TIMEOUT 121L
#define ERROR_INSUFFICIENT_BUFFER 122L
#define ERROR_INVALID_NAME 123L
#define ERROR_INVALID_LEVEL 124L
#define ERROR_WAIT_NO_CHILDREN 128L
#define ERROR_NEGATIVE_SEEK 131L
#define ERROR_DIR_NOT_EMPTY 145L
#define ERROR_BAD_ARGUMENTS 160L
#define ERROR_BAD_PATHNAME 161L
#define ERROR_BUSY 170L
#define ERROR_ALREADY_EXISTS 183L
#define ERROR_BAD_EXE_FORMAT 193L
#define ERROR_ENVVAR_NOT_FOUND 203L
#define ERROR_FILENAME_EXCED_RANGE 206L
#define ERROR_FILE_TOO_LARGE 223L
#define ERROR_PIPE_BUSY 231L
#define ERROR_NO_DATA 232L
#define ERROR_PIPE_NOT_CONNECTED 233L
#define ERROR_MORE_DATA 234L
#define ERROR_NO_MORE_ITEMS 259L
#define ERROR_DIRECTORY 267L
#define ERROR_NOT_OWNER 288L
#define ERROR_PARTIAL_COPY 299L
#define ERROR_PIPE_CONNECTED 535L
#define ERROR_PIPE_LISTENING 536L
#define ERROR_OPERATION_ABORTED 995L
#define ERROR_IO_PENDING 997L
#define ERROR_NOACCESS 998L
#define ERROR_INVALID_FLAGS 1004L
#define ERROR_NO_TOKEN 1008L
#define ERROR_CANTOPEN 1011L
#define ERROR_CANTREAD 1012L
#define ERROR_CANTWRITE 1013L
#define ERROR_KEY_DELETED 1018L
#define ERROR_NOT_FOUND 1168L
#define ERROR_NOT_AUTHENTICATED 1244L
#define ERROR_INVALID_OWNER 1307L
#define ERROR_NO_IMPERSONATION_TOKEN 1309L
#define ERROR_PRIVILEGE_NOT_HELD 1314L
#define ERROR_NO_SUCH_USER 1317L
#define ERROR_LOGON_FAILURE 1326L
#define ERROR_NONE_MAPPED 1332L
#define ERROR_INVALID_SID 1337L
#define ERROR_BAD_IMPERSONATION_LEVEL 1346L
#define ERROR_CANT_OPEN_ANONYMOUS 1347L
#define ERROR_BAD_TOKEN_TYPE 1349L
#define ERROR_INTERNAL_ERROR 1359L
#define ERROR_CANNOT_IMPERSONATE 1368L
#define ERROR_TIMEOUT 1460L
#define ERROR_INVALID_USER_BUFFER 1784L
#define ERROR_CANT_RESOLVE_FILENAME 1921L
#define ERROR_DISK_QUOTA_EXCEEDED 1295L
#define ERROR_UNSUPPORTED_TYPE 1630L
#define ERROR_NOT_SAME_DEVICE 17L
#define WAIT_OBJECT_0 0L
#define WAIT_ABANDONED 0x80L
#define WAIT_TIMEOUT 258L
#define WAIT_FAILED ((DWORD)0xFFFFFFFF)
#define STILL_ACTIVE 259L

/* HRESULT */
#define _HRESULT_TYPEDEF_(x) ((HRESULT)(x))
#define S_OK ((HRESULT)0L)
#define S_FALSE ((HRESULT)1L)
#define E_UNEXPECTED _HRESULT_TYPEDEF_(0x8000FFFFL)
#define E_NOTIMPL _HRESULT_TYPEDEF_(0x80004001L)
#define E_NOINTERFACE _HRESULT_TYPEDEF_(0x80004002L)
#define E_POINTER _HRESULT_TYPEDEF_(0x80004003L)
#define E_ABORT _HRESULT_TYPEDEF_(0x80004004L)
#define E_FAIL _HRESULT_TYPEDEF_(0x80004005L)
#define E_ACCESSDENIED _HRESULT_TYPEDEF_(0x80070005L)
#define E_HANDLE _HRESULT_TYPEDEF_(0x80070006L)
#define E_OUTOFMEMORY _HRESULT_TYPEDEF_(0x8007000EL)
#define E_INVALIDARG _HRESULT_TYPEDEF_(0x80070057L)
#define FACILITY_WIN32 7
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#define IS_ERROR(hr) (((unsigned long)(hr)) >> 31 == 1)
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1fff)
#define HRESULT_FROM_WIN32(x)                                                             \
  ((HRESULT)(x) <= 0 ? ((HRESULT)(x))                                                     \
                     : ((HRESULT)(((x) & 0x0000FFFF) | (FACILITY_WIN32 << 16) | 0x80000000)))
/* NTSTATUS */
#define NT_SUCCESS(s) (((NTSTATUS)(s)) >= 0)
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)

/* ---- access rights, file flags ------------------------------------------------------ */
#define DELETE 0x00010000L
#define READ_CONTROL 0x00020000L
#define WRITE_DAC 0x00040000L
#define WRITE_OWNER 0x00080000L
#define SYNCHRONIZE 0x00100000L
#define STANDARD_RIGHTS_REQUIRED 0x000F0000L
#define STANDARD_RIGHTS_READ READ_CONTROL
#define STANDARD_RIGHTS_WRITE READ_CONTROL
#define STANDARD_RIGHTS_EXECUTE READ_CONTROL
#define STANDARD_RIGHTS_ALL 0x001F0000L
#define MAXIMUM_ALLOWED 0x02000000L
#define GENERIC_READ 0x80000000L
#define GENERIC_WRITE 0x40000000L
#define GENERIC_EXECUTE 0x20000000L
#define GENERIC_ALL 0x10000000L
#define FILE_READ_DATA 0x0001
#define FILE_LIST_DIRECTORY 0x0001
#define FILE_WRITE_DATA 0x0002
#define FILE_ADD_FILE 0x0002
#define FILE_APPEND_DATA 0x0004
#define FILE_ADD_SUBDIRECTORY 0x0004
#define FILE_READ_EA 0x0008
#define FILE_WRITE_EA 0x0010
#define FILE_EXECUTE 0x0020
#define FILE_TRAVERSE 0x0020
#define FILE_DELETE_CHILD 0x0040
#define FILE_READ_ATTRIBUTES 0x0080
#define FILE_WRITE_ATTRIBUTES 0x0100
#define FILE_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x1FF)
#define FILE_GENERIC_READ                                                                 \
  (STANDARD_RIGHTS_READ | FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE)
#define FILE_GENERIC_WRITE                                                                \
  (STANDARD_RIGHTS_WRITE | FILE_WRITE_DATA | FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA |       \
   FILE_APPEND_DATA | SYNCHRONIZE)
#define FILE_GENERIC_EXECUTE                                                              \
  (STANDARD_RIGHTS_EXECUTE | FILE_READ_ATTRIBUTES | FILE_EXECUTE | SYNCHRONIZE)
#define FILE_SHARE_READ 0x00000001
#define FILE_SHARE_WRITE 0x00000002
#define FILE_SHARE_DELETE 0x00000004
#define CREATE_NEW 1
#define CREATE_ALWAYS 2
#define OPEN_EXISTING 3
#define OPEN_ALWAYS 4
#define TRUNCATE_EXISTING 5
#define FILE_ATTRIBUTE_READONLY 0x00000001
#define FILE_ATTRIBUTE_HIDDEN 0x00000002
#define FILE_ATTRIBUTE_SYSTEM 0x00000004
#define FILE_ATTRIBUTE_DIRECTORY 0x00000010
#define FILE_ATTRIBUTE_ARCHIVE 0x00000020
#define FILE_ATTRIBUTE_NORMAL 0x00000080
#define FILE_ATTRIBUTE_TEMPORARY 0x00000100
#define FILE_ATTRIBUTE_REPARSE_POINT 0x00000400
#define FILE_FLAG_WRITE_THROUGH 0x80000000
#define FILE_FLAG_OVERLAPPED 0x40000000
#define FILE_FLAG_NO_BUFFERING 0x20000000
#define FILE_FLAG_RANDOM_ACCESS 0x10000000
#define FILE_FLAG_SEQUENTIAL_SCAN 0x08000000
#define FILE_FLAG_DELETE_ON_CLOSE 0x04000000
#define FILE_FLAG_BACKUP_SEMANTICS 0x02000000
#define FILE_FLAG_POSIX_SEMANTICS 0x01000000
#define FILE_FLAG_OPEN_REPARSE_POINT 0x00200000
#define FILE_FLAG_FIRST_PIPE_INSTANCE 0x00080000
/* Security quality of service, in CreateFile's dwFlagsAndAttributes for pipe clients. */
#define SECURITY_ANONYMOUS (0 << 16)
#define SECURITY_IDENTIFICATION (1 << 16)
#define SECURITY_IMPERSONATION (2 << 16)
#define SECURITY_DELEGATION (3 << 16)
#define SECURITY_CONTEXT_TRACKING 0x00040000
#define SECURITY_EFFECTIVE_ONLY 0x00080000
#define SECURITY_SQOS_PRESENT 0x00100000
#define SECURITY_VALID_SQOS_FLAGS 0x001F0000
#define FILE_BEGIN 0
#define FILE_CURRENT 1
#define FILE_END 2
#define MOVEFILE_REPLACE_EXISTING 0x00000001
#define MOVEFILE_COPY_ALLOWED 0x00000002
#define MOVEFILE_WRITE_THROUGH 0x00000008

/* ---- tokens ------------------------------------------------------------------------- */
typedef enum _SECURITY_IMPERSONATION_LEVEL {
  SecurityAnonymous,
  SecurityIdentification,
  SecurityImpersonation,
  SecurityDelegation
} SECURITY_IMPERSONATION_LEVEL, *PSECURITY_IMPERSONATION_LEVEL;
typedef enum _TOKEN_TYPE { TokenPrimary = 1, TokenImpersonation } TOKEN_TYPE, *PTOKEN_TYPE;
typedef enum _TOKEN_INFORMATION_CLASS {
  TokenUser = 1,
  TokenGroups,
  TokenPrivileges,
  TokenOwner,
  TokenPrimaryGroup,
  TokenDefaultDacl,
  TokenSource,
  TokenType,
  TokenImpersonationLevel,
  TokenStatistics
} TOKEN_INFORMATION_CLASS, *PTOKEN_INFORMATION_CLASS;

#define TOKEN_ASSIGN_PRIMARY 0x0001
#define TOKEN_DUPLICATE 0x0002
#define TOKEN_IMPERSONATE 0x0004
#define TOKEN_QUERY 0x0008
#define TOKEN_QUERY_SOURCE 0x0010
#define TOKEN_ADJUST_PRIVILEGES 0x0020
#define TOKEN_ADJUST_GROUPS 0x0040
#define TOKEN_ADJUST_DEFAULT 0x0080
#define TOKEN_ADJUST_SESSIONID 0x0100
#define TOKEN_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | 0x01FF)
#define TOKEN_READ (STANDARD_RIGHTS_READ | TOKEN_QUERY)
#define TOKEN_WRITE                                                                       \
  (STANDARD_RIGHTS_WRITE | TOKEN_ADJUST_PRIVILEGES | TOKEN_ADJUST_GROUPS |                \
   TOKEN_ADJUST_DEFAULT)
#define TOKEN_EXECUTE STANDARD_RIGHTS_EXECUTE

#define LOGON32_LOGON_INTERACTIVE 2
#define LOGON32_LOGON_NETWORK 3
#define LOGON32_LOGON_BATCH 4
#define LOGON32_LOGON_SERVICE 5
#define LOGON32_LOGON_NETWORK_CLEARTEXT 8
#define LOGON32_PROVIDER_DEFAULT 0

/* SIDs: a user is S-1-22-1-<uid>, a group S-1-22-2-<gid> (the "Unix User" / "Unix Group"
 * authorities Samba uses for POSIX ids); the real SID layout. */
typedef struct _SID_IDENTIFIER_AUTHORITY {
  BYTE Value[6];
} SID_IDENTIFIER_AUTHORITY, *PSID_IDENTIFIER_AUTHORITY;
typedef struct _SID {
  BYTE Revision;
  BYTE SubAuthorityCount;
  SID_IDENTIFIER_AUTHORITY IdentifierAuthority;
  DWORD SubAuthority[ANYSIZE_ARRAY];
} SID;
typedef PVOID PSID;
#define SECURITY_MAX_SID_SIZE 68
typedef struct _SID_AND_ATTRIBUTES {
  PSID Sid;
  DWORD Attributes;
} SID_AND_ATTRIBUTES, *PSID_AND_ATTRIBUTES;
typedef struct _TOKEN_USER {
  SID_AND_ATTRIBUTES User;
} TOKEN_USER, *PTOKEN_USER;
typedef struct _TOKEN_GROUPS {
  DWORD GroupCount;
  SID_AND_ATTRIBUTES Groups[ANYSIZE_ARRAY];
} TOKEN_GROUPS, *PTOKEN_GROUPS;
typedef struct _TOKEN_PRIMARY_GROUP {
  PSID PrimaryGroup;
} TOKEN_PRIMARY_GROUP, *PTOKEN_PRIMARY_GROUP;
#define SE_GROUP_ENABLED 0x00000004L
typedef enum _SID_NAME_USE {
  SidTypeUser = 1,
  SidTypeGroup,
  SidTypeDomain,
  SidTypeAlias,
  SidTypeWellKnownGroup,
  SidTypeDeletedAccount,
  SidTypeInvalid,
  SidTypeUnknown
} SID_NAME_USE, *PSID_NAME_USE;

/* ---- pipes, processes, threads ------------------------------------------------------ */
#define PIPE_ACCESS_INBOUND 0x00000001
#define PIPE_ACCESS_OUTBOUND 0x00000002
#define PIPE_ACCESS_DUPLEX 0x00000003
#define PIPE_TYPE_BYTE 0x00000000
#define PIPE_TYPE_MESSAGE 0x00000004
#define PIPE_READMODE_BYTE 0x00000000
#define PIPE_READMODE_MESSAGE 0x00000002
#define PIPE_WAIT 0x00000000
#define PIPE_NOWAIT 0x00000001
#define PIPE_ACCEPT_REMOTE_CLIENTS 0x00000000
#define PIPE_REJECT_REMOTE_CLIENTS 0x00000008
#define PIPE_UNLIMITED_INSTANCES 255
#define NMPWAIT_USE_DEFAULT_WAIT 0x00000000
#define NMPWAIT_WAIT_FOREVER 0xffffffff

typedef DWORD(WINAPI *PTHREAD_START_ROUTINE)(LPVOID lpThreadParameter);
typedef PTHREAD_START_ROUTINE LPTHREAD_START_ROUTINE;
#define CREATE_SUSPENDED 0x00000004
#define DETACHED_PROCESS 0x00000008
#define CREATE_NEW_CONSOLE 0x00000010
#define CREATE_NEW_PROCESS_GROUP 0x00000200
#define CREATE_UNICODE_ENVIRONMENT 0x00000400
#define CREATE_NO_WINDOW 0x08000000
#define STARTF_USESHOWWINDOW 0x00000001
#define STARTF_USESTDHANDLES 0x00000100
#define SW_HIDE 0
#define SW_SHOWNORMAL 1
#define SW_SHOW 5
#define WT_EXECUTEDEFAULT 0x00000000
#define WT_EXECUTELONGFUNCTION 0x00000010

typedef struct _STARTUPINFOW {
  DWORD cb;
  LPWSTR lpReserved;
  LPWSTR lpDesktop;
  LPWSTR lpTitle;
  DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute;
  DWORD dwFlags;
  WORD wShowWindow;
  WORD cbReserved2;
  LPBYTE lpReserved2;
  HANDLE hStdInput;
  HANDLE hStdOutput;
  HANDLE hStdError;
} STARTUPINFOW, *LPSTARTUPINFOW;
typedef struct _STARTUPINFOA {
  DWORD cb;
  LPSTR lpReserved;
  LPSTR lpDesktop;
  LPSTR lpTitle;
  DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute;
  DWORD dwFlags;
  WORD wShowWindow;
  WORD cbReserved2;
  LPBYTE lpReserved2;
  HANDLE hStdInput;
  HANDLE hStdOutput;
  HANDLE hStdError;
} STARTUPINFOA, *LPSTARTUPINFOA;
typedef struct _PROCESS_INFORMATION {
  HANDLE hProcess;
  HANDLE hThread;
  DWORD dwProcessId;
  DWORD dwThreadId;
} PROCESS_INFORMATION, *PPROCESS_INFORMATION, *LPPROCESS_INFORMATION;

/* ---- files -------------------------------------------------------------------------- */
typedef enum _GET_FILEEX_INFO_LEVELS { GetFileExInfoStandard } GET_FILEEX_INFO_LEVELS;
typedef struct _WIN32_FILE_ATTRIBUTE_DATA {
  DWORD dwFileAttributes;
  FILETIME ftCreationTime;
  FILETIME ftLastAccessTime;
  FILETIME ftLastWriteTime;
  DWORD nFileSizeHigh;
  DWORD nFileSizeLow;
} WIN32_FILE_ATTRIBUTE_DATA, *LPWIN32_FILE_ATTRIBUTE_DATA;
typedef struct _WIN32_FIND_DATAW {
  DWORD dwFileAttributes;
  FILETIME ftCreationTime;
  FILETIME ftLastAccessTime;
  FILETIME ftLastWriteTime;
  DWORD nFileSizeHigh;
  DWORD nFileSizeLow;
  DWORD dwReserved0;
  DWORD dwReserved1;
  WCHAR cFileName[MAX_PATH];
  WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW, *PWIN32_FIND_DATAW, *LPWIN32_FIND_DATAW;

/* ---- registry ----------------------------------------------------------------------- */
#define HKEY_CLASSES_ROOT ((HKEY)(ULONG_PTR)((LONG)0x80000000))
#define HKEY_CURRENT_USER ((HKEY)(ULONG_PTR)((LONG)0x80000001))
#define HKEY_LOCAL_MACHINE ((HKEY)(ULONG_PTR)((LONG)0x80000002))
#define HKEY_USERS ((HKEY)(ULONG_PTR)((LONG)0x80000003))
#define HKEY_CURRENT_CONFIG ((HKEY)(ULONG_PTR)((LONG)0x80000005))
#define KEY_QUERY_VALUE 0x0001
#define KEY_SET_VALUE 0x0002
#define KEY_CREATE_SUB_KEY 0x0004
#define KEY_ENUMERATE_SUB_KEYS 0x0008
#define KEY_NOTIFY 0x0010
#define KEY_CREATE_LINK 0x0020
#define KEY_WOW64_64KEY 0x0100
#define KEY_WOW64_32KEY 0x0200
#define KEY_READ                                                                          \
  ((STANDARD_RIGHTS_READ | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY) &        \
   (~SYNCHRONIZE))
#define KEY_WRITE ((STANDARD_RIGHTS_WRITE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY) & (~SYNCHRONIZE))
#define KEY_EXECUTE ((KEY_READ) & (~SYNCHRONIZE))
#define KEY_ALL_ACCESS                                                                    \
  ((STANDARD_RIGHTS_ALL | KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY |           \
    KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY | KEY_CREATE_LINK) &                               \
   (~SYNCHRONIZE))
#define REG_NONE 0
#define REG_SZ 1
#define REG_EXPAND_SZ 2
#define REG_BINARY 3
#define REG_DWORD 4
#define REG_MULTI_SZ 7
#define REG_QWORD 11
#define REG_OPTION_NON_VOLATILE 0x00000000L
#define REG_CREATED_NEW_KEY 0x00000001L
#define REG_OPENED_EXISTING_KEY 0x00000002L
#define RRF_RT_REG_NONE 0x00000001
#define RRF_RT_REG_SZ 0x00000002
#define RRF_RT_REG_EXPAND_SZ 0x00000004
#define RRF_RT_REG_BINARY 0x00000008
#define RRF_RT_REG_DWORD 0x00000010
#define RRF_RT_REG_MULTI_SZ 0x00000020
#define RRF_RT_REG_QWORD 0x00000040
#define RRF_RT_DWORD (RRF_RT_REG_BINARY | RRF_RT_REG_DWORD)
#define RRF_RT_QWORD (RRF_RT_REG_BINARY | RRF_RT_REG_QWORD)
#define RRF_RT_ANY 0x0000ffff
#define RRF_NOEXPAND 0x10000000
#define RRF_ZEROONFAILURE 0x20000000

#define HEAP_ZERO_MEMORY 0x00000008
#define LMEM_FIXED 0x0000
#define LMEM_ZEROINIT 0x0040
#define LPTR (LMEM_FIXED | LMEM_ZEROINIT)
#define CP_ACP 0
#define CP_UTF8 65001

/* ======================================================================================
 * Functions. Those with a site are macros over ImpRt_<name>(file, line, ...).
 * ====================================================================================== */

/* errors, handles, misc */
IMPRT_API DWORD GetLastError(void);
IMPRT_API void SetLastError(DWORD dwErrCode);
IMPRT_API BOOL CloseHandle(HANDLE hObject);
IMPRT_API HANDLE GetCurrentProcess(void); /* pseudo handle (HANDLE)-1 */
IMPRT_API HANDLE GetCurrentThread(void);  /* pseudo handle (HANDLE)-2 */
IMPRT_API DWORD GetCurrentProcessId(void);
IMPRT_API DWORD GetCurrentThreadId(void);
IMPRT_API void Sleep(DWORD dwMilliseconds);
IMPRT_API DWORD GetTickCount(void);
IMPRT_API ULONGLONG GetTickCount64(void);
IMPRT_API void ExitProcess(UINT uExitCode) __attribute__((noreturn));
IMPRT_API void OutputDebugStringW(LPCWSTR lpOutputString); /* to stderr */
IMPRT_API void OutputDebugStringA(LPCSTR lpOutputString);
IMPRT_API HANDLE GetProcessHeap(void);
IMPRT_API LPVOID HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes);
IMPRT_API LPVOID HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes);
IMPRT_API BOOL HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem);
IMPRT_API HLOCAL LocalAlloc(UINT uFlags, SIZE_T uBytes);
IMPRT_API HLOCAL LocalFree(HLOCAL hMem);
/* CP_ACP and CP_UTF8 are both UTF-8 here. */
IMPRT_API int MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCSTR lpMultiByteStr,
                                  int cbMultiByte, LPWSTR lpWideCharStr, int cchWideChar);
IMPRT_API int WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWSTR lpWideCharStr,
                                  int cchWideChar, LPSTR lpMultiByteStr, int cbMultiByte,
                                  LPCSTR lpDefaultChar, LPBOOL lpUsedDefaultChar);

/* events (manual or auto reset; unnamed only) and waits */
IMPRT_API HANDLE CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                              BOOL bInitialState, LPCWSTR lpName);
IMPRT_API BOOL SetEvent(HANDLE hEvent);
IMPRT_API BOOL ResetEvent(HANDLE hEvent);
/* Processes, threads and events. */
IMPRT_API DWORD WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds);

/* tokens */
IMPRT_API BOOL OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess,
                                PHANDLE TokenHandle);
IMPRT_API BOOL OpenThreadToken(HANDLE ThreadHandle, DWORD DesiredAccess, BOOL OpenAsSelf,
                               PHANDLE TokenHandle);
IMPRT_API BOOL DuplicateTokenEx(HANDLE hExistingToken, DWORD dwDesiredAccess,
                                LPSECURITY_ATTRIBUTES lpTokenAttributes,
                                SECURITY_IMPERSONATION_LEVEL ImpersonationLevel,
                                TOKEN_TYPE TokenType, PHANDLE phNewToken);
IMPRT_API BOOL DuplicateToken(HANDLE ExistingTokenHandle,
                              SECURITY_IMPERSONATION_LEVEL ImpersonationLevel,
                              PHANDLE DuplicateTokenHandle);
/* TokenUser, TokenGroups, TokenPrimaryGroup, TokenType, TokenImpersonationLevel. */
IMPRT_API BOOL GetTokenInformation(HANDLE TokenHandle,
                                   TOKEN_INFORMATION_CLASS TokenInformationClass,
                                   LPVOID TokenInformation, DWORD TokenInformationLength,
                                   PDWORD ReturnLength);
/* The runtime's own account table (docs/runtime.md); the password is the user name. */
IMPRT_API BOOL LogonUserW(LPCWSTR lpszUsername, LPCWSTR lpszDomain, LPCWSTR lpszPassword,
                          DWORD dwLogonType, DWORD dwLogonProvider, PHANDLE phToken);
IMPRT_API BOOL LogonUserA(LPCSTR lpszUsername, LPCSTR lpszDomain, LPCSTR lpszPassword,
                          DWORD dwLogonType, DWORD dwLogonProvider, PHANDLE phToken);
/* The calling thread's user (the impersonated one while impersonating). */
IMPRT_API BOOL GetUserNameW(LPWSTR lpBuffer, LPDWORD pcbBuffer);
IMPRT_API BOOL GetUserNameA(LPSTR lpBuffer, LPDWORD pcbBuffer);
IMPRT_API BOOL IsValidSid(PSID pSid);
IMPRT_API DWORD GetLengthSid(PSID pSid);
IMPRT_API BOOL EqualSid(PSID pSid1, PSID pSid2);
IMPRT_API BOOL CopySid(DWORD nDestinationSidLength, PSID pDestinationSid, PSID pSourceSid);
IMPRT_API PDWORD GetSidSubAuthority(PSID pSid, DWORD nSubAuthority);
IMPRT_API PUCHAR GetSidSubAuthorityCount(PSID pSid);
IMPRT_API BOOL LookupAccountSidW(LPCWSTR lpSystemName, PSID Sid, LPWSTR Name, LPDWORD cchName,
                                 LPWSTR ReferencedDomainName, LPDWORD cchReferencedDomainName,
                                 PSID_NAME_USE peUse);

IMPRT_API BOOL ImpRt_ImpersonateLoggedOnUser(const char *file, int line, HANDLE hToken);
IMPRT_API BOOL ImpRt_ImpersonateSelf(const char *file, int line,
                                     SECURITY_IMPERSONATION_LEVEL ImpersonationLevel);
IMPRT_API BOOL ImpRt_ImpersonateAnonymousToken(const char *file, int line, HANDLE ThreadHandle);
/* Thread NULL (or &GetCurrentThread()) only: Linux cannot set another thread's
 * credentials (ERROR_NOT_SUPPORTED). Token NULL ends impersonation. */
IMPRT_API BOOL ImpRt_SetThreadToken(const char *file, int line, PHANDLE Thread, HANDLE Token);
IMPRT_API BOOL ImpRt_RevertToSelf(const char *file, int line);
IMPRT_API BOOL ImpRt_ImpersonateNamedPipeClient(const char *file, int line,
                                                HANDLE hNamedPipe);
IMPRT_SITE_WRAPPER(BOOL, ImpersonateLoggedOnUser, (HANDLE hToken), hToken)
#define ImpersonateLoggedOnUser IMPRT_CALL_AT_SITE(ImpersonateLoggedOnUser)
IMPRT_SITE_WRAPPER(BOOL, ImpersonateSelf, (SECURITY_IMPERSONATION_LEVEL ImpersonationLevel),
                   ImpersonationLevel)
#define ImpersonateSelf IMPRT_CALL_AT_SITE(ImpersonateSelf)
IMPRT_SITE_WRAPPER(BOOL, ImpersonateAnonymousToken, (HANDLE ThreadHandle), ThreadHandle)
#define ImpersonateAnonymousToken IMPRT_CALL_AT_SITE(ImpersonateAnonymousToken)
IMPRT_SITE_WRAPPER(BOOL, SetThreadToken, (PHANDLE Thread, HANDLE Token), Thread, Token)
#define SetThreadToken IMPRT_END_AT_SITE(SetThreadToken)
IMPRT_SITE_WRAPPER(BOOL, RevertToSelf, (void))
#define RevertToSelf IMPRT_END_AT_SITE(RevertToSelf)
IMPRT_SITE_WRAPPER(BOOL, ImpersonateNamedPipeClient, (HANDLE hNamedPipe), hNamedPipe)
#define ImpersonateNamedPipeClient IMPRT_CALL_AT_SITE(ImpersonateNamedPipeClient)

/* named pipes: Unix sockets (abstract namespace, keyed by the Windows root and the
 * lower-cased name). PIPE_TYPE_MESSAGE keeps message boundaries (SOCK_SEQPACKET). */
IMPRT_API HANDLE CreateNamedPipeW(LPCWSTR lpName, DWORD dwOpenMode, DWORD dwPipeMode,
                                  DWORD nMaxInstances, DWORD nOutBufferSize,
                                  DWORD nInBufferSize, DWORD nDefaultTimeOut,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes);
IMPRT_API HANDLE CreateNamedPipeA(LPCSTR lpName, DWORD dwOpenMode, DWORD dwPipeMode,
                                  DWORD nMaxInstances, DWORD nOutBufferSize,
                                  DWORD nInBufferSize, DWORD nDefaultTimeOut,
                                  LPSECURITY_ATTRIBUTES lpSecurityAttributes);
/* Blocks until a client connects (lpOverlapped must be NULL). */
IMPRT_API BOOL ConnectNamedPipe(HANDLE hNamedPipe, LPOVERLAPPED lpOverlapped);
IMPRT_API BOOL DisconnectNamedPipe(HANDLE hNamedPipe);
/* Waits until a pipe of that name exists in this process (other processes' pipes are not
 * seen: returns FALSE with ERROR_SEM_TIMEOUT). */
IMPRT_API BOOL WaitNamedPipeW(LPCWSTR lpNamedPipeName, DWORD nTimeOut);
IMPRT_API BOOL SetNamedPipeHandleState(HANDLE hNamedPipe, LPDWORD lpMode,
                                       LPDWORD lpMaxCollectionCount,
                                       LPDWORD lpCollectDataTimeout);
IMPRT_API BOOL GetNamedPipeClientProcessId(HANDLE Pipe, PULONG ClientProcessId);

/* files (and pipe ends): lpOverlapped must be NULL */
IMPRT_API BOOL ReadFile(HANDLE hFile, LPVOID lpBuffer, DWORD nNumberOfBytesToRead,
                        LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped);
IMPRT_API BOOL WriteFile(HANDLE hFile, LPCVOID lpBuffer, DWORD nNumberOfBytesToWrite,
                         LPDWORD lpNumberOfBytesWritten, LPOVERLAPPED lpOverlapped);
/* Files: fsync. Pipes: waits until the other end has read everything written. */
IMPRT_API BOOL FlushFileBuffers(HANDLE hFile);
IMPRT_API DWORD GetFileSize(HANDLE hFile, LPDWORD lpFileSizeHigh);
IMPRT_API BOOL GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize);
IMPRT_API DWORD SetFilePointer(HANDLE hFile, LONG lDistanceToMove, PLONG lpDistanceToMoveHigh,
                               DWORD dwMoveMethod);
IMPRT_API BOOL SetFilePointerEx(HANDLE hFile, LARGE_INTEGER liDistanceToMove,
                                PLARGE_INTEGER lpNewFilePointer, DWORD dwMoveMethod);
IMPRT_API BOOL FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData);
IMPRT_API BOOL FindClose(HANDLE hFindFile);

/* Accesses the monitor records. A pipe name (\\.\pipe\x) in CreateFileW connects to a
 * pipe server and sends the SQOS flags of dwFlagsAndAttributes (no SECURITY_SQOS_PRESENT:
 * Impersonation level, as on Windows). lpSecurityAttributes must be NULL or carry a NULL
 * descriptor; new files get mode 0644 and new directories 0755 (less the umask), owned
 * by the thread's current identity. */
IMPRT_API HANDLE ImpRt_CreateFileW(const char *file, int line, LPCWSTR lpFileName,
                                   DWORD dwDesiredAccess, DWORD dwShareMode,
                                   LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                                   DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes,
                                   HANDLE hTemplateFile);
IMPRT_API HANDLE ImpRt_CreateFileA(const char *file, int line, LPCSTR lpFileName,
                                   DWORD dwDesiredAccess, DWORD dwShareMode,
                                   LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                                   DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes,
                                   HANDLE hTemplateFile);
IMPRT_API BOOL ImpRt_DeleteFileW(const char *file, int line, LPCWSTR lpFileName);
IMPRT_API BOOL ImpRt_DeleteFileA(const char *file, int line, LPCSTR lpFileName);
IMPRT_API BOOL ImpRt_MoveFileW(const char *file, int line, LPCWSTR lpExistingFileName,
                               LPCWSTR lpNewFileName);
/* MOVEFILE_REPLACE_EXISTING, MOVEFILE_COPY_ALLOWED, MOVEFILE_WRITE_THROUGH. */
IMPRT_API BOOL ImpRt_MoveFileExW(const char *file, int line, LPCWSTR lpExistingFileName,
                                 LPCWSTR lpNewFileName, DWORD dwFlags);
IMPRT_API BOOL ImpRt_CopyFileW(const char *file, int line, LPCWSTR lpExistingFileName,
                               LPCWSTR lpNewFileName, BOOL bFailIfExists);
IMPRT_API BOOL ImpRt_CreateDirectoryW(const char *file, int line, LPCWSTR lpPathName,
                                      LPSECURITY_ATTRIBUTES lpSecurityAttributes);
IMPRT_API BOOL ImpRt_CreateDirectoryA(const char *file, int line, LPCSTR lpPathName,
                                      LPSECURITY_ATTRIBUTES lpSecurityAttributes);
IMPRT_API BOOL ImpRt_RemoveDirectoryW(const char *file, int line, LPCWSTR lpPathName);
IMPRT_API DWORD ImpRt_GetFileAttributesW(const char *file, int line, LPCWSTR lpFileName);
IMPRT_API DWORD ImpRt_GetFileAttributesA(const char *file, int line, LPCSTR lpFileName);
IMPRT_API BOOL ImpRt_GetFileAttributesExW(const char *file, int line, LPCWSTR lpFileName,
                                          GET_FILEEX_INFO_LEVELS fInfoLevelId,
                                          LPVOID lpFileInformation);
/* Patterns with * and ? in the last component. */
IMPRT_API HANDLE ImpRt_FindFirstFileW(const char *file, int line, LPCWSTR lpFileName,
                                      LPWIN32_FIND_DATAW lpFindFileData);
IMPRT_SITE_WRAPPER(HANDLE, CreateFileW,
                   (LPCWSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
                    LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition,
                    DWORD dwFlagsAndAttributes, HANDLE hTemplateFile), lpFileName,
                   dwDesiredAccess, dwShareMode, lpSecurityAttributes, dwCreationDisposition,
                   dwFlagsAndAttributes, hTemplateFile)
#define CreateFileW IMPRT_CALL_AT_SITE(CreateFileW)
IMPRT_SITE_WRAPPER(HANDLE, CreateFileA,
                   (LPCSTR lpFileName, DWORD dwDesiredAccess, DWORD dwShareMode,
                    LPSECURITY_ATTRIBUTES lpSecurityAttributes, DWORD dwCreationDisposition,
                    DWORD dwFlagsAndAttributes, HANDLE hTemplateFile), lpFileName,
                   dwDesiredAccess, dwShareMode, lpSecurityAttributes, dwCreationDisposition,
                   dwFlagsAndAttributes, hTemplateFile)
#define CreateFileA IMPRT_CALL_AT_SITE(CreateFileA)
IMPRT_SITE_WRAPPER(BOOL, DeleteFileW, (LPCWSTR lpFileName), lpFileName)
#define DeleteFileW IMPRT_CALL_AT_SITE(DeleteFileW)
IMPRT_SITE_WRAPPER(BOOL, DeleteFileA, (LPCSTR lpFileName), lpFileName)
#define DeleteFileA IMPRT_CALL_AT_SITE(DeleteFileA)
IMPRT_SITE_WRAPPER(BOOL, MoveFileW, (LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName),
                   lpExistingFileName, lpNewFileName)
#define MoveFileW IMPRT_CALL_AT_SITE(MoveFileW)
IMPRT_SITE_WRAPPER(BOOL, MoveFileExW,
                   (LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName, DWORD dwFlags),
                   lpExistingFileName, lpNewFileName, dwFlags)
#define MoveFileExW IMPRT_CALL_AT_SITE(MoveFileExW)
IMPRT_SITE_WRAPPER(BOOL, CopyFileW,
                   (LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName, BOOL bFailIfExists),
                   lpExistingFileName, lpNewFileName, bFailIfExists)
#define CopyFileW IMPRT_CALL_AT_SITE(CopyFileW)
IMPRT_SITE_WRAPPER(BOOL, CreateDirectoryW,
                   (LPCWSTR lpPathName, LPSECURITY_ATTRIBUTES lpSecurityAttributes),
                   lpPathName, lpSecurityAttributes)
#define CreateDirectoryW IMPRT_CALL_AT_SITE(CreateDirectoryW)
IMPRT_SITE_WRAPPER(BOOL, CreateDirectoryA,
                   (LPCSTR lpPathName, LPSECURITY_ATTRIBUTES lpSecurityAttributes), lpPathName,
                   lpSecurityAttributes)
#define CreateDirectoryA IMPRT_CALL_AT_SITE(CreateDirectoryA)
IMPRT_SITE_WRAPPER(BOOL, RemoveDirectoryW, (LPCWSTR lpPathName), lpPathName)
#define RemoveDirectoryW IMPRT_CALL_AT_SITE(RemoveDirectoryW)
IMPRT_SITE_WRAPPER(DWORD, GetFileAttributesW, (LPCWSTR lpFileName), lpFileName)
#define GetFileAttributesW IMPRT_CALL_AT_SITE(GetFileAttributesW)
IMPRT_SITE_WRAPPER(DWORD, GetFileAttributesA, (LPCSTR lpFileName), lpFileName)
#define GetFileAttributesA IMPRT_CALL_AT_SITE(GetFileAttributesA)
IMPRT_SITE_WRAPPER(BOOL, GetFileAttributesExW,
                   (LPCWSTR lpFileName, GET_FILEEX_INFO_LEVELS fInfoLevelId,
                    LPVOID lpFileInformation), lpFileName, fInfoLevelId, lpFileInformation)
#define GetFileAttributesExW IMPRT_CALL_AT_SITE(GetFileAttributesExW)
IMPRT_SITE_WRAPPER(HANDLE, FindFirstFileW,
                   (LPCWSTR lpFileName, LPWIN32_FIND_DATAW lpFindFileData), lpFileName,
                   lpFindFileData)
#define FindFirstFileW IMPRT_CALL_AT_SITE(FindFirstFileW)

/* registry (LSTATUS results, not SetLastError). Access is checked by the kernel when a
 * key is opened or created (r-x on its directory for reading, -wx for writing) and again
 * when a value file is read or written. Value calls act on an open key and are not
 * recorded as accesses (Windows checks access at the open, and so do the static checks). */
IMPRT_API LSTATUS RegCloseKey(HKEY hKey);
IMPRT_API LSTATUS RegSetValueExW(HKEY hKey, LPCWSTR lpValueName, DWORD Reserved, DWORD dwType,
                                 const BYTE *lpData, DWORD cbData);
IMPRT_API LSTATUS RegQueryValueExW(HKEY hKey, LPCWSTR lpValueName, LPDWORD lpReserved,
                                   LPDWORD lpType, LPBYTE lpData, LPDWORD lpcbData);
/* RRF_RT_* type filters, RRF_ZEROONFAILURE; lpSubKey opens a sub-key first. */
IMPRT_API LSTATUS RegGetValueW(HKEY hkey, LPCWSTR lpSubKey, LPCWSTR lpValue, DWORD dwFlags,
                               LPDWORD pdwType, PVOID pvData, LPDWORD pcbData);
IMPRT_API LSTATUS RegDeleteValueW(HKEY hKey, LPCWSTR lpValueName);
IMPRT_API LSTATUS ImpRt_RegOpenKeyExW(const char *file, int line, HKEY hKey, LPCWSTR lpSubKey,
                                      DWORD ulOptions, REGSAM samDesired, PHKEY phkResult);
IMPRT_API LSTATUS ImpRt_RegCreateKeyExW(const char *file, int line, HKEY hKey, LPCWSTR lpSubKey,
                                        DWORD Reserved, LPWSTR lpClass, DWORD dwOptions,
                                        REGSAM samDesired,
                                        LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                                        PHKEY phkResult, LPDWORD lpdwDisposition);
IMPRT_API LSTATUS ImpRt_RegDeleteKeyW(const char *file, int line, HKEY hKey, LPCWSTR lpSubKey);
/* HKEY_USERS\S-1-22-1-<uid> of the calling thread's current user. */
IMPRT_API LSTATUS ImpRt_RegOpenCurrentUser(const char *file, int line, REGSAM samDesired,
                                           PHKEY phkResult);
IMPRT_SITE_WRAPPER(LSTATUS, RegOpenKeyExW,
                   (HKEY hKey, LPCWSTR lpSubKey, DWORD ulOptions, REGSAM samDesired,
                    PHKEY phkResult), hKey, lpSubKey, ulOptions, samDesired, phkResult)
#define RegOpenKeyExW IMPRT_CALL_AT_SITE(RegOpenKeyExW)
IMPRT_SITE_WRAPPER(LSTATUS, RegCreateKeyExW,
                   (HKEY hKey, LPCWSTR lpSubKey, DWORD Reserved, LPWSTR lpClass,
                    DWORD dwOptions, REGSAM samDesired,
                    LPSECURITY_ATTRIBUTES lpSecurityAttributes, PHKEY phkResult,
                    LPDWORD lpdwDisposition), hKey, lpSubKey, Reserved, lpClass, dwOptions,
                   samDesired, lpSecurityAttributes, phkResult, lpdwDisposition)
#define RegCreateKeyExW IMPRT_CALL_AT_SITE(RegCreateKeyExW)
IMPRT_SITE_WRAPPER(LSTATUS, RegDeleteKeyW, (HKEY hKey, LPCWSTR lpSubKey), hKey, lpSubKey)
#define RegDeleteKeyW IMPRT_CALL_AT_SITE(RegDeleteKeyW)
IMPRT_SITE_WRAPPER(LSTATUS, RegOpenCurrentUser, (REGSAM samDesired, PHKEY phkResult),
                   samDesired, phkResult)
#define RegOpenCurrentUser IMPRT_CALL_AT_SITE(RegOpenCurrentUser)

/* processes and threads. The child process runs as the PROCESS's primary identity and
 * the new thread starts on it, as on Windows (not as the calling thread's). The command
 * line is split with Windows' rules; the program is a Linux path ("/usr/bin/id"), a
 * Windows path under the root, or a bare name looked up in the root and then in PATH
 * (a trailing ".exe" is dropped if that finds nothing). lpCurrentDirectory is mapped like
 * any path. STARTF_USESTDHANDLES takes file and pipe handles. lpEnvironment (ANSI, or
 * UTF-16-as-wchar_t with CREATE_UNICODE_ENVIRONMENT) replaces the environment.
 * CREATE_SUSPENDED is not supported for processes (ERROR_NOT_SUPPORTED). */
IMPRT_API BOOL ImpRt_CreateProcessW(const char *file, int line, LPCWSTR lpApplicationName,
                                    LPWSTR lpCommandLine,
                                    LPSECURITY_ATTRIBUTES lpProcessAttributes,
                                    LPSECURITY_ATTRIBUTES lpThreadAttributes,
                                    BOOL bInheritHandles, DWORD dwCreationFlags,
                                    LPVOID lpEnvironment, LPCWSTR lpCurrentDirectory,
                                    LPSTARTUPINFOW lpStartupInfo,
                                    LPPROCESS_INFORMATION lpProcessInformation);
IMPRT_API BOOL ImpRt_CreateProcessA(const char *file, int line, LPCSTR lpApplicationName,
                                    LPSTR lpCommandLine,
                                    LPSECURITY_ATTRIBUTES lpProcessAttributes,
                                    LPSECURITY_ATTRIBUTES lpThreadAttributes,
                                    BOOL bInheritHandles, DWORD dwCreationFlags,
                                    LPVOID lpEnvironment, LPCSTR lpCurrentDirectory,
                                    LPSTARTUPINFOA lpStartupInfo,
                                    LPPROCESS_INFORMATION lpProcessInformation);
/* The child runs as hToken's user (all of its uids/gids), whatever the caller is. */
IMPRT_API BOOL ImpRt_CreateProcessAsUserW(const char *file, int line, HANDLE hToken,
                                          LPCWSTR lpApplicationName, LPWSTR lpCommandLine,
                                          LPSECURITY_ATTRIBUTES lpProcessAttributes,
                                          LPSECURITY_ATTRIBUTES lpThreadAttributes,
                                          BOOL bInheritHandles, DWORD dwCreationFlags,
                                          LPVOID lpEnvironment, LPCWSTR lpCurrentDirectory,
                                          LPSTARTUPINFOW lpStartupInfo,
                                          LPPROCESS_INFORMATION lpProcessInformation);
IMPRT_API UINT ImpRt_WinExec(const char *file, int line, LPCSTR lpCmdLine, UINT uCmdShow);
/* system(): "/bin/sh -c command" as the process's identity; waits; returns the status. */
IMPRT_API int ImpRt_system(const char *file, int line, const char *command);
IMPRT_API int ImpRt__wsystem(const char *file, int line, const wchar_t *command);
IMPRT_API HANDLE ImpRt_CreateThread(const char *file, int line,
                                    LPSECURITY_ATTRIBUTES lpThreadAttributes, SIZE_T dwStackSize,
                                    LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter,
                                    DWORD dwCreationFlags, LPDWORD lpThreadId);
/* Runs on a pool thread. Pool threads start on the primary identity; a work item that
 * leaves impersonation in force leaves it for the next item, as on Windows. */
IMPRT_API BOOL ImpRt_QueueUserWorkItem(const char *file, int line,
                                       LPTHREAD_START_ROUTINE Function, PVOID Context,
                                       ULONG Flags);
IMPRT_SITE_WRAPPER(BOOL, CreateProcessW,
                   (LPCWSTR lpApplicationName, LPWSTR lpCommandLine,
                    LPSECURITY_ATTRIBUTES lpProcessAttributes,
                    LPSECURITY_ATTRIBUTES lpThreadAttributes, BOOL bInheritHandles,
                    DWORD dwCreationFlags, LPVOID lpEnvironment, LPCWSTR lpCurrentDirectory,
                    LPSTARTUPINFOW lpStartupInfo, LPPROCESS_INFORMATION lpProcessInformation),
                   lpApplicationName, lpCommandLine, lpProcessAttributes, lpThreadAttributes,
                   bInheritHandles, dwCreationFlags, lpEnvironment, lpCurrentDirectory,
                   lpStartupInfo, lpProcessInformation)
#define CreateProcessW IMPRT_CALL_AT_SITE(CreateProcessW)
IMPRT_SITE_WRAPPER(BOOL, CreateProcessA,
                   (LPCSTR lpApplicationName, LPSTR lpCommandLine,
                    LPSECURITY_ATTRIBUTES lpProcessAttributes,
                    LPSECURITY_ATTRIBUTES lpThreadAttributes, BOOL bInheritHandles,
                    DWORD dwCreationFlags, LPVOID lpEnvironment, LPCSTR lpCurrentDirectory,
                    LPSTARTUPINFOA lpStartupInfo, LPPROCESS_INFORMATION lpProcessInformation),
                   lpApplicationName, lpCommandLine, lpProcessAttributes, lpThreadAttributes,
                   bInheritHandles, dwCreationFlags, lpEnvironment, lpCurrentDirectory,
                   lpStartupInfo, lpProcessInformation)
#define CreateProcessA IMPRT_CALL_AT_SITE(CreateProcessA)
IMPRT_SITE_WRAPPER(BOOL, CreateProcessAsUserW,
                   (HANDLE hToken, LPCWSTR lpApplicationName, LPWSTR lpCommandLine,
                    LPSECURITY_ATTRIBUTES lpProcessAttributes,
                    LPSECURITY_ATTRIBUTES lpThreadAttributes, BOOL bInheritHandles,
                    DWORD dwCreationFlags, LPVOID lpEnvironment, LPCWSTR lpCurrentDirectory,
                    LPSTARTUPINFOW lpStartupInfo, LPPROCESS_INFORMATION lpProcessInformation),
                   hToken, lpApplicationName, lpCommandLine, lpProcessAttributes,
                   lpThreadAttributes, bInheritHandles, dwCreationFlags, lpEnvironment,
                   lpCurrentDirectory, lpStartupInfo, lpProcessInformation)
#define CreateProcessAsUserW IMPRT_CALL_AT_SITE(CreateProcessAsUserW)
IMPRT_SITE_WRAPPER(UINT, WinExec, (LPCSTR lpCmdLine, UINT uCmdShow), lpCmdLine, uCmdShow)
#define WinExec IMPRT_CALL_AT_SITE(WinExec)
#define system(command) ImpRt_system(__FILE__, __LINE__, (command))
#define _wsystem(command) ImpRt__wsystem(__FILE__, __LINE__, (command))
IMPRT_SITE_WRAPPER(HANDLE, CreateThread,
                   (LPSECURITY_ATTRIBUTES lpThreadAttributes, SIZE_T dwStackSize,
                    LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter,
                    DWORD dwCreationFlags, LPDWORD lpThreadId), lpThreadAttributes,
                   dwStackSize, lpStartAddress, lpParameter, dwCreationFlags, lpThreadId)
#define CreateThread IMPRT_CALL_AT_SITE(CreateThread)
IMPRT_SITE_WRAPPER(BOOL, QueueUserWorkItem,
                   (LPTHREAD_START_ROUTINE Function, PVOID Context, ULONG Flags), Function,
                   Context, Flags)
#define QueueUserWorkItem IMPRT_CALL_AT_SITE(QueueUserWorkItem)
/* C runtime opens, which the static checks count as accesses: the path is mapped like any
 * Windows path (relative to the root; a Linux absolute path is kept), the level rule
 * applies, the monitor records it. Mode letters t, N (-> e), S, R, T, D and ",ccs=" are
 * Windows' and are translated or dropped. */
IMPRT_API FILE *ImpRt_fopen(const char *file, int line, const char *path, const char *mode);
IMPRT_API FILE *ImpRt__wfopen(const char *file, int line, const wchar_t *path,
                              const wchar_t *mode);
/* A function-like macro: C++ code may name it std::fopen. */
#define fopen(...) ImpRt_fopen(__FILE__, __LINE__, __VA_ARGS__)
/* A function-like macro: C++ code may name it std::_wfopen. */
#define _wfopen(...) ImpRt__wfopen(__FILE__, __LINE__, __VA_ARGS__)
#ifdef __cplusplus
namespace std {
using ::ImpRt_system; /* std::system(x) expands to std::ImpRt_system(...) */
using ::ImpRt_fopen;
}
#endif

IMPRT_API DWORD ResumeThread(HANDLE hThread);
IMPRT_API BOOL GetExitCodeProcess(HANDLE hProcess, LPDWORD lpExitCode);
IMPRT_API BOOL GetExitCodeThread(HANDLE hThread, LPDWORD lpExitCode);
IMPRT_API BOOL TerminateProcess(HANDLE hProcess, UINT uExitCode);
IMPRT_API DWORD GetProcessId(HANDLE Process);

/* ---- generic names ------------------------------------------------------------------ */
#ifdef UNICODE
#define CreateFile CreateFileW
#define DeleteFile DeleteFileW
#define CreateDirectory CreateDirectoryW
#define GetFileAttributes GetFileAttributesW
#define CreateProcess CreateProcessW
#define CreateNamedPipe CreateNamedPipeW
#define LogonUser LogonUserW
#define GetUserName GetUserNameW
#define OutputDebugString OutputDebugStringW
#define lstrcpy lstrcpyW
#define lstrcat lstrcatW
#define lstrlen lstrlenW
#define lstrcmp lstrcmpW
#define lstrcmpi lstrcmpiW
#else
#define CreateFile CreateFileA
#define DeleteFile DeleteFileA
#define CreateDirectory CreateDirectoryA
#define GetFileAttributes GetFileAttributesA
#define CreateProcess CreateProcessA
#define CreateNamedPipe CreateNamedPipeA
#define LogonUser LogonUserA
#define GetUserName GetUserNameA
#define OutputDebugString OutputDebugStringA
#define lstrcpy lstrcpyA
#define lstrcat lstrcatA
#define lstrlen lstrlenA
#define lstrcmp lstrcmpA
#define lstrcmpi lstrcmpiA
#endif

/* ---- strings ------------------------------------------------------------------------ */
IMPRT_INLINE int lstrlenW(LPCWSTR s) { return s ? (int)wcslen(s) : 0; }
IMPRT_INLINE int lstrlenA(LPCSTR s) { return s ? (int)strlen(s) : 0; }
IMPRT_INLINE LPWSTR lstrcpyW(LPWSTR d, LPCWSTR s) { return wcscpy(d, s); }
IMPRT_INLINE LPSTR lstrcpyA(LPSTR d, LPCSTR s) { return strcpy(d, s); }
IMPRT_INLINE LPWSTR lstrcatW(LPWSTR d, LPCWSTR s) { return wcscat(d, s); }
IMPRT_INLINE LPSTR lstrcatA(LPSTR d, LPCSTR s) { return strcat(d, s); }
IMPRT_INLINE LPWSTR lstrcpynW(LPWSTR d, LPCWSTR s, int n) {
  if (n <= 0) return d;
  wcsncpy(d, s, (size_t)n - 1);
  d[n - 1] = L'\0';
  return d;
}
IMPRT_INLINE int lstrcmpW(LPCWSTR a, LPCWSTR b) { return wcscmp(a, b); }
IMPRT_INLINE int lstrcmpA(LPCSTR a, LPCSTR b) { return strcmp(a, b); }
IMPRT_INLINE int lstrcmpiW(LPCWSTR a, LPCWSTR b) { return wcscasecmp(a, b); }
IMPRT_INLINE int lstrcmpiA(LPCSTR a, LPCSTR b) { return strcasecmp(a, b); }
#define _wcsicmp wcscasecmp
#define _wcsnicmp wcsncasecmp
#define _stricmp strcasecmp
#define _strnicmp strncasecmp
#define wcsicmp wcscasecmp
typedef int errno_t;
IMPRT_INLINE errno_t wcscpy_s(wchar_t *d, size_t n, const wchar_t *s) {
  size_t len;
  if (!d || !s || n == 0) return 22; /* EINVAL */
  len = wcslen(s);
  if (len >= n) { d[0] = L'\0'; return 34; } /* ERANGE */
  memcpy(d, s, (len + 1) * sizeof(wchar_t));
  return 0;
}
IMPRT_INLINE errno_t wcscat_s(wchar_t *d, size_t n, const wchar_t *s) {
  size_t have;
  if (!d || !s || n == 0) return 22;
  have = wcsnlen(d, n);
  if (have == n) return 22;
  return wcscpy_s(d + have, n - have, s);
}

/* InterlockedXxx over the compiler's atomics (sequentially consistent). */
IMPRT_INLINE LONG InterlockedIncrement(LONG volatile *p) { return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST); }
IMPRT_INLINE LONG InterlockedDecrement(LONG volatile *p) { return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST); }
IMPRT_INLINE LONG InterlockedExchange(LONG volatile *p, LONG v) { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }
IMPRT_INLINE LONG InterlockedCompareExchange(LONG volatile *p, LONG v, LONG cmp) {
  __atomic_compare_exchange_n(p, &cmp, v, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return cmp;
}

/* The runtime's C entry points for scenario programs (roots, requests, monitor output). */
#include "impersonation_win32.h"

#endif /* IMPRT_WINDOWS_H */
