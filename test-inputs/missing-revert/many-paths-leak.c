// The 40-clamp settings validator with a leak at the very end: after all the clamps,
// a "nothing was clamped" shortcut returns before the revert. The engine must still
// find it (no path is lost when facts are dropped) and stay fast. The witness is capped
// at its first 10 branch decisions (the begin and nine clamps). BUGGY.
#include <windows.h>

typedef struct {
    DWORD maxConnections;
    DWORD idleTimeout;
    DWORD sendBuffer;
    DWORD recvBuffer;
    DWORD logLevel;
    DWORD logRotate;
    DWORD cacheSize;
    DWORD cacheTtl;
    DWORD retryCount;
    DWORD retryDelay;
    DWORD quotaSoft;
    DWORD quotaHard;
    DWORD shareMode;
    DWORD compression;
    DWORD encryption;
    DWORD auditMask;
    DWORD pollInterval;
    DWORD batchSize;
    DWORD queueDepth;
    DWORD workerCount;
    DWORD stackSize;
    DWORD heapLimit;
    DWORD spoolLimit;
    DWORD printQuota;
    DWORD sessionLimit;
    DWORD lockTimeout;
    DWORD scanDepth;
    DWORD indexInterval;
    DWORD backupWindow;
    DWORD restoreWindow;
    DWORD syncInterval;
    DWORD syncBatch;
    DWORD dedupWindow;
    DWORD purgeAge;
    DWORD archiveAge;
    DWORD alertLevel;
    DWORD alertCooldown;
    DWORD metricsInterval;
    DWORD traceMask;
    DWORD debugFlags;
} SETTINGS;

extern const SETTINGS g_limits;

