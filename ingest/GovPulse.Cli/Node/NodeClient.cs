using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovPulse.Cli.Node;

/// <summary>
/// The node's HTTP API as the CLI uses it: the key in <c>X-Api-Key</c>, back-pressure and network
/// failures retried as <see cref="RetryPolicy"/> says, and every refusal turned into a
/// <see cref="CliException"/> that says what to do.
/// </summary>
public sealed class NodeClient : IDisposable
{
    public const string StartHint = "start one with `dotnet run --project silo/GovPulse.Silo` (or point --url at a running node)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly MediaTypeHeaderValue NdjsonType = new("application/x-ndjson");

    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;
    private readonly Action<string>? _onRetry;
    private readonly bool _hasKey;

    /// <param name="baseAddress">The node, e.g. <c>http://127.0.0.1:5080/</c> (see <see cref="ParseUrl"/>).</param>
    /// <param name="apiKey">Sent as <c>X-Api-Key</c>; never written anywhere else.</param>
    /// <param name="onRetry">Told about each wait before a retry (shown to the user).</param>
    public NodeClient(Uri baseAddress, string? apiKey, RetryPolicy? retry = null, Action<string>? onRetry = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        BaseAddress = baseAddress;
        _retry = retry ?? RetryPolicy.Default;
        _onRetry = onRetry;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = baseAddress;
        _http.Timeout = TimeSpan.FromMinutes(5);
        _hasKey = !string.IsNullOrEmpty(apiKey);
        if (_hasKey)
        {
            _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
    }

    public Uri BaseAddress { get; }

    /// <summary>An <c>http://</c> or <c>https://</c> address, with a trailing slash so API paths append to it.</summary>
    public static Uri ParseUrl(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--url '{text}' is not an http:// or https:// address; give the node's address, e.g. --url http://127.0.0.1:5080");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>One quick look at <c>/health/live</c>, without retries, so a node that is not running is reported at once.</summary>
    public async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            using var response = await _http.GetAsync(new Uri("health/live", UriKind.Relative), timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CliException($"cannot reach {BaseAddress} ({Reason(ex)}): is the node running? {Capitalised(StartHint)}", ExitCodes.UsageOrConnection, ex);
        }
    }

    /// <summary>Posts one NDJSON batch. A 413 comes back as <see cref="IngestOutcome.TooLarge"/> so the caller can split the batch.</summary>
    public async Task<IngestOutcome> PostEventsAsync(ReadOnlyMemory<byte> ndjson, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = new ReadOnlyMemoryContent(ndjson) { Headers = { ContentType = NdjsonType } } },
            "send events",
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
        {
            return new IngestOutcome(null, await ProblemText(response, cancellationToken));
        }

        await EnsureOk(response, "send events", cancellationToken);
        var answer = await ReadJson<IngestAnswer>(response, "POST /api/v1/events", cancellationToken);
        return new IngestOutcome(answer with { Rejected = answer.Rejected ?? [] }, null);
    }

