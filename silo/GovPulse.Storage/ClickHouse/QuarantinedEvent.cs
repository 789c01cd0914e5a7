using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>A stored event its unit's ledger could not apply, kept with the reason and skipped on rebuild.</summary>
/// <param name="Reason">What went wrong, without a stack trace (the exception's type and message).</param>
public sealed record QuarantinedEvent(
    string UnitCode,
    string EventId,
    long Position,
    string Reason,
    UnitEvent Event,
    DateTimeOffset QuarantinedAt);
