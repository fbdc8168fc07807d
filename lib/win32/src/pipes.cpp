// Named pipes over Unix sockets. The server learns the client's identity from the kernel
// (SO_PEERCRED, SO_PEERGROUPS: the connecting thread's effective ids) and the client's
// impersonation level from a handshake the client's CreateFileW sends with its SQOS flags.
#include "facade.h"

#include <cerrno>
#include <chrono>
#include <cwctype>
#include <cstring>
#include <linux/sockios.h>
#include <map>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

namespace impersonation::win32 {

// One listening socket per pipe name; instances accept from it. It stays bound for the
// life of the process once created, so a client that connects while every instance is
// busy waits in the backlog (Windows would answer ERROR_PIPE_BUSY).
struct Listener {
  int fd = -1;
  bool message = false;
  DWORD maxInstances = PIPE_UNLIMITED_INSTANCES;
  int instances = 0;
};

PipeEnd::~PipeEnd() {
  if (fd >= 0)
    close(fd);
}

PipeServer::~PipeServer() = default;

} // namespace impersonation::win32

namespace {

constexpr uint32_t kHandshakeMagic = 0x50504d49; // "IMPP"
struct Handshake {
  uint32_t magic;
  uint32_t sqos; // the client's dwFlagsAndAttributes & (SQOS bits)
};

std::mutex g_listenersMutex;
std::map<std::string, std::shared_ptr<Listener>> g_listeners;

const wchar_t kPrefix[] = L"\\\\.\\pipe\\";
const wchar_t kPrefix2[] = L"\\\\?\\pipe\\";

std::wstring lower(std::wstring s) {
  for (wchar_t &c : s)
    c = static_cast<wchar_t>(std::towlower(static_cast<wint_t>(c)));
  return s;
}

// The abstract socket address: keyed by the Windows root (so tests with their own roots
// never meet) and the lower-cased pipe name (pipe names are case-insensitive).
std::string socketKey(const std::wstring &pipeName) {
  std::string text = rt::windowsRoot() + "\n" + rt::toUtf8(lower(pipeName));
  uint64_t h = 1469598103934665603ull; // FNV-1a
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "impersonation-pipe-%016llx", static_cast<unsigned long long>(h));
  return buf;
}

socklen_t makeAddress(const std::string &key, sockaddr_un &addr) {
  std::memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  addr.sun_path[0] = '\0'; // abstract namespace: no file, no stale sockets
  std::memcpy(addr.sun_path + 1, key.data(), key.size());
  return static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + key.size());
}

