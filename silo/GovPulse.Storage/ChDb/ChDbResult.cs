using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// The outcome of one statement: the output bytes (in the requested format, copied out of the
/// engine's buffer, which is then released) and the engine's counters.
/// </summary>
/// <param name="Data">The output in the requested format; empty for DDL and INSERT.</param>
/// <param name="ResultRows">Rows in the result set.</param>
/// <param name="ResultBytes">Size of the result set in the engine's internal representation.</param>
/// <param name="RowsRead">Rows read from storage.</param>
/// <param name="BytesRead">Bytes read from storage.</param>
/// <param name="RowsWritten">Rows written (INSERT), including rows written by materialized views.</param>
/// <param name="BytesWritten">Bytes written.</param>
/// <param name="Elapsed">Time the engine spent on the statement.</param>
public sealed record ChDbResult(
    byte[] Data,
    ulong ResultRows,
    ulong ResultBytes,
    ulong RowsRead,
    ulong BytesRead,
    ulong RowsWritten,
    ulong BytesWritten,
    TimeSpan Elapsed)
{
    /// <summary>The output decoded as UTF-8 (for text formats such as TabSeparated or JSON).</summary>
    public string Text => Encoding.UTF8.GetString(Data);
}
