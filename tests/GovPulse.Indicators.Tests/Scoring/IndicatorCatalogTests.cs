using GovPulse.Indicators.Scoring;
using static GovPulse.Indicators.Scoring.IndicatorCode;

namespace GovPulse.Indicators.Tests.Scoring;

public sealed class IndicatorCatalogTests
{
    [Fact]
    public void The_six_groups_are_worth_100_points_in_the_portal_s_order()
    {
        IndicatorCatalog.Groups.Select(g => (g.Code, g.Max)).Should().Equal(
            (GroupCode.PUBLICITY, 18m),
            (GroupCode.PROGRESS, 20m),
            (GroupCode.ONLINE, 12m),
            (GroupCode.PAYMENT, 10m),
            (GroupCode.DIGITIZATION, 22m),
            (GroupCode.SATISFACTION, 18m));
        IndicatorCatalog.Groups.Sum(g => g.Max).Should().Be(IndicatorCatalog.MaxTotal);
    }

    [Fact]
    public void Each_group_s_max_is_the_sum_of_its_indicators_maxima()
    {
        foreach (var group in IndicatorCatalog.Groups)
        {
            group.Indicators.Sum(i => i.Max).Should().Be(group.Max, group.Code.ToString());
            group.Indicators.Should().OnlyContain(i => i.Group == group.Code);
        }
    }

    [Fact]
    public void Every_indicator_code_has_exactly_one_definition_found_by_its_code()
    {
        IndicatorCatalog.Indicators.Select(i => i.Code).Should().Equal(Enum.GetValues<IndicatorCode>());
        IndicatorCatalog.Groups.SelectMany(g => g.Indicators).Select(i => i.Code).Should().Equal(Enum.GetValues<IndicatorCode>());
        foreach (var code in Enum.GetValues<IndicatorCode>())
        {
            IndicatorCatalog.Get(code).Code.Should().Be(code);
        }
    }

    [Fact]
    public void Only_petitions_and_electronic_certified_copies_score_max_without_data()
    {
        IndicatorCatalog.Indicators.Where(i => i.WhenNoData == NoDataRule.ScoresMax).Select(i => i.Code)
            .Should().Equal(ELECTRONIC_CERTIFIED_COPY, PETITION_ON_TIME, PETITION_SATISFACTION);
    }

    [Fact]
    public void Average_processing_days_is_shown_under_progress_but_never_scored()
    {
        var indicator = IndicatorCatalog.Get(AVG_PROCESSING_DAYS);

        indicator.Group.Should().Be(GroupCode.PROGRESS);
        indicator.Max.Should().Be(0m);
        indicator.IsDisplayOnly.Should().BeTrue();
    }

    [Theory]
    [InlineData(ONLINE_PROCEDURES, 0.8)]
    [InlineData(ONLINE_SUBMISSION, 0.5)]
    [InlineData(FEE_PROCEDURES_INTEGRATED, 0.8)]
    [InlineData(FEE_PROCEDURES_PAID_ONLINE, 0.8)]
    [InlineData(DATA_REUSED, 0.8)]
    [InlineData(DOSSIER_SATISFACTION, 0.9)]
    public void Threshold_indicators_carry_the_spec_s_threshold(IndicatorCode code, decimal threshold)
    {
        var shape = IndicatorCatalog.Get(code).Shape;

        shape.Kind.Should().Be(ScoreShapeKind.Threshold);
        shape.FullPointsAt.Should().Be(threshold);
    }

    [Fact]
    public void Every_other_scored_indicator_is_linear()
    {
        IndicatorCatalog.Indicators.Count(i => i.Shape.Kind == ScoreShapeKind.Linear).Should().Be(15);
    }

    [Theory]
    [InlineData(ON_TIME_PROCESSING, "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn")]
    [InlineData(DOSSIER_SYNC, "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG")]
    [InlineData(FEE_PROCEDURES_INTEGRATED, "Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến")]
    [InlineData(DOSSIER_SATISFACTION, "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC")]
    public void Indicators_carry_the_portal_s_Vietnamese_names(IndicatorCode code, string vietnamese) =>
        IndicatorCatalog.Get(code).Vietnamese.Should().Be(vietnamese);

    [Fact]
    public void Every_indicator_and_group_has_a_Vietnamese_and_an_English_name()
    {
        IndicatorCatalog.Indicators.Should().OnlyContain(i => i.Vietnamese.Length > 0 && i.English.Length > 0);
        IndicatorCatalog.Get(GroupCode.DIGITIZATION).Vietnamese.Should().Be("Mức độ số hóa hồ sơ");
        IndicatorCatalog.Get(GroupCode.PUBLICITY).English.Should().Be("Publicity and transparency");
    }

    [Theory]
    [InlineData("ON_TIME_PROCESSING", true)]
    [InlineData("AVG_PROCESSING_DAYS", true)]
    [InlineData("on_time_processing", false)]
    [InlineData("4", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Wire_codes_parse_exactly_and_never_as_numbers(string? text, bool known) =>
        IndicatorCatalog.TryParse(text, out _).Should().Be(known);
}
