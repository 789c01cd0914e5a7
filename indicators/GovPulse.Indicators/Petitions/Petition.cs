using GovPulse.Indicators.Events;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Petitions;

/// <summary>
/// A petition (phản ánh, kiến nghị) as told by its events, in any order and multiplicity; a fact
/// told twice resolves by <see cref="FactPrecedence"/>, so every delivery order gives the same state.
/// Judged as of an evaluation time like dossiers: later facts have not happened yet.
/// </summary>
public sealed class Petition(string id)
{
    private string? _receiptEventId;
    private string? _ratingEventId;

    public string Id { get; } = id;

    /// <summary>The unit ledger's bookkeeping: the key of the receipt month whose set holds the petition (-1: none).</summary>
    internal int LedgerMonth { get; set; } = -1;

    /// <summary>The latest time of any fact the petition was told (its receipt, resolution or rating).</summary>
    internal DateTimeOffset? LastFactAt => Latest(Latest(ReceivedAt, ResolvedAt), RatedAt);

    public DateTimeOffset? ReceivedAt { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public bool Satisfied { get; private set; }

    public bool RepeatComplaint { get; private set; }

    public bool Apply(UnitEvent e)
    {
        switch (e.Type)
        {
            case EventType.PetitionReceived:
                // The latest receipt stands (a correction), then the larger event id, as for a dossier's receipt.
                if (!FactPrecedence.LatestReplaces(e.OccurredAt, e.EventId, ReceivedAt, _receiptEventId))
                {
                    return false;
                }

                _receiptEventId = e.EventId;
                ReceivedAt = e.OccurredAt;
                DueAt = e.DueAt;
                return true;
            case EventType.PetitionResolved:
                var resolved = ResolvedAt;
                if (!FactPrecedence.Earliest(ref resolved, e.OccurredAt))
                {
                    return false;
                }

                ResolvedAt = resolved;
                return true;
            case EventType.PetitionRated:
                // The latest rating stands, then the larger event id.
                if (!FactPrecedence.LatestReplaces(e.OccurredAt, e.EventId, RatedAt, _ratingEventId))
                {
                    return false;
                }

                _ratingEventId = e.EventId;
                RatedAt = e.OccurredAt;
                Satisfied = e.Satisfied ?? false;
                RepeatComplaint = e.RepeatComplaint ?? false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes every fact the petition was told, for <see cref="ReadFacts"/>.</summary>
    internal void WriteFacts(SnapshotWriter w)
    {
        w.String(Id);
        w.OptionalTime(ReceivedAt);
        w.OptionalString(_receiptEventId);
        w.OptionalTime(DueAt);
        w.OptionalTime(ResolvedAt);
        w.OptionalTime(RatedAt);
        w.OptionalString(_ratingEventId);
        w.Byte((byte)((Satisfied ? 1 : 0) | (RepeatComplaint ? 2 : 0)));
    }

    internal static Petition ReadFacts(SnapshotReader r)
    {
        var petition = new Petition(r.String()) { ReceivedAt = r.OptionalTime() };
        petition._receiptEventId = r.OptionalString();
        petition.DueAt = r.OptionalTime();
        petition.ResolvedAt = r.OptionalTime();
        petition.RatedAt = r.OptionalTime();
        petition._ratingEventId = r.OptionalString();
        var marks = r.Byte();
        petition.Satisfied = (marks & 1) != 0;
        petition.RepeatComplaint = (marks & 2) != 0;
        return petition;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>Handled on time: resolved by the deadline, or still open with the deadline ahead.</summary>
    public bool IsOnTime(DateTimeOffset evaluatedAt)
    {
        var due = DueAt ?? DateTimeOffset.MaxValue;
        return ResolvedAt is { } resolved && resolved <= evaluatedAt ? resolved <= due : due > evaluatedAt;
    }

    /// <summary>
    /// Counts as satisfied unless rated not satisfied, handled late, or followed by a repeat
    /// complaint (PETITION_SATISFACTION).
    /// </summary>
    public bool IsSatisfactory(DateTimeOffset evaluatedAt)
    {
        var rated = RatedAt <= evaluatedAt;
        return IsOnTime(evaluatedAt) && !(rated && (!Satisfied || RepeatComplaint));
    }
}
