using GovPulse.Storage.ClickHouse;

namespace GovPulse.Silo.Operations;

/// <summary>One quarantined event as the admin API shows it: where it is, what it is, and why it is set aside.</summary>
public sealed record QuarantinedEventView(
    string UnitCode,
    string EventId,
    long Position,
    string Type,
    DateTimeOffset OccurredAt,
    string? DossierId,
    string? PetitionId,
    string Reason,
    DateTimeOffset QuarantinedAt)
{
    public static QuarantinedEventView Of(QuarantinedEvent q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(q.UnitCode, q.EventId, q.Position, q.Event.Type.ToString(), q.Event.OccurredAt, q.Event.DossierId, q.Event.PetitionId, q.Reason, q.QuarantinedAt);
    }
}
