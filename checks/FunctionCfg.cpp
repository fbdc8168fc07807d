#include "FunctionCfg.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

namespace clang::tidy::impersonation {
namespace {

// Rewrites the body in place through child slots and remembers how to undo it: the
// lowered tree lives only while clang's CFG builder walks it.
class FinallyLowering {
public:
  FinallyLowering(ASTContext &Ctx, const Decl *D) : Ctx(Ctx), D(D) {}
  ~FinallyLowering() {
    for (auto It = Undo.rbegin(); It != Undo.rend(); ++It)
      *It->first = It->second;
  }

  /// Lowers every __try/__finally under \p Root, innermost first. False if one cannot be.
  bool lowerAll(Stmt *&Root, std::string &Failure) {
    while (true) {
      Stmt **Slot = nullptr;
      findInnermostFinally(Root, Slot);
      if (!Slot)
        return true;
      if (!lowerOne(Slot, Failure))
        return false;
    }
  }

private:
  void set(Stmt **Slot, Stmt *New) {
    Undo.push_back({Slot, *Slot});
    *Slot = New;
  }

  static bool isStatementContainer(const Stmt *S) { return S && !isa<Expr>(S); }

  // The first __try/__finally in post-order: one with no __try/__finally inside.
  void findInnermostFinally(Stmt *&S, Stmt **&Found) {
    if (Found || !isStatementContainer(S))
      return;
    for (Stmt *&Child : S->children()) {
      findInnermostFinally(Child, Found);
      if (Found)
        return;
    }
    if (auto *T = dyn_cast<SEHTryStmt>(S); T && T->getFinallyHandler())
      Found = &S;
  }

  Stmt *compound(ArrayRef<Stmt *> Stmts, SourceLocation L) {
    return CompoundStmt::Create(Ctx, Stmts, FPOptionsOverride(), L, L);
  }

  // Labels defined inside the __try block: gotos to them stay inside.
  static void collectLabels(Stmt *S, llvm::SmallPtrSetImpl<const LabelDecl *> &Labels) {
    if (!isStatementContainer(S))
      return;
    if (auto *L = dyn_cast<LabelStmt>(S))
      Labels.insert(L->getDecl());
    for (Stmt *C : S->children())
      collectLabels(C, Labels);
  }

  struct Walk {
    unsigned LoopDepth = 0;   // loops inside the __try block
    unsigned BreakDepth = 0;  // loops and switches inside the __try block
    bool InNestedTry = false; // inside a nested __try (its own __leave target)
  };

  void rewriteExits(Stmt *&S, Walk W, Stmt *Finally, LabelDecl *Leave,
                    const llvm::SmallPtrSetImpl<const LabelDecl *> &Inner) {
    if (!isStatementContainer(S))
      return;
    SourceLocation L = S->getBeginLoc();
    if (isa<ReturnStmt>(S)) {
      set(&S, compound({Finally, S}, L));
      return;
    }
    if (auto *G = dyn_cast<GotoStmt>(S)) {
      if (!Inner.count(G->getLabel()))
        set(&S, compound({Finally, S}, L));
      return;
    }
    if (isa<IndirectGotoStmt>(S)) {
      set(&S, compound({Finally, S}, L));
      return;
    }
    if ((isa<BreakStmt>(S) && W.BreakDepth == 0) || (isa<ContinueStmt>(S) && W.LoopDepth == 0)) {
      set(&S, compound({Finally, S}, L));
      return;
    }
    if (isa<SEHLeaveStmt>(S)) {
      if (!W.InNestedTry)
        set(&S, new (Ctx) GotoStmt(Leave, L, L));
      return;
    }
    Walk Next = W;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S)) {
      ++Next.LoopDepth;
      ++Next.BreakDepth;
    } else if (isa<SwitchStmt>(S)) {
      ++Next.BreakDepth;
    }
    if (auto *T = dyn_cast<SEHTryStmt>(S)) {
      Walk InTry = Next;
      InTry.InNestedTry = true;
      rewriteExits(reinterpret_cast<Stmt *&>(*T->child_begin()), InTry, Finally, Leave, Inner);
      for (auto It = std::next(T->child_begin()); It != T->child_end(); ++It)
        rewriteExits(*It, Next, Finally, Leave, Inner);
      return;
    }
    for (Stmt *&Child : S->children())
      rewriteExits(Child, Next, Finally, Leave, Inner);
  }

