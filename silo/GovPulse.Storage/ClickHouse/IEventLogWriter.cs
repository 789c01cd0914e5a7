namespace GovPulse.Storage.ClickHouse;

/// <summary>Where unit grains append their positioned events (a per-node group commit in production).</summary>
public interface IEventLogWriter
{
    /// <summary>Stores the events durably; returns once ClickHouse has them, throws when it may not.</summary>
    Task AppendAsync(IReadOnlyList<LoggedEvent> events);
}
