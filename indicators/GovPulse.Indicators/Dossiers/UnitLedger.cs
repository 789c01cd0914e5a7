using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Petitions;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// A unit's dossiers and petitions, built from its events in any order and multiplicity, and
/// the tally they give for any period at any evaluation time. Dossiers are indexed by the local
/// month of their receipt so a period only visits its own months, and open dossiers are kept
/// apart so the next moment one turns overdue is cheap to find.
/// </summary>
/// <remarks>
/// Speed (docs/benchmarks.md), without changing a single count:
/// <list type="bullet">
/// <item>Every change settles the dossier it touched (<see cref="Dossier.Judge"/> then answers any
/// evaluation time after its last fact without recomputing due dates or local days) and rewrites
/// the dossier's <see cref="Row"/>: a small struct, in its receipt month's list, with what the tally
/// needs once all the dossier's facts have happened. A tally walks those rows in order; only a
/// dossier with a fact dated after the evaluation time is judged from its facts.</item>
/// <item>Procedures are numbered once, so distinct-procedure counts need no string sets, and the
/// processing days are summed exactly in a 128-bit integer (the same decimal as adding them one by
/// one; a sum too large for that falls back to adding decimals).</item>
/// <item>The last few tallies are kept with the span of evaluation times over which they cannot
/// change: until any event changes the ledger, and no later than the next moment an open dossier of
/// the period falls due or a fact of the period dated after the evaluation time comes true. A tally
/// asked for within that span is the kept one.</item>
/// </list>
/// </remarks>
public sealed class UnitLedger(WorkingDayCalendar calendar)
{
    /// <summary>
    /// Raise when what a snapshot holds or means changes: older snapshots are then ignored and units
    /// rebuild from their events. 2: receipts (dossier and petition) keep their event id, which breaks
    /// ties between receipts told at the same time (format 1 let the last to arrive win).
    /// </summary>
    public const int SnapshotFormat = 2;

    private const int SnapshotMagic = 0x4C504720; // "GPL "

    private readonly Dictionary<string, Dossier> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Petition> _petitions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<Row>> _byReceiptMonth = [];
    private readonly HashSet<Dossier> _open = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _procedureNumbers = new(StringComparer.Ordinal);
    private readonly KeptTally?[] _kept = new KeptTally?[4];
    private long _version;
    private int _nextKept;

    public WorkingDayCalendar Calendar { get; } = calendar;

    public int DossierCount => _dossiers.Count;

    public int PetitionCount => _petitions.Count;

