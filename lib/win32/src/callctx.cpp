// RPC binding handles, COM call contexts and SSPI security contexts: each carries a
// client identity; the dispatch helpers run one call as one monitored request.
#include "facade.h"

using namespace impersonation::win32;
namespace rt = impersonation::rt;
namespace monitor = impersonation::monitor;

namespace {

// The calling thread's current RPC call and COM call.
struct CallContext {
  std::shared_ptr<BindingObject> rpc;
  bool inCom = false;
  std::optional<rt::Token> comClient;
};
thread_local CallContext t_call;

constexpr ULONG_PTR kSspiMagic = 0x53535049; // "SSPI"

std::shared_ptr<ContextObject> contextOf(PCtxtHandle h) {
  if (!h || h->dwUpper != kSspiMagic)
    return nullptr;
  return lookupAs<ContextObject>(reinterpret_cast<HANDLE>(h->dwLower), Kind::SspiContext);
}

// A token handle's identity for a binding, call or context; primary tokens act at
// Impersonate level. False if `h` is not NULL and not a token.
bool clientFrom(HANDLE h, std::optional<rt::Token> &out) {
  out.reset();
  if (!h)
    return true;
  auto tok = tokenFromHandle(h);
  if (!tok)
    return false;
  rt::Token t = tok->token;
  if (t.type == rt::TokenType::Primary) {
    t.type = rt::TokenType::Impersonation;
    t.level = rt::Level::Impersonate;
  }
  out = t;
  return true;
}

HRESULT hresultFromWin32(DWORD e) {
  return e == 0 ? S_OK : static_cast<HRESULT>((e & 0xFFFF) | (FACILITY_WIN32 << 16) | 0x80000000u);
}

} // namespace

