// The monitor: per-thread requests, events with read-back identities, and findings.
#include "impersonation/monitor.h"
#include "monitor_internal.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <set>
#include <sys/syscall.h>
#include <tuple>
#include <unistd.h>

namespace impersonation::monitor {

namespace {

std::mutex g_mutex;
std::vector<Event> g_events;
// A finding as recorded. A missing revert keeps the functions that returned, below the one
// that began, while the impersonation was in force (most recent last): findings() decides
// with all the run has shown by then whether one of them is a revert helper.
struct Recorded {
  Finding finding;             // at the begin, or the call
  std::vector<void *> returned; // missing-revert only
  std::string ended;           // missing-revert: "request '...' ended while ..."
  std::string beginApi;        // missing-revert: the begin's API
};
std::vector<Recorded> g_recorded;
std::set<std::tuple<std::string, std::string, unsigned, std::vector<void *>>> g_seen;
std::atomic<uint64_t> g_seq{0};
std::atomic<uint64_t> g_nextRequest{1};
std::atomic<uint64_t> g_generation{1}; // reset() makes every thread's open request stale

struct Request {
  uint64_t id = 0;
  uint64_t generation = 0;
  std::string label;
  bool automatic = false;
  const void *owner = nullptr;
  std::string bytes;                // everything the client sent in this request
  std::vector<std::string> strings; // client strings (UTF-8), from `bytes`
  bool stringsStale = false;
  bool beginFailed = false;
  std::string failedApi, failedFile;
  unsigned failedLine = 0;
  uint32_t failedError = 0;
  bool uncheckedReported = false;
};

thread_local Request t_request;

// ---- call frames and revert helpers ------------------------------------------------------
//
// The frames come from -finstrument-functions (the hooks at the end of this file); code
// built without it has none, and then nothing below changes a finding.

constexpr size_t kMaxFrames = 1024;
struct Frame {
  void *fn;
  uint64_t id; // unique per thread: tells two calls of one function apart
};
thread_local Frame t_frames[kMaxFrames];
thread_local size_t t_depth = 0; // frames on the stack (those past kMaxFrames not stored)
thread_local uint64_t t_frameIds = 0;

// A function the thread was seen ending, inside it, an impersonation that a function
// further up the same stack began: a revert helper. Append-only, read without the lock.
struct RevertHelper {
  void *fn = nullptr;
  const char *name = nullptr; // its __func__
  const char *api = nullptr;  // the end API it called, and where
  const char *file = nullptr;
  unsigned line = 0;
};
constexpr size_t kMaxHelpers = 256;
RevertHelper g_helpers[kMaxHelpers];
std::atomic<size_t> g_helperCount{0};
std::mutex g_helperMutex;

const RevertHelper *knownHelper(void *fn) {
  size_t n = g_helperCount.load(std::memory_order_acquire);
  for (size_t i = 0; i < n; ++i)
    if (g_helpers[i].fn == fn)
      return &g_helpers[i];
  return nullptr;
}

void learnHelper(const RevertHelper &h) {
  std::lock_guard<std::mutex> lock(g_helperMutex);
  size_t n = g_helperCount.load(std::memory_order_relaxed);
  if (knownHelper(h.fn) || n == kMaxHelpers)
    return;
  g_helpers[n] = h;
  g_helperCount.store(n + 1, std::memory_order_release);
}

// The impersonation this thread began last through the facade: where, in which frame, and
// the functions that returned, below that frame, while it was in force.
constexpr size_t kMaxReturned = 16;
struct InForce {
  bool active = false;
  const char *api = nullptr;
  const char *file = nullptr;
  unsigned line = 0;
  size_t depth = 0;     // frames on the stack at the begin: the beginning function's is depth-1
  uint64_t frameId = 0; // that frame's id; 0 when no frame is known
  void *returned[kMaxReturned] = {}; // distinct, most recent last
  size_t returnedCount = 0;
};
thread_local InForce t_inForce;

void noteReturned(InForce &f, void *fn) {
  size_t i = 0;
  while (i < f.returnedCount && f.returned[i] != fn)
    ++i;
  if (i == f.returnedCount && f.returnedCount == kMaxReturned)
    i = 0; // full: the oldest goes
  else if (i == f.returnedCount)
    ++f.returnedCount;
  for (; i + 1 < f.returnedCount; ++i)
    f.returned[i] = f.returned[i + 1];
  f.returned[f.returnedCount - 1] = fn;
}

// The revert helper among `returned` that returned last, if the run has shown one.
const RevertHelper *lastHelper(const std::vector<void *> &returned) {
  for (auto it = returned.rbegin(); it != returned.rend(); ++it)
    if (const RevertHelper *h = knownHelper(*it))
      return h;
  return nullptr;
}

// Whether the frame that began `f` is still on the stack, below `depth` frames.
bool beganBelow(const InForce &f, size_t depth) {
  return f.active && f.frameId != 0 && f.depth <= kMaxFrames && f.depth < depth &&
         f.depth <= t_depth && t_frames[f.depth - 1].id == f.frameId;
}

bool sameSite(const InForce &f, const rt::Site &site) {
  if (f.line != site.line)
    return false;
  if (!f.file || !site.file)
    return f.file == site.file;
  return std::strcmp(f.file, site.file) == 0;
}

Request *open() {
  if (t_request.id == 0 || t_request.generation != g_generation.load())
    return nullptr;
  return &t_request;
}

long threadId() { return static_cast<long>(syscall(SYS_gettid)); }

const char *fileOr(const char *file) { return file ? file : ""; }

std::string baseName(const std::string &path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void store(Event e) {
  e.seq = ++g_seq;
  e.thread = threadId();
  if (Request *r = open())
    e.request = r->id;
  std::lock_guard<std::mutex> lock(g_mutex);
  g_events.push_back(std::move(e));
}

void addFinding(const char *check, const std::string &file, unsigned line,
                const std::string &detail) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!g_seen.insert({check, file, line, {}}).second)
    return;
  g_recorded.push_back(Recorded{Finding{check, file, line, detail, {}}, {}, {}, {}});
}

void addLeak(const std::string &file, unsigned line, const std::string &ended,
             const std::string &api, std::vector<void *> returned) {
  const char *check = "impersonation-missing-revert";
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!g_seen.insert({check, file, line, returned}).second)
    return;
  g_recorded.push_back(Recorded{Finding{check, file, line, ended + ", begun by " + api, {}},
                                std::move(returned), ended, api});
}

