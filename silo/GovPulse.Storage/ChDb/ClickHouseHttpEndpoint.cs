using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Serves the ClickHouse HTTP interface on a loopback port over a <see cref="ChDbEngine"/>, so
/// that ClickHouse.Driver (or curl) talks to the embedded engine exactly as to a server, and only
/// those given its credentials do.
/// </summary>
/// <remarks>
/// <para>
/// Supported: <c>GET /ping</c>; <c>GET</c>/<c>HEAD</c>/<c>POST /</c> with the statement in the
/// <c>query</c> URL parameter and/or the body (for an INSERT, the URL query, a newline, then the
/// body's data), or in form fields; <c>database</c>, <c>default_format</c>, <c>query_id</c>,
/// <c>readonly</c>, <c>max_execution_time</c>, <c>wait_end_of_query</c> and <c>param_&lt;name&gt;</c> URL parameters (and the
/// <c>X-ClickHouse-Database</c> / <c>X-ClickHouse-Format</c> headers); request bodies encoded with
/// gzip, deflate, br, zstd or lz4. Other settings in the URL are accepted and ignored. Sessions are
/// not kept: each request runs on its own pooled connection, and a statement's <c>SETTINGS</c>
/// clause applies to that statement only.
/// </para>
/// <para>
/// The rules: every request but <c>/ping</c> authenticates as ClickHouse's do (basic
/// authentication, <c>X-ClickHouse-User</c>/<c>X-ClickHouse-Key</c>, or <c>user</c>/<c>password</c>
/// in the URL), as the node's own user (<see cref="ConnectionStringFor"/>: a name and password made
/// for this process) or, when <see cref="ClickHouseHttpEndpointOptions.SharedPassword"/> is set, as
/// <c>default</c> with that password; anything else is 403 AUTHENTICATION_FAILED. A request whose
/// <c>Host</c> is not a loopback name, or that carries an <c>Origin</c> (a browser page), is
/// refused before anything else (DNS rebinding). One statement per request, of the kinds in
/// <see cref="ClickHouseStatementRules"/>; <c>GET</c>, <c>HEAD</c> and <c>readonly</c> only read.
/// Bodies are bounded in size and speed; reads stream their output as the engine produces it; a
/// statement is killed when its client goes away or its <c>max_execution_time</c> passes.
/// </para>
/// <para>
/// Responses carry <c>X-ClickHouse-Query-Id</c>, <c>X-ClickHouse-Format</c>,
/// <c>X-ClickHouse-Timezone</c> and <c>X-ClickHouse-Summary</c>; errors carry ClickHouse's text
/// (<c>Code: N. DB::Exception: ...</c>), <c>X-ClickHouse-Exception-Code</c> and the HTTP status
/// ClickHouse gives that code. The endpoint does not own the engine: disposing it leaves the engine open.
/// </para>
/// </remarks>
public sealed partial class ClickHouseHttpEndpoint : IAsyncDisposable
{
    /// <summary>Largest URL / header block accepted (ClickHouse's own default is 1 MiB for the URI).</summary>
    private const int MaxRequestLineBytes = 1024 * 1024;

    /// <summary>How often a kill is repeated while a cancelled statement has not ended (it may not have reached the process list yet).</summary>
    private static readonly TimeSpan KillRetry = TimeSpan.FromMilliseconds(100);

    private readonly WebApplication _app;
    private readonly ChDbEngine _engine;
    private readonly ILogger _logger;
    private readonly ClickHouseHttpEndpointOptions _options;
    /// <summary>The user name of the node's own client (<see cref="ConnectionStringFor"/>); anyone else is another writer.</summary>
    private readonly string _ownUser = "govpulse-node-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly string _ownPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    private readonly byte[] _ownPasswordHash;
    private readonly byte[]? _sharedPasswordHash;
    private string _timezone = "UTC";
    private int _othersHaveWritten;
    private string _version = string.Empty;
    private int _disposed;

