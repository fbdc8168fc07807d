/* A minimal stand-in for the Windows SDK's <windows.h>, for analysing MSVC-mode code
   (--target=x86_64-pc-windows-msvc -fms-compatibility -nostdinc) without the SDK. It
   declares only what the MSVC-mode test inputs use, spelled the way the SDK spells it:
   WINAPI calling convention, __declspec(dllimport), SAL annotations compiled away. */
#pragma once

#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Success_(expr)
#define _Must_inspect_result_

#define WINAPI __stdcall
#define WINBASEAPI __declspec(dllimport)
#define WINADVAPI __declspec(dllimport)
#define DECLSPEC_NORETURN __declspec(noreturn)

typedef int BOOL;
typedef unsigned long DWORD;
typedef unsigned short WORD;
typedef unsigned char BYTE;
typedef wchar_t WCHAR;
typedef const WCHAR *LPCWSTR;
typedef void *HANDLE;
typedef void *LPVOID;
typedef const void *LPCVOID;
typedef DWORD *LPDWORD;
typedef long HRESULT;
typedef unsigned __int64 ULONGLONG;

#define TRUE 1
#define FALSE 0
#define NULL 0
#define INVALID_HANDLE_VALUE ((HANDLE)(__int64)-1)

#define GENERIC_READ 0x80000000L
#define GENERIC_WRITE 0x40000000L
#define FILE_SHARE_READ 0x00000001
#define OPEN_EXISTING 3
#define CREATE_ALWAYS 2

#define ERROR_SUCCESS 0L
#define ERROR_INVALID_PARAMETER 87L
#define ERROR_INSUFFICIENT_BUFFER 122L

typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

typedef struct _OVERLAPPED OVERLAPPED, *LPOVERLAPPED;

extern "C" {
_Must_inspect_result_ WINADVAPI BOOL WINAPI ImpersonateNamedPipeClient(_In_ HANDLE hNamedPipe);
_Must_inspect_result_ WINADVAPI BOOL WINAPI ImpersonateLoggedOnUser(_In_ HANDLE hToken);
WINADVAPI BOOL WINAPI RevertToSelf(void);
WINBASEAPI DWORD WINAPI GetLastError(void);
WINBASEAPI HANDLE WINAPI CreateFileW(_In_ LPCWSTR lpFileName, _In_ DWORD dwDesiredAccess,
                                     _In_ DWORD dwShareMode,
                                     _In_opt_ LPSECURITY_ATTRIBUTES lpSecurityAttributes,
                                     _In_ DWORD dwCreationDisposition,
                                     _In_ DWORD dwFlagsAndAttributes,
                                     _In_opt_ HANDLE hTemplateFile);
WINBASEAPI BOOL WINAPI ReadFile(_In_ HANDLE hFile, _Out_ LPVOID lpBuffer,
                                _In_ DWORD nNumberOfBytesToRead,
                                _Out_opt_ LPDWORD lpNumberOfBytesRead,
                                _Inout_ LPOVERLAPPED lpOverlapped);
WINBASEAPI BOOL WINAPI WriteFile(_In_ HANDLE hFile, _In_ LPCVOID lpBuffer,
                                 _In_ DWORD nNumberOfBytesToWrite,
                                 _Out_opt_ LPDWORD lpNumberOfBytesWritten,
                                 _Inout_ LPOVERLAPPED lpOverlapped);
WINBASEAPI BOOL WINAPI CloseHandle(_In_ HANDLE hObject);
DECLSPEC_NORETURN WINBASEAPI void WINAPI ExitProcess(_In_ unsigned int uExitCode);
}
