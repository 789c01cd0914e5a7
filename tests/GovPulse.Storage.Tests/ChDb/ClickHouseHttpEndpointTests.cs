using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Compression;
using ClickHouse.Driver.Numerics;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ChDb;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ChDb;

/// <summary>ClickHouse.Driver, unchanged, against the embedded engine's HTTP endpoint.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class ClickHouseHttpEndpointTests : IDisposable
{
    private static readonly TimeSpan Saigon = TimeSpan.FromHours(7);
    private static readonly string[] PostedNames = ["Tân Định", "Đa Kao"];

    private readonly EmbeddedClickHouseFixture _clickHouse;
    private readonly string _database;
    private readonly ClickHouseClient _client;
    private readonly HttpClient _http;

    public ClickHouseHttpEndpointTests(EmbeddedClickHouseFixture clickHouse)
    {
        _clickHouse = clickHouse;
        _database = clickHouse.CreateDatabase("endpoint");
        _client = clickHouse.CreateClient(_database);
        _http = clickHouse.CreateHttpClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Ping_answers_like_ClickHouse()
    {
        (await _client.PingAsync()).Should().BeTrue();
        (await _http.GetStringAsync(new Uri("ping", UriKind.Relative))).Should().Be("Ok.\n");
    }

    [Fact]
    public void The_connection_string_points_the_driver_at_the_endpoint()
    {
        var endpoint = _clickHouse.Endpoint;

        endpoint.ConnectionStringFor("db1").Should().MatchRegex(
            $"^Host=127\\.0\\.0\\.1;Port={endpoint.BaseAddress.Port};Protocol=http;Database=db1;Username=govpulse-node-[0-9a-f]{{16}};Password=[0-9a-f]{{64}}$");
        endpoint.BaseAddress.Should().Be(new Uri($"http://127.0.0.1:{endpoint.Port}/"));
    }

    [Fact]
    public async Task Values_of_every_column_type_we_use_round_trip()
    {
        await _client.ExecuteNonQueryAsync(
            """
            CREATE TABLE samples (
                id UInt8, s String, lc LowCardinality(String), at DateTime64(3, 'Asia/Ho_Chi_Minh'),
                u16 UInt16, u32 UInt32, u64 UInt64, amount Decimal(18, 2), flag Bool,
                note Nullable(String), count Nullable(UInt32)
            ) ENGINE = MergeTree ORDER BY id
            """);
        var at = new DateTimeOffset(2025, 7, 1, 8, 30, 15, 123, Saigon);
        string[] columns = ["id", "s", "lc", "at", "u16", "u32", "u64", "amount", "flag", "note", "count"];
        object?[][] rows =
        [
            [(byte)1, "Phường Tân Định", "Quận 1", at, (ushort)2, 3u, 4ul, 17.68m, true, null, null],
            [byte.MaxValue, string.Empty, string.Empty, at.UtcDateTime.AddDays(-1), ushort.MaxValue, uint.MaxValue, ulong.MaxValue, -0.01m, false, "ghi chú", 0u],
        ];

        var written = await _client.InsertBinaryAsync("samples", columns, rows!);

        written.Should().Be(2);
        using var reader = await _client.ExecuteReaderAsync("SELECT * FROM samples ORDER BY id");
        reader.Read().Should().BeTrue();
        reader.GetByte(0).Should().Be(1);
        reader.GetString(1).Should().Be("Phường Tân Định");
        reader.GetString(2).Should().Be("Quận 1");
        reader.GetDateTimeOffset(3).Should().Be(at);
        reader.GetDateTimeOffset(3).Offset.Should().Be(Saigon);
        reader.GetUInt16(4).Should().Be(2);
        reader.GetUInt32(5).Should().Be(3u);
        reader.GetUInt64(6).Should().Be(4ul);
        reader.GetDecimal(7).Should().Be(17.68m);
        reader.GetBoolean(8).Should().BeTrue();
        reader.IsDBNull(9).Should().BeTrue();
        reader.IsDBNull(10).Should().BeTrue();

        reader.Read().Should().BeTrue();
        reader.GetByte(0).Should().Be(byte.MaxValue);
        reader.GetString(1).Should().BeEmpty();
        reader.GetString(2).Should().BeEmpty();
        reader.GetDateTimeOffset(3).Should().Be(at.AddDays(-1));
        reader.GetUInt16(4).Should().Be(ushort.MaxValue);
        reader.GetUInt32(5).Should().Be(uint.MaxValue);
        reader.GetUInt64(6).Should().Be(ulong.MaxValue);
        reader.GetDecimal(7).Should().Be(-0.01m);
        reader.GetBoolean(8).Should().BeFalse();
        reader.GetString(9).Should().Be("ghi chú");
        reader.GetUInt32(10).Should().Be(0u);
        reader.Read().Should().BeFalse();
    }

    [Fact]
    public async Task Scalars_come_back_typed()
    {
        (await _client.ExecuteScalarAsync("SELECT toUInt64(42)")).Should().Be(42ul);
        (await _client.ExecuteScalarAsync("SELECT 'Đa Kao'")).Should().Be("Đa Kao");
        (await _client.ExecuteScalarAsync("SELECT toDecimal64(17.68, 2)")).Should().Be(new ClickHouseDecimal(17.68m));
        (await _client.ExecuteScalarAsync("SELECT CAST(NULL AS Nullable(String))")).Should().Be(DBNull.Value);
    }

    [Fact]
    public async Task A_bulk_binary_insert_of_ten_thousand_rows_arrives_whole()
    {
        await _client.ExecuteNonQueryAsync("CREATE TABLE bulk (id UInt64, ward String, value Float64) ENGINE = MergeTree ORDER BY id");
        const int Rows = 10_000; // ids past 2570 (0A 0A in RowBinary), which chDB's inline data would cut at

        var written = await _client.InsertBinaryAsync(
            "bulk",
            ["id", "ward", "value"],
            Enumerable.Range(0, Rows).Select(i => new object[] { (ulong)i, "Phường " + i, i * 0.5 }));

        written.Should().Be(Rows);
        (await _client.ExecuteScalarAsync("SELECT count() FROM bulk")).Should().Be((ulong)Rows);
        (await _client.ExecuteScalarAsync("SELECT sum(id) FROM bulk")).Should().Be((ulong)Rows * (Rows - 1) / 2);
    }

    public static TheoryData<string> Compressors => ["gzip", "zstd", "br", "lz4", "identity"];

    [Theory]
    [MemberData(nameof(Compressors))]
    public async Task Compressed_insert_bodies_are_accepted(string encoding)
    {
        IClickHouseCompressor compressor = encoding switch
        {
            "gzip" => GZipCompressor.Default,
            "zstd" => ZstdCompressor.Default,
            "br" => BrotliCompressor.Default,
            "identity" => IdentityContentEncoding.Instance, // what the node's own client sends
            _ => Lz4Compressor.Default,
        };
        var table = "compressed_" + encoding;
        await _client.ExecuteNonQueryAsync($"CREATE TABLE {table} (id UInt32, text String) ENGINE = MergeTree ORDER BY id");

        var written = await _client.InsertBinaryAsync(
            table,
            ["id", "text"],
            Enumerable.Range(0, 3000).Select(i => new object[] { (uint)i, "Tân Định\n\n" + i }),
            new InsertOptions { Compressor = compressor });

        written.Should().Be(3000);
        (await _client.ExecuteScalarAsync($"SELECT countIf(text = concat('Tân Định\\n\\n', toString(id))) FROM {table}")).Should().Be(3000ul);
    }

    [Fact]
    public async Task Uncompressed_requests_and_an_insert_query_in_the_url_work_too()
    {
        using var plain = _clickHouse.CreateClient(_database, "Compression=false");
        await plain.ExecuteNonQueryAsync("CREATE TABLE plain (id UInt32) ENGINE = MergeTree ORDER BY id");

        await plain.InsertBinaryAsync("plain", ["id"], [[1u], [2u]]);
        await plain.InsertBinaryAsync("plain", ["id"], [[3u]], new InsertOptions { QueryPlacement = InsertQueryPlacement.Url });

        (await plain.ExecuteScalarAsync("SELECT sum(id) FROM plain")).Should().Be(6ul);
    }

    [Fact]
    public async Task A_reader_binds_String_parameters()
    {
        await _client.ExecuteNonQueryAsync("CREATE TABLE wards (code UInt32, name String) ENGINE = MergeTree ORDER BY code");
        await _client.ExecuteNonQueryAsync("INSERT INTO wards VALUES (26734, 'Phường Tân Định'), (26737, 'Phường Đa Kao')");
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("u", "Phường Tân Định");

        using var reader = await _client.ExecuteReaderAsync("SELECT code FROM wards WHERE name = {u:String}", parameters);

        reader.Read().Should().BeTrue();
        reader.GetUInt32(0).Should().Be(26734u);
        reader.Read().Should().BeFalse();
    }

    [Fact]
    public async Task A_long_parameter_fits_in_the_url()
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", Enumerable.Range(0, 20_000).Select(i => (uint)i).ToArray());

        (await _client.ExecuteScalarAsync("SELECT sum(arraySum({ids:Array(UInt32)}))", parameters))
            .Should().Be((ulong)20_000 * 19_999 / 2);
    }

    [Fact]
    public async Task Parameters_sent_as_form_data_bind_too()
    {
        var settings = new ClickHouseClientSettings(_clickHouse.Endpoint.ConnectionStringFor(_database)) { UseFormDataParameters = true };
        using var client = new ClickHouseClient(settings);
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("name", "Đa Kao");

        (await client.ExecuteScalarAsync("SELECT concat('Phường ', {name:String})", parameters)).Should().Be("Phường Đa Kao");
    }

    [Fact]
    public async Task A_bad_query_surfaces_as_the_drivers_server_exception_with_ClickHouse_code()
    {
        var syntax = async () => await _client.ExecuteScalarAsync("SELEC 1");
        var table = async () => await _client.ExecuteScalarAsync("SELECT * FROM no_such_table");

        (await syntax.Should().ThrowAsync<ClickHouseServerException>())
            .Which.Should().Match<ClickHouseServerException>(e => e.ErrorCode == 62 && e.Message.StartsWith("Code: 62. DB::Exception: Syntax error", StringComparison.Ordinal));
        (await table.Should().ThrowAsync<ClickHouseServerException>())
            .Which.Should().Match<ClickHouseServerException>(e => e.ErrorCode == 60 && e.Message.Contains("UNKNOWN_TABLE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_carry_ClickHouse_status_header_and_text()
    {
        using var response = await _http.PostAsync(
            new Uri($"?database={_database}&query_id=q-err", UriKind.Relative),
            new StringContent("SELECT * FROM no_such_table"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound); // ClickHouse's status for UNKNOWN_TABLE
        response.Headers.GetValues("X-ClickHouse-Exception-Code").Should().Equal("60");
        response.Headers.GetValues("X-ClickHouse-Query-Id").Should().Equal("q-err");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("Code: 60. DB::Exception: ");
    }

    [Fact]
    public async Task A_GET_runs_the_url_query_with_its_settings_and_headers()
    {
        var url = "?query=" + Uri.EscapeDataString("SELECT {n:UInt32} * 2 AS doubled, currentDatabase() AS db")
            + $"&param_n=21&database={_database}&default_format=JSONEachRow&query_id=q-1&wait_end_of_query=1&enable_http_compression=1&max_execution_time=10";

        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be($"{{\"doubled\":42,\"db\":\"{_database}\"}}\n");
        response.Headers.GetValues("X-ClickHouse-Query-Id").Should().Equal("q-1");
        response.Headers.GetValues("X-ClickHouse-Format").Should().Equal("JSONEachRow");
        response.Headers.GetValues("X-ClickHouse-Timezone").Should().ContainSingle();
        var summary = JsonDocument.Parse(response.Headers.GetValues("X-ClickHouse-Summary").Single()).RootElement;
        summary.GetProperty("result_rows").GetString().Should().Be("1");
    }

    [Fact]
    public async Task A_POST_appends_its_body_to_the_url_query_and_reports_written_rows()
    {
        await _client.ExecuteNonQueryAsync("CREATE TABLE posted (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        var url = "?query=" + Uri.EscapeDataString("INSERT INTO posted FORMAT TabSeparated") + $"&database={_database}";
        var body = new MemoryStream();
        await using (var deflate = new ZLibStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            await deflate.WriteAsync(Encoding.UTF8.GetBytes("1\tTân Định\n2\tĐa Kao\n"));
        }

        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentEncoding.Add("deflate");
        using var response = await _http.PostAsync(new Uri(url, UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = JsonDocument.Parse(response.Headers.GetValues("X-ClickHouse-Summary").Single()).RootElement;
        summary.GetProperty("written_rows").GetString().Should().Be("2");
        (await _client.ExecuteScalarAsync("SELECT groupArray(name) FROM (SELECT name FROM posted ORDER BY id)"))
            .Should().BeEquivalentTo(PostedNames);
    }

    [Fact]
    public async Task Parallel_queries_and_inserts_through_the_endpoint_stay_exact()
    {
        await _client.ExecuteNonQueryAsync("CREATE TABLE parallel (task UInt32, n UInt32) ENGINE = MergeTree ORDER BY (task, n)");
        const int Tasks = 8;
        const int Rounds = 25;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            for (var n = 0; n < Rounds; n++)
            {
                await _client.InsertBinaryAsync("parallel", ["task", "n"], [[(uint)task, (uint)n]]);
                var parameters = new ClickHouseParameterCollection();
                parameters.AddParameter("task", (uint)task);
                var count = await _client.ExecuteScalarAsync("SELECT count() FROM parallel WHERE task = {task:UInt32}", parameters);
                count.Should().Be((ulong)(n + 1));
            }
        })));

        (await _client.ExecuteScalarAsync("SELECT count() FROM parallel")).Should().Be((ulong)(Tasks * Rounds));
        (await _client.ExecuteScalarAsync("SELECT uniqExact(task, n) FROM parallel")).Should().Be((ulong)(Tasks * Rounds));
    }

    [Fact]
    public async Task A_url_encoded_form_body_is_the_query_text_as_curl_sends_it()
    {
        using var content = new StringContent("SELECT 'Tân Định' AS ward", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _http.PostAsync(new Uri("?default_format=TSV", UriKind.Relative), content);

        (await response.Content.ReadAsStringAsync()).Should().Be("Tân Định\n");
    }

    [Fact]
    public async Task Unknown_paths_are_not_found()
    {
        using var response = await _http.GetAsync(new Uri("play", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().StartWith("Code: ");
    }
}
