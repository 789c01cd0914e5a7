using System.Text;
using GovPulse.Storage.ChDb;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ChDb;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class ChDbEngineTests
{
    private readonly EmbeddedClickHouseFixture _clickHouse;
    private readonly ChDbEngine _engine;
    private readonly string _database;

    public ChDbEngineTests(EmbeddedClickHouseFixture clickHouse)
    {
        _clickHouse = clickHouse;
        _engine = clickHouse.Engine;
        _database = clickHouse.CreateDatabase("engine");
    }

    [Fact]
    public void Ddl_insert_and_select_round_trip()
    {
        _engine.Query("CREATE TABLE wards (code UInt32, name String) ENGINE = MergeTree ORDER BY code", database: _database);

        var insert = _engine.Query("INSERT INTO wards VALUES (26734, 'Phường Tân Định'), (26737, 'Phường Đa Kao')", database: _database);
        var select = _engine.Query("SELECT code, name FROM wards ORDER BY code", database: _database);

        insert.RowsWritten.Should().Be(2);
        select.Text.Should().Be("26734\tPhường Tân Định\n26737\tPhường Đa Kao\n");
        select.ResultRows.Should().Be(2);
    }

    [Fact]
    public void The_format_argument_shapes_the_output_unless_the_statement_names_one()
    {
        _engine.Query("SELECT 1 AS x", format: "JSONEachRow").Text.Should().Be("{\"x\":1}\n");
        _engine.Query("SELECT 1 AS x FORMAT CSVWithNames", format: "JSONEachRow").Text.Should().Be("\"x\"\n1\n");
    }

    [Fact]
    public void Query_parameters_bind_typed_placeholders()
    {
        var result = _engine.Query(
            "SELECT {name:String} AS name, {code:UInt32} + 1 AS next, toTypeName({code:UInt32}) AS type",
            parameters: [new("name", "Phường Tân Định 'quoted'"), new("code", "26734")]);

        result.Text.Should().Be("Phường Tân Định \\'quoted\\'\t26735\tUInt32\n");
    }

    [Fact]
    public void A_bad_query_throws_with_ClickHouse_code_and_message()
    {
        var act = () => _engine.Query("SELEC 1");

        var error = act.Should().Throw<ChDbException>().Which;
        error.Code.Should().Be(62);
        error.ErrorName.Should().Be("SYNTAX_ERROR");
        error.Message.Should().StartWith("Code: 62. DB::Exception: Syntax error");
    }

    [Fact]
    public void An_unknown_table_throws_UNKNOWN_TABLE()
    {
        var act = () => _engine.Query("SELECT * FROM no_such_table", database: _database);

        var error = act.Should().Throw<ChDbException>().Which;
        error.Code.Should().Be(60);
        error.ErrorName.Should().Be("UNKNOWN_TABLE");
        error.Message.Should().Contain("no_such_table");
    }

    [Fact]
    public void An_unknown_database_throws_and_leaves_the_engine_usable()
    {
        var act = () => _engine.Query("SELECT 1", database: "no_such_database_" + Guid.NewGuid().ToString("N"));

        act.Should().Throw<ChDbException>().Which.Code.Should().Be(81); // UNKNOWN_DATABASE
        _engine.Query("SELECT currentDatabase()", database: _database).Text.Should().Be(_database + "\n");
    }

    [Fact]
    public void Each_call_runs_in_the_database_it_names_or_default()
    {
        var other = _clickHouse.CreateDatabase("engine_other");

        for (var i = 0; i < 20; i++)
        {
            _engine.Query("SELECT currentDatabase()", database: _database).Text.Should().Be(_database + "\n");
            _engine.Query("SELECT currentDatabase()", database: other).Text.Should().Be(other + "\n");
            _engine.Query("SELECT currentDatabase()").Text.Should().Be("default\n");
        }
    }

    [Fact]
    public void A_USE_inside_a_statement_does_not_change_the_database_of_later_calls()
    {
        var other = _clickHouse.CreateDatabase("engine_use");

        _engine.Query($"USE `{other}`", database: _database);

        _engine.Query("SELECT currentDatabase()", database: _database).Text.Should().Be(_database + "\n");
        _engine.Query("SELECT currentDatabase()").Text.Should().Be("default\n");
    }

    [Fact]
    public void A_SET_does_not_leak_into_later_calls()
    {
        _engine.Query("SET max_result_rows = 7");

        for (var i = 0; i < _engine.MaxConnections + 2; i++)
        {
            _engine.Query("SELECT getSetting('max_result_rows')").Text.Should().Be("0\n");
        }
    }

    [Fact]
    public async Task Concurrent_callers_in_different_databases_get_exact_counts()
    {
        const int Tasks = 8;
        const int InsertsPerTask = 50;
        var databases = Enumerable.Range(0, Tasks).Select(i => _clickHouse.CreateDatabase("engine_concurrent")).ToArray();
        foreach (var database in databases)
        {
            _engine.Query("CREATE TABLE hits (task UInt32, n UInt32) ENGINE = MergeTree ORDER BY (task, n)", database: database);
        }

        var work = databases.Select((database, task) => Task.Run(() =>
        {
            for (var n = 0; n < InsertsPerTask; n++)
            {
                _engine.Query($"INSERT INTO hits VALUES ({task}, {n})", database: database);
                var seen = _engine.Query("SELECT count() FROM hits", database: database).Text;
                seen.Should().Be($"{n + 1}\n");
            }
        }));
        await Task.WhenAll(work);

        foreach (var (database, task) in databases.Select((d, t) => (d, t)))
        {
            _engine.Query("SELECT count(), countIf(task = {t:UInt32}), uniqExact(n) FROM hits", database: database, parameters: [new("t", task.ToString(System.Globalization.CultureInfo.InvariantCulture))])
                .Text.Should().Be($"{InsertsPerTask}\t{InsertsPerTask}\t{InsertsPerTask}\n");
        }
    }

    [Fact]
    public async Task The_async_overload_runs_many_statements_at_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            _engine.QueryAsync($"SELECT sum(number) FROM numbers({i + 1})")));

        results.Select(r => r.Text).Should().Equal(Enumerable.Range(0, 64).Select(i => $"{(long)i * (i + 1) / 2}\n"));
    }

    [Fact]
    public async Task After_a_burst_of_parallel_queries_the_engine_keeps_only_a_few_idle_threads()
    {
        // Each statement sleeps in 16 parallel streams, several statements at once: the engine's pool grows
        // far past the idle threads it may keep.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _engine.QueryAsync("SELECT sum(sleep(0.02)) FROM numbers_mt(64) SETTINGS max_threads = 16, max_block_size = 1")));

        // A pool thread ends once its job is done and more than the kept number are idle; that happens on
        // the engine's threads after the answers are out, so look again until it has. Idle = in the pool
        // but not running a job (the engine's background pools keep some threads busy for good).
        long idle = 0;
        for (var look = 0; look < 200; look++)
        {
            idle = Count("SELECT sumIf(value, metric = 'GlobalThread') - sumIf(value, metric = 'GlobalThreadActive') FROM system.metrics");
            if (idle <= ChDbEngineOptions.IdleThreadsKept)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Count("SELECT sum(value) FROM system.events WHERE event = 'GlobalThreadPoolShrinks'")
            .Should().BePositive("threads beyond the kept idle ones ended (with ClickHouse's 1,000 none ever does)");
        idle.Should().BeLessThanOrEqualTo(ChDbEngineOptions.IdleThreadsKept);
    }

    private long Count(string query) =>
        long.Parse(_engine.Query(query).Text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_binary_insert_keeps_NUL_bytes_and_blank_lines()
    {
        // chDB ends inline INSERT data at the first empty line ("\n\n") and drops the rest silently;
        // RowBinary holds 0A 0A often (the UInt64 2570 does). The engine must not lose a byte.
        _engine.Query("CREATE TABLE blobs (id UInt64, payload String) ENGINE = MergeTree ORDER BY id", database: _database);
        const int Rows = 5_000;
        var statement = new MemoryStream();
        statement.Write("INSERT INTO blobs (id, payload) FORMAT RowBinary\n"u8);
        using (var writer = new BinaryWriter(statement, Encoding.UTF8, leaveOpen: true))
        {
            for (ulong id = 0; id < Rows; id++)
            {
                writer.Write(id);
                writer.Write($"a\0b\n\nc-{id}"); // length-prefixed UTF-8, as RowBinary wants
            }
        }

        var result = _engine.Query(statement.ToArray().AsSpan(), database: _database);

        result.RowsWritten.Should().Be(Rows);
        _engine.Query("SELECT count(), sum(id), countIf(payload = concat('a', char(0), 'b\\n\\nc-', toString(id))) FROM blobs", database: _database)
            .Text.Should().Be($"{Rows}\t{(long)Rows * (Rows - 1) / 2}\t{Rows}\n");
        Directory.GetFiles(Path.Combine(_engine.DataDirectory, "tmp"), "tmp-govpulse-insert-*").Should().BeEmpty();
    }

    [Fact]
    public void Opening_the_same_directory_returns_the_shared_engine()
    {
        ChDbEngine.Open(_engine.DataDirectory + Path.DirectorySeparatorChar).Should().BeSameAs(_engine);
    }

    [Fact]
    public void Opening_a_second_directory_in_the_process_throws()
    {
        var act = () => ChDbEngine.Open(Path.Combine(Path.GetTempPath(), "govpulse-other-" + Guid.NewGuid().ToString("N")));

        act.Should().Throw<InvalidOperationException>().WithMessage($"*already open on '{_engine.DataDirectory}'*");
    }

    [Fact]
    public void A_managed_null_dereference_is_still_an_exception_after_the_engine_started()
    {
        // chDB installs its own SIGSEGV/SIGBUS/... handlers on first connect; the engine puts the
        // runtime's back. Without that, this test kills the test host instead of failing.
        string? missing = null;

        var act = () => missing!.Length;

        act.Should().Throw<NullReferenceException>();
    }
}