  bool lowerOne(Stmt **Slot, std::string &Failure) {
    auto *T = cast<SEHTryStmt>(*Slot);
    Stmt *Finally = T->getFinallyHandler()->getBlock();
    Stmt *TryBlock = T->getTryBlock();
    auto *DC = const_cast<DeclContext *>(dyn_cast<DeclContext>(D));
    if (!DC) {
      Failure = "__try/__finally outside a function body";
      return false;
    }
    SourceLocation EndLoc = T->getEndLoc();
    std::string Name = "__impersonation_leave_" + std::to_string(Counter++);
    LabelDecl *Leave = LabelDecl::Create(Ctx, DC, EndLoc, &Ctx.Idents.get(Name));
    auto *LeaveStmt = new (Ctx) LabelStmt(EndLoc, Leave, new (Ctx) NullStmt(EndLoc));
    Leave->setStmt(LeaveStmt);

    llvm::SmallPtrSet<const LabelDecl *, 8> Inner;
    collectLabels(TryBlock, Inner);
    Stmt *Body = TryBlock;
    // Rewrite through a slot of our own so the try block node itself stays untouched.
    rewriteExits(Body, Walk{}, Finally, Leave, Inner);
    set(Slot, compound({Body, LeaveStmt, Finally}, T->getBeginLoc()));
    return true;
  }

  ASTContext &Ctx;
  const Decl *D;
  std::vector<std::pair<Stmt **, Stmt *>> Undo;
  unsigned Counter = 0;
};

bool containsFinally(const Stmt *S) {
  if (!S || isa<Expr>(S))
    return false;
  if (const auto *T = dyn_cast<SEHTryStmt>(S); T && T->getFinallyHandler())
    return true;
  for (const Stmt *C : S->children())
    if (containsFinally(C))
      return true;
  return false;
}

// One walk over the tree the graph is built from, recording for each statement that can
// be an element what the engine asks about it (a ParentMap of every node costs more).
class Indexer {
public:
  explicit Indexer(FunctionCfg &Out) : Out(Out) {}

  void walk(const Stmt *S, const Stmt *Root, bool Arg) {
    if (!S)
      return;
    if (isa<Expr>(S) && !Root)
      Root = S;
    if (isa<ReturnStmt, DeclStmt>(S))
      Root = S;
    if (isa<CallExpr, CXXConstructExpr, BinaryOperator, UnaryOperator, DeclStmt, ReturnStmt,
            LambdaExpr, CXXThrowExpr, AbstractConditionalOperator>(S))
      Out.Index[S] = StmtInfo{Root, Try, Arg, Live};
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : L->capture_inits())
        walk(Init, Root, false);
      return;
    }
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      const LiveObject *Saved = Live;
      for (const Stmt *C : CS->body()) {
        walk(C, nullptr, false);
        if (const auto *DS = dyn_cast<DeclStmt>(C))
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D); VD && hasDestructor(VD))
              Live = &Out.LiveStore.emplace_back(LiveObject{VD, Live});
      }
      Live = Saved;
      return;
    }
    if (const auto *T = dyn_cast<CXXTryStmt>(S)) {
      enterTry(T, T->getTryBlock());
      for (unsigned I = 0; I < T->getNumHandlers(); ++I)
        walk(T->getHandler(I), nullptr, false);
      return;
    }
    if (const auto *T = dyn_cast<SEHTryStmt>(S); T && T->getExceptHandler()) {
      enterTry(T, T->getTryBlock());
      walk(T->getHandler(), nullptr, false);
      return;
    }
    bool IsCall = isa<CallExpr, CXXConstructExpr>(S);
    bool PassThrough = isa<ParenExpr, CastExpr>(S);
    for (const Stmt *C : S->children())
      walk(C, isa<Expr, ReturnStmt, DeclStmt>(S) ? Root : nullptr,
           IsCall || (PassThrough && Arg));
  }

