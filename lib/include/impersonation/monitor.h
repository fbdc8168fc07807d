// The monitor: records what really ran, per request, and classifies it in the static
// checks' own names.
//
// One request = one dispatch of a handler on a serving thread. The dispatcher (scenario
// code, or the facade's own RPC/COM/SSPI dispatch helpers) calls beginRequest/endRequest
// around the handler. A pipe instance that accepts a client with ConnectNamedPipe on a
// thread with no request open begins one itself ("pipe <name>") and ends it at
// DisconnectNamedPipe/CloseHandle of that instance, so an unmodified pipe service's own
// loop is monitored too.
//
// The facade records events with its caller's file and line; the identity of every access
// is read back from the kernel at the call, and the identity of every spawn is the one
// the child (process or thread) reported about itself.
//
// Classification (findings):
//   impersonation-missing-revert      at endRequest the serving thread still impersonates:
//                                     reported at the begin that put that token in force,
//                                     or, when after that begin the thread returned from a
//                                     revert helper without reverting, at that helper
//                                     (below).
//   impersonation-unchecked-result    a begin failed in this request and later in the same
//                                     request an access or spawn ran while the thread was
//                                     not impersonating: reported at the failed begin, once.
//   impersonation-primary-token-access  an access with a client-named name ran while the
//                                     thread was not acting as a client (service, self or
//                                     anonymous) and no failed begin precedes it in the
//                                     request: reported at the access.
//   impersonation-spawn-while-impersonating  CreateProcessW/A, WinExec, system,
//                                     CreateThread, _beginthreadex or QueueUserWorkItem
//                                     called while the thread acted as a client, and the
//                                     child did not run as that client (a suspended thread
//                                     handed the token with SetThreadToken before
//                                     ResumeThread does): reported at the spawn; the detail
//                                     says whom the child really ran as.
//                                     CreateProcessAsUserW is recorded (a spawn event) but
//                                     never judged, and its command line is no access: it
//                                     is how a service starts a child as the client.
// A name is client-named when it contains one of the strings the client sent in the
// request: runs of >= 3 printable characters in the client bytes, read as narrow text,
// as wchar_t text and as UTF-16LE, and the pieces of those runs between separators
// (whitespace, '\\', '/', ':', ',', ';', '=') of >= 3 characters. Case-sensitive.
// Findings are deduplicated on (check, file, line); events keep every occurrence.
//
// Revert helpers. Code built with -finstrument-functions (the validation suite builds the
// services so) calls __cyg_profile_func_enter/exit, which the monitor implements: it keeps
// each thread's call frames. A function is a revert helper when the thread has been seen,
// at any time in the run, to end inside it an impersonation that a function further up the
// same stack began (the facade's end APIs carry their caller's __func__,
// IMPRT_END_AT_SITE). When a request ends with an impersonation in force, and a revert
// helper returned, below the function that began it, while it was in force, the leak is
// the helper's, as the static check reports it: the finding names the helper (`function`,
// the last such helper to return) and sits at the revert the helper was seen to make (file
// and line), which it skipped this time. findings() decides this with all the run has
// shown by then. A helper never seen reverting is not known, and code built without the
// instrumentation has no frames: then the finding stays at the begin.
#pragma once

#include "impersonation/runtime.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace impersonation::monitor {

enum class EventKind { RequestBegin, RequestEnd, Begin, End, Access, Spawn };
const char *eventKindName(EventKind kind); // "request-begin", ..., "spawn"

struct Event {
  uint64_t seq = 0;     // global order
  uint64_t request = 0; // 0: outside any request
  long thread = 0;      // kernel thread id of the recording thread
  EventKind kind = EventKind::Begin;
  std::string api;      // "ImpersonateNamedPipeClient", "CreateFileW", ...; label for requests
  std::string file;     // caller's __FILE__ ("" when unknown)
  unsigned line = 0;
  bool success = true;  // begin/end/spawn succeeded; access granted
  uint32_t error = 0;   // Windows error code (HRESULT/SECURITY_STATUS/RPC_STATUS as recorded)
  std::string name;     // access: the name used (UTF-8); spawn: command line or routine
  bool clientNamed = false;     // access/spawn: the name contains client bytes of the request
  rt::Identity identity;        // access: identity at the call (read back);
                                // spawn: what the child reported; begin/end: after the call
  rt::Actor actor = rt::Actor::Service; // whose identity the calling thread acted with
  std::string detail;
};

struct Finding {
  std::string check; // "impersonation-missing-revert", ...
  std::string file;
  unsigned line = 0;
  std::string detail;
  // Set when the finding is about a function rather than a call: the revert helper a
  // missing revert went through; file and line are then a revert inside it.
  std::string function;
};

// Requests. beginRequest on a thread with a request open ends that one first (an open
// automatic pipe request is adopted instead: it becomes this request).
void beginRequest(const char *label);
void endRequest();
bool inRequest();          // on the calling thread
uint64_t currentRequest(); // 0 when none

// Bytes the server received from the client in the current request of the calling
// thread. The facade adds pipe reads (server side) and dispatch-helper arguments itself.
void addClientBytes(const void *data, size_t size);
// Whether `name` contains client bytes of the calling thread's current request.
bool isClientNamed(std::wstring_view name);
bool isClientNamed(std::string_view utf8Name);

// Recording (the facade calls these; tests may too). `file` may be null.
void recordBegin(const char *api, const char *file, unsigned line, bool success,
                 uint32_t error);
// `function` is the calling function's name when known (IMPRT_END_AT_SITE): with the
// thread's call frames it makes that function a known revert helper.
void recordEnd(const char *api, const char *file, unsigned line, bool success,
               uint32_t error, const char *function = nullptr);
// An access: `error` is 0 when granted, else the Windows error it failed with.
void recordAccess(const char *api, const char *file, unsigned line, std::string_view utf8Name,
                  uint32_t error);
// A spawn: `child` is the identity the child reported (meaningful when success).
void recordSpawn(const char *api, const char *file, unsigned line, std::string_view what,
                 bool success, uint32_t error, const rt::Identity &child);

// The same, for a spawn whose creator's identity was captured earlier (a thread created
// suspended and resumed later): `creator` and `creatorActor` are as at the spawn call.
void recordSpawnFrom(const char *api, const char *file, unsigned line, std::string_view what,
                     bool success, uint32_t error, const rt::Identity &child,
                     rt::Actor creatorActor, const rt::Identity &creator);

// Everything recorded so far, in order.
std::vector<Event> events();
std::vector<Finding> findings();
// Forget all events and findings (and open requests' bookkeeping on this thread).
void reset();

// Text lines: one "EVENT ..." per event, then one "FINDING <check> <file>:<line> <detail>"
// per finding ("FINDING <check> <file>:<line> function=<name> <detail>" for a finding about
// a function). print() writes them to `out`, one per line.
std::vector<std::string> eventLines();
std::vector<std::string> findingLines();
void print(std::FILE *out = stdout);

// Findings as "check:line" strings (file omitted), sorted: the runtime verdict to compare
// with the static checks' verdict on the same file. Only findings whose file ends with
// `fileSuffix` (all when empty). A finding about a function gives the line of the revert
// inside it (the static check names the function's own line; the validation suite maps
// one to the other).
std::vector<std::string> verdict(std::string_view fileSuffix = {});

} // namespace impersonation::monitor
