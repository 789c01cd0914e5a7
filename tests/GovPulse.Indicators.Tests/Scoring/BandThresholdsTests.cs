using GovPulse.Indicators.Scoring;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class BandThresholdsTests
{
    [Theory]
    [InlineData(100, "Xuất sắc")]
    [InlineData(90, "Xuất sắc")]
    [InlineData(89.99, "Tốt")]
    [InlineData(80, "Tốt")]
    [InlineData(79.99, "Khá")]
    [InlineData(70, "Khá")]
    [InlineData(69.99, "Trung bình")]
    [InlineData(50, "Trung bình")]
    [InlineData(49.99, "Yếu")]
    [InlineData(0, "Yếu")]
    public void A_total_falls_in_the_band_whose_lowest_total_it_reaches(decimal total, string band) =>
        BandThresholds.Default.BandOf(total).Vietnamese.Should().Be(band);

    [Fact]
    public void Bands_have_the_glossary_s_Vietnamese_and_English_names_best_first()
    {
        Band.All.Select(b => (b.Vietnamese, b.English)).Should().Equal(
            ("Xuất sắc", "Excellent"), ("Tốt", "Good"), ("Khá", "Fair"), ("Trung bình", "Average"), ("Yếu", "Weak"));
        Band.FromVietnamese("Trung bình").Should().Be(Band.Average);
        Band.FromVietnamese("Average").Should().BeNull();
    }

    [Fact]
    public void The_middle_bands_are_configurable()
    {
        var thresholds = new BandThresholds(good: 85m, fair: 75m, average: 60m);

        thresholds.BandOf(84.99m).Should().Be(Band.Fair);
        thresholds.BandOf(59.99m).Should().Be(Band.Weak);
        thresholds.BandOf(90m).Should().Be(Band.Excellent);
    }

    [Fact]
    public void Equal_thresholds_leave_the_lower_band_empty()
    {
        var noFair = new BandThresholds(fair: 80m);

        noFair.BandOf(80m).Should().Be(Band.Good);
        noFair.BandOf(79.99m).Should().Be(Band.Average);
    }

    [Theory]
    [InlineData(90, 80, 85, 50)]
    [InlineData(101, 80, 70, 50)]
    [InlineData(90, 80, 70, -1)]
    public void Thresholds_out_of_order_or_outside_0_to_100_are_refused(decimal excellent, decimal good, decimal fair, decimal average)
    {
        var building = () => new BandThresholds(excellent, good, fair, average);

        building.Should().Throw<ArgumentException>();
    }
}