DWORD ApplyClientSettings(HANDLE pipe, const WCHAR *path, SETTINGS *s, ULONGLONG *clampedOut)
{
    ULONGLONG clamped = 0;
    HANDLE file;
    DWORD written = 0, err = ERROR_SUCCESS;

    // CHECK-WARNING@+1: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'ApplyClientSettings' returns [impersonation-missing-revert]
    if (!ImpersonateNamedPipeClient(pipe))
        return GetLastError();

    if (s->maxConnections > g_limits.maxConnections) {
        s->maxConnections = g_limits.maxConnections;
        clamped |= 1ull << 0;
    }
    if (s->idleTimeout > g_limits.idleTimeout) {
        s->idleTimeout = g_limits.idleTimeout;
        clamped |= 1ull << 1;
    }
    if (s->sendBuffer > g_limits.sendBuffer) {
        s->sendBuffer = g_limits.sendBuffer;
        clamped |= 1ull << 2;
    }
    if (s->recvBuffer > g_limits.recvBuffer) {
        s->recvBuffer = g_limits.recvBuffer;
        clamped |= 1ull << 3;
    }
    if (s->logLevel > g_limits.logLevel) {
        s->logLevel = g_limits.logLevel;
        clamped |= 1ull << 4;
    }
    if (s->logRotate > g_limits.logRotate) {
        s->logRotate = g_limits.logRotate;
        clamped |= 1ull << 5;
    }
    if (s->cacheSize > g_limits.cacheSize) {
        s->cacheSize = g_limits.cacheSize;
        clamped |= 1ull << 6;
    }
    if (s->cacheTtl > g_limits.cacheTtl) {
        s->cacheTtl = g_limits.cacheTtl;
        clamped |= 1ull << 7;
    }
    if (s->retryCount > g_limits.retryCount) {
        s->retryCount = g_limits.retryCount;
        clamped |= 1ull << 8;
    }
    if (s->retryDelay > g_limits.retryDelay) {
        s->retryDelay = g_limits.retryDelay;
        clamped |= 1ull << 9;
    }
    if (s->quotaSoft > g_limits.quotaSoft) {
        s->quotaSoft = g_limits.quotaSoft;
        clamped |= 1ull << 10;
    }
    if (s->quotaHard > g_limits.quotaHard) {
        s->quotaHard = g_limits.quotaHard;
        clamped |= 1ull << 11;
    }
    if (s->shareMode > g_limits.shareMode) {
        s->shareMode = g_limits.shareMode;
        clamped |= 1ull << 12;
    }
    if (s->compression > g_limits.compression) {
        s->compression = g_limits.compression;
        clamped |= 1ull << 13;
    }
    if (s->encryption > g_limits.encryption) {
        s->encryption = g_limits.encryption;
        clamped |= 1ull << 14;
    }
    if (s->auditMask > g_limits.auditMask) {
        s->auditMask = g_limits.auditMask;
        clamped |= 1ull << 15;
    }
    if (s->pollInterval > g_limits.pollInterval) {
        s->pollInterval = g_limits.pollInterval;
        clamped |= 1ull << 16;
    }
    if (s->batchSize > g_limits.batchSize) {
        s->batchSize = g_limits.batchSize;
        clamped |= 1ull << 17;
    }
    if (s->queueDepth > g_limits.queueDepth) {
        s->queueDepth = g_limits.queueDepth;
        clamped |= 1ull << 18;
    }
    if (s->workerCount > g_limits.workerCount) {
        s->workerCount = g_limits.workerCount;
        clamped |= 1ull << 19;
    }
    if (s->stackSize > g_limits.stackSize) {
        s->stackSize = g_limits.stackSize;
        clamped |= 1ull << 20;
    }
    if (s->heapLimit > g_limits.heapLimit) {
        s->heapLimit = g_limits.heapLimit;
        clamped |= 1ull << 21;
    }
    if (s->spoolLimit > g_limits.spoolLimit) {
        s->spoolLimit = g_limits.spoolLimit;
        clamped |= 1ull << 22;
    }
    if (s->printQuota > g_limits.printQuota) {
        s->printQuota = g_limits.printQuota;
        clamped |= 1ull << 23;
    }
    if (s->sessionLimit > g_limits.sessionLimit) {
        s->sessionLimit = g_limits.sessionLimit;
        clamped |= 1ull << 24;
    }
    if (s->lockTimeout > g_limits.lockTimeout) {
        s->lockTimeout = g_limits.lockTimeout;
        clamped |= 1ull << 25;
    }
    if (s->scanDepth > g_limits.scanDepth) {
        s->scanDepth = g_limits.scanDepth;
        clamped |= 1ull << 26;
    }
    if (s->indexInterval > g_limits.indexInterval) {
        s->indexInterval = g_limits.indexInterval;
        clamped |= 1ull << 27;
    }
    if (s->backupWindow > g_limits.backupWindow) {
        s->backupWindow = g_limits.backupWindow;
        clamped |= 1ull << 28;
    }
    if (s->restoreWindow > g_limits.restoreWindow) {
        s->restoreWindow = g_limits.restoreWindow;
        clamped |= 1ull << 29;
    }
    if (s->syncInterval > g_limits.syncInterval) {
        s->syncInterval = g_limits.syncInterval;
        clamped |= 1ull << 30;
    }
    if (s->syncBatch > g_limits.syncBatch) { // CHECK-NOTE: assuming the condition is false
        s->syncBatch = g_limits.syncBatch;
        clamped |= 1ull << 31;
    }
    if (s->dedupWindow > g_limits.dedupWindow) { // CHECK-NOTE: assuming the condition is false
        s->dedupWindow = g_limits.dedupWindow;
        clamped |= 1ull << 32;
    }
    if (s->purgeAge > g_limits.purgeAge) { // CHECK-NOTE: assuming the condition is false
        s->purgeAge = g_limits.purgeAge;
        clamped |= 1ull << 33;
    }
    if (s->archiveAge > g_limits.archiveAge) { // CHECK-NOTE: assuming the condition is false
        s->archiveAge = g_limits.archiveAge;
        clamped |= 1ull << 34;
    }
    if (s->alertLevel > g_limits.alertLevel) { // CHECK-NOTE: assuming the condition is false
        s->alertLevel = g_limits.alertLevel;
        clamped |= 1ull << 35;
    }
    if (s->alertCooldown > g_limits.alertCooldown) { // CHECK-NOTE: assuming the condition is false
        s->alertCooldown = g_limits.alertCooldown;
        clamped |= 1ull << 36;
    }
    if (s->metricsInterval > g_limits.metricsInterval) { // CHECK-NOTE: assuming the condition is false
        s->metricsInterval = g_limits.metricsInterval;
        clamped |= 1ull << 37;
    }
    if (s->traceMask > g_limits.traceMask) { // CHECK-NOTE: assuming the condition is false
        s->traceMask = g_limits.traceMask;
        clamped |= 1ull << 38;
    }
    if (s->debugFlags > g_limits.debugFlags) { // CHECK-NOTE: assuming the condition is false
        s->debugFlags = g_limits.debugFlags;
        clamped |= 1ull << 39;
    }

    *clampedOut = clamped;
    if (clamped == 0) // CHECK-NOTE: assuming the condition is true
        return ERROR_SUCCESS; // CHECK-NOTE: returns here while still impersonating

    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        err = GetLastError();
    } else {
        if (!WriteFile(file, s, sizeof(*s), &written, NULL))
            err = GetLastError();
        CloseHandle(file);
    }
    RevertToSelf();
    return err;
}
