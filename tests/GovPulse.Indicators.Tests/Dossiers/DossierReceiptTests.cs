using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>A receipt is kept packed (times as ticks and offsets, the fee as its parts): it must give back exactly what was told.</summary>
public sealed class DossierReceiptTests
{
    public static TheoryData<DateTimeOffset, DateTimeOffset?, int?, decimal, Channel> Told => new()
    {
        { new DateTimeOffset(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2026, 9, 16, 17, 0, 0, TimeSpan.FromHours(7)), null, 50_000m, Channel.Online },
        { new DateTimeOffset(2026, 9, 14, 2, 30, 0, TimeSpan.Zero), null, 3, 12_500.50m, Channel.Postal },
        { new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.FromHours(14)), new DateTimeOffset(9999, 12, 30, 0, 0, 0, TimeSpan.FromHours(-14)), int.MinValue, decimal.MaxValue, (Channel)300 },
        { new DateTimeOffset(2026, 9, 14, 9, 0, 0, TimeSpan.FromMinutes(-571)), DateTimeOffset.MinValue, int.MaxValue, decimal.MinValue, (Channel)(-1) },
        { DateTimeOffset.MaxValue, new DateTimeOffset(2026, 9, 16, 17, 0, 0, TimeSpan.FromMinutes(345)), 0, new decimal(0, 0, 0, true, 3), Channel.Direct },
        { new DateTimeOffset(2026, 9, 14, 9, 0, 0, 123, TimeSpan.FromHours(7)).AddTicks(4567), null, -2, 0.0000000000000000000000000001m, Channel.Online },
    };

    [Theory]
    [MemberData(nameof(Told))]
    public void A_receipt_gives_back_every_value_and_offset_it_was_told(DateTimeOffset receivedAt, DateTimeOffset? dueAt, int? workingDays, decimal fee, Channel channel)
    {
        foreach (var (paper, citizen) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var receipt = new DossierReceipt(receivedAt, "1.000894", channel, dueAt, workingDays, fee, paper, citizen);

            receipt.ReceivedAt.Should().Be(receivedAt);
            receipt.ReceivedAt.Offset.Should().Be(receivedAt.Offset);
            receipt.DueAt.Should().Be(dueAt);
            receipt.DueAt?.Offset.Should().Be(dueAt!.Value.Offset);
            receipt.StatutoryWorkingDays.Should().Be(workingDays);
            decimal.GetBits(receipt.Fee).Should().Equal(decimal.GetBits(fee));
            receipt.Channel.Should().Be(channel);
            receipt.PaperResult.Should().Be(paper);
            receipt.CitizenData.Should().Be(citizen);
            receipt.ProcedureCode.Should().Be("1.000894");
        }
    }

    [Fact]
    public void Receipts_are_equal_as_their_values_are_whatever_the_offset_or_the_fee_s_scale()
    {
        var vietnam = new DossierReceipt(new DateTimeOffset(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(7)), "1.000894", Channel.Online, null, 3, 50_000m, true, false);
        var utc = new DossierReceipt(new DateTimeOffset(2026, 9, 14, 2, 0, 0, TimeSpan.Zero), new string("1.000894"), Channel.Online, null, 3, 50_000.00m, true, false);
        var other = new DossierReceipt(new DateTimeOffset(2026, 9, 14, 2, 0, 0, TimeSpan.Zero), "1.000894", Channel.Online, null, 4, 50_000m, true, false);

        utc.Should().Be(vietnam);
        utc.GetHashCode().Should().Be(vietnam.GetHashCode());
        other.Should().NotBe(vietnam);
    }

    [Fact]
    public void Receipts_share_one_string_per_procedure_code()
    {
        var first = new DossierReceipt(DateTimeOffset.UnixEpoch, new string("2.002156.000.00.00.H56"), Channel.Online, null, 3, 0m, false, false);
        var second = new DossierReceipt(DateTimeOffset.UnixEpoch, new string("2.002156.000.00.00.H56"), Channel.Online, null, 3, 0m, false, false);

        second.ProcedureCode.Should().BeSameAs(first.ProcedureCode);
    }
}
