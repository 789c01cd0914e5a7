using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace GovPulse.LoadBench;

/// <summary>Times a ranking over HTTP with keep-alive, as a dashboard asks it: the city's and the nation's scenarios.</summary>
public static class RankingProbe
{
    /// <summary>
    /// One ranking asked <paramref name="probes"/> times in a row on one keep-alive connection, after
    /// three unmeasured asks (the first activates every unit); p50, p99 and the largest, and whether
    /// every answer had the expected rows.
    /// </summary>
    public static async Task<bool> TimeAsync(HttpClient client, string query, int rows, int probes, CancellationToken cancellationToken)
    {
        var uri = new Uri($"/api/v1/rankings?{query}", UriKind.Relative);
        var first = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            await client.GetStringAsync(uri, cancellationToken);
        }

        first.Stop();
        var times = new List<double>(probes);
        var ok = true;
        string? source = null;
        for (var i = 0; i < probes; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            times.Add(Percentiles.Milliseconds(start, Stopwatch.GetTimestamp()));
            source ??= response.Headers.TryGetValues(RankingSourceHeader, out var values) ? values.FirstOrDefault() : null;
            ok &= response.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.GetArrayLength() == rows;
        }

        times.Sort();
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ranking {query} ({rows:N0} rows, {source ?? "?"}): p50 {Percentiles.Of(times, 50):F1} ms, p99 {Percentiles.Of(times, 99):F1} ms, max {times[^1]:F1} ms over {probes} asks with keep-alive (first 3 asks {first.Elapsed.TotalMilliseconds:F0} ms){(ok ? string.Empty : " — WRONG ROW COUNT OR STATUS")}"));
        return ok;
    }

    private const string RankingSourceHeader = "X-GovPulse-Source";
}