// ---- client strings -------------------------------------------------------------------

bool printable(uint32_t c) {
  return c >= 0x20 && c != 0x7F && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF) &&
         !(c >= 0x80 && c < 0xA0);
}

bool separator(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\\' || c == '/' || c == ':' || c == ',' || c == ';' ||
         c == '=';
}

// Adds a run (as code points) and its separator-delimited pieces, each of >= 3 characters.
void addRun(const std::u32string &run, std::vector<std::string> &out) {
  auto add = [&](const std::u32string &text) {
    if (text.size() < 3)
      return;
    std::wstring w(text.begin(), text.end());
    out.push_back(rt::toUtf8(w));
  };
  add(run);
  std::u32string piece;
  for (char32_t c : run) {
    if (separator(c)) {
      if (piece.size() != run.size())
        add(piece);
      piece.clear();
    } else {
      piece += c;
    }
  }
  if (piece.size() != run.size())
    add(piece);
}

template <class Unit> void scanUnits(const std::string &bytes, size_t offset,
                                     std::vector<std::string> &out) {
  std::u32string run;
  for (size_t i = offset; i + sizeof(Unit) <= bytes.size(); i += sizeof(Unit)) {
    Unit u;
    std::memcpy(&u, bytes.data() + i, sizeof u);
    if (printable(static_cast<uint32_t>(u))) {
      run += static_cast<char32_t>(u);
    } else {
      addRun(run, out);
      run.clear();
    }
  }
  addRun(run, out);
}

