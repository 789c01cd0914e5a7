namespace GovPulse.Ingest.Wire;

/// <summary>The body cannot be read at all (HTTP 400), as opposed to single bad lines.</summary>
public sealed class UnreadableBodyException(string message) : Exception(message);
