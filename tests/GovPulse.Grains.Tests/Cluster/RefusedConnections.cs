using Microsoft.Extensions.Logging;

namespace GovPulse.Grains.Tests.Cluster;

/// <summary>
/// A log sink for an Orleans client or silo under test that completes once that process has seen
/// its connection attempts to <see cref="Expected"/> different endpoints fail (Orleans logs each one).
/// </summary>
public sealed class RefusedConnections(int expected) : ILoggerProvider
{
    private readonly HashSet<string> _endpoints = [];
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Expected { get; } = expected;

    /// <summary>Completes when attempts to <see cref="Expected"/> endpoints have failed.</summary>
    public Task All => _all.Task;

    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string message)
    {
        // "Connection attempt to endpoint S127.0.0.1:30000:0 failed"
        const string Prefix = "Connection attempt to endpoint ";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal) || !message.EndsWith(" failed", StringComparison.Ordinal))
        {
            return;
        }

        lock (_endpoints)
        {
            _endpoints.Add(message[Prefix.Length..]);
            if (_endpoints.Count >= Expected)
            {
                _all.TrySetResult();
            }
        }
    }

    private sealed class Sink(RefusedConnections owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category.StartsWith("Orleans.Runtime.Messaging", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record(formatter(state, exception));
            }
        }
    }
}
