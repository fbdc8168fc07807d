/* Public clang-tidy plugin: checks the host's LLVM major version, then loads
 * the real module (built against LLVM 22) from this file's directory.
 * Contains no LLVM or C++ references, so it loads into any clang-tidy. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef IMPERSONATION_LLVM_MAJOR
#error "IMPERSONATION_LLVM_MAJOR must be defined"
#endif
#ifndef IMPERSONATION_REAL_MODULE
#error "IMPERSONATION_REAL_MODULE must be defined"
#endif

#define PREFIX "impersonation-tidy: "

/* Exported by front ends that already link the module in. */
#define BUILTIN_MARKER "impersonation_tidy_builtin_module"

struct scan {
  int found_wanted;      /* an LLVM library of the wanted major is mapped */
  int other_major;       /* first other major seen, or 0 */
  char other_name[256];  /* its file name */
  char unknown_name[256];/* an LLVM library whose version we cannot read */
};

static const char *base_name(const char *path) {
  const char *s = strrchr(path, '/');
  return s ? s + 1 : path;
}

/* Major version of libLLVM / libclang-cpp from a file name, 0 if not one,
 * -1 if it is one but carries no version. Handles libLLVM.so.22.1,
 * libLLVM-22.so, libLLVM-14.so.1, libclang-cpp.so.14, libclang-cpp-22.so. */
static int llvm_major(const char *name) {
  static const char *const stems[] = {"libLLVM", "libclang-cpp"};
  for (size_t i = 0; i < sizeof stems / sizeof *stems; ++i) {
    size_t n = strlen(stems[i]);
    if (strncmp(name, stems[i], n) != 0)
      continue;
    const char *p = name + n;
    if (*p == '-')
      ++p;
    else if (strncmp(p, ".so.", 4) == 0)
      p += 4;
    else
      return strcmp(p, ".so") == 0 ? -1 : 0;
    char *end;
    long v = strtol(p, &end, 10);
    if (end == p || v <= 0 || v > 1000)
      return -1;
    return (int)v;
  }
  return 0;
}

static int scan_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  struct scan *s = data;
  if (!info->dlpi_name || !*info->dlpi_name)
    return 0;
  const char *name = base_name(info->dlpi_name);
  int major = llvm_major(name);
  if (major == IMPERSONATION_LLVM_MAJOR) {
    s->found_wanted = 1;
  } else if (major > 0 && (!s->other_major ||
                           (strncmp(name, "libLLVM", 7) == 0 &&
                            strncmp(s->other_name, "libLLVM", 7) != 0))) {
    /* Prefer naming libLLVM over libclang-cpp. */
    s->other_major = major;
    snprintf(s->other_name, sizeof s->other_name, "%s", name);
  } else if (major < 0 && !s->unknown_name[0]) {
    snprintf(s->unknown_name, sizeof s->unknown_name, "%s", name);
  }
  return 0;
}

/* Directory holding this loader, without trailing slash. */
static int own_dir(char *out, size_t size) {
  Dl_info info;
  if (!dladdr((void *)&own_dir, &info) || !info.dli_fname)
    return 0;
  char resolved[PATH_MAX];
  if (!realpath(info.dli_fname, resolved))
    return 0;
  char *slash = strrchr(resolved, '/');
  if (!slash)
    return 0;
  *slash = '\0';
  return snprintf(out, size, "%s", resolved[0] ? resolved : "/") < (int)size;
}

/* Suggests the bundled front end if it sits next to this build's lib/. */
static void suggestion(const char *dir, char *out, size_t size) {
  char tool[PATH_MAX];
  if (dir && snprintf(tool, sizeof tool, "%s/../bin/impersonation-tidy", dir) <
                 (int)sizeof tool) {
    char resolved[PATH_MAX];
    if (realpath(tool, resolved) && access(resolved, X_OK) == 0) {
      snprintf(out, size, "%s", resolved);
      return;
    }
  }
  snprintf(out, size, "impersonation-tidy");
}

static void fail(void) {
  fflush(stdout);
  fflush(stderr);
  _exit(1);
}

__attribute__((constructor)) static void impersonation_loader_init(void) {
  /* The module is already linked into this process (bundled front end). */
  if (dlsym(RTLD_DEFAULT, BUILTIN_MARKER))
    return;

  char dir[PATH_MAX];
  int have_dir = own_dir(dir, sizeof dir);

  struct scan s;
  memset(&s, 0, sizeof s);
  dl_iterate_phdr(scan_cb, &s);

  if (!s.found_wanted || s.other_major) {
    char alt[PATH_MAX];
    suggestion(have_dir ? dir : NULL, alt, sizeof alt);
    if (s.other_major)
      fprintf(stderr,
              PREFIX "this plugin needs clang-tidy from LLVM %d; it was loaded "
                     "into a host linked against LLVM %d (%s). Use "
                     "clang-tidy-%d or %s.\n",
              IMPERSONATION_LLVM_MAJOR, s.other_major, s.other_name,
              IMPERSONATION_LLVM_MAJOR, alt);
    else
      fprintf(stderr,
              PREFIX "this plugin needs clang-tidy from LLVM %d; it was loaded "
                     "into a host with no recognisable LLVM %d shared library "
                     "(%s). Use clang-tidy-%d or %s.\n",
              IMPERSONATION_LLVM_MAJOR, IMPERSONATION_LLVM_MAJOR,
              s.unknown_name[0] ? s.unknown_name
                                : "statically linked or not clang-tidy",
              IMPERSONATION_LLVM_MAJOR, alt);
    fail();
  }

  if (!have_dir) {
    fprintf(stderr, PREFIX "cannot find the directory of the loader plugin, "
                           "so cannot load %s.\n",
            IMPERSONATION_REAL_MODULE);
    fail();
  }

  char path[PATH_MAX];
  if (snprintf(path, sizeof path, "%s/%s", dir, IMPERSONATION_REAL_MODULE) >=
      (int)sizeof path) {
    fprintf(stderr, PREFIX "path of %s is too long.\n",
            IMPERSONATION_REAL_MODULE);
    fail();
  }
  if (!dlopen(path, RTLD_NOW | RTLD_GLOBAL)) {
    const char *err = dlerror();
    fprintf(stderr, PREFIX "cannot load the checks module: %s\n",
            err ? err : path);
    fail();
  }
}