// Narrow text: runs of non-control bytes, decoded as UTF-8.
void scanNarrow(const std::string &bytes, std::vector<std::string> &out) {
  size_t i = 0;
  while (i < bytes.size()) {
    size_t j = i;
    while (j < bytes.size() && static_cast<unsigned char>(bytes[j]) >= 0x20 && bytes[j] != 0x7F)
      ++j;
    if (j > i) {
      std::wstring w = rt::fromUtf8(std::string_view(bytes).substr(i, j - i));
      addRun(std::u32string(w.begin(), w.end()), out);
    }
    i = j + 1;
  }
}

const std::vector<std::string> &clientStrings(Request &r) {
  if (r.stringsStale) {
    std::vector<std::string> out;
    scanNarrow(r.bytes, out);
    for (size_t off = 0; off < 4; ++off)
      scanUnits<uint32_t>(r.bytes, off, out); // wchar_t text
    for (size_t off = 0; off < 2; ++off)
      scanUnits<uint16_t>(r.bytes, off, out); // UTF-16LE text (BMP)
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    r.strings = std::move(out);
    r.stringsStale = false;
  }
  return r.strings;
}

bool clientNamedIn(Request &r, std::string_view name) {
  for (const std::string &s : clientStrings(r))
    if (name.find(s) != std::string_view::npos)
      return true;
  return false;
}

std::string who(const rt::Identity &id) { return rt::userName(id.uid) + " (" + id.str() + ")"; }

// The spawns the static checks know; CreateProcessAsUser (the fix) is recorded, not judged.
bool countsAsSpawn(std::string_view api) {
  for (const char *known : {"CreateProcessW", "CreateProcessA", "WinExec", "system", "_wsystem",
                            "CreateThread", "_beginthreadex", "QueueUserWorkItem"})
    if (api == known)
      return true;
  return false;
}

bool actsAsService(rt::Actor a) { return a == rt::Actor::Service || a == rt::Actor::Self; }

// unchecked-result: a begin failed earlier in the request and this operation runs with
// the service's identity.
bool uncheckedAfterFailedBegin(Request &r, rt::Actor a, const char *api, const char *file,
                               unsigned line, const rt::Identity &id) {
  if (!r.beginFailed || !actsAsService(a))
    return false;
  if (!r.uncheckedReported) {
    r.uncheckedReported = true;
    addFinding("impersonation-unchecked-result", r.failedFile, r.failedLine,
               r.failedApi + " failed (error " + std::to_string(r.failedError) + ") and " +
                   api + " at " + baseName(fileOr(file)) + ":" + std::to_string(line) +
                   " ran as the service, " + who(id));
  }
  return true;
}

void finishRequest(Request &r) {
  Event e;
  e.kind = EventKind::RequestEnd;
  e.api = r.label;
  e.identity = rt::current();
  e.actor = rt::actor();
  if (rt::isImpersonating()) {
    std::optional<rt::ThreadToken> tok = rt::threadToken();
    std::string file = tok && tok->site.file ? tok->site.file : "";
    unsigned line = tok ? tok->site.line : 0;
    std::string api = tok && tok->site.api ? tok->site.api : "an impersonation";
    e.detail = "still impersonating";
    std::string ended = "request '" + r.label + "' ended while the thread still ran as " +
                        who(e.identity);
    // When the token in force is the one the thread began last, the functions that
    // returned below the beginning one with it in force go with the finding.
    std::vector<void *> returned;
    if (tok && t_inForce.active && sameSite(t_inForce, tok->site))
      returned.assign(t_inForce.returned, t_inForce.returned + t_inForce.returnedCount);
    addLeak(file, line, ended, api, std::move(returned));
  }
  store(std::move(e));
  r = Request{};
}

