using System.Runtime.InteropServices;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Petitions;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// A unit's dossiers and petitions, built from its events in any order and multiplicity, and
/// the tally they give for any period at any evaluation time. Live dossiers and petitions are indexed
/// by the local month of their receipt so a period only visits its own months; months whose subjects
/// are all closed are sealed (<see cref="Seal"/>) into immutable <see cref="SealedMonth"/> tallies and
/// leave memory; open dossiers sit in a <see cref="DueQueue"/> so the next moment one turns overdue is
/// cheap to find.
/// </summary>
/// <remarks>
/// Speed (docs/benchmarks.md), without changing a single count:
/// <list type="bullet">
/// <item>Every change settles the dossier it touched (<see cref="Dossier.Judge"/> then answers any
/// evaluation time after its last fact without recomputing due dates or local days) and rewrites
/// the dossier's <see cref="LedgerRow"/>. A tally walks those rows in order; only a dossier with a
/// fact dated after the evaluation time is judged from its facts.</item>
/// <item>Procedures are numbered once, so distinct-procedure counts need no string sets, and the
/// processing days are summed exactly per decimal scale (the same decimal as adding them one by
/// one; a sum too large for that falls back to adding decimals), which is also what lets sealed
/// months' parts combine with live rows.</item>
/// <item>The last few tallies are kept with the span of evaluation times over which they cannot
/// change (<see cref="KeptTally"/>).</item>
/// </list>
/// The file holds the live part; the tally, sealing and segments live in the other UnitLedger.*.cs files.
/// </remarks>
public sealed partial class UnitLedger(WorkingDayCalendar calendar)
{
    private readonly Dictionary<string, Dossier> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Petition> _petitions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<LedgerRow>> _byReceiptMonth = [];
    private readonly Dictionary<int, HashSet<Petition>> _petitionsByMonth = [];
    private readonly DueQueue _due = new();
    private readonly Dictionary<string, int> _procedureNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _procedureCodes = [];
    private readonly KeptTally?[] _kept = new KeptTally?[4];
    private readonly Dictionary<int, long> _monthVersions = [];
    private readonly Dictionary<int, MonthTally?[]> _monthTallies = [];
    private long _version;
    private long _nextSerial;
    private int _nextKept;

    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>Every dossier the ledger was told of: live ones and those folded into sealed months.</summary>
    public int DossierCount => _dossiers.Count + _foldedDossiers;

    /// <summary>Every petition the ledger was told of: live ones and those folded into sealed months.</summary>
    public int PetitionCount => _petitions.Count + _foldedPetitions;

    /// <summary>The dossiers held in memory.</summary>
    public int LiveDossierCount => _dossiers.Count;

    /// <summary>The petitions held in memory.</summary>
    public int LivePetitionCount => _petitions.Count;

    /// <summary>
    /// The rows the receipt months' lists have room for (at least one per live dossier): what the
    /// ledger's rows take in memory, 64 bytes each, whatever is in them.
    /// </summary>
    public int RowRoom => _byReceiptMonth.Values.Sum(rows => rows.Capacity);

    /// <summary>
    /// Applies one event; returns true when it changed the ledger (its facts, hence its segments), false
    /// when the event is already held, loses to a fact that stands (docs/indicators.md, "Conflicting
    /// facts"), or says nothing the ledger keeps.
    /// </summary>
    /// <exception cref="SealedMonthException">The event is about a sealed month (<see cref="SealedMonthsTouchedBy"/>); the ledger is unchanged.</exception>
    public bool Apply(UnitEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_sealed.Count > 0 && SealedMonthsTouchedBy(e) is { Count: > 0 } touched)
        {
            throw new SealedMonthException(touched);
        }

