using System.Text;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// One request to the ClickHouse HTTP interface, read into what the engine needs: the statement
/// (URL <c>query</c>, then a newline and the body, if both are present), the database, the
/// default output format and the <c>param_*</c> values. Other URL settings are accepted and ignored.
/// </summary>
internal sealed class ClickHouseHttpQuery : IDisposable
{
    private readonly PooledBufferStream _body;
    private readonly int _markerLength;

    private const string ParameterPrefix = "param_";

    private ClickHouseHttpQuery(
        PooledBufferStream body,
        int markerLength,
        string? database,
        string? defaultFormat,
        string queryId,
        IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        _body = body;
        _markerLength = markerLength;
        Database = database;
        DefaultFormat = defaultFormat;
        QueryId = queryId;
        Parameters = parameters;
    }

    /// <summary>The statement's bytes, binary data included (empty when the request carried none); valid until disposed.</summary>
    public ReadOnlyMemory<byte> Statement => _body.Written[_markerLength..];

    /// <summary><see cref="Statement"/> behind the marker comment that names it in the engine's process list (what the engine runs).</summary>
    public ReadOnlyMemory<byte> MarkedStatement => _body.Written;

    public string? Database { get; }

    /// <summary>The <c>default_format</c> setting (or <c>X-ClickHouse-Format</c> header), if any.</summary>
    public string? DefaultFormat { get; }

    public string QueryId { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>
    /// The output format the response is in: the statement's own <c>FORMAT</c> clause, else
    /// <see cref="DefaultFormat"/>, else <c>TabSeparated</c>. Null for an INSERT (no output).
    /// </summary>
    public string? OutputFormat
    {
        get
        {
            var span = Statement.Span;
            if (ChDbStatement.IsInsert(span))
            {
                return null;
            }

            return ChDbStatement.OutputFormatOf(Encoding.UTF8.GetString(span))
                ?? (string.IsNullOrEmpty(DefaultFormat) ? ChDbEngine.DefaultFormat : DefaultFormat);
        }
    }

    /// <param name="request">The request.</param>
    /// <param name="marker">A comment put before the statement (see <see cref="ChDbEngine.Cancel"/>).</param>
    /// <param name="maxBytes">The most bytes the statement and its data may take, decompressed.</param>
    /// <param name="cancellationToken">Ends the read.</param>
    public static async Task<ClickHouseHttpQuery> ReadAsync(HttpRequest request, string marker, long maxBytes, CancellationToken cancellationToken)
    {
        var url = request.Query;
        var parameters = new List<KeyValuePair<string, string>>();
        string? urlQuery = url["query"];
        string? database = url["database"];
        string? defaultFormat = url["default_format"];
        string? queryId = url["query_id"];
        AddParameters(url.Select(p => (p.Key, (string?)p.Value)), parameters);

        var body = new PooledBufferStream(
            (int)Math.Clamp((request.ContentLength ?? 0) + (urlQuery?.Length ?? 0) + marker.Length + 1, 0, int.MaxValue / 2),
            maxBytes + marker.Length);
        body.WriteUtf8(marker);
        var markerLength = body.Length;
        try
        {
            await ReadStatementAsync(request, body, urlQuery, parameters, markerLength, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        if (string.IsNullOrEmpty(database))
        {
            database = request.Headers["X-ClickHouse-Database"].ToString();
        }

        if (string.IsNullOrEmpty(defaultFormat))
        {
            defaultFormat = request.Headers["X-ClickHouse-Format"].ToString();
        }

        return new ClickHouseHttpQuery(
            body,
            (int)markerLength,
            string.IsNullOrEmpty(database) ? null : database,
            string.IsNullOrEmpty(defaultFormat) ? null : defaultFormat,
            string.IsNullOrEmpty(queryId) ? Guid.NewGuid().ToString() : queryId,
            parameters);
    }

    private static async Task ReadStatementAsync(
        HttpRequest request,
        PooledBufferStream body,
        string? urlQuery,
        List<KeyValuePair<string, string>> parameters,
        long markerLength,
        CancellationToken cancellationToken)
    {
        // Only multipart forms carry fields: an x-www-form-urlencoded body (curl -d) is the query
        // text itself, as ClickHouse reads it.
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            // UseFormDataParameters: the query and its parameters travel as form fields.
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            AddParameters(form.Select(p => (p.Key, (string?)p.Value)), parameters);
            string? formQuery = form["query"];
            if (!string.IsNullOrEmpty(formQuery))
            {
                urlQuery = string.IsNullOrEmpty(urlQuery) ? formQuery : urlQuery + "\n" + formQuery;
            }

            WriteUtf8(body, urlQuery);
        }
        else
        {
            // ClickHouse runs the URL query, a newline, then the body (an INSERT's data).
            WriteUtf8(body, urlQuery);
            var beforeSeparator = body.Length;
            if (body.Length > markerLength)
            {
                body.WriteByte((byte)'\n');
            }

            var afterSeparator = body.Length;
            await ClickHouseContentEncoding.CopyDecodedAsync(
                request.Body, request.Headers.ContentEncoding.ToString(), body, cancellationToken).ConfigureAwait(false);

            if (body.Length == afterSeparator)
            {
                body.SetLength(beforeSeparator); // no body: the URL query alone
            }
        }
    }

    /// <summary>Returns the body's pooled buffer: call once the engine has run the statement.</summary>
    public void Dispose() => _body.Dispose();

    private static void AddParameters(IEnumerable<(string Key, string? Value)> source, List<KeyValuePair<string, string>> parameters)
    {
        foreach (var (key, value) in source)
        {
            if (key.StartsWith(ParameterPrefix, StringComparison.Ordinal) && key.Length > ParameterPrefix.Length)
            {
                parameters.Add(new KeyValuePair<string, string>(key[ParameterPrefix.Length..], value ?? string.Empty));
            }
        }
    }

    private static void WriteUtf8(PooledBufferStream stream, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            stream.WriteUtf8(text);
        }
    }
}
