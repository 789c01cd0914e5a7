using System.Runtime.InteropServices;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Keeps the .NET runtime's POSIX signal handlers in place around chDB.
/// </summary>
/// <remarks>
/// The first <c>chdb_connect</c> of a process installs ClickHouse's own handlers for SIGILL,
/// SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGTSTP, SIGSYS and SIGRTMIN;
/// <c>chdb_set_signal_handlers_enabled(0)</c> is worse: every connect then resets those signals to
/// SIG_DFL. Either way the runtime loses the handlers it relies on — a managed
/// <see cref="NullReferenceException"/> (SIGSEGV) kills the process and GC suspension uses
/// SIGRTMIN. So a connect is bracketed by <see cref="Capture"/> and <see cref="Restore"/>, which
/// puts back every handler that changed.
/// </remarks>
internal sealed unsafe class HostSignalHandlers
{
    private const int SignalCount = 64;

    // glibc's struct sigaction is 152 bytes on x86-64 (handler, 128-byte mask, flags, restorer);
    // keep room to spare.
    private const int EntrySize = 256;
    private const int MaskOffset = 8;
    private const int FlagsOffset = 136;

    private static readonly delegate* unmanaged<int, byte*, byte*, int> SigAction = LoadSigAction();

    private readonly byte[] _saved = new byte[(SignalCount + 1) * EntrySize];
    private readonly bool[] _valid = new bool[SignalCount + 1];

    private HostSignalHandlers()
    {
    }

    /// <summary>Records the current handler of every signal.</summary>
    public static HostSignalHandlers Capture()
    {
        var state = new HostSignalHandlers();
        if (SigAction is null)
        {
            return state;
        }

        fixed (byte* saved = state._saved)
        {
            for (var signal = 1; signal <= SignalCount; signal++)
            {
                state._valid[signal] = SigAction(signal, null, saved + (signal * EntrySize)) == 0;
            }
        }

        return state;
    }

    /// <summary>Puts back every handler that differs from the captured one; returns how many were restored.</summary>
    public int Restore()
    {
        if (SigAction is null)
        {
            return 0;
        }

        var restored = 0;
        var current = stackalloc byte[EntrySize];
        fixed (byte* saved = _saved)
        {
            for (var signal = 1; signal <= SignalCount; signal++)
            {
                if (!_valid[signal])
                {
                    continue;
                }

                new Span<byte>(current, EntrySize).Clear();
                if (SigAction(signal, null, current) != 0)
                {
                    continue;
                }

                var before = saved + (signal * EntrySize);
                if (!SameDisposition(before, current) && SigAction(signal, before, null) == 0)
                {
                    restored++;
                }
            }
        }

        return restored;
    }

    private static bool SameDisposition(byte* a, byte* b) =>
        new ReadOnlySpan<byte>(a, 8).SequenceEqual(new ReadOnlySpan<byte>(b, 8))
        && new ReadOnlySpan<byte>(a + MaskOffset, 8).SequenceEqual(new ReadOnlySpan<byte>(b + MaskOffset, 8))
        && new ReadOnlySpan<byte>(a + FlagsOffset, 4).SequenceEqual(new ReadOnlySpan<byte>(b + FlagsOffset, 4));

    private static delegate* unmanaged<int, byte*, byte*, int> LoadSigAction()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return null;
        }

        return NativeLibrary.TryGetExport(libc, "sigaction", out var export)
            ? (delegate* unmanaged<int, byte*, byte*, int>)export
            : null;
    }
}
