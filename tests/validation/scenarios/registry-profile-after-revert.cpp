// Scenario for test-inputs/runnable/registry-profile-after-revert-{buggy,fixed}.c: the
// preferences server that opens the client-named profile key after RevertToSelf.
//
// Profiles are keys HKLM\Software\PayStub\Profiles\<name> owned by their user (mode 0700:
// only the owner may set values). alice sets her own MailTo (control), then bob's.
// Observed: bob's MailTo afterwards.
#include "Scenario.h"

#include <cwchar>

extern "C" int ImpScenario_ServiceMain(void);

using namespace impersonation::scenario;

namespace {

constexpr const wchar_t *kPipe = L"\\\\.\\pipe\\stubprefs";
constexpr DWORD kMagic = 0x46455250u;
constexpr const wchar_t *kProfiles = L"HKEY_LOCAL_MACHINE\\Software\\PayStub\\Profiles";

struct PrefRequest {
  DWORD magic;
  WCHAR profile[16];
  WCHAR value[64];
};

DWORD setMailTo(Scenario &s, const char *account, const wchar_t *profile, const wchar_t *value) {
  return s.asClient(account, [&] {
    DWORD status = ~0u;
    if (!WaitNamedPipeW(kPipe, 5000))
      return status;
    HANDLE pipe = CreateFileW(kPipe, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
                              SECURITY_SQOS_PRESENT | SECURITY_IMPERSONATION, NULL);
    if (pipe == INVALID_HANDLE_VALUE)
      return status;
    PrefRequest req = {};
    req.magic = kMagic;
    std::wcsncpy(req.profile, profile, 15);
    std::wcsncpy(req.value, value, 63);
    DWORD n = 0;
    if (!WriteFile(pipe, &req, sizeof(req), &n, NULL) ||
        !ReadFile(pipe, &status, sizeof(status), &n, NULL))
      status = ~0u;
    CloseHandle(pipe);
    return status;
  });
}

// A REG_SZ value, read as the service; empty when missing.
std::wstring mailTo(const wchar_t *profile) {
  std::wstring key = std::wstring(L"Software\\PayStub\\Profiles\\") + profile;
  WCHAR buf[128] = {};
  DWORD size = sizeof(buf);
  if (RegGetValueW(HKEY_LOCAL_MACHINE, key.c_str(), L"MailTo", RRF_RT_REG_SZ, NULL, buf,
                   &size) != ERROR_SUCCESS)
    return L"";
  return buf;
}

void key(Scenario &s, const char *owner, const std::wstring &name, mode_t mode) {
  uid_t uid = std::string_view(owner) == "root" ? 0 : Scenario::uidOf(owner);
  rt::Status st = rt::makeRegistryKey(name, uid, uid, mode);
  if (!st.ok())
    s.error("cannot make registry key: " + st.error().message);
}

void body(Scenario &s) {
  s.makeStub("alice", "2024-05");
  s.makeStub("bob", "2024-05");
  key(s, "root", kProfiles, 0755);
  key(s, "alice", std::wstring(kProfiles) + L"\\alice", 0700);
  key(s, "bob", std::wstring(kProfiles) + L"\\bob", 0700);
  const std::wstring bobsAddress = L"bob@payroll.example";
  rt::Status st = rt::setRegistryString(std::wstring(kProfiles) + L"\\bob", L"MailTo",
                                        bobsAddress, Scenario::uidOf("bob"),
                                        Scenario::uidOf("bob"), 0600);
  if (!st.ok())
    s.error("cannot set bob's MailTo: " + st.error().message);
  s.standardControls();
  s.startService(ImpScenario_ServiceMain);

  DWORD status = setMailTo(s, "alice", L"alice", L"alice@payroll.example");
  s.control(status == ERROR_SUCCESS && mailTo(L"alice") == L"alice@payroll.example",
            "alice sets the address of her own profile (status " + std::to_string(status) + ")");

  status = setMailTo(s, "alice", L"bob", L"alice@attacker.example");
  std::wstring now = mailTo(L"bob");
  if (now != bobsAddress)
    s.harm("alice changed the address bob's pay stubs are mailed to: bob's MailTo is now \"" +
           narrow(now) + "\" (status " + std::to_string(status) + ")");
  else
    s.observe("alice cannot change bob's profile (status " + std::to_string(status) +
              "); his MailTo is unchanged");
}

} // namespace

int main() { run("preferences: alice sets bob's profile", body); }
