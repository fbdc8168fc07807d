// Internals of the Win32 facade: the handle table and helpers shared by its parts.
#pragma once

#include <windows.h>
#include <objbase.h>
#include <rpc.h>
#include <sspi.h>

#include "../../src/internal.h"
#include "../../src/monitor_internal.h"
#include "impersonation/monitor.h"
#include "impersonation/runtime.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace impersonation::win32 {

namespace rt = impersonation::rt;

enum class Kind {
  Token,
  File,
  Find,
  PipeServer,
  PipeClient,
  Key,
  Process,
  Thread,
  Event,
  RpcBinding,
  SspiContext
};

struct Object {
  explicit Object(Kind k) : kind(k) {}
  virtual ~Object() = default;
  const Kind kind;
};

struct TokenObject : Object {
  TokenObject(rt::Token t, DWORD a) : Object(Kind::Token), token(std::move(t)), access(a) {}
  rt::Token token;
  DWORD access; // granted TOKEN_* rights
};

struct FileObject : Object {
  FileObject() : Object(Kind::File) {}
  ~FileObject() override;
  int fd = -1;
  std::string hostPath;
  bool canRead = false, canWrite = false;
  bool deleteOnClose = false;
};

// Both ends of a named pipe: a Unix socket.
struct PipeEnd : Object {
  using Object::Object;
  ~PipeEnd() override;
  std::mutex mutex;
  int fd = -1;
  bool messageType = false; // SOCK_SEQPACKET
  bool readMessages = false; // PIPE_READMODE_MESSAGE
  std::string pending;       // the rest of a message read in part
};

struct Listener;

struct PipeServer : PipeEnd {
  PipeServer() : PipeEnd(Kind::PipeServer) {}
  ~PipeServer() override;
  std::shared_ptr<Listener> listener;
  std::string name; // the pipe name as given (UTF-8)
  bool connected = false;
  bool everConnected = false;
  bool readOnce = false; // impersonation needs data read first, as on Windows
  pid_t clientPid = 0;
  rt::Token client;      // from SO_PEERCRED / SO_PEERGROUPS and the SQOS handshake
};

struct PipeClient : PipeEnd {
  PipeClient() : PipeEnd(Kind::PipeClient) {}
};

struct KeyObject : Object {
  KeyObject() : Object(Kind::Key) {}
  std::string hostPath;
  std::string name; // "HKEY_LOCAL_MACHINE\\Software\\X" (UTF-8)
  REGSAM granted = 0;
};

struct FindObject : Object {
  FindObject() : Object(Kind::Find) {}
  ~FindObject() override;
  void *dir = nullptr; // DIR*
  std::string dirPath;
  std::string pattern;
};

struct ProcessObject : Object {
  ProcessObject() : Object(Kind::Process) {}
  ~ProcessObject() override;
  std::mutex mutex;
  pid_t pid = 0;
  bool reaped = false;
  DWORD exitCode = STILL_ACTIVE;
  std::optional<DWORD> terminatedWith;
};

struct ThreadState;
struct ThreadObject : Object {
  explicit ThreadObject(std::shared_ptr<ThreadState> s)
      : Object(Kind::Thread), state(std::move(s)) {}
  std::shared_ptr<ThreadState> state;
};

struct EventObject : Object {
  EventObject() : Object(Kind::Event) {}
  std::mutex mutex;
  std::condition_variable cv;
  bool manualReset = false;
  bool signaled = false;
};

struct BindingObject : Object {
  BindingObject() : Object(Kind::RpcBinding) {}
  std::optional<rt::Token> client;
};

struct ContextObject : Object {
  ContextObject() : Object(Kind::SspiContext) {}
  std::optional<rt::Token> client;
};

// ---- the handle table -----------------------------------------------------------------

HANDLE insertHandle(std::shared_ptr<Object> object);
std::shared_ptr<Object> lookupHandle(HANDLE h);
std::shared_ptr<Object> removeHandle(HANDLE h);

template <class T> std::shared_ptr<T> lookupAs(HANDLE h, Kind kind) {
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o || o->kind != kind)
    return nullptr;
  return std::static_pointer_cast<T>(o);
}

inline HANDLE currentProcessPseudo() { return reinterpret_cast<HANDLE>(static_cast<intptr_t>(-1)); }
inline HANDLE currentThreadPseudo() { return reinterpret_cast<HANDLE>(static_cast<intptr_t>(-2)); }

// ---- helpers --------------------------------------------------------------------------

inline BOOL failWith(DWORD error) {
  SetLastError(error);
  return FALSE;
}
inline DWORD lastErrorFromErrno(int err) { return rt::windowsErrorFromErrno(err); }

std::string utf8(LPCWSTR s); // "" for NULL
std::wstring wide(LPCSTR s); // "" for NULL

// A begin: impersonates `token` on the calling thread and records the event. Returns 0 or
// the Windows error (also recorded).
DWORD beginImpersonation(const char *api, const char *file, int line, const rt::Token &token);
// An end: back to the primary identity, recorded (with the calling function's name, when
// the API's site carries it: IMPRT_END_AT_SITE).
void endImpersonation(const char *api, const char *file, int line);
// The function name of the call site its wrapper took last on this thread (ImpRt_TakeSite),
// nullptr when the site carries none.
const char *takenSiteFunction();

// The token behind a handle, for the facade's other parts; nullptr if not a token.
std::shared_ptr<TokenObject> tokenFromHandle(HANDLE h);

// Thread handles created suspended can be handed a token (SetThreadToken) before resume.
// Returns 0, ERROR_INVALID_HANDLE if `thread` is no facade thread, or ERROR_NOT_SUPPORTED
// if it is running already.
DWORD handOverToken(HANDLE thread, const rt::Token &token);
// Whether `h` names the calling thread (pseudo handle or a facade thread handle of it).
bool isCurrentThreadHandle(HANDLE h);

// Pipe side of ReadFile/WriteFile/FlushFileBuffers/CloseHandle.
BOOL pipeRead(PipeEnd &end, LPVOID buffer, DWORD size, LPDWORD read);
BOOL pipeWrite(PipeEnd &end, LPCVOID buffer, DWORD size, LPDWORD written);
BOOL pipeFlush(PipeEnd &end);
void pipeClosed(PipeEnd &end);
// A client's CreateFileW on \\.\pipe\name (records the access).
HANDLE pipeConnect(const char *file, int line, const std::wstring &name, DWORD flags);
bool isPipeName(const std::wstring &name);

// Process/thread side of WaitForSingleObject.
DWORD waitProcess(ProcessObject &p, DWORD ms);
DWORD waitThread(ThreadState &t, DWORD ms);
bool threadExitCode(ThreadState &t, DWORD *code);

} // namespace impersonation::win32
