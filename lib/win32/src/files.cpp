// Files and directories with real owners and modes: every allow or deny comes from the
// kernel, checked against the calling thread's credentials.
#include "facade.h"

#include <cerrno>
#include <cstring>
#include <cwchar>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

namespace impersonation::win32 {

FileObject::~FileObject() {
  if (fd >= 0)
    close(fd);
  if (deleteOnClose && !hostPath.empty())
    unlink(hostPath.c_str());
}

FindObject::~FindObject() {
  if (dir)
    closedir(static_cast<DIR *>(dir));
}

} // namespace impersonation::win32

namespace {

// ENOENT for a path whose directory is missing is ERROR_PATH_NOT_FOUND on Windows.
DWORD openError(int err, const std::string &path) {
  if (err == ENOENT) {
    size_t slash = path.find_last_of('/');
    if (slash != std::string::npos && slash > 0) {
      struct stat st;
      std::string parent = path.substr(0, slash);
      if (stat(parent.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return ERROR_PATH_NOT_FOUND;
    }
    return ERROR_FILE_NOT_FOUND;
  }
  return lastErrorFromErrno(err);
}

// Records an access and sets the last error; returns `error == 0`.
bool access(const char *api, const char *file, int line, const std::string &name, DWORD error) {
  monitor::recordAccess(api, file, static_cast<unsigned>(line), name, error);
  if (error)
    SetLastError(error);
  return error == 0;
}

DWORD levelError() {
  rt::Status s = rt::checkCanOpenObjects();
  return s.ok() ? 0 : s.error().code;
}

DWORD attributesOf(const struct stat &st, const std::string &path) {
  DWORD a = 0;
  if (S_ISDIR(st.st_mode))
    a |= FILE_ATTRIBUTE_DIRECTORY;
  if ((st.st_mode & 0222) == 0)
    a |= FILE_ATTRIBUTE_READONLY;
  size_t slash = path.find_last_of('/');
  if (path.compare(slash == std::string::npos ? 0 : slash + 1, 1, ".") == 0)
    a |= FILE_ATTRIBUTE_HIDDEN;
  if (S_ISLNK(st.st_mode))
    a |= FILE_ATTRIBUTE_REPARSE_POINT;
  return a ? a : FILE_ATTRIBUTE_NORMAL;
}

FILETIME fileTime(const struct timespec &ts) {
  // 100 ns ticks since 1601-01-01.
  uint64_t t = (static_cast<uint64_t>(ts.tv_sec) + 11644473600ull) * 10000000ull +
               static_cast<uint64_t>(ts.tv_nsec) / 100;
  return FILETIME{static_cast<DWORD>(t), static_cast<DWORD>(t >> 32)};
}

HANDLE createFile(const char *api, const char *file, int line, const std::wstring &wname,
                  DWORD access_, DWORD, LPSECURITY_ATTRIBUTES sa, DWORD disposition,
                  DWORD flags, HANDLE tmpl) {
  std::string name = rt::toUtf8(wname);
  if (isPipeName(wname))
    return pipeConnect(file, line, wname, flags);
  DWORD err = levelError();
  if (!err && ((sa && sa->lpSecurityDescriptor) || tmpl || (flags & FILE_FLAG_OVERLAPPED)))
    err = ERROR_NOT_SUPPORTED; // descriptors, templates and overlapped I/O are not modelled
  bool read = access_ & (GENERIC_READ | GENERIC_ALL | MAXIMUM_ALLOWED | FILE_READ_DATA);
  bool write = access_ & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA);
  bool appendOnly = (access_ & FILE_APPEND_DATA) &&
                    !(access_ & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA));
  int oflags = O_CLOEXEC | O_NOCTTY;
  if (read && write) oflags |= O_RDWR;
  else if (write) oflags |= O_WRONLY;
  else if (read) oflags |= O_RDONLY;
  else oflags |= O_PATH; // attributes only: Windows checks no data rights either
  if (appendOnly)
    oflags |= O_APPEND;
  bool mayCreate = false, truncate = false, exclusive = false;
  switch (disposition) {
  case CREATE_NEW: mayCreate = exclusive = true; break;
  case CREATE_ALWAYS: mayCreate = truncate = true; break;
  case OPEN_EXISTING: break;
  case OPEN_ALWAYS: mayCreate = true; break;
  case TRUNCATE_EXISTING:
    truncate = true;
    if (!write && !err)
      err = ERROR_INVALID_PARAMETER;
    break;
  default:
    if (!err)
      err = ERROR_INVALID_PARAMETER;
  }
  if ((oflags & O_PATH) && (mayCreate || truncate) && !err) {
    oflags = (oflags & ~O_PATH) | O_RDONLY; // creating needs a real open
  }
  if (err) {
    access(api, file, line, name, err);
    return INVALID_HANDLE_VALUE;
  }
  std::string path = rt::hostPath(wname);
  mode_t mode = (flags & FILE_ATTRIBUTE_READONLY) ? 0444 : 0644;
  bool existed = false;
  int fd = -1;
  if (mayCreate) {
    fd = open(path.c_str(), oflags | O_CREAT | O_EXCL, mode);
    if (fd < 0 && errno == EEXIST && !exclusive) {
      existed = true;
      fd = open(path.c_str(), oflags | (truncate ? O_TRUNC : 0));
    }
  } else {
    fd = open(path.c_str(), oflags | (truncate ? O_TRUNC : 0));
    existed = fd >= 0;
  }
  if (fd < 0) {
    access(api, file, line, name, openError(errno, path));
    return INVALID_HANDLE_VALUE;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) && !(flags & FILE_FLAG_BACKUP_SEMANTICS)) {
    close(fd); // Windows opens directories only with backup semantics
    access(api, file, line, name, ERROR_ACCESS_DENIED);
    return INVALID_HANDLE_VALUE;
  }
  auto f = std::make_shared<FileObject>();
  f->fd = fd;
  f->hostPath = path;
  f->canRead = read;
  f->canWrite = write;
  f->deleteOnClose = flags & FILE_FLAG_DELETE_ON_CLOSE;
  access(api, file, line, name, 0);
  // CREATE_ALWAYS / OPEN_ALWAYS report whether the file was there.
  SetLastError((disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS) && existed
                   ? ERROR_ALREADY_EXISTS
                   : ERROR_SUCCESS);
  return insertHandle(std::move(f));
}

