namespace GovPulse.Cli;

/// <summary>What <c>govpulse</c> returns to the shell (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything was done and every line was accepted (or was a duplicate).</summary>
    public const int Ok = 0;

    /// <summary>The command ran to the end, but some lines were rejected (see the rejects file).</summary>
    public const int SomeRejected = 1;

    /// <summary>Wrong usage or input (a missing file, a bad option, an unreadable counts file), or the node could not be reached or refused the request.</summary>
    public const int UsageOrConnection = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT); an import continues where it stopped when run again.</summary>
    public const int Interrupted = 130;
}
