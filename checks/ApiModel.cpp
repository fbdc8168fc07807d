#include "ApiModel.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::impersonation {

std::optional<Convention> parseConvention(llvm::StringRef Text) {
  return llvm::StringSwitch<std::optional<Convention>>(Text.trim().upper())
      .Cases({"BOOL", "BOOLEAN"}, Convention::Bool)
      .Case("RPC_STATUS", Convention::RpcStatus)
      .Case("HRESULT", Convention::HResult)
      .Case("SECURITY_STATUS", Convention::SecurityStatus)
      .Case("NTSTATUS", Convention::NtStatus)
      .Cases({"WIN32_ERROR", "DWORD", "LSTATUS"}, Convention::Win32Error)
      .Case("VOID", Convention::Void)
      .Case("POINTER", Convention::Pointer)
      .Default(std::nullopt);
}

llvm::StringRef conventionName(Convention C) {
  switch (C) {
  case Convention::Bool: return "BOOL";
  case Convention::RpcStatus: return "RPC_STATUS";
  case Convention::HResult: return "HRESULT";
  case Convention::SecurityStatus: return "SECURITY_STATUS";
  case Convention::NtStatus: return "NTSTATUS";
  case Convention::Win32Error: return "WIN32_ERROR";
  case Convention::Void: return "VOID";
  case Convention::Pointer: return "POINTER";
  }
  return "BOOL";
}

Convention conventionFromReturnType(QualType T) {
  // Walk the typedef chain: HRESULT is a typedef of LONG, and the outermost name that is
  // a known convention decides.
  while (const auto *TT = T->getAs<TypedefType>()) {
    if (auto C = parseConvention(TT->getDecl()->getName());
        C && *C != Convention::Bool && *C != Convention::Win32Error)
      return *C;
    if (TT->getDecl()->getName() == "BOOL" || TT->getDecl()->getName() == "BOOLEAN")
      return Convention::Bool;
    if (TT->getDecl()->getName() == "DWORD" || TT->getDecl()->getName() == "LSTATUS")
      return Convention::Win32Error;
    T = TT->desugar();
  }
  if (T->isVoidType())
    return Convention::Void;
  if (T->isPointerType())
    return Convention::Pointer;
  return Convention::Bool;
}

const std::vector<ApiEntry> &builtinApis() {
  static const std::vector<ApiEntry> Rows = [] {
    std::vector<ApiEntry> R;
#define IMPERSONATION_API(Name, Role, Conv, Identity, Family, ThreadArg, ThreadNullV,      \
                          TokenArg)                                                       \
  R.push_back({#Name, ApiRole::Role, Convention::Conv, IdentityKind::Identity,              \
               ApiFamily::Family, ThreadArg, ThreadNull::ThreadNullV, TokenArg});
#define IMPERSONATION_COM_METHOD(Interface, Method, Role, Conv, Identity)                  \
  R.push_back({#Interface "::" #Method, ApiRole::Role, Convention::Conv,                    \
               IdentityKind::Identity, ApiFamily::Com, -1, ThreadNull::NullIsOther, -1});
#include "ApiModel.def"
    return R;
  }();
  return Rows;
}

std::string defaultNeutralFunctions() {
  std::string Out;
  for (const ApiEntry &E : builtinApis())
    if (E.Role == ApiRole::Neutral)
      Out += (Out.empty() ? "" : ";") + E.Name;
  return Out;
}

// Quotes that YAML or a shell left around a value or an item are not part of a name.
static llvm::StringRef unquote(llvm::StringRef S) {
  S = S.trim();
  while (S.size() >= 2 && (S.front() == '\'' || S.front() == '"') && S.back() == S.front())
    S = S.drop_front().drop_back().trim();
  return S;
}

static llvm::SmallVector<llvm::StringRef, 8> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts, Out;
  unquote(List).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    if (!unquote(P).empty())
      Out.push_back(unquote(P));
  return Out;
}

static std::string normalizeName(llvm::StringRef Name) {
  Name.consume_front("::");
  return Name.str();
}

