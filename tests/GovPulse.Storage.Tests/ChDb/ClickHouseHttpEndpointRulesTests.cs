using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClickHouse.Driver;
using GovPulse.Storage.ChDb;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ChDb;

/// <summary>The embedded engine's endpoint is private and behaves like ClickHouse's HTTP interface: the rules, over real HTTP.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class ClickHouseHttpEndpointRulesTests : IDisposable
{
    private const string LongQuery = "SELECT count() FROM numbers(1000000000000)";

    private readonly EmbeddedClickHouseFixture _clickHouse;
    private readonly string _database;
    private readonly HttpClient _http;

    public ClickHouseHttpEndpointRulesTests(EmbeddedClickHouseFixture clickHouse)
    {
        _clickHouse = clickHouse;
        _database = clickHouse.CreateDatabase("rules");
        _http = clickHouse.CreateHttpClient();
    }

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("default:")]
    [InlineData("default:wrong")]
    [InlineData("someone:storage-tests-shared-secret")]
    public async Task Without_the_secret_a_request_is_refused_with_AUTHENTICATION_FAILED(string? basic)
    {
        using var anonymous = new HttpClient { BaseAddress = _clickHouse.Endpoint.BaseAddress };
        if (basic is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        using var response = await anonymous.PostAsync(new Uri("/", UriKind.Relative), new StringContent("SELECT 1"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("516");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("Code: 516. DB::Exception: ");
    }

    [Fact]
    public async Task The_secret_is_accepted_the_ways_ClickHouse_takes_it()
    {
        using var anonymous = new HttpClient { BaseAddress = _clickHouse.Endpoint.BaseAddress };
        using var headers = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("SELECT 1") };
        headers.Headers.Add("X-ClickHouse-User", "default");
        headers.Headers.Add("X-ClickHouse-Key", EmbeddedClickHouseFixture.SharedPassword);

        using var byHeaders = await anonymous.SendAsync(headers);
        using var byUrl = await anonymous.PostAsync(new Uri("?user=default&password=" + EmbeddedClickHouseFixture.SharedPassword, UriKind.Relative), new StringContent("SELECT 2"));

        (await byHeaders.Content.ReadAsStringAsync()).Should().Be("1\n");
        (await byUrl.Content.ReadAsStringAsync()).Should().Be("2\n");
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("SELECT 1;\nCREATE TABLE t (x UInt8) ENGINE = Memory")]
    [InlineData("SELECT 1 # '\n; CREATE TABLE t (x UInt8) ENGINE = Memory; SELECT '")]
    [InlineData("SELECT 1 /* /* */ ' */ ; CREATE TABLE t (x UInt8) ENGINE = Memory; SELECT '")]
    [InlineData("SELECT $a$'$a$; CREATE TABLE t (x UInt8) ENGINE = Memory; SELECT '")]
    [InlineData("INSERT INTO t SETTINGS async_insert = (0) FORMAT TSV\n1\n\nCREATE TABLE t (x UInt8) ENGINE = Memory")]
    public async Task Only_one_statement_runs_per_request(string text)
    {
        using var response = await _http.PostAsync(new Uri($"?database={_database}", UriKind.Relative), new StringContent(text));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("62");
        (await _clickHouse.Engine.QueryAsync($"EXISTS TABLE `{_database}`.t")).Text.Should().Be("0\n");
    }

    [Fact]
    public async Task An_inserts_data_is_never_read_as_SQL()
    {
        using (var created = await _http.PostAsync(new Uri($"?database={_database}", UriKind.Relative), new StringContent("CREATE TABLE lines (s String) ENGINE = MergeTree ORDER BY tuple()")))
        {
            created.EnsureSuccessStatusCode();
        }

        using var inserted = await _http.PostAsync(
            new Uri($"?database={_database}&query=" + Uri.EscapeDataString("INSERT INTO lines FORMAT TSV"), UriKind.Relative),
            new StringContent("a;b\nfile('/etc/hostname')\n$x$ SYSTEM SHUTDOWN\n\nINTO OUTFILE\n"));

        inserted.EnsureSuccessStatusCode();
        (await _clickHouse.Engine.QueryAsync($"SELECT count() FROM `{_database}`.lines")).Text.Should().Be("5\n");
    }

    [Fact]
    public async Task A_trailing_semicolon_and_semicolons_in_quotes_and_comments_are_one_statement()
    {
        using var response = await _http.PostAsync(new Uri("?default_format=TSV", UriKind.Relative), new StringContent("SELECT ';' AS a, `b;` -- ;\n /* ; */ FROM (SELECT 1 AS `b;`);  "));

        (await response.Content.ReadAsStringAsync()).Should().Be(";\t1\n");
    }

    [Theory]
    [InlineData("SELECT * FROM file('/etc/hostname', 'LineAsString')")]
    [InlineData("SELECT * FROM `file` ('/etc/hostname', 'LineAsString')")]
    [InlineData("SELECT * FROM '/etc/hostname'")]
    [InlineData("SELECT * FROM url('http://127.0.0.1:1/', 'LineAsString')")]
    [InlineData("INSERT INTO FUNCTION file('/tmp/govpulse-rules-test.txt', 'LineAsString') SELECT 'x'")]
    [InlineData("SELECT 1 INTO OUTFILE '/tmp/govpulse-rules-test.txt'")]
    [InlineData("INSERT INTO t FROM INFILE '/etc/hostname' FORMAT LineAsString")]
    [InlineData("CREATE TABLE f (s String) ENGINE = File(LineAsString, '/etc/hostname')")]
    [InlineData("CREATE DATABASE fs ENGINE = Filesystem")]
    [InlineData("SELECT * FROM remote('127.0.0.1:1', system.one)")]
    [InlineData("SELECT * FROM executable('id', 'LineAsString', 's String')")]
    [InlineData("SYSTEM SHUTDOWN")]
    [InlineData("SET max_result_rows = 1")]
    [InlineData("KILL QUERY WHERE 1 ASYNC")]
    [InlineData("ATTACH TABLE x FROM '/tmp' (s String) ENGINE = Memory")]
    [InlineData("exit")]
    public async Task Statements_that_reach_the_host_or_the_servers_controls_are_refused(string text)
    {
        using var response = await _http.PostAsync(new Uri($"?database={_database}", UriKind.Relative), new StringContent(text));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("497");
        File.Exists("/tmp/govpulse-rules-test.txt").Should().BeFalse();
    }

    [Theory]
    [InlineData("SELECT * FROM file('/etc/hostname', 'LineAsString')")]
    [InlineData("SELECT * FROM '/etc/hostname'")]
    [InlineData("SELECT * FROM url('http://127.0.0.1:1/', 'LineAsString')")]
    [InlineData("SYSTEM DROP MARK CACHE")]
    public void The_engine_itself_has_no_grant_to_reach_the_host(string text)
    {
        var act = () => _clickHouse.Engine.Query(text);

        act.Should().Throw<ChDbException>().Which.Code.Should().Be(497);
    }

    [Fact]
    public async Task A_GET_or_the_readonly_setting_cannot_write()
    {
        var create = Uri.EscapeDataString("CREATE TABLE t (x UInt8) ENGINE = Memory");

        using var get = await _http.GetAsync(new Uri($"?database={_database}&query={create}", UriKind.Relative));
        using var readonlyPost = await _http.PostAsync(new Uri($"?database={_database}&readonly=1", UriKind.Relative), new StringContent("CREATE TABLE t (x UInt8) ENGINE = Memory"));

        get.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        get.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("164");
        readonlyPost.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("164");
        (await _clickHouse.Engine.QueryAsync($"EXISTS TABLE `{_database}`.t")).Text.Should().Be("0\n");
    }

    [Fact]
    public async Task Settings_do_not_leak_from_one_request_to_the_next()
    {
        using var set = await _http.PostAsync(new Uri("/", UriKind.Relative), new StringContent("SET max_result_rows = 1, result_overflow_mode = 'break'"));
        using var scoped = await _http.PostAsync(new Uri("/", UriKind.Relative), new StringContent("SELECT count() FROM (SELECT number FROM numbers(10)) SETTINGS max_result_rows = 1, result_overflow_mode = 'break'"));
        set.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        scoped.EnsureSuccessStatusCode();

        // Every pooled connection, several times over.
        var counts = await Task.WhenAll(Enumerable.Range(0, _clickHouse.Engine.MaxConnections * 2).Select(async _ =>
        {
            using var response = await _http.PostAsync(new Uri("/", UriKind.Relative), new StringContent("SELECT number FROM numbers(10)"));
            return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }));

        counts.Should().AllSatisfy(c => c.Should().Be(10));
    }

    [Theory]
    [InlineData("evil.example", null)]
    [InlineData("127.0.0.1.evil.example", null)]
    [InlineData(null, "http://evil.example")]
    [InlineData(null, "null")]
    public async Task A_request_from_a_browser_page_is_refused(string? host, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("SELECT 1") };
        if (host is not null)
        {
            request.Headers.Host = host + ":" + _clickHouse.Endpoint.Port;
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_as_sent_and_as_decompressed()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(
            _clickHouse.Engine, new ClickHouseHttpEndpointOptions { SharedPassword = EmbeddedClickHouseFixture.SharedPassword, MaxRequestBodyBytes = 1024 * 1024 });
        using var http = _clickHouse.CreateHttpClient(endpoint);
        var zeros = new byte[4 * 1024 * 1024];
        var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(zeros);
        }

        using var large = new HttpRequestMessage(HttpMethod.Post, "?query=INSERT%20INTO%20t%20FORMAT%20RowBinary") { Content = new ByteArrayContent(zeros) };
        large.Headers.ExpectContinue = true; // the answer comes before the body is sent, as with curl
        using var plain = await http.SendAsync(large);
        using var content = new ByteArrayContent(gzipped.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var bomb = await http.PostAsync(new Uri("?query=INSERT%20INTO%20t%20FORMAT%20RowBinary", UriKind.Relative), content);

        gzipped.Length.Should().BeLessThan(1024 * 1024);
        plain.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        bomb.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        bomb.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("307");
    }

    [Fact]
    public async Task A_trickling_body_is_cut_off()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(
            _clickHouse.Engine,
            new ClickHouseHttpEndpointOptions
            {
                SharedPassword = EmbeddedClickHouseFixture.SharedPassword,
                MinRequestBodyBytesPerSecond = 1000,
                MinRequestBodyGracePeriod = TimeSpan.FromSeconds(2),
            });
        using var http = _clickHouse.CreateHttpClient(endpoint);
        using var trickle = new TrickleContent(TimeSpan.FromMinutes(1));
        var started = TimeProvider.System.GetTimestamp();

        var act = async () =>
        {
            using var response = await http.PostAsync(new Uri("/", UriKind.Relative), trickle);
            return response.StatusCode;
        };

        // Cut off: either the request fails or Kestrel answers 408; never a minute of waiting.
        try
        {
            (await act()).Should().Be(HttpStatusCode.RequestTimeout);
        }
        catch (HttpRequestException)
        {
        }

        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_query_cancelled_by_its_client_is_killed_and_frees_its_connection()
    {
        using var client = new ClickHouseClient(_clickHouse.Endpoint.ConnectionStringFor(_database));
        using var cancel = new CancellationTokenSource();

        var running = client.ExecuteScalarAsync(LongQuery, cancellationToken: cancel.Token);
        await WaitUntilAsync(() => RunningCount() == 1, "the long query is running");
        await cancel.CancelAsync();

        await running.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        await WaitUntilAsync(() => RunningCount() == 0, "the engine stopped the cancelled query");
        var started = TimeProvider.System.GetTimestamp();
        (await client.ExecuteScalarAsync("SELECT 42")).Should().Be((byte)42);
        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_query_past_its_max_execution_time_is_killed_with_TIMEOUT_EXCEEDED()
    {
        using var response = await _http.GetAsync(new Uri("?max_execution_time=1&query=" + Uri.EscapeDataString(LongQuery), UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("159");
        await WaitUntilAsync(() => RunningCount() == 0, "the engine stopped the query");
    }

    [Fact]
    public async Task A_large_result_streams_without_the_process_holding_it()
    {
        const int Rows = 10_000_000;
        const long Size = 157_777_780; // bytes of "n\tn\n" for n below ten million
        var query = Uri.EscapeDataString($"SELECT number, toString(number) FROM numbers({Rows})");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        using var response = await _http.GetAsync(new Uri("?query=" + query, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long received = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            received += read;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        received.Should().Be(Size);
        response.Content.Headers.ContentLength.Should().BeNull("the length is not known before the end");
        allocated.Should().BeLessThan(Size / 4, "the output goes from the engine's buffers to the socket, not through a managed copy of it");
    }

    [Fact]
    public async Task A_streamed_result_in_many_chunks_keeps_one_header_for_the_driver_and_for_curl()
    {
        using var client = new ClickHouseClient(_clickHouse.Endpoint.ConnectionStringFor(_database));
        const string Query = "SELECT number, toString(number) AS text FROM numbers(300000) SETTINGS max_block_size = 1000";

        using var reader = await client.ExecuteReaderAsync(Query);
        ulong rows = 0, sum = 0;
        while (reader.Read())
        {
            rows++;
            sum += reader.GetFieldValue<ulong>(0);
            reader.GetString(1).Should().Be(reader.GetFieldValue<ulong>(0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await _http.GetAsync(new Uri("?default_format=TSVWithNames&query=" + Uri.EscapeDataString(Query), UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        rows.Should().Be(300_000);
        sum.Should().Be(300_000UL * 299_999 / 2);
        lines.Should().HaveCount(300_001);
        lines.Count(l => l == "number\ttext").Should().Be(1);
    }

    [Fact]
    public async Task A_format_with_a_prefix_and_suffix_is_answered_whole()
    {
        using var response = await _http.GetAsync(new Uri("?default_format=JSON&query=" + Uri.EscapeDataString("SELECT number FROM numbers(300000) SETTINGS max_block_size = 1000"), UriKind.Relative));

        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("rows").GetInt32().Should().Be(300_000);
        json.RootElement.GetProperty("data").GetArrayLength().Should().Be(300_000);
    }

    private long RunningCount() =>
        long.Parse(
            _clickHouse.Engine.Query($"SELECT count() FROM system.processes WHERE query LIKE '%{LongQuery}%' AND query NOT LIKE '%system.processes%'").Text,
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Bounded polling of the engine (a process-wide list with no signal to await).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            TimeProvider.System.GetElapsedTime(deadline).Should().BeLessThan(TimeSpan.FromSeconds(15), what);
            await tick.WaitForNextTickAsync();
        }
    }

    /// <summary>A body that sends one byte every 200 ms: a client too slow to be waited for.</summary>
    private sealed class TrickleContent(TimeSpan limit) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            var started = TimeProvider.System.GetTimestamp();
            await stream.WriteAsync("SELECT 1 "u8.ToArray());
            while (TimeProvider.System.GetElapsedTime(started) < limit && await tick.WaitForNextTickAsync())
            {
                await stream.WriteAsync(" "u8.ToArray());
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
