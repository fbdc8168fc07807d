static DWORD Worker(void *arg) { (void)arg; return 0; }
HRESULT Export(int fast)
{
    HRESULT hr = CoImpersonateClient();
    if (hr < 0) return hr;
    if (fast)
        CreateThread(0, 0, Worker, 0, 0, 0);
    CoRevertToSelf();
    return 0;
}
