// strsafe.h, shlwapi.h and sddl.h: string and path helpers with Windows' semantics.
#include "facade.h"

#include <cstdarg>
#include <cstring>
#include <cwchar>
#include <sddl.h>
#include <shlwapi.h>
#include <strsafe.h>

using namespace impersonation::win32;
namespace rt = impersonation::rt;

namespace {

bool validCch(size_t cch) { return cch > 0 && cch <= STRSAFE_MAX_CCH; }

template <class C> HRESULT copyN(C *dest, size_t cch, const C *src, size_t maxSrc) {
  if (!validCch(cch) || !dest)
    return STRSAFE_E_INVALID_PARAMETER;
  if (!src)
    src = reinterpret_cast<const C *>(L"\0\0\0\0");
  size_t i = 0;
  while (i + 1 < cch && i < maxSrc && src[i])
    dest[i] = src[i], ++i;
  dest[i] = 0;
  bool truncated = i < maxSrc && src[i] != 0;
  return truncated ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;
}

template <class C> HRESULT cat(C *dest, size_t cch, const C *src) {
  if (!validCch(cch) || !dest)
    return STRSAFE_E_INVALID_PARAMETER;
  size_t have = 0;
  while (have < cch && dest[have])
    ++have;
  if (have == cch)
    return STRSAFE_E_INVALID_PARAMETER; // no terminator within the buffer
  return copyN(dest + have, cch - have, src, static_cast<size_t>(-1));
}

// Windows printf formats -> the C library's. In wide functions %s/%c are wide and %S/%C
// narrow; in narrow ones the reverse. %ws is wide, %hs narrow, and 'l' on integers is
// 32-bit (Windows' long); I64 is 64-bit.
std::string translateFormat(std::string_view fmt, bool wideDefault) {
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    out += c;
    if (c != '%')
      continue;
    if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    ++i;
    while (i < fmt.size() && std::strchr("-+ #0", fmt[i]))
      out += fmt[i++];
    while (i < fmt.size() && (std::isdigit(static_cast<unsigned char>(fmt[i])) || fmt[i] == '*' || fmt[i] == '.'))
      out += fmt[i++];
    std::string len;
    while (i < fmt.size() && std::strchr("hlwLIqjzt0123456789", fmt[i])) {
      if (fmt[i] == 'I' && fmt.compare(i, 3, "I64") == 0) { len += "I64"; i += 3; continue; }
      if (fmt[i] == 'I' && fmt.compare(i, 3, "I32") == 0) { len += "I32"; i += 3; continue; }
      if (std::isdigit(static_cast<unsigned char>(fmt[i])))
        break;
      len += fmt[i++];
    }
    if (i >= fmt.size())
      break;
    char conv = fmt[i];
    switch (conv) {
    case 's': case 'c': {
      bool wideArg = len == "l" || len == "w" || (len.empty() && wideDefault);
      out += wideArg ? "l" : "";
      out += conv;
      break;
    }
    case 'S': case 'C': {
      bool wideArg = len == "l" || len == "w" || (len.empty() && !wideDefault);
      out += wideArg ? "l" : "";
      out += static_cast<char>(conv == 'S' ? 's' : 'c');
      break;
    }
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
      if (len == "I64" || len == "ll" || len == "q") out += "ll";
      else if (len == "I") out += "z";
      else if (len == "h" || len == "hh" || len == "j" || len == "z" || len == "t") out += len;
      out += conv;
      break;
    default:
      if (len != "I64" && len != "I32" && len != "I" && len != "w")
        out += len;
      out += conv;
    }
  }
  return out;
}

HRESULT formatWide(LPWSTR dest, size_t cch, LPCWSTR fmt, va_list args) {
  if (!validCch(cch) || !dest || !fmt)
    return STRSAFE_E_INVALID_PARAMETER;
  std::wstring wf = rt::fromUtf8(translateFormat(rt::toUtf8(fmt), true));
  std::wstring buf(256, L'\0');
  for (;;) {
    va_list copy;
    va_copy(copy, args);
    int n = std::vswprintf(buf.data(), buf.size(), wf.c_str(), copy);
    va_end(copy);
    if (n >= 0) {
      buf.resize(static_cast<size_t>(n));
      break;
    }
    if (buf.size() >= (1u << 24)) {
      dest[0] = 0;
      return STRSAFE_E_INVALID_PARAMETER; // an encoding error, not a length
    }
    buf.resize(buf.size() * 4);
  }
  return copyN(dest, cch, buf.c_str(), buf.size());
}

HRESULT formatNarrow(LPSTR dest, size_t cch, LPCSTR fmt, va_list args) {
  if (!validCch(cch) || !dest || !fmt)
    return STRSAFE_E_INVALID_PARAMETER;
  std::string f = translateFormat(fmt, false);
  va_list copy;
  va_copy(copy, args);
  int n = std::vsnprintf(nullptr, 0, f.c_str(), copy);
  va_end(copy);
  if (n < 0) {
    dest[0] = 0;
    return STRSAFE_E_INVALID_PARAMETER;
  }
  std::string buf(static_cast<size_t>(n) + 1, '\0');
  std::vsnprintf(buf.data(), buf.size(), f.c_str(), args);
  return copyN(dest, cch, buf.c_str(), static_cast<size_t>(n));
}