void startRequest(const std::string &label, bool automatic, const void *owner) {
  t_request = Request{};
  t_request.id = g_nextRequest++;
  t_request.generation = g_generation.load();
  t_request.label = label;
  t_request.automatic = automatic;
  t_request.owner = owner;
  Event e;
  e.kind = EventKind::RequestBegin;
  e.api = label;
  e.identity = rt::current();
  e.actor = rt::actor();
  store(std::move(e));
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

} // namespace

const char *eventKindName(EventKind kind) {
  switch (kind) {
  case EventKind::RequestBegin: return "request-begin";
  case EventKind::RequestEnd: return "request-end";
  case EventKind::Begin: return "begin";
  case EventKind::End: return "end";
  case EventKind::Access: return "access";
  case EventKind::Spawn: return "spawn";
  }
  return "?";
}

void beginRequest(const char *label) {
  std::string l = label ? label : "";
  if (Request *r = open()) {
    if (r->automatic) { // adopt the pipe's request: the bytes read so far belong to it
      r->automatic = false;
      r->owner = nullptr;
      r->label = l;
      return;
    }
    finishRequest(*r);
  }
  startRequest(l, false, nullptr);
}

void endRequest() {
  if (Request *r = open())
    finishRequest(*r);
}

bool inRequest() { return open() != nullptr; }

uint64_t currentRequest() {
  Request *r = open();
  return r ? r->id : 0;
}

void addClientBytes(const void *data, size_t size) {
  Request *r = open();
  if (!r || !data || size == 0)
    return;
  r->bytes.append(static_cast<const char *>(data), size);
  r->stringsStale = true;
}

bool isClientNamed(std::string_view utf8Name) {
  Request *r = open();
  return r && clientNamedIn(*r, utf8Name);
}

bool isClientNamed(std::wstring_view name) { return isClientNamed(rt::toUtf8(name)); }

// An event at a call site, with the identity the calling thread really has now.
static Event callEvent(EventKind kind, const char *api, const char *file, unsigned line,
                       bool success, uint32_t error) {
  Event e;
  e.kind = kind;
  e.api = api;
  e.file = fileOr(file);
  e.line = line;
  e.success = success;
  e.error = error;
  e.identity = rt::current();
  e.actor = rt::actor();
  return e;
}

void recordBegin(const char *api, const char *file, unsigned line, bool success,
                 uint32_t error) {
  Event e = callEvent(EventKind::Begin, api, file, line, success, error);
  if (std::optional<rt::ThreadToken> t = rt::threadToken(); t && success)
    e.detail = std::string("level=") + rt::levelName(t->token.level);
  if (success) {
    t_inForce = InForce{};
    t_inForce.active = true;
    t_inForce.api = api;
    t_inForce.file = file;
    t_inForce.line = line;
    t_inForce.depth = t_depth;
    t_inForce.frameId = t_depth != 0 && t_depth <= kMaxFrames ? t_frames[t_depth - 1].id : 0;
  }
  if (Request *r = open(); r && !success && !r->beginFailed) {
    r->beginFailed = true;
    r->failedApi = api;
    r->failedFile = e.file;
    r->failedLine = line;
    r->failedError = error;
  }
  store(std::move(e));
}

void recordEnd(const char *api, const char *file, unsigned line, bool success,
               uint32_t error, const char *function) {
  Event e = callEvent(EventKind::End, api, file, line, success, error);
  if (success) {
    // Called in a function below the one that began: that function ends impersonation for
    // its callers.
    if (function && t_depth <= kMaxFrames && beganBelow(t_inForce, t_depth)) {
      learnHelper(RevertHelper{t_frames[t_depth - 1].fn, function, api, file, line});
      e.detail = std::string("in revert helper ") + function;
    }
    t_inForce = InForce{};
  }
  store(std::move(e));
}