private:
  void enterTry(const Stmt *T, const Stmt *Block) {
    const Stmt *Saved = Try;
    Try = T;
    Out.LiveAtTry[T] = Live;
    walk(Block, nullptr, false);
    Try = Saved;
  }
  static bool hasDestructor(const VarDecl *VD) {
    if (!VD->hasLocalStorage() || VD->getType()->isReferenceType())
      return false;
    const auto *RD = VD->getType()->getAsCXXRecordDecl();
    return RD && RD->hasDefinition() && !RD->hasTrivialDestructor();
  }

  FunctionCfg &Out;
  const Stmt *Try = nullptr;
  const LiveObject *Live = nullptr;
};

// The body and a constructor's member initializers (the graph has those too).
void indexTree(FunctionCfg &Out, const Decl *D, const Stmt *Root) {
  // The index holds about one entry per element of the graph: size it once.
  unsigned Elements = 0;
  for (const CFGBlock *B : *Out.Graph)
    Elements += B->size();
  Out.Index.reserve(Elements);
  Indexer I(Out);
  I.walk(Root, nullptr, false);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const Expr *E = Init->getInit())
        I.walk(E, nullptr, false);
}

} // namespace

FunctionCfg buildFunctionCfg(const Decl *D, ASTContext &Ctx) {
  FunctionCfg Out;
  Stmt *Body = D->getBody();
  if (!Body) {
    Out.Failure = "no body";
    return Out;
  }
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = false;
  Options.AddInitializers = true;
  // The engine evaluates conditions itself; clang's constant folding of every branch
  // condition costs more than the rest of the graph.
  Options.PruneTriviallyFalseEdges = false;
  // Only the elements the engine transfers; the rest of each expression is read from
  // the AST when the element that owns it is evaluated.
  for (Stmt::StmtClass C :
       {Stmt::CallExprClass, Stmt::CXXMemberCallExprClass, Stmt::CXXOperatorCallExprClass,
        Stmt::CXXConstructExprClass, Stmt::CXXTemporaryObjectExprClass,
        Stmt::BinaryOperatorClass, Stmt::CompoundAssignOperatorClass,
        Stmt::UnaryOperatorClass, Stmt::DeclStmtClass, Stmt::ReturnStmtClass,
        Stmt::LambdaExprClass, Stmt::CXXThrowExprClass, Stmt::ConditionalOperatorClass,
        Stmt::BinaryConditionalOperatorClass, Stmt::CXXOperatorCallExprClass})
    Options.setAlwaysAdd(C);

  // `__try/__finally` is a keyword only under Microsoft or Borland extensions: without
  // them no body can hold one, and the search is skipped.
  const LangOptions &LO = Ctx.getLangOpts();
  bool MayHaveFinally = LO.MicrosoftExt || LO.Borland || LO.MSVCCompat;
  if (!MayHaveFinally || !containsFinally(Body)) {
    Out.Graph = CFG::buildCFG(D, Body, &Ctx, Options);
    if (Out.Graph)
      indexTree(Out, D, Body);
    else
      Out.Failure = "clang could not build a control-flow graph for it";
    return Out;
  }

  // The root slot is our own variable: the function's body pointer is never touched.
  Stmt *Root = Body;
  FinallyLowering Lowering(Ctx, D);
  if (!Lowering.lowerAll(Root, Out.Failure))
    return Out;
  Out.Graph = CFG::buildCFG(D, Root, &Ctx, Options);
  if (!Out.Graph) {
    Out.Failure = "its __try/__finally could not be lowered to a control-flow graph";
    return Out;
  }
  indexTree(Out, D, Root);
  return Out;
}

} // namespace clang::tidy::impersonation