// Lexical "." and ".." removal below the path's root ("X:\", "\\server\share\", "\").
std::wstring canonical(const std::wstring &path) {
  std::wstring root, rest = path;
  if (rest.size() >= 2 && rest[1] == L':') {
    root = rest.substr(0, 2);
    rest = rest.substr(2);
    if (!rest.empty() && rest[0] == L'\\') {
      root += L'\\';
      rest = rest.substr(1);
    }
  } else if (rest.rfind(L"\\\\", 0) == 0) {
    size_t server = rest.find(L'\\', 2);
    size_t share = server == std::wstring::npos ? server : rest.find(L'\\', server + 1);
    root = share == std::wstring::npos ? rest : rest.substr(0, share + 1);
    rest = share == std::wstring::npos ? L"" : rest.substr(share + 1);
  } else if (!rest.empty() && rest[0] == L'\\') {
    root = L"\\";
    rest = rest.substr(1);
  }
  std::vector<std::wstring> parts;
  size_t start = 0;
  bool trailing = !rest.empty() && rest.back() == L'\\';
  while (start <= rest.size()) {
    size_t end = rest.find(L'\\', start);
    if (end == std::wstring::npos)
      end = rest.size();
    std::wstring part = rest.substr(start, end - start);
    if (part == L"..") {
      if (!parts.empty())
        parts.pop_back();
    } else if (!part.empty() && part != L".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::wstring out = root;
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i ? L"\\" : L"") + parts[i];
  if (trailing && !parts.empty())
    out += L'\\';
  return out;
}

bool putPath(LPWSTR dest, const std::wstring &s) {
  if (s.size() >= MAX_PATH) {
    dest[0] = 0;
    return false;
  }
  std::wmemcpy(dest, s.c_str(), s.size() + 1);
  return true;
}

bool hasDrive(const std::wstring &p) { return p.size() >= 2 && p[1] == L':'; }

} // namespace

