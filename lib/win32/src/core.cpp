// The handle table, last error, CloseHandle, waits, events, memory, text conversion and
// the C entry points for scenario programs.
#include "facade.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <cstdio>
#include <ctime>
#include <map>
#include <sys/syscall.h>
#include <unistd.h>

namespace impersonation::win32 {

namespace {
// Never destroyed: threads may still use handles while the process exits.
struct HandleTable {
  std::mutex mutex;
  std::map<uintptr_t, std::shared_ptr<Object>> objects;
  uintptr_t next = 0x1000;
};
HandleTable &handles() {
  static HandleTable *table = new HandleTable;
  return *table;
}
thread_local DWORD t_lastError = 0;

// The sites of the facade calls being made on this thread (see IMPRT_CALL_AT_SITE):
// marked before the call, taken by its wrapper. Deep enough for calls nested in calls.
struct CallSite {
  const char *file;
  int line;
  const char *function; // the calling function's __func__, for the APIs that end impersonation
};
constexpr int kMaxCallSites = 64;
thread_local CallSite t_sites[kMaxCallSites];
thread_local int t_siteCount = 0;
thread_local const char *t_takenFunction = nullptr; // of the site taken last
} // namespace


HANDLE insertHandle(std::shared_ptr<Object> object) {
  HandleTable &t = handles();
  std::lock_guard<std::mutex> lock(t.mutex);
  uintptr_t value = t.next;
  t.next += 4; // like Windows: multiples of 4; never reused while the process runs
  t.objects.emplace(value, std::move(object));
  return reinterpret_cast<HANDLE>(value);
}

std::shared_ptr<Object> lookupHandle(HANDLE h) {
  HandleTable &t = handles();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.objects.find(reinterpret_cast<uintptr_t>(h));
  return it == t.objects.end() ? nullptr : it->second;
}

std::shared_ptr<Object> removeHandle(HANDLE h) {
  HandleTable &t = handles();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.objects.find(reinterpret_cast<uintptr_t>(h));
  if (it == t.objects.end())
    return nullptr;
  std::shared_ptr<Object> o = std::move(it->second);
  t.objects.erase(it);
  return o;
}

std::string utf8(LPCWSTR s) { return s ? rt::toUtf8(s) : std::string(); }
std::wstring wide(LPCSTR s) { return s ? rt::fromUtf8(s) : std::wstring(); }

std::shared_ptr<TokenObject> tokenFromHandle(HANDLE h) {
  return lookupAs<TokenObject>(h, Kind::Token);
}

DWORD beginImpersonation(const char *api, const char *file, int line, const rt::Token &token) {
  rt::Status s = rt::impersonate(token, rt::Site{api, file, static_cast<unsigned>(line)});
  DWORD err = s.ok() ? 0 : s.error().code;
  monitor::recordBegin(api, file, static_cast<unsigned>(line), s.ok(), err);
  return err;
}

void endImpersonation(const char *api, const char *file, int line) {
  rt::revert();
  monitor::recordEnd(api, file, static_cast<unsigned>(line), true, 0, takenSiteFunction());
}

const char *takenSiteFunction() { return t_takenFunction; }

} // namespace impersonation::win32

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

