// Tokens: open, duplicate, query, impersonate, revert, LogonUser, SIDs.
#include "facade.h"

#include <cstring>
#include <grp.h>

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

namespace {

constexpr DWORD kAllTokenRights = TOKEN_ALL_ACCESS;

DWORD expandTokenAccess(DWORD access) {
  if (access & (MAXIMUM_ALLOWED | GENERIC_ALL))
    return kAllTokenRights; // token objects' own ACLs are not modelled
  DWORD out = access & kAllTokenRights;
  if (access & GENERIC_READ) out |= TOKEN_READ;
  if (access & GENERIC_WRITE) out |= TOKEN_WRITE;
  if (access & GENERIC_EXECUTE) out |= TOKEN_EXECUTE;
  return out;
}

HANDLE newToken(const rt::Token &t, DWORD access) {
  return insertHandle(std::make_shared<TokenObject>(t, expandTokenAccess(access)));
}

// S-1-22-1-<uid> (users) and S-1-22-2-<gid> (groups): 16 bytes.
constexpr DWORD kSidSize = 16;
void writeSid(void *where, DWORD kind, DWORD id) {
  SID *sid = static_cast<SID *>(where);
  sid->Revision = 1;
  sid->SubAuthorityCount = 2;
  std::memset(sid->IdentifierAuthority.Value, 0, 6);
  sid->IdentifierAuthority.Value[5] = 22;
  DWORD sub[2] = {kind, id};
  std::memcpy(reinterpret_cast<char *>(sid) + 8, sub, sizeof sub);
}

bool readUnixSid(PSID p, DWORD *kind, DWORD *id) {
  if (!IsValidSid(p))
    return false;
  const SID *sid = static_cast<const SID *>(p);
  static const BYTE unixAuthority[6] = {0, 0, 0, 0, 0, 22};
  if (sid->SubAuthorityCount != 2 || std::memcmp(sid->IdentifierAuthority.Value, unixAuthority, 6))
    return false;
  DWORD sub[2];
  std::memcpy(sub, reinterpret_cast<const char *>(sid) + 8, sizeof sub);
  *kind = sub[0];
  *id = sub[1];
  return true;
}

std::string groupName(gid_t gid) {
  if (gid == rt::kUsersGroup)
    return "users";
  if (gid == rt::kPayrollGroup)
    return "payroll";
  if (const rt::Account *a = rt::findAccount(static_cast<uid_t>(gid)); a && a->gid == gid)
    return a->name;
  struct group gr, *result = nullptr;
  char buf[1024];
  if (getgrgid_r(gid, &gr, buf, sizeof buf, &result) == 0 && result)
    return gr.gr_name;
  return "gid" + std::to_string(gid);
}

BOOL copyOut(const void *data, DWORD size, LPVOID out, DWORD outSize, PDWORD returned) {
  if (!returned)
    return failWith(ERROR_INVALID_PARAMETER); // mandatory on Windows (access violation there)
  *returned = size;
  if (!out || outSize < size)
    return failWith(ERROR_INSUFFICIENT_BUFFER);
  std::memcpy(out, data, size);
  return TRUE;
}

rt::Token impersonationCopy(const rt::Token &t, rt::Level level) {
  rt::Token copy = t;
  copy.type = rt::TokenType::Impersonation;
  copy.level = level;
  return copy;
}

} // namespace

