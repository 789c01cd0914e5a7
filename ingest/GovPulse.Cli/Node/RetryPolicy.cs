namespace GovPulse.Cli.Node;

/// <summary>
/// How long the CLI keeps trying. A node under back-pressure answers 429 or 503 with
/// <c>Retry-After</c>: the CLI waits that long (at most <see cref="LongestWait"/>) and sends again,
/// <see cref="BusyRetries"/> times at most. A network error or a 5xx is retried with a doubling
/// backoff from <see cref="FirstBackoff"/>, <see cref="NetworkRetries"/> times at most. Sending again
/// is safe: event ids make a repeat a duplicate.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    public int BusyRetries { get; init; } = 10;

    public int NetworkRetries { get; init; } = 5;

    /// <summary>Used when a 429/503 carries no <c>Retry-After</c>.</summary>
    public TimeSpan DefaultBusyWait { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan LongestWait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan LongestBackoff { get; init; } = TimeSpan.FromSeconds(16);

    /// <summary>How a wait is spent; tests record the waits instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = (wait, cancellationToken) => Task.Delay(wait, cancellationToken);

    public TimeSpan Backoff(int attempt)
    {
        var wait = FirstBackoff * Math.Pow(2, Math.Max(0, attempt - 1));
        return wait < LongestBackoff ? wait : LongestBackoff;
    }
}
