using System.Globalization;
using System.Net;
using System.Text;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Serves the ClickHouse HTTP interface on a loopback port over a <see cref="ChDbEngine"/>, so
/// that ClickHouse.Driver (or curl) talks to the embedded engine exactly as to a server.
/// </summary>
/// <remarks>
/// Supported: <c>GET /ping</c>; <c>GET</c>/<c>POST /</c> with the statement in the <c>query</c>
/// URL parameter and/or the body (for an INSERT, the URL query, a newline, then the body's
/// data), or in form fields; <c>database</c>, <c>default_format</c>, <c>query_id</c> and
/// <c>param_&lt;name&gt;</c> URL parameters (and the <c>X-ClickHouse-Database</c> /
/// <c>X-ClickHouse-Format</c> headers); request bodies encoded with gzip, deflate, br, zstd or lz4.
/// Other settings in the URL are accepted and ignored, as is authentication (the port is bound
/// to 127.0.0.1 only). Sessions are not kept: each request runs on its own pooled connection.
/// Responses carry <c>X-ClickHouse-Query-Id</c>, <c>X-ClickHouse-Format</c>,
/// <c>X-ClickHouse-Timezone</c> and <c>X-ClickHouse-Summary</c>; errors are HTTP 500 with
/// ClickHouse's text (<c>Code: N. DB::Exception: ...</c>) and <c>X-ClickHouse-Exception-Code</c>.
/// The endpoint does not own the engine: disposing it leaves the engine open.
/// </remarks>
public sealed partial class ClickHouseHttpEndpoint : IAsyncDisposable
{
    /// <summary>Largest URL / header block accepted (ClickHouse's own default is 1 MiB for the URI).</summary>
    private const int MaxRequestLineBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly ChDbEngine _engine;
    private readonly ILogger _logger;
    /// <summary>The user name of the node's own client (<see cref="ConnectionStringFor"/>); anyone else is another writer.</summary>
    private readonly string _ownUser = "govpulse-node-" + Guid.NewGuid().ToString("N")[..16];
    private string _timezone = "UTC";
    private int _othersHaveWritten;
    private string _version = string.Empty;
    private int _disposed;

    private ClickHouseHttpEndpoint(WebApplication app, ChDbEngine engine, ILogger logger)
    {
        _app = app;
        _engine = engine;
        _logger = logger;
    }

    /// <summary>The endpoint's address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The port the endpoint listens on (chosen by the OS).</summary>
    public int Port => BaseAddress.Port;

    /// <summary>
    /// True once a statement that is not a read came from anyone but the node's own client (another
    /// node sharing this engine, a tool): from then on the node is not the database's only writer.
    /// </summary>
    public bool OthersHaveWritten => Volatile.Read(ref _othersHaveWritten) != 0;

    /// <summary>The engine the endpoint serves.</summary>
    public ChDbEngine Engine => _engine;