extern "C" {

// ---- RPC --------------------------------------------------------------------------------

RPC_STATUS ImpRt_RpcImpersonateClient(const char *file, int line, RPC_BINDING_HANDLE binding) {
  std::shared_ptr<BindingObject> b;
  RPC_STATUS st = RPC_S_OK;
  if (!binding) {
    b = t_call.rpc;
    if (!b)
      st = RPC_S_NO_CALL_ACTIVE;
  } else {
    b = lookupAs<BindingObject>(binding, Kind::RpcBinding);
    if (!b)
      st = RPC_S_INVALID_BINDING;
  }
  if (st == RPC_S_OK && !b->client)
    st = RPC_S_NO_CONTEXT_AVAILABLE; // an unauthenticated binding carries nobody
  if (st != RPC_S_OK) {
    monitor::recordBegin("RpcImpersonateClient", file, static_cast<unsigned>(line), false,
                         static_cast<uint32_t>(st));
    return st;
  }
  DWORD err = beginImpersonation("RpcImpersonateClient", file, line, *b->client);
  return static_cast<RPC_STATUS>(err);
}

RPC_STATUS ImpRt_RpcRevertToSelf(const char *file, int line) {
  if (!t_call.rpc) {
    monitor::recordEnd("RpcRevertToSelf", file, static_cast<unsigned>(line), false,
                       RPC_S_NO_CALL_ACTIVE);
    return RPC_S_NO_CALL_ACTIVE;
  }
  endImpersonation("RpcRevertToSelf", file, line);
  return RPC_S_OK;
}

RPC_STATUS ImpRt_RpcRevertToSelfEx(const char *file, int line, RPC_BINDING_HANDLE binding) {
  if (!binding)
    return ImpRt_RpcRevertToSelf(file, line);
  if (!lookupAs<BindingObject>(binding, Kind::RpcBinding)) {
    monitor::recordEnd("RpcRevertToSelfEx", file, static_cast<unsigned>(line), false,
                       RPC_S_INVALID_BINDING);
    return RPC_S_INVALID_BINDING;
  }
  endImpersonation("RpcRevertToSelfEx", file, line);
  return RPC_S_OK;
}

RPC_STATUS ImpRt_RpcDispatch(const char *label, HANDLE clientToken, const void *args,
                             size_t argsSize, ImpRt_RpcRoutine routine, void *context) {
  auto b = std::make_shared<BindingObject>();
  if (!routine || !clientFrom(clientToken, b->client))
    return RPC_S_INVALID_ARG;
  HANDLE h = insertHandle(b);
  monitor::beginRequest(label ? label : "rpc");
  monitor::addClientBytes(args, argsSize);
  std::shared_ptr<BindingObject> saved = t_call.rpc;
  t_call.rpc = b;
  routine(h, context);
  t_call.rpc = saved;
  // No revert here: the RPC runtime does not undo a manager routine's impersonation.
  monitor::endRequest();
  removeHandle(h);
  return RPC_S_OK;
}

// ---- COM --------------------------------------------------------------------------------

HRESULT ImpRt_CoImpersonateClient(const char *file, int line) {
  HRESULT hr = S_OK;
  if (!t_call.inCom)
    hr = RPC_E_CALL_COMPLETE;
  else if (!t_call.comClient)
    hr = hresultFromWin32(ERROR_CANNOT_IMPERSONATE);
  if (FAILED(hr)) {
    monitor::recordBegin("CoImpersonateClient", file, static_cast<unsigned>(line), false,
                         static_cast<uint32_t>(hr));
    return hr;
  }
  rt::Status s = rt::impersonate(*t_call.comClient,
                                 rt::Site{"CoImpersonateClient", file, static_cast<unsigned>(line)});
  hr = s.ok() ? S_OK : hresultFromWin32(s.error().code);
  monitor::recordBegin("CoImpersonateClient", file, static_cast<unsigned>(line), s.ok(),
                       static_cast<uint32_t>(hr));
  return hr;
}

HRESULT ImpRt_CoRevertToSelf(const char *file, int line) {
  if (!t_call.inCom) {
    monitor::recordEnd("CoRevertToSelf", file, static_cast<unsigned>(line), false,
                       static_cast<uint32_t>(RPC_E_CALL_COMPLETE));
    return RPC_E_CALL_COMPLETE;
  }
  endImpersonation("CoRevertToSelf", file, line);
  return S_OK;
}

HRESULT ImpRt_ComDispatch(const char *label, HANDLE clientToken, const void *args,
                          size_t argsSize, ImpRt_ComRoutine routine, void *context) {
  std::optional<rt::Token> client;
  if (!routine || !clientFrom(clientToken, client))
    return E_INVALIDARG;
  monitor::beginRequest(label ? label : "com");
  monitor::addClientBytes(args, argsSize);
  CallContext saved = t_call;
  t_call.inCom = true;
  t_call.comClient = client;
  HRESULT hr = routine(context);
  // COM reverts an impersonation CoImpersonateClient left in force when the call returns.
  if (std::optional<rt::ThreadToken> t = rt::threadToken();
      t && t->site.api && std::string(t->site.api) == "CoImpersonateClient") {
    rt::revert();
    monitor::recordEnd("CoRevertToSelf (end of call)", nullptr, 0, true, 0);
  }
  t_call = saved;
  monitor::endRequest();
  return hr;
}

// ---- SSPI -------------------------------------------------------------------------------

SECURITY_STATUS ImpRt_ImpersonateSecurityContext(const char *file, int line, PCtxtHandle ctx) {
  auto c = contextOf(ctx);
  SECURITY_STATUS st = SEC_E_OK;
  if (!c)
    st = SEC_E_INVALID_HANDLE;
  else if (!c->client)
    st = SEC_E_NO_IMPERSONATION;
  if (st != SEC_E_OK) {
    monitor::recordBegin("ImpersonateSecurityContext", file, static_cast<unsigned>(line), false,
                         static_cast<uint32_t>(st));
    return st;
  }
  DWORD err = beginImpersonation("ImpersonateSecurityContext", file, line, *c->client);
  return err == 0 ? SEC_E_OK : SEC_E_INTERNAL_ERROR;
}

SECURITY_STATUS ImpRt_RevertSecurityContext(const char *file, int line, PCtxtHandle ctx) {
  if (!contextOf(ctx)) {
    monitor::recordEnd("RevertSecurityContext", file, static_cast<unsigned>(line), false,
                       static_cast<uint32_t>(SEC_E_INVALID_HANDLE));
    return SEC_E_INVALID_HANDLE;
  }
  endImpersonation("RevertSecurityContext", file, line);
  return SEC_E_OK;
}

SECURITY_STATUS DeleteSecurityContext(PCtxtHandle ctx) {
  if (!contextOf(ctx))
    return SEC_E_INVALID_HANDLE;
  removeHandle(reinterpret_cast<HANDLE>(ctx->dwLower));
  return SEC_E_OK;
}

SECURITY_STATUS QuerySecurityContextToken(PCtxtHandle ctx, void **token) {
  auto c = contextOf(ctx);
  if (!c)
    return SEC_E_INVALID_HANDLE;
  if (!token)
    return SEC_E_INTERNAL_ERROR;
  if (!c->client)
    return SEC_E_NO_IMPERSONATION;
  *token = insertHandle(std::make_shared<TokenObject>(*c->client, TOKEN_ALL_ACCESS));
  return SEC_E_OK;
}

SECURITY_STATUS ImpRt_SspiCreateContext(HANDLE clientToken, PCtxtHandle ctx) {
  if (!ctx)
    return SEC_E_INTERNAL_ERROR;
  auto c = std::make_shared<ContextObject>();
  if (!clientFrom(clientToken, c->client))
    return SEC_E_INVALID_TOKEN;
  ctx->dwLower = reinterpret_cast<ULONG_PTR>(insertHandle(std::move(c)));
  ctx->dwUpper = kSspiMagic;
  return SEC_E_OK;
}

SECURITY_STATUS ImpRt_SspiDispatch(const char *label, HANDLE clientToken, const void *args,
                                   size_t argsSize, ImpRt_SspiRoutine routine, void *userCtx) {
  if (!routine)
    return SEC_E_INTERNAL_ERROR;
  CtxtHandle ctx;
  if (SECURITY_STATUS st = ImpRt_SspiCreateContext(clientToken, &ctx); st != SEC_E_OK)
    return st;
  monitor::beginRequest(label ? label : "sspi");
  monitor::addClientBytes(args, argsSize);
  routine(&ctx, userCtx);
  monitor::endRequest();
  DeleteSecurityContext(&ctx);
  return SEC_E_OK;
}

} // extern "C"
