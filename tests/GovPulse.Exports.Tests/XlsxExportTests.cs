using System.IO.Compression;
using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering;
using GovPulse.Indicators.Scoring;
using MiniExcelLibs;

namespace GovPulse.Exports.Tests;

public sealed class XlsxExportTests
{
    private static readonly string[] UnitColumns = ["STT", "Mã đơn vị", "Đơn vị"];
    private static readonly string[] SummaryTail = ["Tổng điểm", "Xếp loại", "Hồ sơ tiếp nhận"];

    [Fact]
    public void A_ranking_workbook_has_the_summary_the_six_groups_and_the_about_sheet()
    {
        var ranking = SampleExports.Communes();
        var words = ExportWords.Vietnamese;
        using var file = new MemoryStream(XlsxExport.Ranking(ranking));

        file.GetSheetNames().Should().Equal(
            IndicatorCatalog.Groups.Select(g => words.GroupName(g.Code)).Prepend("Tổng hợp").Append("Thông tin"));
    }

    [Fact]
    public void The_summary_sheet_reads_back_as_the_ranking_with_units_without_dossiers_last_and_unranked()
    {
        var ranking = SampleExports.Communes();
        var words = ExportWords.Vietnamese;
        using var file = new MemoryStream(XlsxExport.Ranking(ranking));

        var rows = Rows(file, "Tổng hợp");

        rows.Should().HaveCount(ranking.Units.Count);
        rows[0].Keys.Should().Equal(
            UnitColumns
                .Concat(IndicatorCatalog.Groups.Select(g => words.GroupName(g.Code)))
                .Concat(SummaryTail));
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = ranking.Units[i];
            var row = rows[i];
            row["Mã đơn vị"].Should().Be(expected.Unit.UnitCode);
            row["Đơn vị"].Should().Be(expected.Unit.Name);
            row["Hồ sơ tiếp nhận"].Should().Be((double)expected.Unit.Counts.Received);
            if (expected.IsRanked)
            {
                row["STT"].Should().Be((double)expected.Rank!.Value);
                row["Tổng điểm"].Should().Be((double)expected.Unit.Total!.Value);
                row["Xếp loại"].Should().Be(expected.Unit.Band);
                row["Tiến độ, kết quả giải quyết"].Should().Be((double)expected.Unit.Groups.Single(g => g.Code == GroupCode.PROGRESS).Score);
            }
            else
            {
                row["STT"].Should().BeNull();
                row["Tổng điểm"].Should().BeNull();
                row["Xếp loại"].Should().Be("Chưa có hồ sơ trong kỳ");
            }
        }