BOOL simplePathOp(const char *api, const char *file, int line, LPCWSTR wname,
                  int (*op)(const char *)) {
  if (!wname)
    return failWith(ERROR_INVALID_PARAMETER);
  std::string name = utf8(wname);
  if (DWORD err = levelError())
    return access(api, file, line, name, err);
  std::string path = rt::hostPath(std::wstring_view(wname));
  if (op(path.c_str()) != 0)
    return access(api, file, line, name, openError(errno, path));
  return access(api, file, line, name, 0);
}

int copyContents(int in, int out) {
  char buf[65536];
  for (;;) {
    ssize_t n = read(in, buf, sizeof buf);
    if (n < 0)
      return errno;
    if (n == 0)
      return 0;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = write(out, buf + done, static_cast<size_t>(n - done));
      if (w < 0)
        return errno;
      done += w;
    }
  }
}

// Copies as the calling thread: the kernel checks reading the source and creating or
// replacing the target.
DWORD copyFile(const std::string &from, const std::string &to, bool failIfExists) {
  int in = open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0)
    return openError(errno, from);
  struct stat st;
  if (fstat(in, &st) != 0 || S_ISDIR(st.st_mode)) {
    close(in);
    return ERROR_ACCESS_DENIED;
  }
  int out = open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (failIfExists ? O_EXCL : 0),
                 st.st_mode & 0777);
  if (out < 0) {
    int err = errno;
    close(in);
    return err == EEXIST ? ERROR_FILE_EXISTS : openError(err, to);
  }
  int err = copyContents(in, out);
  close(in);
  close(out);
  return err ? lastErrorFromErrno(err) : 0;
}

BOOL moveFile(const char *api, const char *file, int line, LPCWSTR from, LPCWSTR to, DWORD flags) {
  if (!from || !to)
    return failWith(ERROR_INVALID_PARAMETER);
  std::string name = utf8(from) + " -> " + utf8(to);
  if (DWORD err = levelError())
    return access(api, file, line, name, err);
  if (flags & ~static_cast<DWORD>(MOVEFILE_REPLACE_EXISTING | MOVEFILE_COPY_ALLOWED |
                                  MOVEFILE_WRITE_THROUGH))
    return access(api, file, line, name, ERROR_NOT_SUPPORTED);
  std::string src = rt::hostPath(std::wstring_view(from)), dst = rt::hostPath(std::wstring_view(to));
  unsigned rflags = (flags & MOVEFILE_REPLACE_EXISTING) ? 0 : RENAME_NOREPLACE;
  if (renameat2(AT_FDCWD, src.c_str(), AT_FDCWD, dst.c_str(), rflags) == 0)
    return access(api, file, line, name, 0);
  int err = errno;
  if (err == EXDEV && (flags & MOVEFILE_COPY_ALLOWED)) {
    DWORD e = copyFile(src, dst, !(flags & MOVEFILE_REPLACE_EXISTING));
    if (!e && unlink(src.c_str()) != 0)
      e = lastErrorFromErrno(errno);
    return access(api, file, line, name, e);
  }
  return access(api, file, line, name, err == EEXIST ? ERROR_ALREADY_EXISTS : openError(err, src));
}

} // namespace