        return ApplyLive(e);
    }

    private bool ApplyLive(UnitEvent e)
    {
        if (e.Type.IsPetitionEvent())
        {
            if (string.IsNullOrEmpty(e.PetitionId))
            {
                return false;
            }

            // A petition (or dossier) is added only once an event has told something about it, so an
            // event that changes nothing leaves the ledger exactly as it was.
            var known = _petitions.TryGetValue(e.PetitionId, out var petition);
            petition ??= new Petition(e.PetitionId);
            if (!petition.Apply(e))
            {
                return false;
            }

            if (!known)
            {
                _petitions.Add(e.PetitionId, petition);
            }

            _version++;
            Changed(petition.LedgerMonth);
            Index(petition);
            Changed(petition.LedgerMonth);
            return true;
        }

        if (string.IsNullOrEmpty(e.DossierId))
        {
            return false;
        }

        var told = _dossiers.TryGetValue(e.DossierId, out var dossier);
        dossier ??= new Dossier(e.DossierId);
        if (!dossier.Apply(e))
        {
            return false;
        }

        if (!told)
        {
            _dossiers.Add(e.DossierId, dossier);
        }

        _version++;
        var before = dossier.LedgerMonth;
        LedgerRow? was = before >= 0 ? _byReceiptMonth[before][dossier.LedgerSlot] : null;
        Index(dossier);
        if (dossier.LedgerMonth >= 0 && (before == dossier.LedgerMonth || before < 0))
        {
            // Changed within its month, or newly received into one: the month's kept counts follow.
            Changed(dossier.LedgerMonth, was, _byReceiptMonth[dossier.LedgerMonth][dossier.LedgerSlot]);
        }
        else
        {
            Changed(before);
            Changed(dossier.LedgerMonth);
        }

        return true;
    }

    /// <summary>Something received in the month (by its key; none when negative) changed: its kept counts no longer hold.</summary>
    private void Changed(int month)
    {
        if (month >= 0)
        {
            _monthVersions[month] = _monthVersions.GetValueOrDefault(month) + 1;
        }
    }

    /// <summary>A live dossier (one folded into a sealed month is not found).</summary>
    public Dossier? Find(string dossierId) => _dossiers.GetValueOrDefault(dossierId);

    /// <summary>
    /// The live dossiers received in the period (at any time within it, whatever the evaluation time), in
    /// the order the tally visits them. For explanations, which use ledgers that never seal.
    /// </summary>
    public IEnumerable<Dossier> DossiersReceivedIn(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.Start.UtcTicks;
        var to = period.End.UtcTicks;
        for (var month = ReceiptMonth.KeyOf(VietnamTime.LocalDate(period.Start)); month <= ReceiptMonth.KeyOf(period.LastDay); month++)
        {
            if (!_byReceiptMonth.TryGetValue(month, out var rows))
            {
                continue;
            }

            foreach (var row in rows)
            {
                if (row.ReceivedAt >= from && row.ReceivedAt < to)
                {
                    yield return row.Dossier;
                }
            }
        }
    }

    /// <summary>The live petitions received in the period (whatever the evaluation time), in no particular order.</summary>
    public IEnumerable<Petition> PetitionsReceivedIn(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.Start.UtcTicks;
        var to = period.End.UtcTicks;
        for (var month = ReceiptMonth.KeyOf(VietnamTime.LocalDate(period.Start)); month <= ReceiptMonth.KeyOf(period.LastDay); month++)
        {
            if (!_petitionsByMonth.TryGetValue(month, out var petitions))
            {
                continue;
            }

            foreach (var petition in petitions)
            {
                if (petition.ReceivedAt is { } received && received.UtcTicks >= from && received.UtcTicks < to)
                {
                    yield return petition;
                }
            }
        }
    }

    /// <summary>The received dossiers with no finishing fact yet (in no particular order; never sealed).</summary>
    public IEnumerable<Dossier> OpenDossiers => _due.Open;

    /// <summary>The next moment after <paramref name="now"/> at which an open dossier turns overdue, if any.</summary>
    public DateTimeOffset? NextTurnOverdue(DateTimeOffset now) => _due.Next(now, Calendar);

    private void Index(Petition petition)
    {
        var month = petition.ReceivedAt is { } received ? ReceiptMonth.KeyOf(Dossier.LocalDay(received)) : -1;
        if (month == petition.LedgerMonth)
        {
            return;
        }

        if (petition.LedgerMonth >= 0 && _petitionsByMonth.TryGetValue(petition.LedgerMonth, out var left))
        {
            left.Remove(petition);
            if (left.Count == 0)
            {
                _petitionsByMonth.Remove(petition.LedgerMonth);
            }
        }

        if (month >= 0)
        {
            if (!_petitionsByMonth.TryGetValue(month, out var set))
            {
                _petitionsByMonth[month] = set = new HashSet<Petition>(ReferenceEqualityComparer.Instance);
            }

            set.Add(petition);
        }

        petition.LedgerMonth = month;
    }

    private void Index(Dossier dossier)
    {
        if (dossier.Receipt is not { } receipt)
        {
            return;
        }

        if (!ReferenceEquals(dossier.LedgerReceipt, receipt))
        {
            var month = ReceiptMonth.KeyOf(Dossier.LocalDay(receipt.ReceivedAt));
            if (dossier.LedgerMonth != month)
            {
                if (dossier.LedgerMonth >= 0)
                {
                    // Keep the order of the rest: the tally visits rows in the order dossiers were first received.
                    var left = _byReceiptMonth[dossier.LedgerMonth];
                    left.RemoveAt(dossier.LedgerSlot);
                    for (var i = dossier.LedgerSlot; i < left.Count; i++)
                    {
                        left[i].Dossier.LedgerSlot = i;
                    }
                }
                else
                {
                    dossier.LedgerSerial = _nextSerial++;
                }

                if (!_byReceiptMonth.TryGetValue(month, out var rows))
                {
                    _byReceiptMonth[month] = rows = [];
                }

                dossier.LedgerSlot = rows.Count;
                rows.Add(new LedgerRow { Dossier = dossier });
                dossier.LedgerMonth = month;
            }

            dossier.LedgerProcedure = NumberOf(receipt.ProcedureCode);
            dossier.LedgerReceipt = receipt;
        }

        dossier.Settle(Calendar);
        var row = LedgerRow.Of(dossier, receipt, Calendar);
        CollectionsMarshal.AsSpan(_byReceiptMonth[dossier.LedgerMonth])[dossier.LedgerSlot] = row;

        // Open = no finishing fact at all yet; a dossier that finishes later leaves the set.
        var open = dossier.CompletedAt is null && dossier.ResultReturnedAt is null && dossier.RefusedAt is null && dossier.WithdrawnAt is null;
        if (open || dossier.LedgerOpen)
        {
            _due.Set(dossier, row, open);
        }

        dossier.LedgerOpen = open;
    }

    /// <summary>The ledger's number for a procedure code (distinct-procedure counts use numbers, not strings).</summary>
    private int NumberOf(string procedureCode)
    {
        if (!_procedureNumbers.TryGetValue(procedureCode, out var number))
        {
            _procedureNumbers.Add(procedureCode, number = _procedureNumbers.Count);
            _procedureCodes.Add(procedureCode);
        }

        return number;
    }
}
