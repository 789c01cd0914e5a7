using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Bad bytes are a line's problem, not the batch's, on a real node in the quick start's Development
/// environment: every kind of bad line is rejected on its own line and the batch's good lines are
/// stored; a crafted id cannot forge a log line.
/// </summary>
public sealed class BadBytesTests(DevelopmentNodeFixture fixture) : IClassFixture<DevelopmentNodeFixture>
{
    private const string Unit = "26740";

    /// <summary>The unit of the mixed batch alone, so its count is that batch's.</summary>
    private const string BatchUnit = "26506";

    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Fact]
    public async Task The_node_runs_in_Development()
    {
        await fixture.Node.WaitForOutputAsync("Hosting environment: Development", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_batch_with_one_bad_line_of_each_kind_stores_all_its_good_lines()
    {
        using var client = fixture.Node.CreateClient(DevelopmentNodeFixture.ApiKey);
        var bad = new (string Kind, byte[] Line)[]
        {
            ("escaped lone surrogate", Utf8(Good("bb-bad-1")).Replace("\"bb-bad-1-r\"", "\"bb\\ud800\"")),
            ("raw surrogate", Utf8(Good("bb-bad-2")).Replace("\"bb-bad-2-r\"", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'])),
            ("invalid UTF-8", Utf8(Good("bb-bad-3")).Replace("\"bb-bad-3\"", [(byte)'"', (byte)'d', 0xC3, 0x28, (byte)'"'])),
            ("overlong UTF-8", Utf8(Good("bb-bad-4")).Replace("\"2.000815\"", [(byte)'"', 0xC0, 0xAF, (byte)'"'])),
            ("NUL", Utf8(Good("bb-bad-5").Replace("bb-bad-5-r", "bb\\u0000", StringComparison.Ordinal))),
            ("BEL", Utf8(Good("bb-bad-6").Replace("bb-bad-6-r", "bb\\u0007", StringComparison.Ordinal))),
            ("ANSI escape", Utf8(Good("bb-bad-7").Replace("bb-bad-7\"", "\\u001b[2Jbb\"", StringComparison.Ordinal))),
            ("DEL", Utf8(Good("bb-bad-8")).Replace("\"bb-bad-8-r\"", [(byte)'"', (byte)'b', 0x7F, (byte)'"'])),
            ("C1", Utf8(Good("bb-bad-9").Replace("bb-bad-9-r", "bb\\u009b", StringComparison.Ordinal))),
            ("right-to-left override", Utf8(Good("bb-bad-10").Replace("bb-bad-10-r", "bb\u202Eexe", StringComparison.Ordinal))),
            ("left-to-right isolate", Utf8(Good("bb-bad-11").Replace("bb-bad-11\"", "bb\u2066\"", StringComparison.Ordinal))),
            ("right-to-left mark", Utf8(Good("bb-bad-12").Replace("bb-bad-12-r", "bb\u200F", StringComparison.Ordinal))),
            ("year 1 at -14:00", Utf8(Good("bb-bad-13").Replace($"\"occurredAt\":\"{Ndjson.Time(_now)}\"", "\"occurredAt\":\"0001-01-01T00:00:00-14:00\"", StringComparison.Ordinal))),
            ("due in 2300", Utf8(Good("bb-bad-14").Replace($"\"dueAt\":\"{Ndjson.Time(_now.AddDays(3))}\"", "\"dueAt\":\"2300-01-01T00:00:00+07:00\"", StringComparison.Ordinal))),
            ("leap second", Utf8(Good("bb-bad-15").Replace($"\"dueAt\":\"{Ndjson.Time(_now.AddDays(3))}\"", "\"dueAt\":\"2030-12-31T23:59:60Z\"", StringComparison.Ordinal))),
        };
        var goods = Enumerable.Range(1, bad.Length + 1).Select(i => Good($"bb-good-{i}")).ToArray();
        var lines = new List<byte[]>();
        var badLines = new List<int>();
        for (var i = 0; i < goods.Length; i++)
        {
            lines.Add(Utf8(goods[i]));
            if (i < bad.Length)
            {
                lines.Add(bad[i].Line);
                badLines.Add(lines.Count);
            }
        }

        var result = await PostAsync(client, lines);
        var scorecard = await client.GetFromJsonAsync<ScorecardResponse>($"/api/v1/units/{BatchUnit}/indicators?period={Ndjson.MonthOf(_now)}");
        var again = await PostAsync(client, goods.Select(Utf8).ToList());

        result.Accepted.Should().Be(goods.Length, "every good line of the batch is stored");
        result.Rejected.Select(r => r.Line).Should().Equal(badLines, "each bad line is rejected on its own line");
        result.Rejected.Should().OnlyContain(r => r.Error.StartsWith($"line {r.Line}: ", StringComparison.Ordinal));
        result.Rejected.Should().OnlyContain(r => !r.Error.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c == '\u202E' || c == '\u2066' || c == '\u200F'),
            "a bad value is shown escaped, never raw");
        scorecard!.Counts.Received.Should().Be(goods.Length);
        again.Duplicates.Should().Be(goods.Length, "the good lines are in the store: sent again, they are duplicates");
    }

    [Fact]
    public async Task An_id_carrying_a_newline_and_fake_log_text_is_rejected_escaped_and_forges_no_log_line()
    {
        using var client = fixture.Node.CreateClient(DevelopmentNodeFixture.ApiKey);
        const string Forged = "admin (admin) signed in from 10.9.9.9";
        var crafted = Ndjson.Received(Unit, "bb-forge", _now)
            .Replace("bb-forge-r", "bb-forge-r\\ninfo: GovPulse.Security.SignIn.AccountApi[0]\\n      " + Forged, StringComparison.Ordinal);

        // Sent twice with different content: were the id stored, the second would be refused as a reused id and logged.
        var first = await PostAsync(client, [Utf8(crafted)]);
        var second = await PostAsync(client, [Utf8(crafted.Replace("\"fee\":0", "\"fee\":5000", StringComparison.Ordinal)), Utf8(Ndjson.Completed(Unit, "bb-forge", _now))]);

        first.Accepted.Should().Be(0);
        second.Accepted.Should().Be(1);
        foreach (var rejected in first.Rejected.Concat(second.Rejected))
        {
            rejected.EventId.Should().BeNull("an id that is not visible text is not echoed back as an id");
            rejected.Error.Should().StartWith(@"line 1: eventId 'bb-forge-r\u000Ainfo: GovPulse.Security.SignIn.AccountApi[0]\u000A ")
                .And.EndWith("contains a control character (U+000A) at position 11; ids and codes must be visible text");
        }

        fixture.Node.Output.Split('\n').Should().NotContain(l => l.Trim().StartsWith(Forged, StringComparison.Ordinal), "no log line is forged");
    }

    [Fact]
    public async Task A_reused_event_id_is_logged_with_the_id_as_sent_when_it_is_plain()
    {
        using var client = fixture.Node.CreateClient(DevelopmentNodeFixture.ApiKey);
        var stored = Ndjson.Received(Unit, "bb-reuse-hồ-sơ", _now);
        await PostAsync(client, [Utf8(stored)]);

        var result = await PostAsync(client, [Utf8(stored.Replace("\"fee\":0", "\"fee\":7000", StringComparison.Ordinal))]);

        result.Rejected.Single().Error.Should().Contain("eventId 'bb-reuse-hồ-sơ-r' was already stored with different content (fee)");
        await fixture.Node.WaitForOutputAsync("Refused event bb-reuse-hồ-sơ-r for unit 26740: its id was already stored with different content (fee)", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_key_name_with_a_newline_and_fake_log_text_is_refused_and_forges_no_log_line()
    {
        using var admin = fixture.Node.CreateClient(DevelopmentNodeFixture.ApiKey);
        const string Forged = "admin (admin) signed in from 10.9.9.8";
        var name = "bb-key\ninfo: GovPulse.Security.SignIn.AccountApi[0]\n      " + Forged + "\u202E";

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/keys", new { name, units = new[] { Unit } });

        created.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await created.Content.ReadAsStringAsync()).Should().Contain("name contains an invisible or control character (U+000A) at position 7; use visible text");
        fixture.Node.Output.Split('\n').Should().NotContain(l => l.Trim() == Forged || l.Trim().StartsWith(Forged, StringComparison.Ordinal), "no log line is forged");
    }

    private string Good(string dossier) => Ndjson.Received(BatchUnit, dossier, _now);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Posts raw NDJSON bytes (invalid UTF-8 included), expects 200, and checks the counts add up.</summary>
    private static async Task<IngestResponse> PostAsync(HttpClient client, List<byte[]> lines)
    {
        using var content = new ByteArrayContent(lines.Aggregate((a, b) => [.. a, (byte)'\n', .. b]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await client.PostAsync(EventPoster.Events, content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
        (result.Accepted + result.Duplicates + result.Rejected.Count).Should().Be(lines.Count, "every line is accepted, a duplicate, or rejected");
        return result;
    }
}