extern "C" {

HANDLE ImpRt_CreateFileW(const char *file, int line, LPCWSTR name, DWORD access_, DWORD share,
                         LPSECURITY_ATTRIBUTES sa, DWORD disposition, DWORD flags, HANDLE tmpl) {
  if (!name) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return INVALID_HANDLE_VALUE;
  }
  return createFile("CreateFileW", file, line, name, access_, share, sa, disposition, flags, tmpl);
}

HANDLE ImpRt_CreateFileA(const char *file, int line, LPCSTR name, DWORD access_, DWORD share,
                         LPSECURITY_ATTRIBUTES sa, DWORD disposition, DWORD flags, HANDLE tmpl) {
  if (!name) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return INVALID_HANDLE_VALUE;
  }
  return createFile("CreateFileA", file, line, wide(name), access_, share, sa, disposition, flags,
                    tmpl);
}

BOOL ImpRt_DeleteFileW(const char *file, int line, LPCWSTR name) {
  return simplePathOp("DeleteFileW", file, line, name, [](const char *p) {
    struct stat st;
    if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      errno = EACCES; // DeleteFile refuses directories with ERROR_ACCESS_DENIED
      return -1;
    }
    return unlink(p);
  });
}

BOOL ImpRt_DeleteFileA(const char *file, int line, LPCSTR name) {
  if (!name)
    return failWith(ERROR_INVALID_PARAMETER);
  std::wstring w = wide(name);
  return simplePathOp("DeleteFileA", file, line, w.c_str(), [](const char *p) {
    struct stat st;
    if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
      errno = EACCES;
      return -1;
    }
    return unlink(p);
  });
}

BOOL ImpRt_MoveFileW(const char *file, int line, LPCWSTR from, LPCWSTR to) {
  return moveFile("MoveFileW", file, line, from, to, MOVEFILE_COPY_ALLOWED);
}

BOOL ImpRt_MoveFileExW(const char *file, int line, LPCWSTR from, LPCWSTR to, DWORD flags) {
  return moveFile("MoveFileExW", file, line, from, to, flags);
}

BOOL ImpRt_CopyFileW(const char *file, int line, LPCWSTR from, LPCWSTR to, BOOL failIfExists) {
  if (!from || !to)
    return failWith(ERROR_INVALID_PARAMETER);
  std::string name = utf8(from) + " -> " + utf8(to);
  if (DWORD err = levelError())
    return access("CopyFileW", file, line, name, err);
  DWORD err = copyFile(rt::hostPath(std::wstring_view(from)), rt::hostPath(std::wstring_view(to)),
                       failIfExists != FALSE);
  return access("CopyFileW", file, line, name, err);
}

static BOOL createDirectory(const char *api, const char *file, int line, const std::wstring &w,
                            LPSECURITY_ATTRIBUTES sa) {
  std::string name = rt::toUtf8(w);
  if (DWORD err = levelError())
    return access(api, file, line, name, err);
  if (sa && sa->lpSecurityDescriptor)
    return access(api, file, line, name, ERROR_NOT_SUPPORTED);
  std::string path = rt::hostPath(std::wstring_view(w));
  if (mkdir(path.c_str(), 0755) != 0) {
    int err = errno;
    return access(api, file, line, name,
                  err == EEXIST ? ERROR_ALREADY_EXISTS
                                : err == ENOENT ? ERROR_PATH_NOT_FOUND : lastErrorFromErrno(err));
  }
  return access(api, file, line, name, 0);
}

BOOL ImpRt_CreateDirectoryW(const char *file, int line, LPCWSTR name, LPSECURITY_ATTRIBUTES sa) {
  if (!name)
    return failWith(ERROR_INVALID_PARAMETER);
  return createDirectory("CreateDirectoryW", file, line, name, sa);
}

