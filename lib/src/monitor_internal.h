// The facade's hooks into the monitor (not API).
#pragma once

#include <string>

namespace impersonation::monitor::detail {

// A request a pipe instance opens at ConnectNamedPipe on a thread with none open, and
// closes at DisconnectNamedPipe/CloseHandle of the same instance (`owner`).
void beginAutomaticRequest(const std::string &label, const void *owner);
void endAutomaticRequest(const void *owner);

} // namespace impersonation::monitor::detail
