using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Owns one chDB connection: the <c>chdb_connection*</c> returned by <c>chdb_connect</c>, closed
/// with <c>chdb_close_conn</c>. Closing the last connection of the process stops the engine.
/// </summary>
internal sealed class ChDbConnectionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ChDbConnectionHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>
    /// The connection handle the query functions take (<c>*conn</c>). Only valid while the caller
    /// holds a reference on this SafeHandle (<see cref="SafeHandle.DangerousAddRef"/>).
    /// </summary>
    internal nint DangerousGetConnection() => Marshal.ReadIntPtr(handle);

    protected override bool ReleaseHandle()
    {
        ChDbNative.CloseConnection(handle);
        return true;
    }
}
