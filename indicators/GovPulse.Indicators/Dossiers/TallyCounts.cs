using System.Runtime.CompilerServices;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The integer counts of a tally (everything but the processing-day sum and the distinct-procedure
/// counts): each is a sum over dossiers or petitions, so the counts of disjoint sets add.
/// </summary>
internal struct TallyCounts
{
    /// <summary>Per <see cref="DossierOutcome"/>.</summary>
    public OutcomeCounts Outcomes;
    public long Apologies;
    public long Synced;
    public long Online;
    public long Fee;
    public long FeePaidOnline;
    public long PaperFinished;
    public long Electronic;
    public long Digitized;
    public long Reused;
    public long Linked;
    public long CitizenData;
    public long Unsatisfactory;
    public long Petitions;
    public long PetitionsOnTime;
    public long PetitionsSatisfactory;

    private const int OutcomeCount = 5;

    public readonly bool IsZero
    {
        get
        {
            for (var i = 0; i < OutcomeCount; i++)
            {
                if (Outcomes[i] != 0)
                {
                    return false;
                }
            }

            return (Apologies | Synced | Online | Fee | FeePaidOnline | PaperFinished | Electronic | Digitized | Reused | Linked
                | CitizenData | Unsatisfactory | Petitions | PetitionsOnTime | PetitionsSatisfactory) == 0;
        }
    }

    public readonly bool SameAs(in TallyCounts other)
    {
        for (var i = 0; i < OutcomeCount; i++)
        {
            if (Outcomes[i] != other.Outcomes[i])
            {
                return false;
            }
        }

        return Apologies == other.Apologies && Synced == other.Synced && Online == other.Online && Fee == other.Fee
            && FeePaidOnline == other.FeePaidOnline && PaperFinished == other.PaperFinished && Electronic == other.Electronic
            && Digitized == other.Digitized && Reused == other.Reused && Linked == other.Linked && CitizenData == other.CitizenData
            && Unsatisfactory == other.Unsatisfactory && Petitions == other.Petitions && PetitionsOnTime == other.PetitionsOnTime
            && PetitionsSatisfactory == other.PetitionsSatisfactory;
    }

    public void Subtract(in TallyCounts other) => Add(other, sign: -1);

    public void Add(in TallyCounts other) => Add(other, sign: 1);

    private void Add(in TallyCounts other, long sign)
    {
        for (var i = 0; i < OutcomeCount; i++)
        {
            Outcomes[i] += sign * other.Outcomes[i];
        }

        Apologies += sign * other.Apologies;
        Synced += sign * other.Synced;
        Online += sign * other.Online;
        Fee += sign * other.Fee;
        FeePaidOnline += sign * other.FeePaidOnline;
        PaperFinished += sign * other.PaperFinished;
        Electronic += sign * other.Electronic;
        Digitized += sign * other.Digitized;
        Reused += sign * other.Reused;
        Linked += sign * other.Linked;
        CitizenData += sign * other.CitizenData;
        Unsatisfactory += sign * other.Unsatisfactory;
        Petitions += sign * other.Petitions;
        PetitionsOnTime += sign * other.PetitionsOnTime;
        PetitionsSatisfactory += sign * other.PetitionsSatisfactory;
    }

    public readonly void Write(SnapshotWriter w)
    {
        for (var i = 0; i < OutcomeCount; i++)
        {
            w.Long(Outcomes[i]);
        }

        foreach (var count in (ReadOnlySpan<long>)[Apologies, Synced, Online, Fee, FeePaidOnline, PaperFinished, Electronic, Digitized, Reused, Linked, CitizenData, Unsatisfactory, Petitions, PetitionsOnTime, PetitionsSatisfactory])
        {
            w.Long(count);
        }
    }

    public static TallyCounts Read(SnapshotReader r)
    {
        var counts = default(TallyCounts);
        for (var i = 0; i < OutcomeCount; i++)
        {
            counts.Outcomes[i] = r.Long();
        }

        counts.Apologies = r.Long();
        counts.Synced = r.Long();
        counts.Online = r.Long();
        counts.Fee = r.Long();
        counts.FeePaidOnline = r.Long();
        counts.PaperFinished = r.Long();
        counts.Electronic = r.Long();
        counts.Digitized = r.Long();
        counts.Reused = r.Long();
        counts.Linked = r.Long();
        counts.CitizenData = r.Long();
        counts.Unsatisfactory = r.Long();
        counts.Petitions = r.Long();
        counts.PetitionsOnTime = r.Long();
        counts.PetitionsSatisfactory = r.Long();
        return counts;
    }

    /// <summary>One count per dossier outcome, indexed by <see cref="DossierOutcome"/>.</summary>
    [InlineArray(OutcomeCount)]
    public struct OutcomeCounts
    {
        private long _count;
    }
}
