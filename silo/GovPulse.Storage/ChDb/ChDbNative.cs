using System.Runtime.InteropServices;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// The C API of chDB (<c>chdb.h</c>) as far as GovPulse uses it. The library name is resolved by
/// <see cref="ChDbLibrary"/>; nothing here is public.
/// </summary>
/// <remarks>
/// <c>chdb_connect</c> returns a <c>chdb_connection*</c> (a pointer to the handle); the query
/// functions take the handle itself (<c>*conn</c>). <see cref="ChDbConnectionHandle"/> holds the
/// former and dereferences it per call.
/// </remarks>
internal static unsafe partial class ChDbNative
{
    /// <summary>The logical library name used by every import; <see cref="ChDbLibrary"/> maps it to a file.</summary>
    internal const string LibraryName = "chdb";

    [LibraryImport(LibraryName, EntryPoint = "chdb_connect")]
    internal static partial ChDbConnectionHandle Connect(int argc, byte** argv);

    [LibraryImport(LibraryName, EntryPoint = "chdb_close_conn")]
    internal static partial void CloseConnection(nint connection);

    [LibraryImport(LibraryName, EntryPoint = "chdb_query_n")]
    internal static partial ChDbResultHandle Query(nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength);

    [LibraryImport(LibraryName, EntryPoint = "chdb_query_with_params_n")]
    internal static partial ChDbResultHandle QueryWithParameters(
        nint connection,
        byte* query,
        nuint queryLength,
        byte* format,
        nuint formatLength,
        byte** parameterNames,
        nuint* parameterNameLengths,
        byte** parameterValues,
        nuint* parameterValueLengths,
        nuint parameterCount);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_query_n")]
    internal static partial ChDbResultHandle StreamQuery(nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength);

    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_query_with_params_n")]
    internal static partial ChDbResultHandle StreamQueryWithParameters(
        nint connection,
        byte* query,
        nuint queryLength,
        byte* format,
        nuint formatLength,
        byte** parameterNames,
        nuint* parameterNameLengths,
        byte** parameterValues,
        nuint* parameterValueLengths,
        nuint parameterCount);

    /// <summary>The next chunk of a streaming query; an empty chunk (length 0, no error) ends the stream.</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_fetch_result")]
    internal static partial ChDbResultHandle StreamFetch(nint connection, ChDbResultHandle stream);

    /// <summary>Ends a streaming query early. It waits for a fetch under way (it cannot interrupt one: see ChDbEngine.Cancel).</summary>
    [LibraryImport(LibraryName, EntryPoint = "chdb_stream_cancel_query")]
    internal static partial void StreamCancel(nint connection, ChDbResultHandle stream);

    [LibraryImport(LibraryName, EntryPoint = "chdb_destroy_query_result")]
    internal static partial void DestroyResult(nint result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_buffer")]
    internal static partial byte* ResultBuffer(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_length")]
    internal static partial nuint ResultLength(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_error")]
    internal static partial byte* ResultError(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_elapsed")]
    internal static partial double ResultElapsedSeconds(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_rows_read")]
    internal static partial ulong ResultRowsRead(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_bytes_read")]
    internal static partial ulong ResultBytesRead(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_storage_rows_read")]
    internal static partial ulong ResultStorageRowsRead(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_storage_bytes_read")]
    internal static partial ulong ResultStorageBytesRead(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_rows_written")]
    internal static partial ulong ResultRowsWritten(ChDbResultHandle result);

    [LibraryImport(LibraryName, EntryPoint = "chdb_result_bytes_written")]
    internal static partial ulong ResultBytesWritten(ChDbResultHandle result);
}
