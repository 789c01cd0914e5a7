using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>Event lines this suite seeds with, beside the end-to-end tests' <see cref="Ndjson"/>.</summary>
public static class WireLines
{
    /// <summary>A dossier received at <paramref name="at"/> and due at <paramref name="due"/> (past due: it is overdue at once).</summary>
    public static string ReceivedDue(string unit, string dossier, DateTimeOffset at, DateTimeOffset due) =>
        $$"""{"eventId":"{{dossier}}-r","type":"DossierReceived","occurredAt":"{{Ndjson.Time(at)}}","dossierId":"{{dossier}}","unitCode":"{{unit}}","procedureCode":"2.000815","channel":"online","dueAt":"{{Ndjson.Time(due)}}","fee":0,"paperResult":false,"citizenData":true}""";
}