    private ClickHouseHttpEndpoint(WebApplication app, ChDbEngine engine, ClickHouseHttpEndpointOptions options, ILogger logger)
    {
        _app = app;
        _engine = engine;
        _options = options;
        _logger = logger;
        _ownPasswordHash = SHA256.HashData(Encoding.UTF8.GetBytes(_ownPassword));
        _sharedPasswordHash = string.IsNullOrEmpty(options.SharedPassword) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.SharedPassword));
    }

    /// <summary>The endpoint's address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The port the endpoint listens on (chosen by the OS).</summary>
    public int Port => BaseAddress.Port;

    /// <summary>
    /// True once a statement that is not a read, or that wrote rows, came from anyone but the node's
    /// own client (another node sharing this engine, a tool): from then on the node is not the
    /// database's only writer.
    /// </summary>
    public bool OthersHaveWritten => Volatile.Read(ref _othersHaveWritten) != 0;

    /// <summary>True when clients other than the node's own may sign in (a shared password is set).</summary>
    public bool IsShared => _sharedPasswordHash is not null;

    /// <summary>The engine the endpoint serves.</summary>
    public ChDbEngine Engine => _engine;

    /// <summary>Starts an endpoint on <c>http://127.0.0.1</c> and a free port.</summary>
    public static async Task<ClickHouseHttpEndpoint> StartAsync(
        ChDbEngine engine,
        ILoggerFactory? loggerFactory = null,
        CancellationToken ct = default) =>
        await StartAsync(engine, new ClickHouseHttpEndpointOptions(), loggerFactory, ct).ConfigureAwait(false);

    /// <summary>Starts an endpoint on <c>http://127.0.0.1</c> and a free port, with <paramref name="options"/>.</summary>
    public static async Task<ClickHouseHttpEndpoint> StartAsync(
        ChDbEngine engine,
        ClickHouseHttpEndpointOptions options,
        ILoggerFactory? loggerFactory = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
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
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyBytesPerSecond, options.MinRequestBodyGracePeriod);
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestBufferSize = MaxRequestLineBytes;
        });

        var app = builder.Build();
        var endpoint = new ClickHouseHttpEndpoint(app, engine, options, loggerFactory.CreateLogger<ClickHouseHttpEndpoint>());
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

        endpoint.LogStarted(endpoint.BaseAddress, engine.DataDirectory, endpoint.IsShared);
        return endpoint;
    }

    /// <summary>
    /// The node's own ClickHouse.Driver connection string for <paramref name="database"/> on this
    /// endpoint: its user name and password are made for this process and mark the node's own
    /// writes. It holds a secret: never log it, never give it to anyone else.
    /// </summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Host={BaseAddress.Host};Port={BaseAddress.Port};Protocol=http;Database={database};Username={_ownUser};Password={_ownPassword}");
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
            LogUnexpectedFailure(ex.GetType().Name);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await WriteErrorAsync(context.Response, null, 1001, "STD_EXCEPTION", "The endpoint failed to serve the request.", StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleQueryAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "/";

        if (!IsLoopbackHost(request.Host) || request.Headers.ContainsKey("Origin"))
        {
            // A page in a browser (DNS rebinding, or a cross-site request) is never a database client.
            await WriteErrorAsync(response, null, 516, "AUTHENTICATION_FAILED", "Requests must name a loopback host and carry no Origin.", StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        if (path is "/ping" or "/replicas_status")
        {
            await WriteTextAsync(response, StatusCodes.Status200OK, "Ok.\n").ConfigureAwait(false);
            return;
        }

        var caller = Authenticate(request);
        if (caller == Caller.Nobody)
        {
            await WriteErrorAsync(response, null, 516, "AUTHENTICATION_FAILED", "Authentication failed: password is incorrect, or there is no user with such name.", StatusCodes.Status403Forbidden).ConfigureAwait(false);
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

        var marker = "/* govpulse-request " + Guid.NewGuid().ToString("N") + " */";
        ClickHouseHttpQuery query;
        try
        {
            query = await ClickHouseHttpQuery.ReadAsync(request, marker + " ", _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(response, null, 307, "TOO_MANY_BYTES", $"The request body is larger than the {_options.MaxRequestBodyBytes} bytes this endpoint accepts.", StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }
        catch (InvalidDataException ex) when (ex.Message.StartsWith("The request is larger", StringComparison.Ordinal))
        {
            await WriteErrorAsync(response, null, 307, "TOO_MANY_BYTES", ex.Message, StatusCodes.Status413PayloadTooLarge).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidDataException or ZstdSharp.ZstdException or BadHttpRequestException)
        {
            await WriteErrorAsync(response, null, 354, "CANNOT_DECOMPRESS", "Cannot read the request body.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        using var pooledBody = query; // its buffer goes back to the pool once the request is answered
        var statement = query.Statement;
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            // The URL is not logged: it may carry the password.
            LogRequest(LogText.Escape(request.Method), LogText.Escape(request.Headers.ContentEncoding.ToString()), statement.Length, LogText.Escape(StatementHead(statement.Span)));
        }

        if (statement.IsEmpty)
        {
            if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query"))
            {
                await WriteTextAsync(response, StatusCodes.Status200OK, "Ok.\n").ConfigureAwait(false);
                return;
            }

            await WriteErrorAsync(response, query.QueryId, 62, "SYNTAX_ERROR", "Empty query.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var readOnly = !HttpMethods.IsPost(request.Method) || IsReadonlySetting(request.Query["readonly"].ToString());
        if (ClickHouseStatementRules.Check(statement.Span, readOnly) is { } refusal)
        {
            LogRefused(query.QueryId, refusal.Code);
            await WriteErrorAsync(response, query.QueryId, refusal.Code, refusal.Name, refusal.Message, refusal.Status).ConfigureAwait(false);
            return;
        }

        var isRead = ChDbStatement.IsRead(statement.Span);
        if (caller != Caller.Node && !isRead)
        {
            // Before the write runs, so the node stops trusting its own view of what is stored first.
            Interlocked.Exchange(ref _othersHaveWritten, 1);
        }

        var limit = MaxExecutionTime(request.Query["max_execution_time"].ToString());
        using var timeout = limit is { } l ? new CancellationTokenSource(l, _options.TimeProvider) : new CancellationTokenSource();
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var kill = cancelled.Token.Register(() => _ = KillUntilFinishedAsync(marker, finished.Task));
        try
        {
            // wait_end_of_query=1 asks, as of ClickHouse, for the whole result (and its final summary) before the status.
            if (isRead && !HttpMethods.IsHead(request.Method) && request.Query["wait_end_of_query"] != "1"
                && ChDbStreamedFormat.CanStream(query.OutputFormat ?? ChDbEngine.DefaultFormat, out var header))
            {
                await StreamAsync(context, query, header, cancelled.Token).ConfigureAwait(false);
            }
            else
            {
                await RunAsync(context, query, caller, cancelled.Token).ConfigureAwait(false);
            }
        }
        catch (ChDbException ex) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            LogQueryFailed(query.QueryId, 159, "timeout");
            var text = string.Create(CultureInfo.InvariantCulture, $"Timeout exceeded: elapsed {limit!.Value.TotalMilliseconds} ms, maximum: {limit.Value.TotalMilliseconds} ms.");
            await WriteFailureAsync(response, query.QueryId, new ChDbException($"Code: 159. DB::Exception: {text} (TIMEOUT_EXCEEDED)", ex)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"Timeout exceeded: the statement waited {limit!.Value.TotalMilliseconds} ms for a connection.");
            await WriteFailureAsync(response, query.QueryId, new ChDbException($"Code: 159. DB::Exception: {text} (TIMEOUT_EXCEEDED)")).ConfigureAwait(false);
        }
        catch (ChDbException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away and its statement was killed.
        }
        catch (ChDbException ex)
        {
            LogQueryFailed(LogText.Escape(query.QueryId), ex.Code, ex.ErrorName ?? string.Empty);
            await WriteFailureAsync(response, query.QueryId, ex).ConfigureAwait(false);
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    /// <summary>Runs a statement whose output is small (a write, DDL, HEAD) and answers with it whole.</summary>
    private async Task RunAsync(HttpContext context, ClickHouseHttpQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var result = await _engine.QueryAsync(
            query.MarkedStatement,
            query.DefaultFormat ?? ChDbEngine.DefaultFormat,
            query.Database,
            query.Parameters,
            cancellationToken).ConfigureAwait(false);
        if (caller != Caller.Node && result.RowsWritten > 0)
        {
            Interlocked.Exchange(ref _othersHaveWritten, 1);
        }

        var response = context.Response;
        var outputFormat = query.OutputFormat;
        response.StatusCode = StatusCodes.Status200OK;
        AddCommonHeaders(response, query.QueryId);
        if (outputFormat is not null)
        {
            response.Headers["X-ClickHouse-Format"] = outputFormat;
        }

        response.Headers["X-ClickHouse-Summary"] = Summary(result.RowsRead, result.BytesRead, result.RowsWritten, result.BytesWritten, result.ResultRows, result.ResultBytes, result.Elapsed);
        response.ContentType = ContentTypeOf(outputFormat);
        response.ContentLength = result.Data.Length;
        if (!HttpMethods.IsHead(context.Request.Method) && result.Data.Length > 0)
        {
            await response.Body.WriteAsync(result.Data, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a read and sends its output as the engine produces it: the first chunk is awaited before
    /// the status goes out (so an error still gets its status), the rest follow as they come.
    /// </summary>
    private async Task StreamAsync(HttpContext context, ClickHouseHttpQuery query, ChDbStreamedFormat.Header header, CancellationToken cancellationToken)
    {
        var response = context.Response;
        var outputFormat = query.OutputFormat;
        var started = _options.TimeProvider.GetTimestamp();
        await using var stream = await _engine.StreamAsync(
            query.MarkedStatement,
            query.DefaultFormat ?? ChDbEngine.DefaultFormat,
            query.Database,
            query.Parameters,
            cancellationToken).ConfigureAwait(false);
        var more = await stream.MoveNextAsync().ConfigureAwait(false);

        response.StatusCode = StatusCodes.Status200OK;
        AddCommonHeaders(response, query.QueryId);
        response.Headers["X-ClickHouse-Format"] = outputFormat;
        response.Headers["X-ClickHouse-Summary"] = Summary(stream.RowsRead, stream.BytesRead, 0, 0, 0, 0, _options.TimeProvider.GetElapsedTime(started));
        response.ContentType = ContentTypeOf(outputFormat);
        if (!more)
        {
            response.ContentLength = 0;
            return;
        }

        var headerLength = ChDbStreamedFormat.HeaderLength(stream.Current, header);
        if (headerLength < 0)
        {
            throw new InvalidDataException("The engine's first chunk does not hold its format's header.");
        }

        var headerBytes = stream.Current[..headerLength].ToArray();
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            var skip = 0; // the first chunk goes whole; later ones repeat the header (see ChDbStreamedFormat)
            do
            {
                CopyChunk(stream, skip, headerBytes, response.BodyWriter);
                skip = headerBytes.Length;
                var flushed = await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return;
                }
            }
            while (await stream.MoveNextAsync().ConfigureAwait(false));
        }
        catch (ChDbException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The status is out already: ClickHouse, too, ends the body with the error's text.
            LogQueryFailed(query.QueryId, ex.Code, ex.ErrorName ?? string.Empty);
            await response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(ErrorText(ex) + "\n"), context.RequestAborted).ConfigureAwait(false);
            context.Abort(); // so that the client cannot take the partial output for a whole one
        }
        catch (InvalidDataException)
        {
            LogQueryFailed(query.QueryId, 1001, "chunk without its header");
            context.Abort();
        }
    }

    /// <summary>
    /// Copies the stream's current chunk (native memory) into the response's pipe, without a managed
    /// copy of its own, past its first <paramref name="skip"/> bytes (which must be <paramref name="header"/>).
    /// </summary>
    private static void CopyChunk(ChDbStreamedResult stream, int skip, byte[] header, System.IO.Pipelines.PipeWriter writer)
    {
        var chunk = stream.Current;
        if (skip > 0)
        {
            if (!chunk.StartsWith(header))
            {
                throw new InvalidDataException("A chunk of the engine's output does not start with its format's header.");
            }

            chunk = chunk[skip..];
        }

        while (!chunk.IsEmpty)
        {
            var target = writer.GetSpan(Math.Min(chunk.Length, 64 * 1024));
            var n = Math.Min(target.Length, chunk.Length);
            chunk[..n].CopyTo(target);
            writer.Advance(n);
            chunk = chunk[n..];
        }
    }

    /// <summary>
    /// Kills the statement named by <paramref name="marker"/>, again every <see cref="KillRetry"/>
    /// until its request has finished (the first kill can come before the statement is listed).
    /// </summary>
    private async Task KillUntilFinishedAsync(string marker, Task finished)
    {
        try
        {
            for (var attempt = 0; attempt < 600 && !finished.IsCompleted; attempt++)
            {
                await Task.Run(() => _engine.Cancel(marker)).ConfigureAwait(false);
                await Task.WhenAny(finished, Task.Delay(KillRetry, _options.TimeProvider)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ChDbException or ObjectDisposedException)
        {
            LogKillFailed(ex.GetType().Name);
        }
    }

    private enum Caller
    {
        Nobody,
        Node,
        Shared,
    }

    /// <summary>Who the request is, by ClickHouse's ways of passing credentials; passwords compared in constant time.</summary>
    private Caller Authenticate(HttpRequest request)
    {
        if (!TryCredentialsOf(request, out var user, out var password))
        {
            return Caller.Nobody;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        var isOwn = CryptographicOperations.FixedTimeEquals(given, _ownPasswordHash);
        var isShared = _sharedPasswordHash is not null && CryptographicOperations.FixedTimeEquals(given, _sharedPasswordHash);
        if (isOwn && string.Equals(user, _ownUser, StringComparison.Ordinal))
        {
            return Caller.Node;
        }

        return isShared && string.Equals(user, ClickHouseHttpEndpointOptions.SharedUser, StringComparison.Ordinal) ? Caller.Shared : Caller.Nobody;
    }

    /// <summary>
    /// The request's user and password as ClickHouse reads them: the <c>X-ClickHouse-User</c>/<c>-Key</c>
    /// headers, else basic authentication, else <c>user</c>/<c>password</c> in the URL (user "default").
    /// False when the ways are mixed, as ClickHouse refuses.
    /// </summary>
    private static bool TryCredentialsOf(HttpRequest request, out string user, out string password)
    {
        user = request.Headers["X-ClickHouse-User"].ToString();
        password = request.Headers["X-ClickHouse-Key"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        var inUrl = request.Query.ContainsKey("user") || request.Query.ContainsKey("password");
        if (user.Length > 0 || password.Length > 0)
        {
            return authorization.Length == 0 && !inUrl;
        }

        if (authorization.Length > 0)
        {
            if (inUrl || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                user = colon < 0 ? pair : pair[..colon];
                password = colon < 0 ? string.Empty : pair[(colon + 1)..];
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        user = request.Query["user"].ToString();
        if (user.Length == 0)
        {
            user = "default";
        }

        password = request.Query["password"].ToString();
        return true;
    }

    /// <summary>127.0.0.1, localhost or [::1], with or without a port: what a client of a loopback server names.</summary>
    private static bool IsLoopbackHost(HostString host) =>
        host.HasValue && (host.Host is "127.0.0.1" or "[::1]" || string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static bool IsReadonlySetting(string value) =>
        value.Length > 0 && value != "0" && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>max_execution_time</c> setting (seconds; 0 or none: no limit).</summary>
    private static TimeSpan? MaxExecutionTime(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    /// <summary>ClickHouse's HTTP status for an error code (its HTTPHandler's exceptionCodeToHTTPStatus, for the codes the engine raises).</summary>
    private static int StatusOf(int code) => code switch
    {
        194 => StatusCodes.Status401Unauthorized, // REQUIRED_PASSWORD
        192 or 193 or 516 or 497 or 164 => StatusCodes.Status403Forbidden, // UNKNOWN_USER, WRONG_PASSWORD, AUTHENTICATION_FAILED, ACCESS_DENIED, READONLY
        6 or 25 or 26 or 27 or 32 or 38 or 41 or 62 or 72 or 117 or 53 => StatusCodes.Status400BadRequest, // CANNOT_PARSE_*, SYNTAX_ERROR, INCORRECT_DATA, TYPE_MISMATCH
        60 or 46 or 47 or 50 or 56 or 81 or 115 or 63 or 73 or 336 => StatusCodes.Status404NotFound, // UNKNOWN_TABLE, _FUNCTION, _IDENTIFIER, _TYPE, _STORAGE, _DATABASE, _SETTING, _AGGREGATE_FUNCTION, _FORMAT, _DATABASE_ENGINE
        48 => StatusCodes.Status501NotImplemented, // NOT_IMPLEMENTED
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string ErrorText(ChDbException ex) =>
        ex.Message.StartsWith("Code:", StringComparison.Ordinal) ? ex.Message : $"Code: {(ex.Code == 0 ? 1001 : ex.Code)}. DB::Exception: {ex.Message}";

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

    private Task WriteFailureAsync(HttpResponse response, string queryId, ChDbException ex)
    {
        var code = ex.Code == 0 ? 1001 : ex.Code;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        return WriteRawErrorAsync(response, queryId, code, ErrorText(ex), StatusOf(code));
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

    private static string Summary(ulong rowsRead, ulong bytesRead, ulong rowsWritten, ulong bytesWritten, ulong resultRows, ulong resultBytes, TimeSpan elapsed)
    {
        var elapsedNs = (ulong)Math.Max(0, elapsed.Ticks) * 100;
        return string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"read_rows":"{{rowsRead}}","read_bytes":"{{bytesRead}}","written_rows":"{{rowsWritten}}","written_bytes":"{{bytesWritten}}","total_rows_to_read":"{{rowsRead}}","result_rows":"{{resultRows}}","result_bytes":"{{resultBytes}}","elapsed_ns":"{{elapsedNs}}"}""");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "ClickHouse HTTP endpoint for the embedded engine at {Address} (data in {Directory}; shared with other clients: {Shared})")]
    private partial void LogStarted(Uri address, string directory, bool shared);

    /// <summary>The statement's first line, shortened, for logs (an INSERT's data never shows).</summary>
    private static string StatementHead(ReadOnlySpan<byte> statement)
    {
        var newline = statement.IndexOf((byte)'\n');
        var head = statement[..Math.Min(newline < 0 ? statement.Length : newline, 300)];
        return Encoding.UTF8.GetString(head);
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "ClickHouse HTTP {Method} (Content-Encoding '{ContentEncoding}', {Bytes} bytes): {Statement}")]
    private partial void LogRequest(string method, string contentEncoding, int bytes, string statement);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ClickHouse HTTP endpoint failed to serve a request ({Failure})")]
    private partial void LogUnexpectedFailure(string failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} failed with code {Code} {Name}")]
    private partial void LogQueryFailed(string queryId, int code, string name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Query {QueryId} refused by the endpoint's rules (code {Code})")]
    private partial void LogRefused(string queryId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Killing a cancelled statement failed ({Failure})")]
    private partial void LogKillFailed(string failure);

    /// <summary>A lifetime that neither listens for signals nor prints status: the enclosing node does both.</summary>
    private sealed class InnerServerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
