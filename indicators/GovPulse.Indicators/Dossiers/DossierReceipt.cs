using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Dossiers;

/// <summary>What the DossierReceived event says about a dossier.</summary>
/// <remarks>
/// Every live dossier holds one, so it is kept in 64 bytes rather than the 96 of plain properties:
/// times as UTC ticks, and their offsets, the fee's scale and sign and the flags packed into one word
/// (<see cref="StoredTime"/>). The properties give back exactly what was told, and equality is the
/// properties' (an instant equals itself told with another offset, as DateTimeOffset has it).
/// </remarks>
public sealed record DossierReceipt
{
    // The packed word: both offsets (minutes + 840, 11 bits each: DateTimeOffset allows ±14 hours), the
    // fee's scale (5 bits) and sign, and the three flags.
    private const int OffsetBits = 11;
    private const int OffsetBias = 840;
    private const uint OffsetMask = (1u << OffsetBits) - 1;
    private const int DueOffsetShift = OffsetBits;
    private const int FeeScaleShift = 2 * OffsetBits;
    private const uint FeeScaleMask = 0x1F;
    private const uint FeeNegative = 1u << 27;
    private const uint Paper = 1u << 28;
    private const uint Citizen = 1u << 29;
    private const uint HasWorkingDays = 1u << 30;

    private readonly long _receivedAt;
    private readonly long _dueAt;
    private readonly ulong _feeLow;
    private readonly uint _feeHigh;
    private readonly int _workingDays;
    private readonly uint _packed;

    public DossierReceipt(
        DateTimeOffset receivedAt,
        string procedureCode,
        Channel channel,
        DateTimeOffset? dueAt,
        int? statutoryWorkingDays,
        decimal fee,
        bool paperResult,
        bool citizenData)
    {
        ProcedureCode = SharedProcedureCodes.Of(procedureCode);
        Channel = channel;
        _receivedAt = receivedAt.UtcTicks;
        _dueAt = dueAt?.UtcTicks ?? StoredTime.None;
        _workingDays = statutoryWorkingDays ?? 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(fee, bits);
        _feeLow = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        _feeHigh = (uint)bits[2];
        _packed = PackedOffset(receivedAt)
            | (dueAt is { } due ? PackedOffset(due) << DueOffsetShift : 0)
            | ((uint)(bits[3] >> 16) & FeeScaleMask) << FeeScaleShift
            | (bits[3] < 0 ? FeeNegative : 0)
            | (paperResult ? Paper : 0)
            | (citizenData ? Citizen : 0)
            | (statutoryWorkingDays.HasValue ? HasWorkingDays : 0);
    }

    public DateTimeOffset ReceivedAt => StoredTime.At(_receivedAt, Offset(_packed));

    public string ProcedureCode { get; }

    public Channel Channel { get; }

    public DateTimeOffset? DueAt => StoredTime.OrNull(_dueAt, Offset(_packed >> DueOffsetShift));

    public int? StatutoryWorkingDays => (_packed & HasWorkingDays) != 0 ? _workingDays : null;

    public decimal Fee => new((int)(uint)_feeLow, (int)(uint)(_feeLow >> 32), (int)_feeHigh, (_packed & FeeNegative) != 0, (byte)((_packed >> FeeScaleShift) & FeeScaleMask));

    public bool PaperResult => (_packed & Paper) != 0;

    public bool CitizenData => (_packed & Citizen) != 0;

    /// <summary>The receipt time's UTC ticks, without building the DateTimeOffset.</summary>
    internal long ReceivedAtUtcTicks => _receivedAt;

    public bool Equals(DossierReceipt? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && ReceivedAt == other.ReceivedAt
            && ProcedureCode == other.ProcedureCode
            && Channel == other.Channel
            && DueAt == other.DueAt
            && StatutoryWorkingDays == other.StatutoryWorkingDays
            && Fee == other.Fee
            && PaperResult == other.PaperResult
            && CitizenData == other.CitizenData);

    public override int GetHashCode() =>
        HashCode.Combine(ReceivedAt, ProcedureCode, Channel, DueAt, StatutoryWorkingDays, Fee, PaperResult, CitizenData);

    public void Deconstruct(
        out DateTimeOffset receivedAt,
        out string procedureCode,
        out Channel channel,
        out DateTimeOffset? dueAt,
        out int? statutoryWorkingDays,
        out decimal fee,
        out bool paperResult,
        out bool citizenData)
    {
        receivedAt = ReceivedAt;
        procedureCode = ProcedureCode;
        channel = Channel;
        dueAt = DueAt;
        statutoryWorkingDays = StatutoryWorkingDays;
        fee = Fee;
        paperResult = PaperResult;
        citizenData = CitizenData;
    }

    private static uint PackedOffset(DateTimeOffset instant) => (uint)(StoredTime.OffsetOf(instant) + OffsetBias);

    private static short Offset(uint packed) => (short)((int)(packed & OffsetMask) - OffsetBias);
}