    /// <summary>Starts an endpoint on <c>http://127.0.0.1</c> and a free port.</summary>
    public static async Task<ClickHouseHttpEndpoint> StartAsync(
        ChDbEngine engine,
        ILoggerFactory? loggerFactory = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        loggerFactory ??= NullLoggerFactory.Instance;

        // An empty builder: no appsettings, environment or command line, so nothing the host
        // configures for its own web server (URLs, Kestrel endpoints) leaks into this one.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ClickHouseHttpEndpoint).Assembly.GetName().Name,
        });
        // The inner server's own framework logs ("Now listening on …") would read as the node's; the
        // endpoint logs what matters (failed queries) through the node's factory itself.
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        // The node's host owns Ctrl+C/SIGTERM and the start-up messages; this inner server stops when the node disposes it.
        builder.Services.AddSingleton<IHostLifetime, InnerServerLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // inserts of hundreds of MB
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestBufferSize = MaxRequestLineBytes;
        });

        var app = builder.Build();
        var endpoint = new ClickHouseHttpEndpoint(app, engine, loggerFactory.CreateLogger<ClickHouseHttpEndpoint>());
        app.Run(endpoint.HandleAsync);

        try
        {
            // The driver reads the server's time zone from X-ClickHouse-Timezone.
            var about = await engine.QueryAsync("SELECT timezone(), version()", cancellationToken: ct).ConfigureAwait(false);
            var fields = about.Text.TrimEnd('\n').Split('\t');
            endpoint._timezone = fields[0];
            endpoint._version = fields.Length > 1 ? fields[1] : string.Empty;

            await app.StartAsync(ct).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            endpoint.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        endpoint.LogStarted(endpoint.BaseAddress, engine.DataDirectory);
        return endpoint;
    }

    /// <summary>
    /// The node's own ClickHouse.Driver connection string for <paramref name="database"/> on this
    /// endpoint. Its user name marks the node's own writes; give other clients their own.
    /// </summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Host={BaseAddress.Host};Port={BaseAddress.Port};Protocol=http;Database={database};Username={_ownUser};Password=");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleQueryAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogUnexpectedFailure(ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteErrorAsync(context.Response, null, 1001, "STD_EXCEPTION", ex.Message, StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleQueryAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";

        if (path is "/ping" or "/replicas_status")
        {
            await WriteTextAsync(response, StatusCodes.Status200OK, "Ok.\n").ConfigureAwait(false);
            return;
        }

        if (path is not ("/" or ""))
        {
            await WriteErrorAsync(response, null, 1002, "UNKNOWN_EXCEPTION", $"There is no handle {path}. Use / for queries and /ping for health checks.", StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsPost(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await WriteErrorAsync(response, null, 1, "UNSUPPORTED_METHOD", $"HTTP method {request.Method} is not supported.", StatusCodes.Status405MethodNotAllowed).ConfigureAwait(false);
            return;
        }

        ClickHouseHttpQuery query;
        try
        {
            query = await ClickHouseHttpQuery.ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidDataException or ZstdSharp.ZstdException or BadHttpRequestException)
        {
            await WriteErrorAsync(response, null, 354, "CANNOT_DECOMPRESS", $"Cannot read the request body: {ex.Message}", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        using var pooledBody = query; // its buffer goes back to the pool once the request is answered
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            LogRequest(LogText.Escape(request.Method), LogText.Escape(request.QueryString.Value ?? string.Empty), LogText.Escape(request.Headers.ContentEncoding.ToString()), query.Statement.Length, LogText.Escape(StatementHead(query.Statement.Span)));
        }

        if (query.Statement.IsEmpty)
        {
            if (HttpMethods.IsGet(request.Method) && request.Query.Count == 0)
            {
                await WriteTextAsync(response, StatusCodes.Status200OK, "Ok.\n").ConfigureAwait(false);
                return;
            }

            await WriteErrorAsync(response, query.QueryId, 62, "SYNTAX_ERROR", "Empty query.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        if (Volatile.Read(ref _othersHaveWritten) == 0 && !ChDbStatement.IsRead(query.Statement.Span) && UserOf(request) != _ownUser)
        {
            // Before the write runs, so the node stops trusting its own view of what is stored first.
            Interlocked.Exchange(ref _othersHaveWritten, 1);
        }

        var outputFormat = query.OutputFormat;
        ChDbResult result;
        try
        {
            result = await _engine.QueryAsync(
                query.Statement,
                query.DefaultFormat ?? ChDbEngine.DefaultFormat,
                query.Database,
                query.Parameters,
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (ChDbException ex)
        {
            LogQueryFailed(LogText.Escape(query.QueryId), ex.Code, LogText.Escape(ex.Message));
            await WriteEngineErrorAsync(response, query.QueryId, ex).ConfigureAwait(false);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        AddCommonHeaders(response, query.QueryId);
        if (outputFormat is not null)
        {
            response.Headers["X-ClickHouse-Format"] = outputFormat;
        }

        response.Headers["X-ClickHouse-Summary"] = Summary(result);
        response.ContentType = ContentTypeOf(outputFormat);
        response.ContentLength = result.Data.Length;
        if (!HttpMethods.IsHead(request.Method) && result.Data.Length > 0)
        {
            await response.Body.WriteAsync(result.Data, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The request's ClickHouse user: basic authentication, <c>X-ClickHouse-User</c> or <c>user</c> in the URL; "default" without one.</summary>
    private static string UserOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? pair : pair[..colon];
            }
            catch (FormatException)
            {
                return "default";
            }
        }

        var header = request.Headers["X-ClickHouse-User"].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var inUrl = request.Query["user"].ToString();
        return inUrl.Length > 0 ? inUrl : "default";
    }

    private void AddCommonHeaders(HttpResponse response, string? queryId)
    {
        if (queryId is not null)
        {
            response.Headers["X-ClickHouse-Query-Id"] = queryId;
        }

        response.Headers["X-ClickHouse-Timezone"] = _timezone;
        response.Headers["X-ClickHouse-Server-Display-Name"] = "chdb";
        if (_version.Length > 0)
        {
            response.Headers["X-ClickHouse-Server-Version"] = _version;
        }
    }

    private Task WriteEngineErrorAsync(HttpResponse response, string queryId, ChDbException ex)
    {
        var code = ex.Code == 0 ? 1001 : ex.Code;
        var text = ex.Message.StartsWith("Code:", StringComparison.Ordinal)
            ? ex.Message
            : $"Code: {code}. DB::Exception: {ex.Message}";
        return WriteRawErrorAsync(response, queryId, code, text, StatusCodes.Status500InternalServerError);
    }

    private Task WriteErrorAsync(HttpResponse response, string? queryId, int code, string name, string message, int status) =>
        WriteRawErrorAsync(response, queryId, code, $"Code: {code}. DB::Exception: {message} ({name})", status);

    private async Task WriteRawErrorAsync(HttpResponse response, string? queryId, int code, string text, int status)
    {
        response.StatusCode = status;
        AddCommonHeaders(response, queryId);
        response.Headers["X-ClickHouse-Exception-Code"] = code.ToString(CultureInfo.InvariantCulture);
        await WriteTextAsync(response, status, text.EndsWith('\n') ? text : text + "\n").ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpResponse response, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=UTF-8";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static string Summary(ChDbResult result)
    {
        var elapsedNs = (ulong)Math.Max(0, result.Elapsed.Ticks) * 100;
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"read_rows":"{{result.RowsRead}}","read_bytes":"{{result.BytesRead}}","written_rows":"{{result.RowsWritten}}","written_bytes":"{{result.BytesWritten}}","total_rows_to_read":"{{result.RowsRead}}","result_rows":"{{result.ResultRows}}","result_bytes":"{{result.ResultBytes}}","elapsed_ns":"{{elapsedNs}}"}""");
    }

    private static string ContentTypeOf(string? format)
    {
        if (format is null)
        {
            return "text/plain; charset=UTF-8";
        }

        if (format.StartsWith("TabSeparated", StringComparison.OrdinalIgnoreCase) || format.StartsWith("TSV", StringComparison.OrdinalIgnoreCase))
        {
            return "text/tab-separated-values; charset=UTF-8";
        }

        if (format.StartsWith("CSV", StringComparison.OrdinalIgnoreCase))
        {
            return "text/csv; charset=UTF-8; header=absent";
        }

        if (format.StartsWith("JSON", StringComparison.OrdinalIgnoreCase))
        {
            return "application/json; charset=UTF-8";
        }

        return format.StartsWith("RowBinary", StringComparison.OrdinalIgnoreCase)
            || format is "Native" or "Parquet" or "Arrow" or "ArrowStream" or "ORC" or "Avro" or "MsgPack" or "Protobuf"
            ? "application/octet-stream"
            : "text/plain; charset=UTF-8";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ClickHouse HTTP endpoint for the embedded engine at {Address} (data in {Directory})")]
    private partial void LogStarted(Uri address, string directory);

    /// <summary>The statement's first line, shortened, for logs (an INSERT's data never shows).</summary>
    private static string StatementHead(ReadOnlySpan<byte> statement)
    {
        var newline = statement.IndexOf((byte)'\n');
        var head = statement[..Math.Min(newline < 0 ? statement.Length : newline, 300)];
        return Encoding.UTF8.GetString(head);
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "ClickHouse HTTP {Method} {QueryString} (Content-Encoding '{ContentEncoding}', {Bytes} bytes): {Statement}")]
    private partial void LogRequest(string method, string queryString, string contentEncoding, int bytes, string statement);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ClickHouse HTTP endpoint failed to serve a request")]
    private partial void LogUnexpectedFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} failed with code {Code}: {Message}")]
    private partial void LogQueryFailed(string queryId, int code, string message);

    /// <summary>A lifetime that neither listens for signals nor prints status: the enclosing node does both.</summary>
    private sealed class InnerServerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