void recordAccess(const char *api, const char *file, unsigned line, std::string_view utf8Name,
                  uint32_t error) {
  Event e = callEvent(EventKind::Access, api, file, line, error == 0, error);
  e.name = std::string(utf8Name);
  if (Request *r = open()) {
    e.clientNamed = clientNamedIn(*r, utf8Name);
    // After a failed begin, the harm is an object the client named opened as the service;
    // the service's own log written on the way out is not.
    bool unchecked = e.clientNamed &&
                     uncheckedAfterFailedBegin(*r, e.actor, api, file, line, e.identity);
    if (!unchecked && !r->beginFailed && e.clientNamed && e.actor != rt::Actor::Client)
      addFinding("impersonation-primary-token-access", e.file, line,
                 std::string(api) + " used client-named " + quoted(utf8Name) + " as the " +
                     rt::actorName(e.actor) + ", " + who(e.identity) +
                     (e.success ? " (granted)" : " (denied, error " + std::to_string(error) + ")"));
  }
  store(std::move(e));
}

void recordSpawnFrom(const char *api, const char *file, unsigned line, std::string_view what,
                     bool success, uint32_t error, const rt::Identity &child,
                     rt::Actor creatorActor, const rt::Identity &creator) {
  Event e = callEvent(EventKind::Spawn, api, file, line, success, error);
  e.name = std::string(what);
  e.identity = child; // what the child really got, not the caller's identity
  e.actor = creatorActor;
  e.detail = "creator " + who(creator);
  if (Request *r = open()) {
    e.clientNamed = clientNamedIn(*r, what);
    uncheckedAfterFailedBegin(*r, creatorActor, api, file, line, creator);
    if (success && creatorActor == rt::Actor::Client && child != creator && countsAsSpawn(api))
      addFinding("impersonation-spawn-while-impersonating", e.file, line,
                 std::string(api) + " called while impersonating " + who(creator) +
                     "; the child really ran as " + who(child));
  }
  store(std::move(e));
}

void recordSpawn(const char *api, const char *file, unsigned line, std::string_view what,
                 bool success, uint32_t error, const rt::Identity &child) {
  recordSpawnFrom(api, file, line, what, success, error, child, rt::actor(), rt::current());
}

std::vector<Event> events() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_events;
}

std::vector<Finding> findings() {
  std::lock_guard<std::mutex> lock(g_mutex);
  std::vector<Finding> out;
  std::set<std::tuple<std::string, std::string, unsigned>> seen;
  for (const Recorded &r : g_recorded) {
    Finding f = r.finding;
    // The leak went through a revert helper: a function seen (at any time in the run)
    // ending an impersonation for a caller returned with this one in force.
    if (const RevertHelper *h = lastHelper(r.returned)) {
      f.file = fileOr(h->file);
      f.line = h->line;
      f.function = h->name;
      f.detail = r.ended + ": the impersonation begun by " + r.beginApi + " at " +
                 baseName(r.finding.file) + ":" + std::to_string(r.finding.line) +
                 " went through " + h->name + ", which ends impersonation for its callers (" +
                 h->api + " at " + baseName(f.file) + ":" + std::to_string(h->line) +
                 ") but returned without reverting";
    }
    if (seen.insert({f.check, f.file, f.line}).second)
      out.push_back(std::move(f));
  }
  return out;
}

void reset() {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_events.clear();
  g_recorded.clear();
  g_seen.clear();
  ++g_generation;
  t_request = Request{};
  t_inForce = InForce{};
  std::lock_guard<std::mutex> helpers(g_helperMutex);
  g_helperCount.store(0, std::memory_order_release);
}

