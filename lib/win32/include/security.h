/* The facade keeps the SSPI declarations in sspi.h. */
#include "sspi.h"