BOOL ImpRt_CreateDirectoryA(const char *file, int line, LPCSTR name, LPSECURITY_ATTRIBUTES sa) {
  if (!name)
    return failWith(ERROR_INVALID_PARAMETER);
  return createDirectory("CreateDirectoryA", file, line, wide(name), sa);
}

BOOL ImpRt_RemoveDirectoryW(const char *file, int line, LPCWSTR name) {
  return simplePathOp("RemoveDirectoryW", file, line, name, [](const char *p) { return rmdir(p); });
}

static DWORD getAttributes(const char *api, const char *file, int line, const std::wstring &w,
                           struct stat *out) {
  std::string name = rt::toUtf8(w);
  if (DWORD err = levelError()) {
    access(api, file, line, name, err);
    return INVALID_FILE_ATTRIBUTES;
  }
  std::string path = rt::hostPath(std::wstring_view(w));
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    access(api, file, line, name, openError(errno, path));
    return INVALID_FILE_ATTRIBUTES;
  }
  access(api, file, line, name, 0);
  if (out)
    *out = st;
  return attributesOf(st, path);
}

DWORD ImpRt_GetFileAttributesW(const char *file, int line, LPCWSTR name) {
  if (!name) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return INVALID_FILE_ATTRIBUTES;
  }
  return getAttributes("GetFileAttributesW", file, line, name, nullptr);
}

DWORD ImpRt_GetFileAttributesA(const char *file, int line, LPCSTR name) {
  if (!name) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return INVALID_FILE_ATTRIBUTES;
  }
  return getAttributes("GetFileAttributesA", file, line, wide(name), nullptr);
}

BOOL ImpRt_GetFileAttributesExW(const char *file, int line, LPCWSTR name,
                                GET_FILEEX_INFO_LEVELS level, LPVOID info) {
  if (!name || !info || level != GetFileExInfoStandard)
    return failWith(ERROR_INVALID_PARAMETER);
  struct stat st;
  DWORD a = getAttributes("GetFileAttributesExW", file, line, name, &st);
  if (a == INVALID_FILE_ATTRIBUTES)
    return FALSE;
  auto *data = static_cast<WIN32_FILE_ATTRIBUTE_DATA *>(info);
  data->dwFileAttributes = a;
  data->ftCreationTime = fileTime(st.st_ctim);
  data->ftLastAccessTime = fileTime(st.st_atim);
  data->ftLastWriteTime = fileTime(st.st_mtim);
  uint64_t size = S_ISDIR(st.st_mode) ? 0 : static_cast<uint64_t>(st.st_size);
  data->nFileSizeHigh = static_cast<DWORD>(size >> 32);
  data->nFileSizeLow = static_cast<DWORD>(size);
  return TRUE;
}

static FILE *openStream(const char *api, const char *file, int line, const std::wstring &wpath,
                        const std::string &mode) {
  std::string name = rt::toUtf8(wpath);
  if (DWORD err = levelError()) {
    access(api, file, line, name, err);
    errno = EACCES;
    return nullptr;
  }
  std::string m;
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    if (c == ',')
      break; // ",ccs=..." encodings: text is bytes here
    if (c == 'N')
      m += 'e';
    else if (std::strchr("rwa+bx", c))
      m += c;
    // t (text), S, R, T, D (caching hints) have no Linux meaning
  }
  std::string path = rt::hostPath(std::wstring_view(wpath));
  FILE *f = (fopen)(path.c_str(), m.c_str()); // the C library's, not the macro
  access(api, file, line, name, f ? 0 : openError(errno, path));
  return f;
}

FILE *ImpRt_fopen(const char *file, int line, const char *path, const char *mode) {
  if (!path || !mode) {
    errno = EINVAL;
    return nullptr;
  }
  return openStream("fopen", file, line, wide(path), mode);
}

FILE *ImpRt__wfopen(const char *file, int line, const wchar_t *path, const wchar_t *mode) {
  if (!path || !mode) {
    errno = EINVAL;
    return nullptr;
  }
  return openStream("_wfopen", file, line, path, utf8(mode));
}

BOOL PathFileExistsW(LPCWSTR name) {
  if (!name)
    return failWith(ERROR_INVALID_PARAMETER);
  if (DWORD err = levelError())
    return failWith(err);
  std::string path = rt::hostPath(std::wstring_view(name));
  struct stat st;
  if (stat(path.c_str(), &st) != 0)
    return failWith(openError(errno, path));
  return TRUE;
}

