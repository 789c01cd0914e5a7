using System.Runtime.InteropServices;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Petitions;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>Sealing months into immutable tallies, finding the sealed months an event or a tally needs, and reopening them.</summary>
public sealed partial class UnitLedger
{
    private static readonly ReceiptMonth[] NoMonths = [];

    private readonly SortedDictionary<int, SealedEntry> _sealed = [];
    private int _foldedDossiers;
    private int _foldedPetitions;

    /// <summary>The sealed months, oldest first.</summary>
    public IReadOnlyCollection<SealedMonth> SealedMonths => [.. _sealed.Values.Select(s => s.Month)];

    /// <summary>How many sealed months hold their parts as objects; the others keep them packed until a tally reads them.</summary>
    public int SealedMonthsUnpacked => _sealed.Values.Count(s => s.Month.Unpacked);

    /// <summary>
    /// Seals every month the policy allows at <paramref name="now"/>; returns the newly sealed months (their
    /// <see cref="SealedMonth"/> is in <see cref="SealedMonths"/>). A month sealed before, whose open dossiers
    /// have closed since, is sealed again with them folded in. First packs the parts of the sealed months no
    /// tally has read since the last pass (<see cref="SealedMonthsUnpacked"/>).
    /// </summary>
    public IReadOnlyList<ReceiptMonth> Seal(DateTimeOffset now, SealPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var at = now.UtcTicks;
        var quietSince = QuietSince(now, policy.QuietFor);
        var sealedNow = new List<ReceiptMonth>();
        foreach (var entry in _sealed.Values)
        {
            // Parts no tally has read since the last pass are packed: most of a unit's sealed months are
            // asked about rarely (a past period), and unpacking one takes microseconds.
            entry.Month.PackIfUnread();
        }

        foreach (var key in _byReceiptMonth.Keys.Union(_petitionsByMonth.Keys).Order().ToList())
        {
            var month = ReceiptMonth.FromKey(key);
            var end = month.End;
            var running = now < end || now - end < policy.AfterMonthEnd;
            if (running && policy.RunningFoldAt is null)
            {
                continue;
            }

            var rows = _byReceiptMonth.GetValueOrDefault(key) ?? [];
            var petitions = _petitionsByMonth.GetValueOrDefault(key) ?? [];
            // Counted before anything is listed: a unit looks each traffic day, and mostly nothing may fold yet.
            var folding = 0;
            foreach (ref readonly var row in CollectionsMarshal.AsSpan(rows))
            {
                folding += Foldable(row, at, quietSince) ? 1 : 0;
            }

            foreach (var petition in petitions)
            {
                folding += Foldable(petition, quietSince) ? 1 : 0;
            }

            var allClosed = folding == rows.Count + petitions.Count;
            var mayFold = running
                ? folding >= Math.Max(1, policy.RunningFoldAt!.Value) && folding * 4 >= rows.Count + petitions.Count
                : (allClosed || (policy.SealOpenAfter is { } grace && now - end >= grace))
                    && !(!allClosed && _sealed.ContainsKey(key) && folding * 4 < rows.Count + petitions.Count); // a reseal per straggler would write a row each pass
            if (!mayFold || folding == 0)
            {
                continue;
            }

            var foldedRows = rows.Where(r => Foldable(r, at, quietSince)).ToList();
            var foldedPetitions = petitions.Where(p => Foldable(p, quietSince)).ToList();
            if (Fold(month, _sealed.GetValueOrDefault(key)?.Month, foldedRows, foldedPetitions) is not { } folded)
            {
                continue;
            }

            Adopt(folded);
            foreach (var row in foldedRows)
            {
                _dossiers.Remove(row.Dossier.Id);
                row.Dossier.LedgerMonth = -1;
            }

            if (foldedRows.Count == rows.Count)
            {
                _byReceiptMonth.Remove(key);
            }
            else
            {
                rows.RemoveAll(r => r.Dossier.LedgerMonth < 0);
                // The few left (dossiers that never finish) must not keep the whole month's array: a
                // department's month grew it to 65,536 rows, and a year of such months held ten times
                // the live rows (docs/benchmarks.md, "Fourth pass").
                rows.TrimExcess();
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Dossier.LedgerSlot = i;
                }
            }

            foreach (var petition in foldedPetitions)
            {
                _petitions.Remove(petition.Id);
                petitions.Remove(petition);
            }

            if (petitions.Count == 0)
            {
                _petitionsByMonth.Remove(key);
            }

            _version++;
            Changed(key);
            sealedNow.Add(month);
        }

        if (sealedNow.Count > 0)
        {
            TrimIndexes();
        }

