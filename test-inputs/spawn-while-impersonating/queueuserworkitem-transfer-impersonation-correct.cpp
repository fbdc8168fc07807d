// C++ attachment sender: the request handler impersonates the caller and queues the
// upload on the thread pool with WT_TRANSFER_IMPERSONATION, which runs the work item with
// the queuing thread's token: the upload reads the file as the caller. CORRECT.
#include <windows.h>

class Upload {
public:
    HRESULT Start();

private:
    static DWORD WINAPI Run(LPVOID self); // upload.cpp
};

HRESULT Upload::Start()
{
    if (!QueueUserWorkItem(Run, this, WT_EXECUTELONGFUNCTION | WT_TRANSFER_IMPERSONATION))
        return HRESULT_FROM_WIN32(GetLastError());
    return S_OK;
}

HRESULT SendAsCaller(HANDLE token, Upload *upload)
{
    if (!ImpersonateLoggedOnUser(token))
        return HRESULT_FROM_WIN32(GetLastError());
    HRESULT hr = upload->Start();
    RevertToSelf();
    return hr;
}