// ---- find -----------------------------------------------------------------------------

static bool nextMatch(FindObject &f, LPWIN32_FIND_DATAW out) {
  DIR *d = static_cast<DIR *>(f.dir);
  while (struct dirent *e = readdir(d)) {
    if (fnmatch(f.pattern.c_str(), e->d_name, FNM_CASEFOLD) != 0)
      continue;
    std::string full = f.dirPath + "/" + e->d_name;
    struct stat st;
    if (lstat(full.c_str(), &st) != 0)
      std::memset(&st, 0, sizeof st);
    std::memset(out, 0, sizeof *out);
    out->dwFileAttributes = attributesOf(st, full);
    out->ftCreationTime = fileTime(st.st_ctim);
    out->ftLastAccessTime = fileTime(st.st_atim);
    out->ftLastWriteTime = fileTime(st.st_mtim);
    uint64_t size = S_ISDIR(st.st_mode) ? 0 : static_cast<uint64_t>(st.st_size);
    out->nFileSizeHigh = static_cast<DWORD>(size >> 32);
    out->nFileSizeLow = static_cast<DWORD>(size);
    std::wstring w = rt::fromUtf8(e->d_name);
    if (w.size() >= MAX_PATH)
      w.resize(MAX_PATH - 1);
    std::wmemcpy(out->cFileName, w.c_str(), w.size() + 1);
    return true;
  }
  return false;
}

HANDLE ImpRt_FindFirstFileW(const char *file, int line, LPCWSTR name, LPWIN32_FIND_DATAW data) {
  if (!name || !data) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return INVALID_HANDLE_VALUE;
  }
  std::string uname = utf8(name);
  if (DWORD err = levelError()) {
    access("FindFirstFileW", file, line, uname, err);
    return INVALID_HANDLE_VALUE;
  }
  std::string path = rt::hostPath(std::wstring_view(name));
  size_t slash = path.find_last_of('/');
  auto f = std::make_shared<FindObject>();
  f->dirPath = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  f->pattern = slash == std::string::npos ? path : path.substr(slash + 1);
  if (f->pattern == "*.*")
    f->pattern = "*"; // Windows: *.* matches names without a dot too
  DIR *d = opendir(f->dirPath.c_str());
  if (!d) {
    access("FindFirstFileW", file, line, uname, openError(errno, f->dirPath + "/x"));
    return INVALID_HANDLE_VALUE;
  }
  f->dir = d;
  if (!nextMatch(*f, data)) {
    access("FindFirstFileW", file, line, uname, ERROR_FILE_NOT_FOUND);
    return INVALID_HANDLE_VALUE;
  }
  access("FindFirstFileW", file, line, uname, 0);
  return insertHandle(std::move(f));
}

BOOL FindNextFileW(HANDLE h, LPWIN32_FIND_DATAW data) {
  auto f = lookupAs<FindObject>(h, Kind::Find);
  if (!f)
    return failWith(ERROR_INVALID_HANDLE);
  if (!data)
    return failWith(ERROR_INVALID_PARAMETER);
  return nextMatch(*f, data) ? TRUE : failWith(ERROR_NO_MORE_FILES);
}

BOOL FindClose(HANDLE h) {
  auto f = lookupAs<FindObject>(h, Kind::Find);
  if (!f)
    return failWith(ERROR_INVALID_HANDLE);
  removeHandle(h);
  return TRUE;
}

// ---- I/O on handles -----------------------------------------------------------------------

BOOL ReadFile(HANDLE h, LPVOID buffer, DWORD size, LPDWORD read_, LPOVERLAPPED ov) {
  if (read_)
    *read_ = 0;
  if (ov)
    return failWith(ERROR_NOT_SUPPORTED);
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o)
    return failWith(ERROR_INVALID_HANDLE);
  if (!buffer && size)
    return failWith(ERROR_INVALID_USER_BUFFER);
  if (o->kind == Kind::PipeServer || o->kind == Kind::PipeClient)
    return pipeRead(static_cast<PipeEnd &>(*o), buffer, size, read_);
  if (o->kind != Kind::File)
    return failWith(ERROR_INVALID_HANDLE);
  auto &f = static_cast<FileObject &>(*o);
  if (!f.canRead)
    return failWith(ERROR_ACCESS_DENIED);
  ssize_t n;
  do {
    n = ::read(f.fd, buffer, size);
  } while (n < 0 && errno == EINTR);
  if (n < 0)
    return failWith(errno == EISDIR ? ERROR_INVALID_FUNCTION : lastErrorFromErrno(errno));
  if (read_)
    *read_ = static_cast<DWORD>(n);
  return TRUE;
}