    /// <summary>
    /// Applies one event; returns true when it changed the ledger (its facts, hence its snapshot), false
    /// when the event is already held, loses to a fact that stands (docs/indicators.md, "Conflicting
    /// facts"), or says nothing the ledger keeps.
    /// </summary>
    public bool Apply(UnitEvent e)
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
        Index(dossier);
        return true;
    }

    /// <summary>
    /// Writes the ledger's facts: every dossier (in the order the tally visits them, so a restored
    /// ledger adds processing days in the same order) and every petition. Only facts are kept, never
    /// judgements, so a snapshot stays right when the timing rules or the calendar change; a change to
    /// what an event means must raise <see cref="SnapshotFormat"/>.
    /// </summary>
    public void WriteSnapshot(Stream output)
    {
        using var w = new SnapshotWriter(output);
        w.Int(SnapshotMagic);
        w.Int(SnapshotFormat);
        w.Int(_dossiers.Count);
        var written = 0;
        foreach (var month in _byReceiptMonth.Keys.Order())
        {
            foreach (var row in _byReceiptMonth[month])
            {
                row.Dossier.WriteFacts(w);
                written++;
            }
        }

        foreach (var dossier in _dossiers.Values)
        {
            if (dossier.LedgerMonth < 0)
            {
                dossier.WriteFacts(w);
                written++;
            }
        }

        if (written != _dossiers.Count)
        {
            throw new InvalidOperationException($"The ledger indexes {written} of its {_dossiers.Count} dossiers.");
        }

        w.Int(_petitions.Count);
        foreach (var petition in _petitions.Values)
        {
            petition.WriteFacts(w);
        }
    }

    /// <summary>A ledger holding the facts of a snapshot <see cref="WriteSnapshot"/> wrote; it answers exactly as the ledger that wrote it.</summary>
    /// <exception cref="SnapshotFormatException">The snapshot is of another format or damaged.</exception>
    public static UnitLedger FromSnapshot(Stream input, WorkingDayCalendar calendar)
    {
        var ledger = new UnitLedger(calendar);
        try
        {
            using var r = new SnapshotReader(input);
            if (r.Int() != SnapshotMagic || r.Int() is var format && format != SnapshotFormat)
            {
                throw new SnapshotFormatException($"not a ledger snapshot of format {SnapshotFormat}");
            }

            var dossiers = r.Int();
            ledger._dossiers.EnsureCapacity(dossiers);
            for (var i = 0; i < dossiers; i++)
            {
                var dossier = Dossier.ReadFacts(r);
                ledger._dossiers.Add(dossier.Id, dossier);
                ledger.Index(dossier);
            }

            var petitions = r.Int();
            for (var i = 0; i < petitions; i++)
            {
                var petition = Petition.ReadFacts(r);
                ledger._petitions.Add(petition.Id, petition);
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or FormatException or OverflowException or IOException)
        {
            throw new SnapshotFormatException("the snapshot is damaged", ex);
        }

        ledger._version++;
        return ledger;
    }

    public Dossier? Find(string dossierId) => _dossiers.GetValueOrDefault(dossierId);

    /// <summary>
    /// The dossiers received in the period (at any time within it, whatever the evaluation time), in
    /// the order the tally visits them. For explanations; the tally itself walks its rows.
    /// </summary>
    public IEnumerable<Dossier> DossiersReceivedIn(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.Start.UtcTicks;
        var to = period.End.UtcTicks;
        for (var month = MonthKey(VietnamTime.LocalDate(period.Start)); month <= MonthKey(period.LastDay); month++)
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

    /// <summary>The petitions received in the period (whatever the evaluation time), in no particular order.</summary>
    public IEnumerable<Petition> PetitionsReceivedIn(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var from = period.Start.UtcTicks;
        var to = period.End.UtcTicks;
        foreach (var petition in _petitions.Values)
        {
            if (petition.ReceivedAt is { } received && received.UtcTicks >= from && received.UtcTicks < to)
            {
                yield return petition;
            }
        }
    }

    /// <summary>The received dossiers with no finishing fact yet (in no particular order).</summary>
    public IEnumerable<Dossier> OpenDossiers => _open;

    /// <summary>The unit's tally for dossiers and petitions received in the period, judged at <paramref name="evaluatedAt"/>.</summary>
    public DossierTally Tally(Period period, DateTimeOffset evaluatedAt)
    {
        var version = _version;
        foreach (var kept in _kept)
        {
            if (kept is not null && kept.Version == version && kept.Holds(evaluatedAt.UtcTicks) && kept.Period == period)
            {
                return kept.Tally;
            }
        }

        var counted = Count(period, evaluatedAt, version, exactSum: true) ?? Count(period, evaluatedAt, version, exactSum: false)!;
        Keep(counted);
        return counted.Tally;
    }

    /// <summary>The next moment after <paramref name="now"/> at which an open dossier turns overdue, if any.</summary>
    public DateTimeOffset? NextTurnOverdue(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var dossier in _open)
        {
            if (dossier.TurnsOverdueAt(now, Calendar) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    private void Keep(KeptTally counted)
    {
        // Replace the period's own slot if it has one, else the oldest.
        for (var i = 0; i < _kept.Length; i++)
        {
            if (_kept[i] is { } kept && kept.Period == counted.Period)
            {
                _kept[i] = counted;
                return;
            }
        }

        _kept[_nextKept] = counted;
        _nextKept = (_nextKept + 1) % _kept.Length;
    }

    /// <summary>
    /// Counts the period at <paramref name="evaluatedAt"/> and works out the span of evaluation times
    /// over which the count stays the same: a dossier whose facts have all happened contributes the
    /// same from its last fact on, except that an open one turns overdue at its due time; one with a
    /// fact still to come pins the span to the evaluation time itself. Null when the exact sum of the
    /// processing days would not fit a decimal, so the caller counts again adding decimals.
    /// </summary>
    private KeptTally? Count(Period period, DateTimeOffset evaluatedAt, long version, bool exactSum)
    {
        var counter = new Counter(exactSum);
        Span<long> outcomes = stackalloc long[5];
        var procedures = _procedureNumbers.Count <= 1024 ? stackalloc byte[_procedureNumbers.Count] : new byte[_procedureNumbers.Count];
        var from = period.Start.UtcTicks;
        var to = period.End.UtcTicks;
        var at = evaluatedAt.UtcTicks;
        var holdsFrom = long.MinValue;
        var holdsUntil = long.MaxValue;
        var spans = true;

        for (var month = MonthKey(VietnamTime.LocalDate(period.Start)); month <= MonthKey(period.LastDay); month++)
        {
            if (!_byReceiptMonth.TryGetValue(month, out var rows))
            {
                continue;
            }

            foreach (ref readonly var row in CollectionsMarshal.AsSpan(rows))
            {
                if (row.ReceivedAt < from || row.ReceivedAt >= to)
                {
                    continue;
                }

                if (row.ReceivedAt > at)
                {
                    holdsUntil = Math.Min(holdsUntil, row.ReceivedAt);
                    continue;
                }

                if (at < row.SettledFrom)
                {
                    // A fact of this dossier is dated after the evaluation time: judge it from its facts.
                    spans = false;
                    counter.CountFromFacts(row.Dossier, evaluatedAt, Calendar, outcomes, procedures);
                    continue;
                }

                holdsFrom = Math.Max(holdsFrom, row.SettledFrom);
                var flags = row.Flags;
                var outcome = row.Outcome;
                if (outcome >= DossierOutcome.InProgressOnTime)
                {
                    if ((flags & Row.TooManyRequests) != 0)
                    {
                        outcome = DossierOutcome.InProgressOverdue;
                    }
                    else if (row.Due > at)
                    {
                        outcome = DossierOutcome.InProgressOnTime;
                        holdsUntil = Math.Min(holdsUntil, row.Due);
                    }
                    else
                    {
                        outcome = DossierOutcome.InProgressOverdue;
                        holdsFrom = Math.Max(holdsFrom, row.Due);
                    }
                }
                else
                {
                    counter.AddProcessing(row.ProcessingLow, row.ProcessingHigh, row.ProcessingScale);
                }

                outcomes[(int)outcome]++;
                counter.Count(flags, outcome, row.Apologies);
                procedures[row.Procedure] |= (byte)(flags & Row.ProcedureFlags);
            }
        }

        if (counter.Overflowed || counter.ProcessingDays() is not { } processingDays)
        {
            return null;
        }

        long onlineProcedures = 0, feeProcedures = 0, feeProceduresPaidOnline = 0;
        foreach (var flags in procedures)
        {
            onlineProcedures += flags & Row.Online;
            feeProcedures += (flags & Row.Fee) >> 1;
            feeProceduresPaidOnline += (flags & Row.FeePaidOnline) >> 2;
        }

        long petitions = 0, petitionsOnTime = 0, petitionsSatisfactory = 0;
        foreach (var petition in _petitions.Values)
        {
            if (petition.ReceivedAt is not { } received || received.UtcTicks < from || received.UtcTicks >= to)
            {
                continue;
            }

            // A petition's standing changes only at its receipt, resolution, rating and due times.
            Bound(received, at, ref holdsFrom, ref holdsUntil);
            Bound(petition.ResolvedAt, at, ref holdsFrom, ref holdsUntil);
            Bound(petition.RatedAt, at, ref holdsFrom, ref holdsUntil);
            Bound(petition.DueAt, at, ref holdsFrom, ref holdsUntil);
            if (received > evaluatedAt)
            {
                continue;
            }

            petitions++;
            petitionsOnTime += petition.IsOnTime(evaluatedAt) ? 1 : 0;
            petitionsSatisfactory += petition.IsSatisfactory(evaluatedAt) ? 1 : 0;
        }

        var early = outcomes[(int)DossierOutcome.FinishedEarly];
        var onDueDate = outcomes[(int)DossierOutcome.FinishedOnTime];
        var late = outcomes[(int)DossierOutcome.FinishedLate];
        var openOnTime = outcomes[(int)DossierOutcome.InProgressOnTime];
        var openOverdue = outcomes[(int)DossierOutcome.InProgressOverdue];
        var tally = new DossierTally
        {
            Received = early + onDueDate + late + openOnTime + openOverdue,
            FinishedEarly = early,
            FinishedOnDueDate = onDueDate,
            FinishedLate = late,
            InProgressOnTime = openOnTime,
            InProgressOverdue = openOverdue,
            Apologies = counter.Apologies,
            ProcessingDays = processingDays,
            Synced = counter.Synced,
            ReceivedOnline = counter.Online,
            ProceduresWithOnlineDossiers = onlineProcedures,
            FeeDossiers = counter.Fee,
            FeeDossiersPaidOnline = counter.FeePaidOnline,
            FeeProceduresWithDossiers = feeProcedures,
            FeeProceduresPaidOnline = feeProceduresPaidOnline,
            PaperResultFinished = counter.PaperFinished,
            ElectronicResultOfPaper = counter.Electronic,
            Digitized = counter.Digitized,
            ReusedData = counter.Reused,
            PersonalStoreLinked = counter.Linked,
            CitizenData = counter.CitizenData,
            Unsatisfactory = counter.Unsatisfactory,
            Petitions = petitions,
            PetitionsOnTime = petitionsOnTime,
            PetitionsSatisfactory = petitionsSatisfactory,
        };

        return spans
            ? new KeptTally(period, version, at, holdsFrom, holdsUntil, tally)
            : new KeptTally(period, version, at, at, at, tally);
    }

    private void Index(Dossier dossier)
    {
        if (dossier.Receipt is not { } receipt)
        {
            return;
        }

        if (!ReferenceEquals(dossier.LedgerReceipt, receipt))
        {
            var month = MonthKey(Dossier.LocalDay(receipt.ReceivedAt));
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

                if (!_byReceiptMonth.TryGetValue(month, out var rows))
                {
                    _byReceiptMonth[month] = rows = [];
                }

                dossier.LedgerSlot = rows.Count;
                rows.Add(new Row { Dossier = dossier });
                dossier.LedgerMonth = month;
            }

            if (!_procedureNumbers.TryGetValue(receipt.ProcedureCode, out var number))
            {
                _procedureNumbers.Add(receipt.ProcedureCode, number = _procedureNumbers.Count);
            }

            dossier.LedgerProcedure = number;
            dossier.LedgerReceipt = receipt;
        }

        // Open = no finishing fact at all yet; a dossier that finishes later leaves the set.
        var open = dossier.CompletedAt is null && dossier.ResultReturnedAt is null && dossier.RefusedAt is null && dossier.WithdrawnAt is null;
        if (open != dossier.LedgerOpen)
        {
            if (open)
            {
                _open.Add(dossier);
            }
            else
            {
                _open.Remove(dossier);
            }

            dossier.LedgerOpen = open;
        }

        dossier.Settle(Calendar);
        CollectionsMarshal.AsSpan(_byReceiptMonth[dossier.LedgerMonth])[dossier.LedgerSlot] = Row.Of(dossier, receipt, Calendar);
    }

    private static void Bound(DateTimeOffset? change, long evaluatedAt, ref long from, ref long until)
    {
        if (change is not { } moment)
        {
            return;
        }

        var at = moment.UtcTicks;
        if (at <= evaluatedAt)
        {
            from = Math.Max(from, at);
        }
        else
        {
            until = Math.Min(until, at);
        }
    }

    private static int MonthKey(DateOnly day) => (day.Year * 12) + day.Month - 1;

    /// <summary>
    /// What a dossier contributes to a tally at any evaluation time from <see cref="SettledFrom"/> on
    /// (UTC ticks throughout): its settled outcome (an open one is compared with <see cref="Due"/>),
    /// processing days as the parts of their decimal, and its facts as flags.
    /// </summary>
    private struct Row
    {
        public const ushort Online = 1;
        public const ushort Fee = 2;
        public const ushort FeePaidOnline = 4;
        public const ushort ProcedureFlags = Online | Fee | FeePaidOnline;
        public const ushort Synced = 8;
        public const ushort PaperResult = 16;
        public const ushort ElectronicReturned = 32;
        public const ushort Digitized = 64;
        public const ushort Reused = 128;
        public const ushort Linked = 256;
        public const ushort CitizenData = 512;
        public const ushort RatedUnhappy = 1024;
        public const ushort TooManyRequests = 2048;

        public Dossier Dossier;
        public long ReceivedAt;

        /// <summary>long.MaxValue while the dossier is not settled: then it is always judged from its facts.</summary>
        public long SettledFrom;
        public long Due;
        public ulong ProcessingLow;
        public uint ProcessingHigh;
        public byte ProcessingScale;
        public DossierOutcome Outcome;
        public ushort Flags;
        public int Procedure;
        public int Apologies;

        public static Row Of(Dossier dossier, DossierReceipt receipt, WorkingDayCalendar calendar)
        {
            var row = new Row
            {
                Dossier = dossier,
                ReceivedAt = receipt.ReceivedAt.UtcTicks,
                SettledFrom = long.MaxValue,
                Procedure = dossier.LedgerProcedure,
            };

            if (!dossier.IsSettledFor(calendar))
            {
                return row;
            }

            var settled = dossier.Settled;
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(settled.ProcessingDays, bits);
            if (bits[3] < 0)
            {
                // A negative zero: leave the dossier to be judged from its facts rather than lose the sign.
                return row;
            }

            var digitized = dossier.DigitizedAt is not null;
            var flags = (receipt.Channel == Channel.Online ? Online : 0)
                | (receipt.Fee > 0 ? Fee : 0)
                | (receipt.Fee > 0 && dossier.PaidOnlineAt is not null ? FeePaidOnline : 0)
                | (dossier.SyncedAt is not null ? Synced : 0)
                | (receipt.PaperResult ? PaperResult : 0)
                | (dossier.ElectronicResult && dossier.ResultReturnedAt is not null ? ElectronicReturned : 0)
                | (digitized ? Digitized : 0)
                | (digitized && dossier.ReusedData ? Reused : 0)
                | (digitized && dossier.PersonalStoreLinked ? Linked : 0)
                | (receipt.CitizenData ? CitizenData : 0)
                | (dossier.RatedAt is not null && (dossier.Rating == Rating.Dissatisfied || dossier.Complaint) ? RatedUnhappy : 0)
                | (dossier.SupplementRequestCount > 1 ? TooManyRequests : 0);

            row.SettledFrom = dossier.LastFactAt.UtcTicks;
            row.Due = settled.EffectiveDue.UtcTicks;
            row.Outcome = settled.Outcome;
            row.ProcessingLow = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            row.ProcessingHigh = (uint)bits[2];
            row.ProcessingScale = (byte)(bits[3] >> 16);
            row.Flags = (ushort)flags;
            row.Apologies = dossier.ApologyCount;
            return row;
        }
    }

    /// <summary>The running counts of one tally.</summary>
    private struct Counter(bool exactSum)
    {
        private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

        // Processing days, exactly: per decimal scale, the sum of the 96-bit mantissas (low and high
        // 64 bits), and which scales occur.
        private ScaleSums _low;
        private ScaleSums _high;
        private uint _scales;
        private decimal _plainSum;

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

        /// <summary>True when a term could not be summed exactly (a negative zero): count again adding decimals.</summary>
        public bool Overflowed { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Count(ushort flags, DossierOutcome outcome, int apologies)
        {
            var finished = outcome <= DossierOutcome.FinishedLate ? 1 : 0;
            Apologies += apologies;
            Synced += (flags >> 3) & 1;
            Online += flags & 1;
            Fee += (flags >> 1) & 1;
            FeePaidOnline += (flags >> 2) & 1;
            PaperFinished += finished & (flags >> 4);
            Electronic += finished & (flags >> 4) & (flags >> 5);
            Digitized += (flags >> 6) & 1;
            Reused += (flags >> 7) & 1;
            Linked += (flags >> 8) & 1;
            CitizenData += (flags >> 9) & 1;
            Unsatisfactory += outcome is DossierOutcome.FinishedLate or DossierOutcome.InProgressOverdue || (flags & Row.RatedUnhappy) != 0 ? 1 : 0;
        }

        /// <summary>Adds one non-negative decimal, given as its 96-bit mantissa and its scale.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AddProcessing(ulong low, uint high, byte scale)
        {
            if (!exactSum)
            {
                _plainSum += new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)high, false, scale);
                return;
            }

            var sum = _low[scale] + low;
            _high[scale] += high + (sum < low ? 1UL : 0UL);
            _low[scale] = sum;
            _scales |= 1u << scale;
        }

        /// <summary>
        /// The processing days as adding the decimals one by one gives them, or null when that sum
        /// might have been rounded. Adding non-negative decimals is exact, at the largest scale among
        /// them, for as long as the sum fits a decimal's 96 bits; partial sums never exceed the total,
        /// so when the exact total fits, the one-by-one sum is that total at that scale.
        /// </summary>
        public readonly decimal? ProcessingDays()
        {
            if (!exactSum)
            {
                return _plainSum;
            }

            if (_scales == 0)
            {
                return 0m;
            }

            var scale = 31 - BitOperations.LeadingZeroCount(_scales);
            var total = UInt128.Zero;
            for (var s = 0; s <= scale; s++)
            {
                if ((_scales & (1u << s)) == 0)
                {
                    continue;
                }

                var part = new UInt128(_high[s], _low[s]);
                var factor = UInt128.One;
                for (var k = s; k < scale; k++)
                {
                    factor *= 10;
                }

                if (part > MaxMantissa / factor)
                {
                    return null;
                }

                total += part * factor;
                if (total > MaxMantissa)
                {
                    return null;
                }
            }

            return new decimal((int)(uint)total, (int)(uint)(total >> 32), (int)(uint)(total >> 64), false, (byte)scale);
        }

        /// <summary>The tally's rules applied to a dossier with a fact dated after the evaluation time.</summary>
        public void CountFromFacts(Dossier dossier, DateTimeOffset evaluatedAt, WorkingDayCalendar calendar, Span<long> outcomes, Span<byte> procedures)
        {
            var receipt = dossier.Receipt!;
            var standing = dossier.Judge(evaluatedAt, calendar);
            outcomes[(int)standing.Outcome]++;
            var finished = standing.Outcome.IsFinished();
            if (finished && !exactSum)
            {
                _plainSum += standing.ProcessingDays;
            }
            else if (finished)
            {
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(standing.ProcessingDays, bits);
                if (bits[3] < 0)
                {
                    Overflowed = true; // a negative zero: let decimal addition keep its sign
                }
                else
                {
                    AddProcessing((uint)bits[0] | ((ulong)(uint)bits[1] << 32), (uint)bits[2], (byte)(bits[3] >> 16));
                }
            }

            var flags = 0;
            Apologies += dossier.ApologiesUntil(evaluatedAt);
            Synced += Dossier.AsOf(dossier.SyncedAt, evaluatedAt) is not null ? 1 : 0;
            if (receipt.Channel == Channel.Online)
            {
                Online++;
                flags |= Row.Online;
            }

            if (receipt.Fee > 0)
            {
                Fee++;
                flags |= Row.Fee;
                if (Dossier.AsOf(dossier.PaidOnlineAt, evaluatedAt) is not null)
                {
                    FeePaidOnline++;
                    flags |= Row.FeePaidOnline;
                }
            }

            procedures[dossier.LedgerProcedure] |= (byte)flags;
            if (finished && receipt.PaperResult)
            {
                PaperFinished++;
                if (dossier.ElectronicResult && Dossier.AsOf(dossier.ResultReturnedAt, evaluatedAt) is not null)
                {
                    Electronic++;
                }
            }

            if (Dossier.AsOf(dossier.DigitizedAt, evaluatedAt) is not null)
            {
                Digitized++;
                Reused += dossier.ReusedData ? 1 : 0;
                Linked += dossier.PersonalStoreLinked ? 1 : 0;
            }

            CitizenData += receipt.CitizenData ? 1 : 0;
            var rated = Dossier.AsOf(dossier.RatedAt, evaluatedAt) is not null;
            if (standing.Outcome is DossierOutcome.FinishedLate or DossierOutcome.InProgressOverdue
                || (rated && (dossier.Rating == Rating.Dissatisfied || dossier.Complaint)))
            {
                Unsatisfactory++;
            }
        }
    }

    /// <summary>One 64-bit sum per decimal scale (0–28).</summary>
    [InlineArray(29)]
    private struct ScaleSums
    {
        private ulong _sum;
    }

    /// <summary>A tally kept for reuse: good for the ledger version it was counted at, over evaluation times [From, Until) and at At itself (UTC ticks).</summary>
    private sealed record KeptTally(Period Period, long Version, long At, long From, long Until, DossierTally Tally)
    {
        public bool Holds(long evaluatedAt) => evaluatedAt == At || (From <= evaluatedAt && evaluatedAt < Until);
    }
}
