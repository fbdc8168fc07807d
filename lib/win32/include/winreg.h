/* The facade keeps everything in windows.h. */
#include "windows.h"
