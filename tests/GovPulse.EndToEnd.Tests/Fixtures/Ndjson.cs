using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Builds wire-format event lines (docs/api-v1.md §1).</summary>
public static class Ndjson
{
    public static string Time(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static string MonthOf(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Received(string unit, string dossier, DateTimeOffset at) =>
        $$"""{"eventId":"{{dossier}}-r","type":"DossierReceived","occurredAt":"{{Time(at)}}","dossierId":"{{dossier}}","unitCode":"{{unit}}","procedureCode":"2.000815","channel":"online","dueAt":"{{Time(at.AddDays(3))}}","fee":0,"paperResult":false,"citizenData":true}""";

    public static string Completed(string unit, string dossier, DateTimeOffset at) =>
        $$"""{"eventId":"{{dossier}}-c","type":"ProcessingCompleted","occurredAt":"{{Time(at)}}","dossierId":"{{dossier}}","unitCode":"{{unit}}"}""";

    public static StringContent Body(string ndjson) => Body([ndjson]);

    public static StringContent Body(params string[] lines) =>
        new(string.Join('\n', lines) + "\n", Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson"));
}