extern "C" {

DWORD GetLastError(void) { return t_lastError; }
void SetLastError(DWORD code) { t_lastError = code; }

HANDLE GetCurrentProcess(void) { return currentProcessPseudo(); }
HANDLE GetCurrentThread(void) { return currentThreadPseudo(); }
DWORD GetCurrentProcessId(void) { return static_cast<DWORD>(getpid()); }
DWORD GetCurrentThreadId(void) { return static_cast<DWORD>(syscall(SYS_gettid)); }

BOOL CloseHandle(HANDLE h) {
  if (h == currentProcessPseudo() || h == currentThreadPseudo())
    return TRUE; // closing a pseudo handle does nothing, as on Windows
  std::shared_ptr<Object> o = removeHandle(h);
  if (!o)
    return failWith(ERROR_INVALID_HANDLE);
  if (o->kind == Kind::PipeServer || o->kind == Kind::PipeClient)
    pipeClosed(static_cast<PipeEnd &>(*o));
  return TRUE; // the object goes when the last user lets go of it
}

void Sleep(DWORD ms) {
  if (ms == INFINITE) {
    for (;;)
      pause();
  }
  struct timespec ts = {static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

ULONGLONG GetTickCount64(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<ULONGLONG>(ts.tv_sec) * 1000u + static_cast<ULONGLONG>(ts.tv_nsec / 1000000);
}
DWORD GetTickCount(void) { return static_cast<DWORD>(GetTickCount64()); }

void ExitProcess(UINT code) {
  std::fflush(nullptr);
  std::exit(static_cast<int>(code));
}

void OutputDebugStringW(LPCWSTR s) { std::fprintf(stderr, "%s", utf8(s).c_str()); }
void OutputDebugStringA(LPCSTR s) { std::fprintf(stderr, "%s", s ? s : ""); }

// One heap, the C library's.
HANDLE GetProcessHeap(void) { return reinterpret_cast<HANDLE>(static_cast<uintptr_t>(0x0ea9)); }
static bool isProcessHeap(HANDLE h) { return h == GetProcessHeap(); }

LPVOID HeapAlloc(HANDLE heap, DWORD flags, SIZE_T bytes) {
  if (!isProcessHeap(heap))
    return nullptr;
  void *p = (flags & HEAP_ZERO_MEMORY) ? std::calloc(1, bytes ? bytes : 1)
                                       : std::malloc(bytes ? bytes : 1);
  if (!p)
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
  return p;
}

LPVOID HeapReAlloc(HANDLE heap, DWORD, LPVOID mem, SIZE_T bytes) {
  if (!isProcessHeap(heap))
    return nullptr;
  void *p = std::realloc(mem, bytes ? bytes : 1);
  if (!p)
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
  return p;
}

BOOL HeapFree(HANDLE heap, DWORD, LPVOID mem) {
  if (!isProcessHeap(heap))
    return failWith(ERROR_INVALID_HANDLE);
  std::free(mem);
  return TRUE;
}

HLOCAL LocalAlloc(UINT flags, SIZE_T bytes) {
  if (flags & ~static_cast<UINT>(LPTR)) {
    SetLastError(ERROR_NOT_SUPPORTED); // only fixed memory
    return nullptr;
  }
  void *p = (flags & LMEM_ZEROINIT) ? std::calloc(1, bytes ? bytes : 1)
                                     : std::malloc(bytes ? bytes : 1);
  if (!p)
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
  return p;
}

HLOCAL LocalFree(HLOCAL mem) {
  std::free(mem);
  return nullptr;
}

int MultiByteToWideChar(UINT codePage, DWORD, LPCSTR in, int inBytes, LPWSTR out, int outChars) {
  if (codePage != CP_ACP && codePage != CP_UTF8) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  if (!in || inBytes == 0 || inBytes < -1 || outChars < 0) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  std::string_view src = inBytes == -1 ? std::string_view(in, std::strlen(in) + 1)
                                       : std::string_view(in, static_cast<size_t>(inBytes));
  std::wstring w = rt::fromUtf8(src);
  if (outChars == 0)
    return static_cast<int>(w.size());
  if (w.size() > static_cast<size_t>(outChars)) {
    SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return 0;
  }
  std::wmemcpy(out, w.data(), w.size());
  return static_cast<int>(w.size());
}

int WideCharToMultiByte(UINT codePage, DWORD, LPCWSTR in, int inChars, LPSTR out, int outBytes,
                        LPCSTR, LPBOOL usedDefault) {
  if (codePage != CP_ACP && codePage != CP_UTF8) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  if (!in || inChars == 0 || inChars < -1 || outBytes < 0) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  if (usedDefault)
    *usedDefault = FALSE;
  std::wstring_view src = inChars == -1 ? std::wstring_view(in, std::wcslen(in) + 1)
                                        : std::wstring_view(in, static_cast<size_t>(inChars));
  std::string s = rt::toUtf8(src);
  if (outBytes == 0)
    return static_cast<int>(s.size());
  if (s.size() > static_cast<size_t>(outBytes)) {
    SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return 0;
  }
  std::memcpy(out, s.data(), s.size());
  return static_cast<int>(s.size());
}

HANDLE CreateEventW(LPSECURITY_ATTRIBUTES sa, BOOL manualReset, BOOL initialState, LPCWSTR name) {
  if (name || (sa && sa->lpSecurityDescriptor)) {
    SetLastError(ERROR_NOT_SUPPORTED); // named events and descriptors are not modelled
    return nullptr;
  }
  auto e = std::make_shared<EventObject>();
  e->manualReset = manualReset != FALSE;
  e->signaled = initialState != FALSE;
  return insertHandle(std::move(e));
}

BOOL SetEvent(HANDLE h) {
  auto e = lookupAs<EventObject>(h, Kind::Event);
  if (!e)
    return failWith(ERROR_INVALID_HANDLE);
  {
    std::lock_guard<std::mutex> lock(e->mutex);
    e->signaled = true;
  }
  e->cv.notify_all();
  return TRUE;
}

BOOL ResetEvent(HANDLE h) {
  auto e = lookupAs<EventObject>(h, Kind::Event);
  if (!e)
    return failWith(ERROR_INVALID_HANDLE);
  std::lock_guard<std::mutex> lock(e->mutex);
  e->signaled = false;
  return TRUE;
}

DWORD WaitForSingleObject(HANDLE h, DWORD ms) {
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o) {
    SetLastError(h == currentProcessPseudo() || h == currentThreadPseudo() ? ERROR_NOT_SUPPORTED
                                                                           : ERROR_INVALID_HANDLE);
    return WAIT_FAILED;
  }
  switch (o->kind) {
  case Kind::Process:
    return waitProcess(static_cast<ProcessObject &>(*o), ms);
  case Kind::Thread:
    return waitThread(*static_cast<ThreadObject &>(*o).state, ms);
  case Kind::Event: {
    auto &e = static_cast<EventObject &>(*o);
    std::unique_lock<std::mutex> lock(e.mutex);
    auto ready = [&] { return e.signaled; };
    if (ms == INFINITE)
      e.cv.wait(lock, ready);
    else if (!e.cv.wait_for(lock, std::chrono::milliseconds(ms), ready))
      return WAIT_TIMEOUT;
    if (!e.manualReset)
      e.signaled = false;
    return WAIT_OBJECT_0;
  }
  default:
    SetLastError(ERROR_INVALID_HANDLE);
    return WAIT_FAILED;
  }
}

// ---- C entry points for scenarios ------------------------------------------------------

void ImpRt_SetWindowsRoot(const char *hostDir) { rt::setWindowsRoot(hostDir ? hostDir : ""); }

HANDLE ImpRt_AccountToken(const char *accountName, SECURITY_IMPERSONATION_LEVEL level) {
  if (!accountName || level < SecurityAnonymous || level > SecurityDelegation) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return nullptr;
  }
  rt::Result<rt::Token> t = rt::accountToken(accountName, static_cast<rt::Level>(level));
  if (!t.ok()) {
    SetLastError(t.error().code);
    return nullptr;
  }
  return insertHandle(std::make_shared<TokenObject>(t.value(), TOKEN_ALL_ACCESS));
}

void ImpRt_BeginRequest(const char *label) { monitor::beginRequest(label); }
void ImpRt_EndRequest(void) { monitor::endRequest(); }
void ImpRt_AddClientBytes(const void *data, size_t size) { monitor::addClientBytes(data, size); }
void ImpRt_ResetMonitor(void) { monitor::reset(); }
void ImpRt_PrintMonitor(void) { monitor::print(stdout); }
size_t ImpRt_FindingCount(void) { return monitor::findings().size(); }
DWORD ImpRt_CurrentUid(void) { return rt::current().uid; }
DWORD ImpRt_CurrentGid(void) { return rt::current().gid; }
void ImpRt_ResetThread(void) { rt::revert(); }

void ImpRt_MarkSite(const char *file, int line) { ImpRt_MarkEndSite(file, line, nullptr); }

void ImpRt_MarkEndSite(const char *file, int line, const char *function) {
  if (t_siteCount < kMaxCallSites)
    t_sites[t_siteCount] = {file, line, function};
  ++t_siteCount; // counted even when full, so the pairs stay matched
}

void ImpRt_TakeSite(const char **file, int *line) {
  if (t_siteCount > 0 && --t_siteCount < kMaxCallSites) {
    *file = t_sites[t_siteCount].file;
    *line = t_sites[t_siteCount].line;
    t_takenFunction = t_sites[t_siteCount].function;
    return;
  }
  *file = "?"; // a wrapper called without its site (through a function pointer)
  *line = 0;
  t_takenFunction = nullptr;
}

} // extern "C"