ApiModel::ApiModel(llvm::StringRef BeginFunctions, llvm::StringRef EndFunctions,
                   llvm::StringRef NeutralFunctions) {
  for (const ApiEntry &E : builtinApis()) {
    if (E.Role == ApiRole::Neutral)
      continue;
    llvm::StringRef Name(E.Name);
    if (auto Pos = Name.find("::"); Pos != llvm::StringRef::npos)
      ComMethods[Name.substr(Pos + 2)] = E;
    else
      Builtin[Name] = E;
  }
#define IMPERSONATION_OPERATION(Name, Kind, NameArg, NameArg2)                                 \
  Operations[#Name] = OperationEntry{#Name, OperationKind::Kind, NameArg, NameArg2};
#define IMPERSONATION_STD_OPERATION(Name, Kind, NameArg, NameArg2)                             \
  StdOperations[#Name] = OperationEntry{"std::" #Name, OperationKind::Kind, NameArg, NameArg2};
#define IMPERSONATION_CLIENT_SOURCE(Name, HandleArg, BufferArg)                                \
  Sources[#Name] = ClientSourceEntry{#Name, HandleArg, BufferArg};
#define IMPERSONATION_PROPAGATION(Name, Effect, DestArg, First, Last)                          \
  Propagations[#Name] =                                                                        \
      PropagationEntry{#Name, std::string_view(#Effect) == "Overwrite", DestArg, First, Last};
#define IMPERSONATION_HANDOVER(Name, FlagsArg, Flag)                                           \
  Handovers[#Name] = HandoverEntry{#Name, FlagsArg, Flag};
#define IMPERSONATION_ACCESS_CHECK(Name, TokenArg, VerdictArg)                                 \
  AccessChecks[#Name] = AccessCheckEntry{#Name, TokenArg, VerdictArg};
#define IMPERSONATION_IDENTITY_OBJECT(Name) IdentityObjects[#Name] = true;
#include "ApiModel.def"
  for (llvm::StringRef Item : splitList(BeginFunctions)) {
    // 'Name' or 'Name:CONVENTION'; a qualified name has '::' of its own.
    llvm::StringRef Name = Item;
    std::optional<Convention> C;
    size_t Colon = Item.rfind(':');
    if (Colon != llvm::StringRef::npos && Colon > 0 && Item[Colon - 1] != ':') {
      Name = Item.take_front(Colon).trim();
      llvm::StringRef Conv = Item.drop_front(Colon + 1).trim();
      C = parseConvention(Conv);
      if (!C) {
        Errors.push_back(("unknown success convention '" + Conv +
                          "' in BeginFunctions entry '" + Item +
                          "' (expected BOOL, RPC_STATUS, HRESULT, SECURITY_STATUS, NTSTATUS, "
                          "WIN32_ERROR or VOID)")
                             .str());
        continue;
      }
    }
    ApiEntry E{normalizeName(Name), ApiRole::Begin, C.value_or(Convention::Bool),
               IdentityKind::Client, ApiFamily::User, -1, ThreadNull::NullIsOther, -1};
    // An omitted convention is taken from the declaration's return type at lookup.
    E.ConventionFromDecl = !C;
    UserByName[E.Name] = E;
  }
  for (llvm::StringRef Item : splitList(EndFunctions))
    UserByName[normalizeName(Item)] = ApiEntry{normalizeName(Item), ApiRole::End,
                                               Convention::Void, IdentityKind::Client,
                                               ApiFamily::User, -1, ThreadNull::NullIsOther,
                                               -1};
  for (llvm::StringRef Item : splitList(NeutralFunctions))
    Neutral[normalizeName(Item)] = true;
}

std::optional<std::string> ApiModel::annotation(const Decl *D, llvm::StringRef Which,
                                                std::string *Argument) {
  for (const Decl *R : D->redecls()) {
    for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
      llvm::StringRef Text = A->getAnnotation();
      if (!Text.consume_front("impersonation::") || Text != Which)
        continue;
      if (Argument && A->args_size() > 0) {
        if (const auto *SL = dyn_cast<StringLiteral>((*A->args_begin())->IgnoreParenImpCasts()))
          *Argument = SL->getString().str();
      }
      return Text.str();
    }
  }
  return std::nullopt;
}

// A Win32 API is declared at global scope (or extern "C" at global scope) and is not a
// function the translation unit defines outside system headers.
static bool isSystemApiDecl(const FunctionDecl *FD) {
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit())
    return false;
  if (isa<CXXMethodDecl>(FD))
    return false;
  if (const FunctionDecl *Def = FD->getDefinition()) {
    const SourceManager &SM = FD->getASTContext().getSourceManager();
    if (!SM.isInSystemHeader(Def->getLocation()))
      return false;
  }
  return true;
}

const ApiEntry *ApiModel::lookupFunction(const FunctionDecl *FD) const {
  FD = FD->getCanonicalDecl();
  auto [It, New] = FunctionCache.try_emplace(FD, nullptr);
  if (!New)
    return It->second;
  const ApiEntry *E = classify(FD);
  FunctionCache[FD] = E;
  return E;
}

const ApiEntry *ApiModel::classify(const FunctionDecl *FD) const {
  std::string Arg;
  if (annotation(FD, "begin", &Arg)) {
    auto E = std::make_unique<ApiEntry>(ApiEntry{
        FD->getNameAsString(), ApiRole::Begin,
        parseConvention(Arg).value_or(conventionFromReturnType(FD->getReturnType())),
        IdentityKind::Client, ApiFamily::User, -1, ThreadNull::NullIsOther, -1});
    return (Annotated[FD] = std::move(E)).get();
  }
  if (annotation(FD, "end")) {
    auto E = std::make_unique<ApiEntry>(ApiEntry{FD->getNameAsString(), ApiRole::End,
                                                 Convention::Void, IdentityKind::Client,
                                                 ApiFamily::User, -1, ThreadNull::NullIsOther,
                                                 -1});
    return (Annotated[FD] = std::move(E)).get();
  }
  if (!UserByName.empty() && FD->getIdentifier()) {
    auto It = UserByName.find(FD->getQualifiedNameAsString());
    if (It != UserByName.end()) {
      if (It->second.ConventionFromDecl) {
        auto E = std::make_unique<ApiEntry>(It->second);
        E->ConventionFromDecl = false;
        E->Conv = conventionFromReturnType(FD->getReturnType());
        return (Annotated[FD] = std::move(E)).get();
      }
      return &It->second;
    }
  }
  if (!FD->getIdentifier())
    return nullptr;
  auto It = Builtin.find(FD->getName());
  if (It == Builtin.end() || !isSystemApiDecl(FD))
    return nullptr;
  return &It->second;
}

static bool derivesFromInterface(const CXXRecordDecl *RD, llvm::StringRef Interface) {
  if (!RD || !RD->hasDefinition())
    return RD && RD->getName() == Interface;
  if (RD->getName() == Interface && RD->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (derivesFromInterface(B.getType()->getAsCXXRecordDecl(), Interface))
      return true;
  return false;
}

const ApiEntry *ApiModel::lookupComMethod(const CallExpr *Call) const {
  if (ComMethods.empty())
    return nullptr;
  // C++: pServerSecurity->ImpersonateClient().
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return nullptr;
    auto It = ComMethods.find(MD->getName());
    if (It == ComMethods.end())
      return nullptr;
    llvm::StringRef Interface = llvm::StringRef(It->second.Name).split("::").first;
    // The method must be the interface's own (possibly overridden) declaration.
    for (const CXXMethodDecl *O : MD->overridden_methods())
      if (derivesFromInterface(O->getParent(), Interface))
        return &It->second;
    return derivesFromInterface(MD->getParent(), Interface) ? &It->second : nullptr;
  }
  // C: This->lpVtbl->ImpersonateClient(This), a call through a function-pointer field of
  // the interface's vtable struct.
  const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!ME)
    return nullptr;
  const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!FD || !FD->getIdentifier())
    return nullptr;
  auto It = ComMethods.find(FD->getName());
  if (It == ComMethods.end())
    return nullptr;
  llvm::StringRef Interface = llvm::StringRef(It->second.Name).split("::").first;
  const RecordDecl *RD = FD->getParent();
  if (RD->getName() == (Interface + "Vtbl").str())
    return &It->second;
  return nullptr;
}

const ApiEntry *ApiModel::lookup(const CallExpr *Call) const {
  if (const ApiEntry *E = lookupComMethod(Call))
    return E;
  if (isa<CXXMemberCallExpr>(Call)) {
    // A user's method that happens to share a Win32 name is never the API, but methods
    // named in options or annotated are.
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return nullptr;
    const ApiEntry *E = lookupFunction(FD);
    return E && E->Family == ApiFamily::User ? E : nullptr;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return nullptr;
  return lookupFunction(FD);
}

bool ApiModel::isNeutral(const FunctionDecl *FD) const {
  if (!FD->getIdentifier())
    return false;
  FD = FD->getCanonicalDecl();
  auto [It, New] = NeutralCache.try_emplace(FD, false);
  if (New)
    It->second = Neutral.count(FD->getName()) || Neutral.count(FD->getQualifiedNameAsString());
  return It->second;
}

template <typename T>
const T *ApiModel::systemRow(const llvm::StringMap<T> &Table, const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier() || isa<CXXMethodDecl>(FD))
    return nullptr;
  auto It = Table.find(FD->getName());
  if (It == Table.end() || !isSystemApiDecl(FD))
    return nullptr;
  return &It->second;
}

std::string ApiModel::stdName(const NamedDecl *D) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  const DeclContext *DC = D->getDeclContext();
  if (!D->getIdentifier() && !isa<CXXConstructorDecl>(D))
    return "";
  Parts.push_back(isa<CXXConstructorDecl>(D) ? cast<CXXConstructorDecl>(D)->getParent()->getName()
                                             : D->getName());
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      if (NS->getName() == "std" && NS->getParent()->getRedeclContext()->isTranslationUnit()) {
        std::string Out;
        for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
          Out += (Out.empty() ? "" : "::") + It->str();
        return Out;
      }
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName());
    } else if (!isa<LinkageSpecDecl>(DC)) {
      return "";
    }
  }
  return "";
}

