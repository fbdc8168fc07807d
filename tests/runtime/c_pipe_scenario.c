/* A pipe server and a client as alice, written in C against the facade only: the shape a
 * scenario program takes. The test (FacadeCTest) makes the files and checks the result.
 *
 *   server thread: CreateNamedPipeW, ConnectNamedPipe, ReadFile (the stub's name),
 *                  ImpersonateNamedPipeClient, CreateFileW + ReadFile as the client,
 *                  RevertToSelf, WriteFile the status and the data back
 *   client thread: LogonUserW("alice") + ImpersonateLoggedOnUser, CreateFileW on the pipe
 *                  with SECURITY_SQOS_PRESENT | level, WriteFile the name, ReadFile reply
 */
#include <windows.h>

#include <stdio.h>

#define PIPE_NAME L"\\\\.\\pipe\\c-scenario"

typedef struct {
  WCHAR stub[64];
} REQUEST;

typedef struct {
  DWORD status;
  DWORD length;
  char data[256];
} REPLY;

typedef struct {
  DWORD sqos;           /* the client's SQOS flags */
  const WCHAR *stub;    /* what the client asks for */
  REPLY reply;          /* what the client got */
  DWORD clientError;    /* the client's own failure, if any */
  DWORD serverUid;      /* the server thread's uid while impersonating */
} SCENARIO;

static DWORD WINAPI Server(LPVOID param) {
  SCENARIO *s = (SCENARIO *)param;
  REQUEST req;
  REPLY reply;
  DWORD read = 0, written = 0;
  HANDLE pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX,
                                 PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 1,
                                 sizeof(REPLY), sizeof(REQUEST), 0, NULL);
  if (pipe == INVALID_HANDLE_VALUE)
    return GetLastError();
  if (!ConnectNamedPipe(pipe, NULL)) {
    CloseHandle(pipe);
    return GetLastError();
  }
  ZeroMemory(&reply, sizeof reply);
  if (!ReadFile(pipe, &req, sizeof req, &read, NULL) || read != sizeof req) {
    reply.status = ERROR_BAD_FORMAT;
  } else if (!ImpersonateNamedPipeClient(pipe)) {
    reply.status = GetLastError();
  } else {
    HANDLE f;
    s->serverUid = ImpRt_CurrentUid();
    req.stub[63] = L'\0';
    f = CreateFileW(req.stub, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                    FILE_ATTRIBUTE_NORMAL, NULL);
    if (f == INVALID_HANDLE_VALUE) {
      reply.status = GetLastError();
    } else {
      if (!ReadFile(f, reply.data, sizeof reply.data, &reply.length, NULL))
        reply.status = GetLastError();
      CloseHandle(f);
    }
    if (!RevertToSelf())
      ExitProcess(1);
  }
  WriteFile(pipe, &reply, sizeof reply, &written, NULL);
  FlushFileBuffers(pipe);
  DisconnectNamedPipe(pipe);
  CloseHandle(pipe);
  return 0;
}

static DWORD WINAPI Client(LPVOID param) {
  SCENARIO *s = (SCENARIO *)param;
  HANDLE token, pipe;
  REQUEST req;
  DWORD n = 0;
  if (!LogonUserW(L"alice", NULL, L"alice", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                  &token))
    return s->clientError = GetLastError();
  if (!ImpersonateLoggedOnUser(token)) {
    s->clientError = GetLastError();
    CloseHandle(token);
    return s->clientError;
  }
  CloseHandle(token);
  pipe = CreateFileW(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, s->sqos, NULL);
  if (pipe == INVALID_HANDLE_VALUE) {
    s->clientError = GetLastError();
    RevertToSelf();
    return s->clientError;
  }
  ZeroMemory(&req, sizeof req);
  lstrcpynW(req.stub, s->stub, 64);
  if (!WriteFile(pipe, &req, sizeof req, &n, NULL) ||
      !ReadFile(pipe, &s->reply, sizeof s->reply, &n, NULL))
    s->clientError = GetLastError();
  CloseHandle(pipe);
  RevertToSelf();
  return 0;
}

/* Returns 0 when the scenario ran; the outcome is in *s. */
int ImpRtTest_RunCPipeScenario(DWORD sqos, const WCHAR *stub, DWORD *status, DWORD *length,
                               char *data, DWORD *serverUid) {
  SCENARIO s;
  HANDLE server, client;
  ZeroMemory(&s, sizeof s);
  s.sqos = sqos;
  s.stub = stub;
  server = CreateThread(NULL, 0, Server, &s, 0, NULL);
  if (!server)
    return 1;
  if (!WaitNamedPipeW(PIPE_NAME, 5000))
    return 2;
  client = CreateThread(NULL, 0, Client, &s, 0, NULL);
  if (!client)
    return 3;
  if (WaitForSingleObject(client, 10000) != WAIT_OBJECT_0 ||
      WaitForSingleObject(server, 10000) != WAIT_OBJECT_0)
    return 4;
  CloseHandle(client);
  CloseHandle(server);
  if (s.clientError)
    return 5;
  *status = s.reply.status;
  *length = s.reply.length;
  memcpy(data, s.reply.data, sizeof s.reply.data);
  *serverUid = s.serverUid;
  return 0;
}
