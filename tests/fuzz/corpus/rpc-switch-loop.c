DWORD Batch(RPC_BINDING_HANDLE b, const int *ops, int n)
{
    int i; DWORD err = 0;
    for (i = 0; i < n && !err; i++) {
        switch (ops[i]) {
        case 1:
            if (RpcImpersonateClient(b) != 0) return 5;
            err = ops[i] > 3 ? 1 : 0;
            RpcRevertToSelf();
            break;
        case 2: goto out;
        default: break;
        }
    }
out:
    return err;
}