const OperationEntry *ApiModel::operation(const Expr *E) const {
  const FunctionDecl *FD = nullptr;
  if (const auto *C = dyn_cast<CallExpr>(E))
    FD = C->getDirectCallee();
  else if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    FD = C->getConstructor();
  if (!FD)
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto [It, New] = OperationCache.try_emplace(FD, nullptr);
  if (!New)
    return It->second;
  const OperationEntry *Row = systemRow(Operations, FD);
  if (!Row && !StdOperations.empty()) {
    if (auto S = StdOperations.find(stdName(FD)); S != StdOperations.end())
      Row = &S->second;
  }
  OperationCache[FD] = Row;
  return Row;
}

const ClientSourceEntry *ApiModel::clientSource(const CallExpr *Call) const {
  return systemRow(Sources, Call->getDirectCallee());
}

const PropagationEntry *ApiModel::propagation(const CallExpr *Call) const {
  return systemRow(Propagations, Call->getDirectCallee());
}

const HandoverEntry *ApiModel::handover(const CallExpr *Call) const {
  return systemRow(Handovers, Call->getDirectCallee());
}

const AccessCheckEntry *ApiModel::accessCheck(const CallExpr *Call) const {
  return systemRow(AccessChecks, Call->getDirectCallee());
}

bool ApiModel::reachesThreadIdentityObject(const CallExpr *Call, const ASTContext &Ctx) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  if (systemRow(IdentityObjects, FD))
    return true;
  // A registry call on a predefined root: HKEY_CURRENT_USER is the per-process cache of
  // the first user's hive, HKEY_CLASSES_ROOT merges it in.
  if (Call->getNumArgs() == 0 || !FD->getIdentifier() || !systemRow(Operations, FD))
    return false;
  const Expr *Root = Call->getArg(0)->IgnoreParenImpCasts();
  QualType T = Root->getType();
  const auto *TT = T->getAs<TypedefType>();
  if (!TT || TT->getDecl()->getName() != "HKEY")
    return false;
  while (const auto *CE = dyn_cast<CastExpr>(Root)) {
    if (CE->getType()->isIntegerType())
      break;
    Root = CE->getSubExpr()->IgnoreParens();
  }
  Expr::EvalResult R;
  if (Root->isValueDependent() || !Root->EvaluateAsInt(R, Ctx))
    return false;
  // The constants are (HKEY)(ULONG_PTR)(LONG)0x8000000N: compare the low 32 bits.
  uint32_t Low = static_cast<uint32_t>(R.Val.getInt().getZExtValue());
  return Low == 0x80000000u /* HKEY_CLASSES_ROOT */ || Low == 0x80000001u /* HKEY_CURRENT_USER */;
}

} // namespace clang::tidy::impersonation