        var unranked = ranking.Units.Count(u => !u.IsRanked);
        unranked.Should().BeGreaterThan(0, "the sample has units without dossiers");
        rows.TakeLast(unranked).Should().OnlyContain(r => (string?)r["Xếp loại"] == "Chưa có hồ sơ trong kỳ");
        rows.SkipLast(unranked).Should().OnlyContain(r => r["STT"] != null);
        rows.Select(r => (string?)r["Đơn vị"]).Should().Contain("Phường Vũng Tàu");
    }

    [Fact]
    public void A_group_sheet_has_each_indicators_numerator_denominator_ratio_and_points_per_unit()
    {
        var ranking = SampleExports.Communes();
        var words = ExportWords.Vietnamese;
        var group = IndicatorCatalog.Get(GroupCode.PROGRESS);
        using var file = new MemoryStream(XlsxExport.Ranking(ranking));

        var rows = Rows(file, words.GroupName(GroupCode.PROGRESS));

        rows.Should().HaveCount(ranking.Units.Count);
        foreach (var (row, expected) in rows.Zip(ranking.Units))
        {
            row["Mã đơn vị"].Should().Be(expected.Unit.UnitCode);
            foreach (var indicator in group.Indicators)
            {
                var figures = expected.Unit.Groups.Single(g => g.Code == GroupCode.PROGRESS).Indicators.Single(i => i.Code == indicator.Code);
                var name = words.IndicatorName(indicator.Code);
                row[$"{name} — Tử số"].Should().Be(figures.Numerator is { } n ? (double)n : null);
                row[$"{name} — Mẫu số"].Should().Be(figures.Denominator is { } d ? (double)d : null);
                row[$"{name} — Tỷ lệ"].Should().Be((double)figures.Ratio);
                row[$"{name} — Điểm"].Should().Be((double)figures.Points);
            }
        }
    }

    [Fact]
    public void The_about_sheet_states_the_title_period_as_of_rule_set_and_figures_hash()
    {
        var ranking = SampleExports.Communes(english: true);
        using var file = new MemoryStream(XlsxExport.Ranking(ranking));

        var about = Rows(file, "About").ToDictionary(r => (string)r["Item"]!, r => (string?)r["Value"]);

        about["Title"].Should().Be("Ranking — Commune-level units — November 2026");
        about["Period"].Should().Be("November 2026 (2026-11)");
        about["Figures as known at"].Should().Be("2026-12-01T08:30:00+07:00");
        about["Rule set"].Should().Be(RuleSet.Current);
        about["Figures SHA-256"].Should().Be(SampleExports.FiguresHash);
        about["Request"].Should().Be(ranking.Stamp.Request);
    }

    [Fact]
    public void Every_sheet_has_a_frozen_header_row_an_autofilter_and_the_number_formats()
    {
        var parts = Parts(XlsxExport.Ranking(SampleExports.Communes()));

        var sheets = parts.Where(p => p.Key.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        sheets.Should().HaveCount(8);
        sheets.Should().OnlyContain(s => s.Value.Contains("ySplit=\"1\"", StringComparison.Ordinal) && s.Value.Contains("state=\"frozen\"", StringComparison.Ordinal));
        sheets.Should().OnlyContain(s => s.Value.Contains("<x:autoFilter ref=\"A1:", StringComparison.Ordinal));
        sheets.Should().OnlyContain(s => s.Value.Contains("customWidth=\"1\"", StringComparison.Ordinal));
        parts["xl/styles.xml"].Should().Contain("formatCode=\"0.00\"").And.Contain("formatCode=\"#,##0\"");
    }

    [Fact]
    public void The_archive_has_no_clock_in_it()
    {
        var bytes = XlsxExport.Ranking(SampleExports.Communes());
        using var zip = new ZipArchive(new MemoryStream(bytes));

        zip.Entries.Should().OnlyContain(e => e.LastWriteTime.DateTime == new DateTime(2026, 12, 1, 8, 30, 0));
        zip.Entries.Should().NotContain(e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal), "MiniExcel writes no dated properties");
        Parts(bytes).Values.Should().NotContain(text => System.Text.RegularExpressions.Regex.IsMatch(text, @"\bR[0-9a-f]{32}\b"), "random relationship ids are renumbered");
    }

    [Fact]
    public void A_scorecard_workbook_has_the_groups_score_out_of_max_and_a_sheet_per_group_of_indicators()
    {
        var export = SampleExports.Scorecard();
        var card = export.Scorecard;
        var words = ExportWords.Vietnamese;
        using var file = new MemoryStream(XlsxExport.Scorecard(export));

        file.GetSheetNames().Should().Equal(
            IndicatorCatalog.Groups.Select(g => words.GroupName(g.Code)).Prepend("Tổng hợp").Append("Thông tin"));
        var summary = Rows(file, "Tổng hợp");
        summary.Should().HaveCount(card.Groups.Count + 1);
        summary[1]["Nhóm chỉ số"].Should().Be("Tiến độ, kết quả giải quyết");
        summary[1]["Điểm"].Should().Be((double)card.Groups[1].Score);
        summary[1]["Điểm tối đa"].Should().Be((double)card.Groups[1].Max);
        summary[^1]["Điểm"].Should().Be((double)card.Total!.Value);

        var digitization = Rows(file, words.GroupName(GroupCode.DIGITIZATION));
        var expected = card.Groups.Single(g => g.Code == GroupCode.DIGITIZATION).Indicators;
        digitization.Select(r => (string?)r["Mã chỉ số"]).Should().Equal(expected.Select(i => i.Code.ToString()));
        digitization.Select(r => r["Điểm"]).Should().Equal(expected.Select(i => (object)(double)i.Points));
        digitization.Select(r => r["Mẫu số"]).Should().Equal(expected.Select(i => i.Denominator is { } d ? (object)(double)d : null));

        var about = Rows(file, "Thông tin").ToDictionary(r => (string)r["Mục"]!, r => (string?)r["Giá trị"]);
        about["Đơn vị"].Should().Be("Phường Vũng Tàu");
        about["Số liệu tại thời điểm"].Should().Be("2026-12-01T08:30:00+07:00");
        about["Mã kiểm tra số liệu (SHA-256)"].Should().Be(SampleExports.FiguresHash);
    }

    private static List<IDictionary<string, object?>> Rows(Stream file, string sheet)
    {
        file.Position = 0;
        return file.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static Dictionary<string, string> Parts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }
}
