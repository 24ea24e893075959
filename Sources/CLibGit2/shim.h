// Deprecated libgit2 calls must not compile.
#define GIT_DEPRECATE_HARD
#include <git2.h>
