using System.Globalization;
using System.Text;
using CsvHelper;
using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Exports.Tests;

public sealed class CsvExportTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void A_ranking_is_utf8_with_a_bom_crlf_lines_and_vietnamese_headers_with_diacritics()
    {
        var bytes = CsvExport.Ranking(SampleFigures.Ranking(english: false));

        bytes.AsSpan(0, 3).ToArray().Should().Equal(Bom);
        var text = new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        text.Should().EndWith("\r\n").And.NotContain(";");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Should().NotContain("\n", "every line ends with CRLF");
        var rows = Read(bytes);
        rows[0].Should().Equal(
            "STT", "Mã đơn vị", "Đơn vị", "Công khai, minh bạch", "Tiến độ, kết quả giải quyết", "Dịch vụ công trực tuyến",
            "Thanh toán trực tuyến", "Mức độ số hóa hồ sơ", "Mức độ hài lòng", "Tổng điểm", "Xếp loại", "Hồ sơ tiếp nhận");
        rows.Should().HaveCount(5, "a header and one row per unit");
    }

    [Fact]
    public void Ranking_rows_follow_the_ranking_with_dot_decimals_and_the_unit_without_dossiers_last_unranked()
    {
        var ranking = SampleFigures.Ranking(english: false);
        var rows = Read(CsvExport.Ranking(ranking));

        rows.Skip(1).Select(r => r[1]).Should().Equal("26737", "26734", "26740", "27004");
        rows.Skip(1).Select(r => r[0]).Should().Equal("1", "2", "2", string.Empty);
        rows[1][2].Should().Be("Phường Tân Định, \"trung tâm\"", "a name with a comma and quotes survives the quoting");
        var best = ranking.Units[0].Unit;
        rows[1][9].Should().Be(best.Total!.Value.ToString("0.00", CultureInfo.InvariantCulture));
        rows[1][9].Should().MatchRegex(@"^\d+\.\d\d$");
        rows[1][4].Should().Be(best.Groups.Single(g => g.Code == GroupCode.PROGRESS).Score.ToString("0.00", CultureInfo.InvariantCulture));
        rows[1][10].Should().Be(best.Band);
        rows[1][11].Should().Be("40");
        rows[4].Skip(3).Take(7).Should().AllBe(string.Empty, "a unit with no dossiers has no score to show");
        rows[4][10].Should().Be("Chưa có hồ sơ trong kỳ");
        rows[4][11].Should().Be("0");
    }

    [Fact]
    public void English_was_asked_so_headers_band_and_mark_are_english()
    {
        var rows = Read(CsvExport.Ranking(SampleFigures.Ranking(english: true)));

        rows[0][0].Should().Be("Rank");
        rows[0][9].Should().Be("Total points");
        rows[4][10].Should().Be("No dossiers in the period");
        rows[1][10].Should().Be(Band.FromVietnamese(SampleFigures.Ranking(false).Units[0].Unit.Band)!.English);
        rows[1][2].Should().Be("Phường Tân Định, \"trung tâm\"", "unit names stay as the directory spells them");
    }

    [Fact]
    public void A_scorecard_has_one_row_per_indicator_with_its_figures()
    {
        var export = SampleFigures.Scorecard(english: false);
        var rows = Read(CsvExport.Scorecard(export));

        rows[0].Should().Equal("Nhóm chỉ số", "Mã chỉ số", "Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ", "Điểm", "Điểm tối đa", "Không có dữ liệu");
        var indicators = export.Scorecard.Groups.SelectMany(g => g.Indicators.Select(i => (Group: g.Code, Indicator: i))).ToList();
        rows.Should().HaveCount(indicators.Count + 1);
        for (var i = 0; i < indicators.Count; i++)
        {
            var (group, indicator) = indicators[i];
            var row = rows[i + 1];
            row[0].Should().Be(IndicatorCatalog.Get(group).Vietnamese);
            row[1].Should().Be(indicator.Code.ToString());
            row[2].Should().Be(IndicatorCatalog.Get(indicator.Code).Vietnamese);
            row[3].Should().Be(indicator.Numerator is { } n ? ExportWords.Figure(n) : string.Empty);
            row[4].Should().Be(indicator.Denominator is { } d ? ExportWords.Figure(d) : string.Empty);
            row[5].Should().Be(ExportWords.Figure(indicator.Ratio));
            row[6].Should().Be(ExportWords.Figure(indicator.Points));
            row[7].Should().Be(ExportWords.Figure(indicator.Max));
            row[8].Should().Be(indicator.NoData ? "true" : "false");
        }

        rows.Skip(1).Should().Contain(r => r[1] == "ELECTRONIC_CERTIFIED_COPY" && r[3] == string.Empty && r[8] == "true");
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        CsvExport.Ranking(SampleFigures.Ranking(false)).Should().Equal(CsvExport.Ranking(SampleFigures.Ranking(false)));
        CsvExport.Scorecard(SampleFigures.Scorecard(true)).Should().Equal(CsvExport.Scorecard(SampleFigures.Scorecard(true)));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    public void A_field_is_quoted_only_when_rfc_4180_needs_it(string value, string written) =>
        CsvExport.Field(value).Should().Be(written);

    /// <summary>The header then every record, as a strict RFC 4180 reader sees them (the BOM is the reader's to skip).</summary>
    internal static List<string[]> Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { MalformedData = CsvMalformedDataHandling.Throw }, leaveOpen: false);
        var rows = new List<string[]> { reader.Headers.ToArray() };
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            rows.Add(cells);
        }

        return rows;
    }
}
