using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Cli.Tests;

/// <summary><c>export rankings|unit</c> against a localhost stand-in answering as the exports API (issue #15): the request, the file written, what is printed.</summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private const string Manifest = "3f1c0d5e9a7b24c68e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";
    private const string AsOf = "2026-12-01T08:00:00+07:00";

    private static readonly byte[] Csv = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("STT,Mã đơn vị,Đơn vị\r\n1,26734,Phường Sài Gòn\r\n")];

    private readonly ConcurrentQueue<string> _queries = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "govpulse-export-" + Guid.NewGuid().ToString("N"));
    private StubNode _node = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _node = await StubNode.StartAsync(Answer);
        _environment = new() { ["GOVPULSE_URL"] = _node.Url.ToString(), ["GOVPULSE_KEY"] = "reader-key" };
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Rankings_asks_for_the_level_period_as_of_format_and_language_writes_the_bytes_and_prints_the_manifest()
    {
        var target = Path.Combine(_folder, "nov.csv");

        var (exit, output, err) = await Cli.RunAsync(
            _environment, "export", "rankings", "--level", "department", "--period", "2026-Q4", "--as-of", AsOf, "--format", "csv", "--lang", "en", "--out", target);

        exit.Should().Be(ExitCodes.Ok, err);
        var request = _node.Requests.Single(r => r.Path.StartsWith("/api/v1/exports", StringComparison.Ordinal));
        request.Path.Should().Be("/api/v1/exports/rankings");
        request.ApiKey.Should().Be("reader-key");
        _queries.Should().ContainSingle().Which.Should().Be("?level=department&format=csv&lang=en&period=2026-Q4&asOf=2026-12-01T08%3A00%3A00%2B07%3A00");
        File.ReadAllBytes(target).Should().Equal(Csv);
        output.Should().Contain($"manifest: {Manifest}").And.Contain($"as of:    {AsOf}").And.Contain("nov.csv");
        err.Should().Contain($"--as-of {AsOf}");
    }

    [Fact]
    public async Task Unit_with_a_folder_as_out_writes_the_file_under_the_name_the_node_offers()
    {
        var (exit, _, err) = await Cli.RunAsync(_environment, "export", "unit", "79", "--period", "2026-11", "--out", _folder);

        exit.Should().Be(ExitCodes.Ok, err);
        _node.Requests.Should().Contain(r => r.Path == "/api/v1/exports/units/79/scorecard");
        _queries.Should().ContainSingle().Which.Should().Be("?format=csv&lang=vi&period=2026-11", "csv and vi are the defaults, and no --as-of means now");
        File.ReadAllBytes(Path.Combine(_folder, "bang-diem-79-2026-11.csv")).Should().Equal(Csv);
    }

    [Theory]
    [InlineData("--format", "docx", "--format 'docx' is not a file format the node writes: give --format csv|xlsx|pdf|png|svg")]
    [InlineData("--lang", "fr", "--lang 'fr' is not a language of the files: give --lang vi|en")]
    public async Task A_bad_choice_is_refused_before_anything_is_sent_naming_the_option_and_the_fix(string option, string value, string message)
    {
        var (exit, _, err) = await Cli.RunAsync(_environment, "export", "rankings", option, value, "--out", Path.Combine(_folder, "x"));

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain(message);
        _node.Requests.Should().NotContain(r => r.Path.StartsWith("/api/v1/exports", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_nodes_reason_for_a_bad_period_is_shown_and_no_file_is_written()
    {
        var target = Path.Combine(_folder, "bad.csv");

        var (exit, _, err) = await Cli.RunAsync(_environment, "export", "rankings", "--period", "2026-13", "--out", target);

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("period '2026-13' is not a month");
        File.Exists(target).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_unit_names_the_list_of_units()
    {
        var (exit, _, err) = await Cli.RunAsync(_environment, "export", "unit", "99999", "--out", Path.Combine(_folder, "u.csv"));

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("unit '99999' is not a known unit; GET /api/v1/units lists them");
    }

    private async Task Answer(HttpContext http, StubNode.Recorded request)
    {
        if (request.Path == "/health/live")
        {
            await http.Response.WriteAsync("Healthy");
            return;
        }

        if (!request.Path.StartsWith("/api/v1/exports/", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        _queries.Enqueue(http.Request.QueryString.Value ?? string.Empty);
        if (http.Request.Query["period"] == "2026-13")
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new { title = "Bad Request", status = 400, detail = "period '2026-13' is not a month (2026-11), quarter (2026-Q4), year (2026) or range" });
            return;
        }

        if (request.Path == "/api/v1/exports/units/99999/scorecard")
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new { status = 404, detail = "unit '99999' is not a known unit; GET /api/v1/units lists them" });
            return;
        }

        var name = request.Path.Contains("/units/", StringComparison.Ordinal) ? "bang-diem-79-2026-11.csv" : "xep-hang-so-nganh-2026-q4.csv";
        http.Response.Headers["X-GovPulse-As-Of"] = AsOf;
        http.Response.Headers["X-GovPulse-Manifest"] = Manifest;
        http.Response.Headers.ContentDisposition = $"attachment; filename={name}";
        http.Response.ContentType = "text/csv; charset=utf-8";
        await http.Response.Body.WriteAsync(Csv);
    }
}
