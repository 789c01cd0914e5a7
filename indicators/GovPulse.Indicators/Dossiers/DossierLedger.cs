using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// A unit's dossiers as far as the walking skeleton needs them: when each was received and
/// whether it is finished. Applying an event twice, or events of a dossier in any order, gives
/// the same state (delivery is at-least-once and unordered), so the counts are those of
/// exactly-once, in-order delivery.
/// </summary>
public sealed class DossierLedger
{
    private readonly Dictionary<string, DossierRecord> _dossiers = new(StringComparer.Ordinal);

    public int DossierCount => _dossiers.Count;

    /// <summary>Applies one event; returns true when it changed the ledger.</summary>
    public bool Apply(UnitEvent e)
    {
        if (e.Type.IsPetitionEvent() || string.IsNullOrEmpty(e.DossierId))
        {
            return false;
        }

        if (!_dossiers.TryGetValue(e.DossierId, out var dossier))
        {
            dossier = new DossierRecord();
            _dossiers.Add(e.DossierId, dossier);
        }

        if (e.Type == EventType.DossierReceived)
        {
            if (dossier.ReceivedAt == e.OccurredAt)
            {
                return false;
            }

            dossier.ReceivedAt = e.OccurredAt;
            return true;
        }

        if (e.Type.IsFinishing() && !dossier.Finished)
        {
            dossier.Finished = true;
            return true;
        }

        return false;
    }

    /// <summary>Counts of the dossiers received in the period (a dossier belongs to the period of its receipt).</summary>
    public ScorecardCounts CountsFor(Period period)
    {
        long received = 0, finished = 0;
        foreach (var dossier in _dossiers.Values)
        {
            if (dossier.ReceivedAt is { } at && period.Contains(at))
            {
                received++;
                if (dossier.Finished)
                {
                    finished++;
                }
            }
        }

        return new ScorecardCounts(received, finished);
    }

    private sealed class DossierRecord
    {
        public DateTimeOffset? ReceivedAt { get; set; }

        public bool Finished { get; set; }
    }
}