BOOL WriteFile(HANDLE h, LPCVOID buffer, DWORD size, LPDWORD written, LPOVERLAPPED ov) {
  if (written)
    *written = 0;
  if (ov)
    return failWith(ERROR_NOT_SUPPORTED);
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o)
    return failWith(ERROR_INVALID_HANDLE);
  if (!buffer && size)
    return failWith(ERROR_INVALID_USER_BUFFER);
  if (o->kind == Kind::PipeServer || o->kind == Kind::PipeClient)
    return pipeWrite(static_cast<PipeEnd &>(*o), buffer, size, written);
  if (o->kind != Kind::File)
    return failWith(ERROR_INVALID_HANDLE);
  auto &f = static_cast<FileObject &>(*o);
  if (!f.canWrite)
    return failWith(ERROR_ACCESS_DENIED);
  DWORD done = 0;
  while (done < size) {
    ssize_t n = ::write(f.fd, static_cast<const char *>(buffer) + done, size - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      if (written)
        *written = done;
      return failWith(lastErrorFromErrno(errno));
    }
    done += static_cast<DWORD>(n);
  }
  if (written)
    *written = done;
  return TRUE;
}

BOOL FlushFileBuffers(HANDLE h) {
  std::shared_ptr<Object> o = lookupHandle(h);
  if (!o)
    return failWith(ERROR_INVALID_HANDLE);
  if (o->kind == Kind::PipeServer || o->kind == Kind::PipeClient)
    return pipeFlush(static_cast<PipeEnd &>(*o));
  if (o->kind != Kind::File)
    return failWith(ERROR_INVALID_HANDLE);
  auto &f = static_cast<FileObject &>(*o);
  if (!f.canWrite)
    return failWith(ERROR_ACCESS_DENIED);
  return fsync(f.fd) == 0 ? TRUE : failWith(lastErrorFromErrno(errno));
}

BOOL GetFileSizeEx(HANDLE h, PLARGE_INTEGER size) {
  auto f = lookupAs<FileObject>(h, Kind::File);
  if (!f)
    return failWith(ERROR_INVALID_HANDLE);
  if (!size)
    return failWith(ERROR_INVALID_PARAMETER);
  struct stat st;
  if (fstat(f->fd, &st) != 0)
    return failWith(lastErrorFromErrno(errno));
  size->QuadPart = S_ISDIR(st.st_mode) ? 0 : st.st_size;
  return TRUE;
}

DWORD GetFileSize(HANDLE h, LPDWORD high) {
  LARGE_INTEGER li;
  if (!GetFileSizeEx(h, &li))
    return INVALID_FILE_SIZE;
  if (high)
    *high = static_cast<DWORD>(static_cast<uint64_t>(li.QuadPart) >> 32);
  SetLastError(ERROR_SUCCESS);
  return static_cast<DWORD>(li.QuadPart);
}

BOOL SetFilePointerEx(HANDLE h, LARGE_INTEGER distance, PLARGE_INTEGER newPos, DWORD method) {
  auto f = lookupAs<FileObject>(h, Kind::File);
  if (!f)
    return failWith(ERROR_INVALID_HANDLE);
  int whence = method == FILE_BEGIN ? SEEK_SET : method == FILE_CURRENT ? SEEK_CUR
                                                 : method == FILE_END ? SEEK_END : -1;
  if (whence < 0)
    return failWith(ERROR_INVALID_PARAMETER);
  off_t pos = lseek(f->fd, distance.QuadPart, whence);
  if (pos < 0)
    return failWith(errno == EINVAL ? ERROR_NEGATIVE_SEEK : lastErrorFromErrno(errno));
  if (newPos)
    newPos->QuadPart = pos;
  return TRUE;
}

DWORD SetFilePointer(HANDLE h, LONG low, PLONG high, DWORD method) {
  LARGE_INTEGER d, out;
  d.QuadPart = high ? (static_cast<LONGLONG>(*high) << 32) | static_cast<DWORD>(low) : low;
  if (!SetFilePointerEx(h, d, &out, method))
    return INVALID_SET_FILE_POINTER;
  if (high)
    *high = static_cast<LONG>(out.QuadPart >> 32);
  SetLastError(ERROR_SUCCESS);
  return static_cast<DWORD>(out.QuadPart);
}

} // extern "C"
