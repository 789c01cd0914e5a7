using Microsoft.Win32.SafeHandles;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Owns one <c>chdb_result*</c>; released with <c>chdb_destroy_query_result</c>.
/// </summary>
internal sealed class ChDbResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ChDbResultHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        ChDbNative.DestroyResult(handle);
        return true;
    }
}