    public async Task<IReadOnlyList<UnitRow>> GetUnitsAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/units"), "list units", cancellationToken);
        await EnsureOk(response, "list units", cancellationToken);
        return await ReadJson<List<UnitRow>>(response, "GET /api/v1/units", cancellationToken);
    }

    public async Task<ReplayAnswer> ReplayAsync(ReplayRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/replay") { Content = JsonContent.Create(request, options: Json) },
            $"replay unit {request.UnitCode}",
            cancellationToken);
        await EnsureOk(response, $"replay unit {request.UnitCode}", cancellationToken, admin: true);
        return await ReadJson<ReplayAnswer>(response, "POST /api/v1/admin/replay", cancellationToken);
    }

    public async Task<CreatedKey> CreateKeyAsync(KeyRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/keys") { Content = JsonContent.Create(request, options: Json) },
            "create a key",
            cancellationToken,
            idempotent: false);
        await EnsureOk(response, "create a key", cancellationToken, admin: true);
        return await ReadJson<CreatedKey>(response, "POST /api/v1/admin/keys", cancellationToken);
    }

    public async Task<IReadOnlyList<KeyRow>> ListKeysAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/admin/keys"), "list keys", cancellationToken);
        await EnsureOk(response, "list keys", cancellationToken, admin: true);
        return await ReadJson<List<KeyRow>>(response, "GET /api/v1/admin/keys", cancellationToken);
    }

    public async Task RevokeKeyAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, "api/v1/admin/keys/" + Uri.EscapeDataString(id)),
            $"revoke key {id}",
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException($"{BaseAddress} has no key '{id}' (404): list the keys and their ids with `govpulse keys list`");
        }

        await EnsureOk(response, $"revoke key {id}", cancellationToken, admin: true);
    }

    public async Task<UserRow> AddUserAsync(UserRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/users") { Content = JsonContent.Create(request, options: Json) },
            $"add user {request.Username}",
            cancellationToken,
            idempotent: false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new CliException($"{BaseAddress} already has a user '{request.Username}' (409): usernames are never reused; pick another, or see `govpulse users list`");
        }

        await EnsureOk(response, $"add user {request.Username}", cancellationToken, admin: true);
        return await ReadJson<UserRow>(response, "POST /api/v1/admin/users", cancellationToken);
    }

    public async Task<IReadOnlyList<UserRow>> ListUsersAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/admin/users"), "list users", cancellationToken);
        await EnsureOk(response, "list users", cancellationToken, admin: true);
        return await ReadJson<List<UserRow>>(response, "GET /api/v1/admin/users", cancellationToken);
    }

    /// <summary>POST /api/v1/admin/users/{username}/{action} (disable, enable) → 204.</summary>
    public async Task ChangeUserAsync(string username, string action, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, $"api/v1/admin/users/{Uri.EscapeDataString(username)}/{action}"),
            $"{action} user {username}",
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException($"{BaseAddress} has no user '{username}' (404): list the users with `govpulse users list`");
        }

        await EnsureOk(response, $"{action} user {username}", cancellationToken, admin: true);
    }

    /// <summary>GET /api/v1/admin/push/keys → the node's VAPID public key.</summary>
    public async Task<PushKeysRow> GetPushKeysAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/admin/push/keys"), "read the push keys", cancellationToken);
        await EnsureOk(response, "read the push keys", cancellationToken, admin: true);
        return await ReadJson<PushKeysRow>(response, "GET /api/v1/admin/push/keys", cancellationToken);
    }

    /// <summary>POST /api/v1/admin/push/keys/rotate → the new pair's public key (409 when the keys are configured).</summary>
    public async Task<PushKeysRow> RotatePushKeysAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/push/keys/rotate"),
            "rotate the push keys",
            cancellationToken,
            idempotent: false);
        await EnsureOk(response, "rotate the push keys", cancellationToken, admin: true);
        return await ReadJson<PushKeysRow>(response, "POST /api/v1/admin/push/keys/rotate", cancellationToken);
    }

    public async Task<CreatedWebhook> AddWebhookAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/webhooks") { Content = JsonContent.Create(request, options: Json) },
            "add a webhook",
            cancellationToken,
            idempotent: false);
        await EnsureOk(response, "add a webhook", cancellationToken, admin: true);
        return await ReadJson<CreatedWebhook>(response, "POST /api/v1/admin/webhooks", cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookRow>> ListWebhooksAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/v1/admin/webhooks"), "list webhooks", cancellationToken);
        await EnsureOk(response, "list webhooks", cancellationToken, admin: true);
        return await ReadJson<List<WebhookRow>>(response, "GET /api/v1/admin/webhooks", cancellationToken);
    }

    public async Task RemoveWebhookAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Delete, "api/v1/admin/webhooks/" + Uri.EscapeDataString(id)),
            $"remove webhook {id}",
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new CliException($"{BaseAddress} has no webhook '{id}' (404): list the webhooks and their ids with `govpulse webhooks list`");
        }

        await EnsureOk(response, $"remove webhook {id}", cancellationToken, admin: true);
    }

    /// <summary>
    /// GET an export (<c>/api/v1/exports/…</c>, path and query as given): the file's bytes, with the
    /// as-of time, manifest hash and file name the node states in its headers.
    /// </summary>
    public async Task<ExportDownload> DownloadExportAsync(string pathAndQuery, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, pathAndQuery.TrimStart('/')), purpose, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && await ProblemText(response, cancellationToken) is { Length: > 0 } unknown
            && unknown.Contains("is not a known unit", StringComparison.Ordinal))
        {
            throw new CliException($"cannot {purpose}: {unknown}");
        }

        await EnsureOk(response, purpose, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        static string? Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        return new ExportDownload(
            content,
            Header(response, ExportDownload.AsOfHeader),
            Header(response, ExportDownload.ManifestHeader),
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    public void Dispose() => _http.Dispose();

    /// <param name="idempotent">
    /// False for a request that must not be made twice (creating a key): a network error or a 5xx may
    /// come after the node did it, so it is reported rather than retried. 429/503 are retried either
    /// way: the node did nothing.
    /// </param>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, string purpose, CancellationToken cancellationToken, bool idempotent = true)
    {
        var busy = 0;
        var failed = 0;
        while (true)
        {
            HttpResponseMessage response;
            using (var message = request())
            {
                try
                {
                    response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    if (!idempotent)
                    {
                        throw new CliException($"lost {BaseAddress} while trying to {purpose} ({Reason(ex)}): check with `govpulse keys list` whether it was done before trying again", ExitCodes.UsageOrConnection, ex);
                    }

                    if (++failed > _retry.NetworkRetries)
                    {
                        throw new CliException($"cannot reach {BaseAddress} to {purpose} ({Reason(ex)}, {failed} tries): is the node running? {Capitalised(StartHint)}", ExitCodes.UsageOrConnection, ex);
                    }

                    await Wait(_retry.Backoff(failed), $"cannot reach {BaseAddress} ({Reason(ex)})", cancellationToken);
                    continue;
                }
            }

            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                var wait = RetryAfter(response);
                var status = Status(response);
                response.Dispose();
                if (++busy > _retry.BusyRetries)
                {
                    throw new CliException(
                        $"{BaseAddress} is still busy after {busy} tries to {purpose} ({status}): try again later, or send smaller batches (--batch-size)");
                }

                await Wait(wait, $"{BaseAddress} is busy ({status})", cancellationToken);
                continue;
            }

            if (idempotent && (int)response.StatusCode >= 500 && ++failed <= _retry.NetworkRetries)
            {
                var status = Status(response);
                response.Dispose();
                await Wait(_retry.Backoff(failed), $"{BaseAddress} failed ({status})", cancellationToken);
                continue;
            }

            return response;
        }
    }

    private async Task Wait(TimeSpan wait, string why, CancellationToken cancellationToken)
    {
        _onRetry?.Invoke($"{why}; trying again in {wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        await _retry.Delay(wait, cancellationToken);
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta
            ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? _retry.DefaultBusyWait;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _retry.LongestWait ? _retry.LongestWait : wait;
    }

    private async Task EnsureOk(HttpResponseMessage response, string purpose, CancellationToken cancellationToken, bool admin = false)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var problem = await ProblemText(response, cancellationToken);
        var detail = string.IsNullOrEmpty(problem) ? string.Empty : $": {problem}";
        var status = Status(response);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when !_hasKey =>
                new CliException($"{BaseAddress} needs a key to {purpose} ({status}): pass --key KEY or set GOVPULSE_KEY (a node prints its key when it starts)"),
            HttpStatusCode.Unauthorized =>
                new CliException($"{BaseAddress} refused the key to {purpose} ({status}): check --key or GOVPULSE_KEY (a node prints its key when it starts; a revoked key stops working)"),
            HttpStatusCode.Forbidden when admin =>
                new CliException($"the key may not {purpose} ({status}){detail}: use an admin key (the node's bootstrap key, GovPulse__Ingest__BootstrapKey)"),
            HttpStatusCode.Forbidden =>
                new CliException($"the key may not {purpose} ({status}){detail}: use a key scoped to these units, or the admin key"),
            HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed =>
                new CliException($"{BaseAddress} cannot {purpose} ({status} for {response.RequestMessage?.RequestUri?.AbsolutePath}): check --url, or update the node to a version that has this endpoint"),
            _ => new CliException($"{BaseAddress} refused to {purpose} ({status}){detail}"),
        };
    }

    private async Task<T> ReadJson<T>(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new CliException($"{BaseAddress} answered {endpoint} with JSON null: is --url a GovPulse node?");
        }
        catch (JsonException ex)
        {
            throw new CliException($"{BaseAddress} answered {endpoint} with something other than the expected JSON ({ex.Message}): is --url a GovPulse node of this version?", ExitCodes.UsageOrConnection, ex);
        }
    }

    /// <summary>The problem's detail (or title), else the start of the body.</summary>
    private static async Task<string> ProblemText(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "detail", "title", "error" })
                {
                    if (doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: show the text
        }

        body = body.Trim();
        return body.Length > 300 ? body[..300] + "…" : body;
    }

    private static string Status(HttpResponseMessage response) =>
        $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();

    private static string Reason(Exception ex) =>
        ex is TaskCanceledException ? "no answer in time" : (ex.InnerException?.Message ?? ex.Message);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>What a batch got: the node's answer, or the 413 problem when the batch was too large.</summary>
public sealed record IngestOutcome(IngestAnswer? Answer, string? TooLarge);