extern "C" {

HRESULT StringCchCopyW(LPWSTR d, size_t cch, LPCWSTR s) { return copyN(d, cch, s, static_cast<size_t>(-1)); }
HRESULT StringCchCopyA(LPSTR d, size_t cch, LPCSTR s) { return copyN(d, cch, s ? s : "", static_cast<size_t>(-1)); }
HRESULT StringCchCopyNW(LPWSTR d, size_t cch, LPCWSTR s, size_t n) { return copyN(d, cch, s, n); }
HRESULT StringCchCatW(LPWSTR d, size_t cch, LPCWSTR s) { return cat(d, cch, s ? s : L""); }
HRESULT StringCchCatA(LPSTR d, size_t cch, LPCSTR s) { return cat(d, cch, s ? s : ""); }
HRESULT StringCbCopyW(LPWSTR d, size_t cb, LPCWSTR s) { return StringCchCopyW(d, cb / sizeof(WCHAR), s); }
HRESULT StringCbCatW(LPWSTR d, size_t cb, LPCWSTR s) { return StringCchCatW(d, cb / sizeof(WCHAR), s); }

HRESULT StringCchLengthW(LPCWSTR s, size_t max, size_t *len) {
  if (!s || !validCch(max)) {
    if (len) *len = 0;
    return STRSAFE_E_INVALID_PARAMETER;
  }
  size_t n = wcsnlen(s, max);
  if (len) *len = n == max ? 0 : n;
  return n == max ? STRSAFE_E_INVALID_PARAMETER : S_OK;
}

HRESULT StringCchLengthA(LPCSTR s, size_t max, size_t *len) {
  if (!s || !validCch(max)) {
    if (len) *len = 0;
    return STRSAFE_E_INVALID_PARAMETER;
  }
  size_t n = strnlen(s, max);
  if (len) *len = n == max ? 0 : n;
  return n == max ? STRSAFE_E_INVALID_PARAMETER : S_OK;
}

HRESULT StringCchVPrintfW(LPWSTR d, size_t cch, LPCWSTR fmt, va_list args) {
  return formatWide(d, cch, fmt, args);
}

HRESULT StringCchPrintfW(LPWSTR d, size_t cch, LPCWSTR fmt, ...) {
  va_list args;
  va_start(args, fmt);
  HRESULT hr = formatWide(d, cch, fmt, args);
  va_end(args);
  return hr;
}

HRESULT StringCbPrintfW(LPWSTR d, size_t cb, LPCWSTR fmt, ...) {
  va_list args;
  va_start(args, fmt);
  HRESULT hr = formatWide(d, cb / sizeof(WCHAR), fmt, args);
  va_end(args);
  return hr;
}

HRESULT StringCchPrintfA(LPSTR d, size_t cch, LPCSTR fmt, ...) {
  va_list args;
  va_start(args, fmt);
  HRESULT hr = formatNarrow(d, cch, fmt, args);
  va_end(args);
  return hr;
}

BOOL PathCanonicalizeW(LPWSTR buf, LPCWSTR path) {
  if (!buf || !path)
    return failWith(ERROR_INVALID_PARAMETER);
  return putPath(buf, canonical(path)) ? TRUE : failWith(ERROR_FILENAME_EXCED_RANGE);
}

LPWSTR PathCombineW(LPWSTR dest, LPCWSTR dir, LPCWSTR file) {
  if (!dest)
    return nullptr;
  std::wstring d = dir ? dir : L"", f = file ? file : L"";
  if (!dir && !file) {
    dest[0] = 0;
    return nullptr;
  }
  std::wstring combined;
  if (f.empty()) {
    combined = d;
  } else if (d.empty() || hasDrive(f) || f.rfind(L"\\\\", 0) == 0) {
    combined = f;
  } else if (f[0] == L'\\') {
    combined = (hasDrive(d) ? d.substr(0, 2) : L"") + f; // the root of dir's drive
  } else {
    combined = d + (d.back() == L'\\' ? L"" : L"\\") + f;
  }
  return putPath(dest, canonical(combined)) ? dest : nullptr;
}

BOOL PathAppendW(LPWSTR path, LPCWSTR more) {
  if (!path || !more)
    return FALSE;
  while (*more == L'\\' && more[1] != L'\\') // "\x" is appended, not taken as a root
    ++more;
  WCHAR buf[MAX_PATH];
  if (!PathCombineW(buf, path, more))
    return FALSE;
  std::wmemcpy(path, buf, std::wcslen(buf) + 1);
  return TRUE;
}

LPWSTR PathFindFileNameW(LPCWSTR path) {
  if (!path)
    return nullptr;
  LPCWSTR name = path;
  for (LPCWSTR p = path; *p; ++p)
    if ((*p == L'\\' || *p == L'/' || *p == L':') && p[1])
      name = p + 1;
  return const_cast<LPWSTR>(name);
}

LPWSTR PathFindExtensionW(LPCWSTR path) {
  if (!path)
    return nullptr;
  LPCWSTR dot = nullptr, p = path;
  for (; *p; ++p) {
    if (*p == L'\\' || *p == L' ')
      dot = nullptr;
    else if (*p == L'.')
      dot = p;
  }
  return const_cast<LPWSTR>(dot ? dot : p);
}

BOOL PathIsRelativeW(LPCWSTR path) {
  if (!path || !*path)
    return TRUE;
  return !(path[0] == L'\\' || (path[0] && path[1] == L':'));
}

BOOL PathRemoveFileSpecW(LPWSTR path) {
  if (!path || !*path)
    return FALSE;
  LPWSTR name = PathFindFileNameW(path);
  if (name == path) {
    if (path[0] == L'\\' && path[1] == 0)
      return FALSE;
    path[0] = 0;
    return TRUE;
  }
  LPWSTR cut = name;
  // Keep the root's backslash ("C:\" and "\"), drop the separator otherwise.
  if (cut > path && cut[-1] == L'\\' && !(cut - 1 == path) &&
      !(cut - 1 > path && cut[-2] == L':'))
    --cut;
  bool changed = *cut != 0;
  *cut = 0;
  return changed;
}

BOOL ConvertSidToStringSidW(PSID sid, LPWSTR *out) {
  if (!out || !IsValidSid(sid))
    return failWith(ERROR_INVALID_SID);
  const SID *s = static_cast<const SID *>(sid);
  uint64_t authority = 0;
  for (int i = 0; i < 6; ++i)
    authority = (authority << 8) | s->IdentifierAuthority.Value[i];
  std::wstring text = L"S-" + std::to_wstring(s->Revision) + L"-" + std::to_wstring(authority);
  for (DWORD i = 0; i < s->SubAuthorityCount; ++i)
    text += L"-" + std::to_wstring(*GetSidSubAuthority(sid, i));
  auto *buf = static_cast<LPWSTR>(LocalAlloc(LMEM_FIXED, (text.size() + 1) * sizeof(WCHAR)));
  if (!buf)
    return FALSE;
  std::wmemcpy(buf, text.c_str(), text.size() + 1);
  *out = buf;
  return TRUE;
}

BOOL ConvertSidToStringSidA(PSID sid, LPSTR *out) {
  LPWSTR w = nullptr;
  if (!out || !ConvertSidToStringSidW(sid, &w))
    return FALSE;
  std::string s = rt::toUtf8(w);
  LocalFree(w);
  auto *buf = static_cast<LPSTR>(LocalAlloc(LMEM_FIXED, s.size() + 1));
  if (!buf)
    return FALSE;
  std::memcpy(buf, s.c_str(), s.size() + 1);
  *out = buf;
  return TRUE;
}

} // extern "C"