bool readExact(int fd, void *buf, size_t size, int timeoutMs) {
  char *p = static_cast<char *>(buf);
  size_t done = 0;
  while (done < size) {
    pollfd pfd{fd, POLLIN, 0};
    int r = poll(&pfd, 1, timeoutMs);
    if (r <= 0)
      return false;
    ssize_t n = recv(fd, p + done, size - done, 0);
    if (n <= 0)
      return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

rt::Level levelFromSqos(uint32_t flags) {
  if (!(flags & SECURITY_SQOS_PRESENT))
    return rt::Level::Impersonate; // Windows' default without SQOS flags
  return static_cast<rt::Level>((flags >> 16) & 3);
}

bool peerGone(int fd) {
  pollfd pfd{fd, POLLRDHUP, 0};
  return poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

} // namespace

namespace impersonation::win32 {

bool isPipeName(const std::wstring &name) {
  std::wstring l = lower(name);
  return l.rfind(kPrefix, 0) == 0 || l.rfind(kPrefix2, 0) == 0;
}

HANDLE pipeConnect(const char *file, int line, const std::wstring &name, DWORD flags) {
  std::string uname = rt::toUtf8(name);
  auto fail = [&](DWORD err) {
    monitor::recordAccess("CreateFileW", file, static_cast<unsigned>(line), uname, err);
    SetLastError(err);
    return INVALID_HANDLE_VALUE;
  };
  if (rt::Status s = rt::checkCanOpenObjects(); !s.ok())
    return fail(s.error().code);
  if (flags & FILE_FLAG_OVERLAPPED)
    return fail(ERROR_NOT_SUPPORTED);
  sockaddr_un addr;
  socklen_t len = makeAddress(socketKey(name.substr(9)), addr);
  int fd = -1;
  bool message = true;
  for (int type : {SOCK_SEQPACKET, SOCK_STREAM}) {
    fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
    if (fd < 0)
      return fail(lastErrorFromErrno(errno));
    // The kernel records this thread's effective ids for the server's SO_PEERCRED.
    if (connect(fd, reinterpret_cast<sockaddr *>(&addr), len) == 0) {
      message = type == SOCK_SEQPACKET;
      break;
    }
    int err = errno;
    close(fd);
    fd = -1;
    if (err != EPROTOTYPE)
      return fail(err == ECONNREFUSED || err == ENOENT ? ERROR_FILE_NOT_FOUND
                                                       : lastErrorFromErrno(err));
  }
  if (fd < 0)
    return fail(ERROR_FILE_NOT_FOUND);
  Handshake hs{kHandshakeMagic, flags & (SECURITY_SQOS_PRESENT | SECURITY_VALID_SQOS_FLAGS)};
  if (send(fd, &hs, sizeof hs, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof hs)) {
    close(fd);
    return fail(ERROR_PIPE_NOT_CONNECTED);
  }
  auto c = std::make_shared<PipeClient>();
  c->fd = fd;
  c->messageType = message;
  c->readMessages = false; // a client starts in byte read mode, as on Windows
  monitor::recordAccess("CreateFileW", file, static_cast<unsigned>(line), uname, 0);
  SetLastError(ERROR_SUCCESS);
  return insertHandle(std::move(c));
}

BOOL pipeRead(PipeEnd &end, LPVOID buffer, DWORD size, LPDWORD read_) {
  std::lock_guard<std::mutex> lock(end.mutex);
  if (end.kind == Kind::PipeServer) {
    auto &s = static_cast<PipeServer &>(end);
    if (!s.connected)
      return failWith(s.everConnected ? ERROR_PIPE_NOT_CONNECTED : ERROR_PIPE_LISTENING);
  }
  if (end.fd < 0)
    return failWith(ERROR_PIPE_NOT_CONNECTED);
  DWORD got = 0;
  bool more = false;
  if (end.messageType) {
    if (end.pending.empty()) {
      // Take the whole next message; what does not fit waits in `pending`.
      ssize_t n;
      do {
        n = recv(end.fd, nullptr, 0, MSG_PEEK | MSG_TRUNC);
      } while (n < 0 && errno == EINTR);
      if (n <= 0)
        return failWith(n == 0 || errno == ECONNRESET ? ERROR_BROKEN_PIPE
                                                      : lastErrorFromErrno(errno));
      end.pending.resize(static_cast<size_t>(n));
      ssize_t m = recv(end.fd, end.pending.data(), end.pending.size(), 0);
      if (m <= 0) {
        end.pending.clear();
        return failWith(ERROR_BROKEN_PIPE);
      }
      end.pending.resize(static_cast<size_t>(m));
    }
    got = static_cast<DWORD>(std::min<size_t>(size, end.pending.size()));
    std::memcpy(buffer, end.pending.data(), got);
    end.pending.erase(0, got);
    more = !end.pending.empty() && end.readMessages;
  } else {
    ssize_t n;
    do {
      n = recv(end.fd, buffer, size, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
      return failWith(errno == ECONNRESET ? ERROR_BROKEN_PIPE : lastErrorFromErrno(errno));
    if (n == 0 && size > 0)
      return failWith(ERROR_BROKEN_PIPE);
    got = static_cast<DWORD>(n);
  }
  if (read_)
    *read_ = got;
  if (end.kind == Kind::PipeServer && got > 0) {
    static_cast<PipeServer &>(end).readOnce = true;
    monitor::addClientBytes(buffer, got); // what the client sent, for client-named checks
  }
  if (more)
    return failWith(ERROR_MORE_DATA); // the rest of the message comes with the next read
  return TRUE;
}

BOOL pipeWrite(PipeEnd &end, LPCVOID buffer, DWORD size, LPDWORD written) {
  int fd;
  {
    std::lock_guard<std::mutex> lock(end.mutex);
    if (end.kind == Kind::PipeServer) {
      auto &s = static_cast<PipeServer &>(end);
      if (!s.connected)
        return failWith(s.everConnected ? ERROR_PIPE_NOT_CONNECTED : ERROR_PIPE_LISTENING);
    }
    fd = end.fd;
  }
  if (fd < 0)
    return failWith(ERROR_PIPE_NOT_CONNECTED);
  DWORD done = 0;
  if (end.messageType) {
    ssize_t n;
    do {
      n = send(fd, buffer, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
      return failWith(errno == EPIPE || errno == ECONNRESET ? ERROR_NO_DATA
                                                            : lastErrorFromErrno(errno));
    done = static_cast<DWORD>(n);
  } else {
    while (done < size) {
      ssize_t n = send(fd, static_cast<const char *>(buffer) + done, size - done, MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR)
          continue;
        if (written)
          *written = done;
        return failWith(errno == EPIPE || errno == ECONNRESET ? ERROR_NO_DATA
                                                              : lastErrorFromErrno(errno));
      }
      done += static_cast<DWORD>(n);
    }
  }
  if (written)
    *written = done;
  return TRUE;
}

BOOL pipeFlush(PipeEnd &end) {
  int fd;
  {
    std::lock_guard<std::mutex> lock(end.mutex);
    fd = end.fd;
  }
  if (fd < 0)
    return failWith(ERROR_PIPE_NOT_CONNECTED);
  // Windows waits until the other end has read everything; SIOCOUTQ counts what is unread.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    int queued = 0;
    if (ioctl(fd, SIOCOUTQ, &queued) != 0 || queued <= 0)
      return TRUE;
    if (peerGone(fd))
      return failWith(ERROR_BROKEN_PIPE);
    if (std::chrono::steady_clock::now() > deadline)
      return failWith(ERROR_TIMEOUT);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

static void disconnect(PipeServer &s) {
  if (s.fd >= 0) {
    shutdown(s.fd, SHUT_RDWR);
    close(s.fd);
    s.fd = -1;
  }
  s.connected = false;
  s.readOnce = false;
  s.pending.clear();
}

void pipeClosed(PipeEnd &end) {
  if (end.kind == Kind::PipeServer) {
    auto &s = static_cast<PipeServer &>(end);
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      disconnect(s);
    }
    {
      std::lock_guard<std::mutex> lock(g_listenersMutex);
      if (s.listener)
        --s.listener->instances;
    }
    monitor::detail::endAutomaticRequest(&s);
  } else {
    std::lock_guard<std::mutex> lock(end.mutex);
    if (end.fd >= 0) {
      close(end.fd);
      end.fd = -1;
    }
  }
}

} // namespace impersonation::win32

extern "C" {

HANDLE CreateNamedPipeW(LPCWSTR name, DWORD openMode, DWORD pipeMode, DWORD maxInstances,
                        DWORD, DWORD, DWORD, LPSECURITY_ATTRIBUTES sa) {
  if (!name || !isPipeName(name) || std::wcslen(name) <= 9) {
    SetLastError(ERROR_INVALID_NAME);
    return INVALID_HANDLE_VALUE;
  }
  if (maxInstances == 0 || maxInstances > PIPE_UNLIMITED_INSTANCES ||
      (openMode & 3) == 0 || ((pipeMode & PIPE_READMODE_MESSAGE) && !(pipeMode & PIPE_TYPE_MESSAGE))) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return INVALID_HANDLE_VALUE;
  }
  if ((sa && sa->lpSecurityDescriptor) || (openMode & FILE_FLAG_OVERLAPPED) ||
      (pipeMode & PIPE_NOWAIT)) {
    SetLastError(ERROR_NOT_SUPPORTED);
    return INVALID_HANDLE_VALUE;
  }
  std::wstring pipeName = std::wstring(name).substr(9);
  std::string key = socketKey(pipeName);
  bool message = pipeMode & PIPE_TYPE_MESSAGE;
  std::shared_ptr<Listener> l;
  {
    std::lock_guard<std::mutex> lock(g_listenersMutex);
    auto it = g_listeners.find(key);
    if (it != g_listeners.end()) {
      l = it->second;
      if (l->instances > 0 && ((openMode & FILE_FLAG_FIRST_PIPE_INSTANCE) || l->message != message)) {
        SetLastError(ERROR_ACCESS_DENIED);
        return INVALID_HANDLE_VALUE;
      }
      if (l->instances > 0 && l->maxInstances != PIPE_UNLIMITED_INSTANCES &&
          static_cast<DWORD>(l->instances) >= l->maxInstances) {
        SetLastError(ERROR_PIPE_BUSY);
        return INVALID_HANDLE_VALUE;
      }
      if (l->instances == 0 && l->message != message) {
        close(l->fd); // nobody uses the old type any more
        g_listeners.erase(it);
        l = nullptr;
      }
    }
    if (!l) {
      int fd = socket(AF_UNIX, (message ? SOCK_SEQPACKET : SOCK_STREAM) | SOCK_CLOEXEC, 0);
      if (fd < 0) {
        SetLastError(lastErrorFromErrno(errno));
        return INVALID_HANDLE_VALUE;
      }
      sockaddr_un addr;
      socklen_t len = makeAddress(key, addr);
      if (bind(fd, reinterpret_cast<sockaddr *>(&addr), len) != 0 || listen(fd, 128) != 0) {
        int err = errno;
        close(fd);
        SetLastError(err == EADDRINUSE ? ERROR_ACCESS_DENIED : lastErrorFromErrno(err));
        return INVALID_HANDLE_VALUE; // EADDRINUSE: another process serves this name
      }
      l = std::make_shared<Listener>();
      l->fd = fd;
      l->message = message;
      g_listeners[key] = l;
    }
    if (l->instances == 0)
      l->maxInstances = maxInstances;
    ++l->instances;
  }
  auto s = std::make_shared<PipeServer>();
  s->listener = l;
  s->name = utf8(name);
  s->messageType = message;
  s->readMessages = pipeMode & PIPE_READMODE_MESSAGE;
  SetLastError(ERROR_SUCCESS);
  return insertHandle(std::move(s));
}

HANDLE CreateNamedPipeA(LPCSTR name, DWORD openMode, DWORD pipeMode, DWORD maxInstances,
                        DWORD outSize, DWORD inSize, DWORD timeout, LPSECURITY_ATTRIBUTES sa) {
  if (!name) {
    SetLastError(ERROR_INVALID_NAME);
    return INVALID_HANDLE_VALUE;
  }
  std::wstring w = wide(name);
  return CreateNamedPipeW(w.c_str(), openMode, pipeMode, maxInstances, outSize, inSize, timeout, sa);
}

BOOL ConnectNamedPipe(HANDLE h, LPOVERLAPPED ov) {
  auto s = lookupAs<PipeServer>(h, Kind::PipeServer);
  if (!s)
    return failWith(ERROR_INVALID_HANDLE);
  if (ov)
    return failWith(ERROR_NOT_SUPPORTED);
  {
    std::lock_guard<std::mutex> lock(s->mutex);
    if (s->connected)
      return failWith(ERROR_PIPE_CONNECTED);
    if (s->fd >= 0) // disconnected but not yet reset (DisconnectNamedPipe resets)
      return failWith(ERROR_NO_DATA);
  }
  int conn;
  do {
    conn = accept4(s->listener->fd, nullptr, nullptr, SOCK_CLOEXEC);
  } while (conn < 0 && errno == EINTR);
  if (conn < 0)
    return failWith(lastErrorFromErrno(errno));
  // The kernel's record of the connecting thread, and the client's SQOS handshake.
  ucred cred{};
  socklen_t credLen = sizeof cred;
  Handshake hs{};
  if (getsockopt(conn, SOL_SOCKET, SO_PEERCRED, &cred, &credLen) != 0 ||
      !readExact(conn, &hs, sizeof hs, 10000) || hs.magic != kHandshakeMagic) {
    close(conn);
    return failWith(ERROR_NO_DATA); // the client came and went
  }
  std::vector<gid_t> groups(64);
  for (;;) {
    socklen_t glen = static_cast<socklen_t>(groups.size() * sizeof(gid_t));
    if (getsockopt(conn, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &glen) == 0) {
      groups.resize(glen / sizeof(gid_t));
      break;
    }
    if (errno != ERANGE) {
      close(conn);
      return failWith(lastErrorFromErrno(errno));
    }
    groups.resize(glen / sizeof(gid_t) + 1);
  }
  {
    std::lock_guard<std::mutex> lock(s->mutex);
    s->fd = conn;
    s->connected = true;
    s->everConnected = true;
    s->readOnce = false;
    s->pending.clear();
    s->clientPid = cred.pid;
    s->client = rt::Token{};
    s->client.uid = cred.uid;
    s->client.gid = cred.gid;
    s->client.groups = groups;
    s->client.type = rt::TokenType::Impersonation;
    s->client.level = levelFromSqos(hs.sqos);
  }
  monitor::detail::beginAutomaticRequest("pipe " + s->name, s.get());
  return TRUE;
}

BOOL DisconnectNamedPipe(HANDLE h) {
  auto s = lookupAs<PipeServer>(h, Kind::PipeServer);
  if (!s)
    return failWith(ERROR_INVALID_HANDLE);
  {
    std::lock_guard<std::mutex> lock(s->mutex);
    disconnect(*s);
  }
  monitor::detail::endAutomaticRequest(s.get());
  return TRUE;
}

BOOL WaitNamedPipeW(LPCWSTR name, DWORD timeout) {
  if (!name || !isPipeName(name))
    return failWith(ERROR_INVALID_NAME);
  std::string key = socketKey(std::wstring(name).substr(9));
  DWORD ms = timeout == NMPWAIT_USE_DEFAULT_WAIT ? 50 : timeout;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(g_listenersMutex);
      auto it = g_listeners.find(key);
      if (it != g_listeners.end() && it->second->instances > 0)
        return TRUE;
    }
    if (ms != NMPWAIT_WAIT_FOREVER && std::chrono::steady_clock::now() >= deadline)
      return failWith(ERROR_SEM_TIMEOUT);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

BOOL SetNamedPipeHandleState(HANDLE h, LPDWORD mode, LPDWORD maxCollection, LPDWORD timeout) {
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o || (o->kind != Kind::PipeServer && o->kind != Kind::PipeClient))
    return failWith(ERROR_INVALID_HANDLE);
  if (maxCollection || timeout)
    return failWith(ERROR_NOT_SUPPORTED); // remote-pipe collection settings
  if (!mode)
    return TRUE;
  auto &end = static_cast<PipeEnd &>(*o);
  if (*mode & PIPE_NOWAIT)
    return failWith(ERROR_NOT_SUPPORTED);
  if (*mode & ~static_cast<DWORD>(PIPE_READMODE_MESSAGE | PIPE_NOWAIT))
    return failWith(ERROR_INVALID_PARAMETER);
  bool messages = *mode & PIPE_READMODE_MESSAGE;
  if (messages && !end.messageType)
    return failWith(ERROR_INVALID_PARAMETER);
  std::lock_guard<std::mutex> lock(end.mutex);
  end.readMessages = messages;
  return TRUE;
}

BOOL GetNamedPipeClientProcessId(HANDLE h, PULONG pid) {
  auto s = lookupAs<PipeServer>(h, Kind::PipeServer);
  if (!s)
    return failWith(ERROR_INVALID_HANDLE);
  if (!pid)
    return failWith(ERROR_INVALID_PARAMETER);
  std::lock_guard<std::mutex> lock(s->mutex);
  if (!s->connected)
    return failWith(ERROR_PIPE_NOT_CONNECTED);
  *pid = static_cast<ULONG>(s->clientPid);
  return TRUE;
}

BOOL ImpRt_ImpersonateNamedPipeClient(const char *file, int line, HANDLE h) {
  auto s = lookupAs<PipeServer>(h, Kind::PipeServer);
  DWORD err = 0;
  rt::Token client;
  if (!s) {
    err = ERROR_INVALID_HANDLE;
  } else {
    std::lock_guard<std::mutex> lock(s->mutex);
    if (!s->connected || !s->readOnce)
      err = ERROR_CANNOT_IMPERSONATE; // Windows: nothing read from the client yet
    else if (peerGone(s->fd))
      err = ERROR_PIPE_NOT_CONNECTED; // the client has gone away
    else
      client = s->client;
  }
  if (err) {
    monitor::recordBegin("ImpersonateNamedPipeClient", file, static_cast<unsigned>(line), false, err);
    return failWith(err);
  }
  err = beginImpersonation("ImpersonateNamedPipeClient", file, line, client);
  return err == 0 ? TRUE : failWith(err);
}

} // extern "C"