std::vector<std::string> eventLines() {
  std::vector<std::string> lines;
  for (const Event &e : events()) {
    std::string s = "EVENT " + std::to_string(e.seq) + " req=" + std::to_string(e.request) +
                    " tid=" + std::to_string(e.thread) + " " + eventKindName(e.kind);
    if (e.kind == EventKind::RequestBegin || e.kind == EventKind::RequestEnd) {
      s += " " + quoted(e.api);
    } else {
      s += " " + e.api + " " + baseName(e.file) + ":" + std::to_string(e.line);
      if (e.kind == EventKind::Access)
        s += e.success ? " granted" : " denied error=" + std::to_string(e.error);
      else
        s += e.success ? " ok" : " failed error=" + std::to_string(e.error);
      if (e.kind == EventKind::Access || e.kind == EventKind::Spawn)
        s += " name=" + quoted(e.name) + (e.clientNamed ? " client-named" : "");
    }
    s += std::string(" actor=") + rt::actorName(e.actor);
    s += (e.kind == EventKind::Spawn ? " child=" : " as=") + rt::userName(e.identity.uid) +
         " " + e.identity.str();
    if (!e.detail.empty())
      s += " " + e.detail;
    lines.push_back(std::move(s));
  }
  return lines;
}

std::vector<std::string> findingLines() {
  std::vector<std::string> lines;
  for (const Finding &f : findings())
    lines.push_back("FINDING " + f.check + " " + baseName(f.file) + ":" + std::to_string(f.line) +
                    (f.function.empty() ? "" : " function=" + f.function) + " " + f.detail);
  return lines;
}

void print(std::FILE *out) {
  for (const std::string &l : eventLines())
    std::fprintf(out, "%s\n", l.c_str());
  for (const std::string &l : findingLines())
    std::fprintf(out, "%s\n", l.c_str());
  std::fflush(out);
}

std::vector<std::string> verdict(std::string_view fileSuffix) {
  std::vector<std::string> out;
  for (const Finding &f : findings()) {
    if (!fileSuffix.empty() && (f.file.size() < fileSuffix.size() ||
                                f.file.compare(f.file.size() - fileSuffix.size(),
                                               fileSuffix.size(), fileSuffix) != 0))
      continue;
    out.push_back(f.check + ":" + std::to_string(f.line));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace detail {

void beginAutomaticRequest(const std::string &label, const void *owner) {
  if (open())
    return; // the dispatcher's own request covers it
  startRequest(label, true, owner);
}

void endAutomaticRequest(const void *owner) {
  if (Request *r = open(); r && r->automatic && r->owner == owner)
    finishRequest(*r);
}

} // namespace detail

} // namespace impersonation::monitor

// ---- the hooks of -finstrument-functions ---------------------------------------------------
//
// Every function of code built with -finstrument-functions calls these on entry and exit.
// They keep the thread's frames; on exit, a function returning while an impersonation
// begun further up its stack is in force is noted with that impersonation (a leak that
// lasts to the end of the request goes to the last of them that is a revert helper).
extern "C" __attribute__((no_instrument_function)) void
__cyg_profile_func_enter(void *fn, void * /*callSite*/) {
  using namespace impersonation::monitor;
  if (t_depth < kMaxFrames)
    t_frames[t_depth] = Frame{fn, ++t_frameIds};
  ++t_depth;
}

extern "C" __attribute__((no_instrument_function)) void
__cyg_profile_func_exit(void *fn, void * /*callSite*/) {
  using namespace impersonation::monitor;
  if (t_depth == 0)
    return;
  size_t top = t_depth - 1;
  if (top < kMaxFrames && t_frames[top].fn != fn) {
    // Frames left without their exit hook (an exception or a longjmp through them): drop
    // down to this function's frame, if it is there at all.
    size_t i = top;
    while (i > 0 && t_frames[i].fn != fn)
      --i;
    if (t_frames[i].fn != fn)
      return;
    top = i;
  }
  t_depth = top + 1;
  if (top < kMaxFrames && beganBelow(t_inForce, top + 1))
    noteReturned(t_inForce, fn);
  t_depth = top;
}