        return sealedNow;
    }

    /// <summary>
    /// The sealed months that must be reopened before <see cref="Apply"/>(e): those whose filter may hold its
    /// dossier or petition, when that subject is not live (a false positive only costs a reopen). Empty for an
    /// event about a live subject or a new one, whatever month its receipt is dated in.
    /// </summary>
    public IReadOnlyList<ReceiptMonth> SealedMonthsTouchedBy(UnitEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Touched(e, reopening: null);
    }

    /// <summary>
    /// Drops the sealed tallies of <paramref name="months"/> and applies <paramref name="events"/> (every stored
    /// event about any subject received in those months). Throws <see cref="SealedMonthException"/> naming more
    /// months when the events touch other sealed months (a receipt corrected across months): the caller adds
    /// them and retries with all their events; the ledger is unchanged when it throws.
    /// </summary>
    public void Reopen(IReadOnlyList<ReceiptMonth> months, IEnumerable<UnitEvent> events)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(events);
        var reopening = months.Select(m => m.Key).Where(_sealed.ContainsKey).ToHashSet();
        var told = events.ToList();
        var more = new SortedSet<ReceiptMonth>();
        foreach (var e in told)
        {
            more.UnionWith(Touched(e, reopening));
        }

        if (more.Count > 0)
        {
            throw new SealedMonthException([.. more]);
        }

        foreach (var key in reopening)
        {
            var month = _sealed[key].Month;
            _sealed.Remove(key);
            _foldedDossiers -= month.Dossiers;
            _foldedPetitions -= month.Petitions;
            Changed(key);
        }

        _version++;
        foreach (var e in told)
        {
            ApplyLive(e);
        }
    }

    /// <summary>The sealed months (other than those being reopened) an event touches.</summary>
    private IReadOnlyList<ReceiptMonth> Touched(UnitEvent e, HashSet<int>? reopening)
    {
        // Allocation-free for the common case (Apply asks for every event): a live subject, no receipt in a sealed month.
        var petition = e.Type.IsPetitionEvent();
        var id = petition ? e.PetitionId : e.DossierId;
        if (_sealed.Count == 0 || string.IsNullOrEmpty(id))
        {
            return NoMonths;
        }

        // A receipt dated in a sealed month needs nothing of it unless its subject was folded there: a new
        // dossier is counted live beside the month's parts (the running month takes all its receipts so).
        if (petition ? _petitions.ContainsKey(id) : _dossiers.ContainsKey(id))
        {
            return NoMonths;
        }

        var touched = new List<ReceiptMonth>();

        var subject = petition ? SubjectKey.Petition(id) : SubjectKey.Dossier(id);
        if (reopening is not null && reopening.Any(key => _sealed[key].Month.MayHold(subject)))
        {
            // Folded in a month being reopened: it comes back live with it.
            return touched;
        }

        foreach (var (key, entry) in _sealed)
        {
            if (reopening?.Contains(key) != true && entry.Month.MayHold(subject) && !touched.Contains(entry.Month.Month))
            {
                touched.Add(entry.Month.Month);
            }
        }

        return touched;
    }

    /// <summary>
    /// Gives back the id indexes' room once a seal has emptied most of it: they grew to hold two months'
    /// dossiers (the running one and the last, until it seals) and would otherwise keep that size for good.
    /// </summary>
    private void TrimIndexes()
    {
        if (_dossiers.Count < _dossiers.EnsureCapacity(0) / 2)
        {
            _dossiers.TrimExcess();
        }

        if (_petitions.Count < _petitions.EnsureCapacity(0) / 2)
        {
            _petitions.TrimExcess();
        }
    }

    /// <summary>
    /// The latest last fact that counts as quiet at <paramref name="now"/>: <paramref name="quietFor"/> back,
    /// not counting weekdays off (Tết, national holidays). Offices are closed then, so the result, payment
    /// or rating that follows a finish waits for them; counted by the clock, Tết folded dossiers whose next
    /// fact was days away, and every unit reopened its month at once after it (docs/benchmarks.md,
    /// "Three years of the city").
    /// </summary>
    private long QuietSince(DateTimeOffset now, TimeSpan quietFor)
    {
        if (quietFor <= TimeSpan.Zero)
        {
            return now.UtcTicks;
        }

        var since = now - quietFor;
        var first = VietnamTime.LocalDate(since);
        var day = VietnamTime.LocalDate(now);
        for (var walked = 0; day >= first && walked < 366; walked++, day = day.AddDays(-1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsWorkingDay(day))
            {
                since = since.AddDays(-1); // the window takes in one more day for each weekday off inside it
                first = VietnamTime.LocalDate(since);
            }
        }

        return since.UtcTicks;
    }

    /// <summary>
    /// A closed dossier whose row settles it by <paramref name="at"/> (not a negative zero) and whose last
    /// fact happened by <paramref name="quietSince"/> (at most <paramref name="at"/>).
    /// </summary>
    private static bool Foldable(in LedgerRow row, long at, long quietSince) =>
        row.IsSettled && row.SettledFrom <= at && row.Outcome <= DossierOutcome.FinishedLate && !row.Dossier.LedgerOpen
        && row.Dossier.LastFactTicks <= quietSince;

    /// <summary>A resolved petition whose last fact happened by <paramref name="quietSince"/> (at most the seal's now).</summary>
    private static bool Foldable(Petition petition, long quietSince) =>
        petition.ResolvedAt is not null && petition.LastFactAt is { } last && last.UtcTicks <= quietSince;

    /// <summary>Takes a sealed month in (replacing one of the same month): numbers its procedures and counts what it folded.</summary>
    private void Adopt(SealedMonth month)
    {
        var numbers = new int[month.ProcedureCodes.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = NumberOf(month.ProcedureCodes[i]);
        }

        if (_sealed.TryGetValue(month.Month.Key, out var earlier))
        {
            _foldedDossiers -= earlier.Month.Dossiers;
            _foldedPetitions -= earlier.Month.Petitions;
        }

        _foldedDossiers += month.Dossiers;
        _foldedPetitions += month.Petitions;
        _sealed[month.Month.Key] = new SealedEntry(month, numbers);
    }

    /// <summary>
    /// The sealed month of <paramref name="rows"/> and <paramref name="petitions"/> (with <paramref name="earlier"/>'s
    /// parts added when the month was sealed before): per receipt day, the tally parts at each standard instant
    /// before the seal point and at the seal point. Null when a part cannot be summed exactly (it stays live).
    /// </summary>
    private SealedMonth? Fold(ReceiptMonth month, SealedMonth? earlier, List<LedgerRow> rows, List<Petition> petitions)
    {
        var sealPoint = earlier?.SealPoint ?? long.MinValue;
        foreach (var row in rows)
        {
            sealPoint = Math.Max(sealPoint, row.SettledFrom);
        }

        foreach (var petition in petitions)
        {
            sealPoint = Math.Max(sealPoint, petition.LastFactAt!.Value.UtcTicks);
        }

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            codes.Add(_procedureCodes[row.Procedure]);
        }

        codes.UnionWith(earlier?.ProcedureCodes ?? []);
        var codeTable = codes.ToArray();
        var codeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codeTable.Length; i++)
        {
            codeIndex[codeTable[i]] = i;
        }

        var renumber = earlier?.ProcedureCodes.Select(c => codeIndex[c]).ToArray();
        var days = month.LastDay.Day;
        var rowsByDay = rows.GroupBy(r => Dossier.LocalDay(r.Dossier.Receipt!.ReceivedAt).Day).ToDictionary(g => g.Key, g => g.ToList());
        var petitionsByDay = petitions.GroupBy(p => Dossier.LocalDay(p.ReceivedAt!.Value).Day).ToDictionary(g => g.Key, g => g.ToList());
        var instants = SealedMonth.StandardInstants(month, sealPoint);
        var parts = new MonthPart?[instants.Length + 1][];
        var procedures = new byte[_procedureNumbers.Count];
        var noSpan = new TallySpan();
        for (var slot = 0; slot < parts.Length; slot++)
        {
            var at = slot < instants.Length ? instants[slot] : sealPoint;
            var evaluatedAt = new DateTimeOffset(at, TimeSpan.Zero);
            var earlierParts = earlier?.PartsAt(at);
            if (earlier is not null && earlierParts is null)
            {
                return null; // cannot happen: an earlier seal point's standard instants are among these
            }

            parts[slot] = new MonthPart?[days];
            for (var day = 1; day <= days; day++)
            {
                var counter = new Counter(exactSum: true);
                foreach (var row in rowsByDay.GetValueOrDefault(day) ?? [])
                {
                    counter.CountRow(row, at, evaluatedAt, Calendar, procedures, ref noSpan);
                }

                foreach (var petition in petitionsByDay.GetValueOrDefault(day) ?? [])
                {
                    counter.CountPetition(petition, long.MinValue, long.MaxValue, evaluatedAt, ref noSpan);
                }

                if (counter.Overflowed)
                {
                    return null;
                }

                var part = MonthPart.Of(counter, procedures, _procedureCodes, codeIndex);
                var before = earlierParts?[day - 1]?.Renumbered(renumber!);
                parts[slot][day - 1] = part is null ? before : part.Plus(before);
            }
        }

        // Most days' dossiers had settled by the month's end: one part then serves both instants.
        var final = parts[^1];
        for (var slot = 0; slot < instants.Length; slot++)
        {
            for (var day = 0; day < days; day++)
            {
                if (parts[slot][day] is { } part && final[day] is { } settled && part.SameAs(settled))
                {
                    parts[slot][day] = settled;
                }
            }
        }

        var filter = new List<ulong>(rows.Count + petitions.Count + (earlier?.Filter.Length ?? 0));
        filter.AddRange(rows.Select(r => SubjectKey.Dossier(r.Dossier.Id)));
        filter.AddRange(petitions.Select(p => SubjectKey.Petition(p.Id)));
        filter.AddRange(earlier?.Filter ?? []);
        filter.Sort();
        return new SealedMonth(
            month, rows.Count + (earlier?.Dossiers ?? 0), petitions.Count + (earlier?.Petitions ?? 0), CalendarFingerprint.Of(Calendar),
            sealPoint, instants, codeTable, parts, [.. filter]);
    }

    /// <summary>A sealed month held by the ledger, with its procedure codes numbered the ledger's way.</summary>
    private sealed record SealedEntry(SealedMonth Month, int[] ProcedureNumbers);
}