extern "C" {

BOOL OpenProcessToken(HANDLE process, DWORD access, PHANDLE token) {
  if (!token)
    return failWith(ERROR_INVALID_PARAMETER);
  if (process != currentProcessPseudo()) {
    if (lookupHandle(process))
      return failWith(ERROR_NOT_SUPPORTED); // other processes' tokens are not modelled
    return failWith(ERROR_INVALID_HANDLE);
  }
  *token = newToken(rt::primaryToken(), access);
  return TRUE;
}

BOOL OpenThreadToken(HANDLE thread, DWORD access, BOOL, PHANDLE token) {
  if (!token)
    return failWith(ERROR_INVALID_PARAMETER);
  if (!isCurrentThreadHandle(thread))
    return failWith(lookupHandle(thread) ? ERROR_NOT_SUPPORTED : ERROR_INVALID_HANDLE);
  std::optional<rt::ThreadToken> t = rt::threadToken();
  if (!t)
    return failWith(ERROR_NO_TOKEN);
  if (t->token.level == rt::Level::Anonymous)
    return failWith(ERROR_CANT_OPEN_ANONYMOUS);
  *token = newToken(t->token, access);
  return TRUE;
}

BOOL DuplicateTokenEx(HANDLE existing, DWORD access, LPSECURITY_ATTRIBUTES sa,
                      SECURITY_IMPERSONATION_LEVEL level, TOKEN_TYPE type, PHANDLE newToken_) {
  auto src = tokenFromHandle(existing);
  if (!src)
    return failWith(ERROR_INVALID_HANDLE);
  if (!newToken_ || level < SecurityAnonymous || level > SecurityDelegation ||
      (type != TokenPrimary && type != TokenImpersonation))
    return failWith(ERROR_INVALID_PARAMETER);
  if (sa && sa->lpSecurityDescriptor)
    return failWith(ERROR_NOT_SUPPORTED);
  if (!(src->access & TOKEN_DUPLICATE))
    return failWith(ERROR_ACCESS_DENIED);
  rt::Level want = static_cast<rt::Level>(level);
  // An impersonation token cannot be raised above its own level, and only a token at
  // Impersonate or above can become a primary token.
  if (src->token.type == rt::TokenType::Impersonation && want > src->token.level)
    return failWith(ERROR_BAD_IMPERSONATION_LEVEL);
  if (type == TokenPrimary && src->token.type == rt::TokenType::Impersonation &&
      src->token.level < rt::Level::Impersonate)
    return failWith(ERROR_BAD_IMPERSONATION_LEVEL);
  rt::Token t = src->token;
  t.type = type == TokenPrimary ? rt::TokenType::Primary : rt::TokenType::Impersonation;
  t.level = type == TokenPrimary ? rt::Level::Impersonate : want;
  *newToken_ = newToken(t, access == 0 ? src->access : access);
  return TRUE;
}

BOOL DuplicateToken(HANDLE existing, SECURITY_IMPERSONATION_LEVEL level, PHANDLE newToken_) {
  return DuplicateTokenEx(existing, TOKEN_IMPERSONATE | TOKEN_QUERY, nullptr, level,
                          TokenImpersonation, newToken_);
}

BOOL GetTokenInformation(HANDLE h, TOKEN_INFORMATION_CLASS cls, LPVOID out, DWORD outSize,
                         PDWORD returned) {
  auto tok = tokenFromHandle(h);
  if (!tok)
    return failWith(ERROR_INVALID_HANDLE);
  if (!(tok->access & TOKEN_QUERY))
    return failWith(ERROR_ACCESS_DENIED);
  const rt::Token &t = tok->token;
  switch (cls) {
  case TokenUser: {
    // TOKEN_USER followed by the SID it points to, as Windows lays it out.
    unsigned char buf[sizeof(TOKEN_USER) + kSidSize];
    DWORD size = sizeof buf;
    if (!returned)
      return failWith(ERROR_INVALID_PARAMETER);
    *returned = size;
    if (!out || outSize < size)
      return failWith(ERROR_INSUFFICIENT_BUFFER);
    auto *user = static_cast<TOKEN_USER *>(out);
    void *sid = static_cast<unsigned char *>(out) + sizeof(TOKEN_USER);
    writeSid(sid, 1, t.uid);
    user->User.Sid = sid;
    user->User.Attributes = 0;
    (void)buf;
    return TRUE;
  }
  case TokenPrimaryGroup: {
    DWORD size = sizeof(TOKEN_PRIMARY_GROUP) + kSidSize;
    if (!returned)
      return failWith(ERROR_INVALID_PARAMETER);
    *returned = size;
    if (!out || outSize < size)
      return failWith(ERROR_INSUFFICIENT_BUFFER);
    auto *pg = static_cast<TOKEN_PRIMARY_GROUP *>(out);
    void *sid = static_cast<unsigned char *>(out) + sizeof(TOKEN_PRIMARY_GROUP);
    writeSid(sid, 2, t.gid);
    pg->PrimaryGroup = sid;
    return TRUE;
  }
  case TokenGroups: {
    std::vector<gid_t> groups = t.identity().groups;
    size_t header = offsetof(TOKEN_GROUPS, Groups) + groups.size() * sizeof(SID_AND_ATTRIBUTES);
    if (groups.empty())
      header = sizeof(TOKEN_GROUPS);
    header = (header + 7) & ~size_t(7);
    DWORD size = static_cast<DWORD>(header + groups.size() * kSidSize);
    if (!returned)
      return failWith(ERROR_INVALID_PARAMETER);
    *returned = size;
    if (!out || outSize < size)
      return failWith(ERROR_INSUFFICIENT_BUFFER);
    auto *tg = static_cast<TOKEN_GROUPS *>(out);
    tg->GroupCount = static_cast<DWORD>(groups.size());
    unsigned char *sids = static_cast<unsigned char *>(out) + header;
    for (size_t i = 0; i < groups.size(); ++i) {
      writeSid(sids + i * kSidSize, 2, groups[i]);
      tg->Groups[i].Sid = sids + i * kSidSize;
      tg->Groups[i].Attributes = SE_GROUP_ENABLED;
    }
    return TRUE;
  }
  case TokenType: {
    TOKEN_TYPE v = t.type == rt::TokenType::Primary ? TokenPrimary : TokenImpersonation;
    return copyOut(&v, sizeof v, out, outSize, returned);
  }
  case TokenImpersonationLevel: {
    if (t.type == rt::TokenType::Primary)
      return failWith(ERROR_INVALID_PARAMETER); // as Windows: primary tokens have no level
    SECURITY_IMPERSONATION_LEVEL v = static_cast<SECURITY_IMPERSONATION_LEVEL>(t.level);
    return copyOut(&v, sizeof v, out, outSize, returned);
  }
  default:
    return failWith(ERROR_NOT_SUPPORTED);
  }
}

BOOL LogonUserW(LPCWSTR user, LPCWSTR, LPCWSTR password, DWORD logonType, DWORD provider,
                PHANDLE token) {
  if (!user || !token || provider != LOGON32_PROVIDER_DEFAULT)
    return failWith(ERROR_INVALID_PARAMETER);
  switch (logonType) {
  case LOGON32_LOGON_INTERACTIVE:
  case LOGON32_LOGON_NETWORK:
  case LOGON32_LOGON_BATCH:
  case LOGON32_LOGON_SERVICE:
  case LOGON32_LOGON_NETWORK_CLEARTEXT:
    break;
  default:
    return failWith(ERROR_NOT_SUPPORTED);
  }
  rt::Result<rt::Token> t = rt::logon(utf8(user), utf8(password));
  if (!t.ok())
    return failWith(t.error().code);
  *token = newToken(t.value(), TOKEN_ALL_ACCESS);
  return TRUE;
}

BOOL LogonUserA(LPCSTR user, LPCSTR domain, LPCSTR password, DWORD logonType, DWORD provider,
                PHANDLE token) {
  std::wstring u = wide(user), d = wide(domain), p = wide(password);
  return LogonUserW(user ? u.c_str() : nullptr, domain ? d.c_str() : nullptr,
                    password ? p.c_str() : nullptr, logonType, provider, token);
}

BOOL GetUserNameW(LPWSTR buffer, LPDWORD size) {
  if (!size)
    return failWith(ERROR_INVALID_PARAMETER);
  std::wstring name = rt::fromUtf8(rt::userName(rt::current().uid));
  DWORD need = static_cast<DWORD>(name.size() + 1);
  if (!buffer || *size < need) {
    *size = need;
    return failWith(ERROR_INSUFFICIENT_BUFFER);
  }
  std::wmemcpy(buffer, name.c_str(), need);
  *size = need;
  return TRUE;
}

BOOL GetUserNameA(LPSTR buffer, LPDWORD size) {
  if (!size)
    return failWith(ERROR_INVALID_PARAMETER);
  std::string name = rt::userName(rt::current().uid);
  DWORD need = static_cast<DWORD>(name.size() + 1);
  if (!buffer || *size < need) {
    *size = need;
    return failWith(ERROR_INSUFFICIENT_BUFFER);
  }
  std::memcpy(buffer, name.c_str(), need);
  *size = need;
  return TRUE;
}

BOOL IsValidSid(PSID p) {
  const SID *sid = static_cast<const SID *>(p);
  return sid && sid->Revision == 1 && sid->SubAuthorityCount <= 15;
}

DWORD GetLengthSid(PSID p) {
  if (!IsValidSid(p))
    return 0;
  return 8 + 4 * static_cast<const SID *>(p)->SubAuthorityCount;
}

BOOL EqualSid(PSID a, PSID b) {
  if (!IsValidSid(a) || !IsValidSid(b))
    return failWith(ERROR_INVALID_SID);
  DWORD la = GetLengthSid(a);
  SetLastError(ERROR_SUCCESS);
  return la == GetLengthSid(b) && std::memcmp(a, b, la) == 0;
}

BOOL CopySid(DWORD destLength, PSID dest, PSID src) {
  if (!IsValidSid(src))
    return failWith(ERROR_INVALID_SID);
  DWORD len = GetLengthSid(src);
  if (!dest || destLength < len)
    return failWith(ERROR_INSUFFICIENT_BUFFER);
  std::memcpy(dest, src, len);
  return TRUE;
}

PDWORD GetSidSubAuthority(PSID p, DWORD n) {
  return reinterpret_cast<PDWORD>(static_cast<char *>(p) + 8 + 4 * n);
}

PUCHAR GetSidSubAuthorityCount(PSID p) { return &static_cast<SID *>(p)->SubAuthorityCount; }

BOOL LookupAccountSidW(LPCWSTR system, PSID sid, LPWSTR name, LPDWORD nameChars, LPWSTR domain,
                       LPDWORD domainChars, PSID_NAME_USE use) {
  if (system && *system)
    return failWith(ERROR_NOT_SUPPORTED); // no remote systems
  if (!nameChars || !domainChars)
    return failWith(ERROR_INVALID_PARAMETER);
  DWORD kind = 0, id = 0;
  if (!readUnixSid(sid, &kind, &id) || (kind != 1 && kind != 2))
    return failWith(ERROR_NONE_MAPPED);
  std::wstring n = rt::fromUtf8(kind == 1 ? rt::userName(id) : groupName(id));
  std::wstring d = kind == 1 ? L"Unix User" : L"Unix Group";
  DWORD needName = static_cast<DWORD>(n.size() + 1), needDomain = static_cast<DWORD>(d.size() + 1);
  if (!name || *nameChars < needName || !domain || *domainChars < needDomain) {
    *nameChars = needName;
    *domainChars = needDomain;
    return failWith(ERROR_INSUFFICIENT_BUFFER);
  }
  std::wmemcpy(name, n.c_str(), needName);
  std::wmemcpy(domain, d.c_str(), needDomain);
  *nameChars = needName - 1;
  *domainChars = needDomain - 1;
  if (use)
    *use = kind == 1 ? SidTypeUser : SidTypeGroup;
  return TRUE;
}

// ---- begins and ends ------------------------------------------------------------------

BOOL ImpRt_ImpersonateLoggedOnUser(const char *file, int line, HANDLE h) {
  auto tok = tokenFromHandle(h);
  DWORD err = 0;
  bool primary = tok && tok->token.type == rt::TokenType::Primary;
  if (!tok) {
    err = ERROR_INVALID_HANDLE;
  } else {
    DWORD need = TOKEN_QUERY | (primary ? TOKEN_DUPLICATE : TOKEN_IMPERSONATE);
    if ((tok->access & need) != need)
      err = ERROR_ACCESS_DENIED;
  }
  if (err) {
    monitor::recordBegin("ImpersonateLoggedOnUser", file, static_cast<unsigned>(line), false, err);
    return failWith(err);
  }
  rt::Level level = primary ? rt::Level::Impersonate : tok->token.level;
  err = beginImpersonation("ImpersonateLoggedOnUser", file, line,
                           impersonationCopy(tok->token, level));
  return err == 0 ? TRUE : failWith(err);
}

BOOL ImpRt_ImpersonateSelf(const char *file, int line, SECURITY_IMPERSONATION_LEVEL level) {
  if (level < SecurityAnonymous || level > SecurityDelegation) {
    monitor::recordBegin("ImpersonateSelf", file, static_cast<unsigned>(line), false,
                         ERROR_INVALID_PARAMETER);
    return failWith(ERROR_INVALID_PARAMETER);
  }
  DWORD err = beginImpersonation("ImpersonateSelf", file, line,
                                 impersonationCopy(rt::primaryToken(),
                                                   static_cast<rt::Level>(level)));
  return err == 0 ? TRUE : failWith(err);
}

BOOL ImpRt_ImpersonateAnonymousToken(const char *file, int line, HANDLE thread) {
  if (!isCurrentThreadHandle(thread)) {
    DWORD err = lookupHandle(thread) ? ERROR_NOT_SUPPORTED : ERROR_INVALID_HANDLE;
    monitor::recordBegin("ImpersonateAnonymousToken", file, static_cast<unsigned>(line), false, err);
    return failWith(err);
  }
  rt::Token anon = rt::accountToken("anonymous").value();
  DWORD err = beginImpersonation("ImpersonateAnonymousToken", file, line, anon);
  return err == 0 ? TRUE : failWith(err);
}

BOOL ImpRt_SetThreadToken(const char *file, int line, PHANDLE thread, HANDLE token) {
  bool current = !thread || isCurrentThreadHandle(*thread);
  if (!current) {
    // The hand-over: a suspended facade thread is given a token before it runs.
    if (!token)
      return failWith(ERROR_NOT_SUPPORTED);
    auto tok = tokenFromHandle(token);
    if (!tok)
      return failWith(ERROR_INVALID_HANDLE);
    if (tok->token.type != rt::TokenType::Impersonation)
      return failWith(ERROR_BAD_TOKEN_TYPE);
    if (!(tok->access & TOKEN_IMPERSONATE))
      return failWith(ERROR_ACCESS_DENIED);
    DWORD err = handOverToken(*thread, tok->token);
    return err == 0 ? TRUE : failWith(err);
  }
  if (!token) {
    endImpersonation("SetThreadToken", file, line);
    return TRUE;
  }
  auto tok = tokenFromHandle(token);
  DWORD err = 0;
  if (!tok)
    err = ERROR_INVALID_HANDLE;
  else if (tok->token.type != rt::TokenType::Impersonation)
    err = ERROR_BAD_TOKEN_TYPE;
  else if (!(tok->access & TOKEN_IMPERSONATE))
    err = ERROR_ACCESS_DENIED;
  if (err) {
    monitor::recordBegin("SetThreadToken", file, static_cast<unsigned>(line), false, err);
    return failWith(err);
  }
  err = beginImpersonation("SetThreadToken", file, line, tok->token);
  return err == 0 ? TRUE : failWith(err);
}

BOOL ImpRt_RevertToSelf(const char *file, int line) {
  endImpersonation("RevertToSelf", file, line); // aborts the process if it cannot revert
  return TRUE;
}

} // extern "C"
