namespace GovPulse.Cli;

/// <summary>
/// A failure the user can act on: the message names the input and the fix, and the command ends
/// with <see cref="ExitCode"/>. Anything else that escapes a command is a bug and is shown in full.
/// </summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.UsageOrConnection;
}
