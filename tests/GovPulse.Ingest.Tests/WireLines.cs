using System.Text.Json;
using System.Text.Json.Nodes;

namespace GovPulse.Ingest.Tests;

/// <summary>Wire-format event lines (docs/api-v1.md §1) to start from, and edits that break one field at a time.</summary>
internal static class WireLines
{
    /// <summary>The moment the node's clock reads in these tests: Friday 18 September 2026, 10:00 in HCMC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 18, 10, 0, 0, TimeSpan.FromHours(7));

    public const string Received =
        """{"eventId":"e1","type":"DossierReceived","occurredAt":"2026-09-18T09:30:00+07:00","dossierId":"d1","unitCode":"26737","procedureCode":"1.001193","channel":"online","dueAt":"2026-09-21T17:00:00+07:00","fee":0,"paperResult":true,"citizenData":true,"somethingNew":1}""";

    public const string Completed =
        """{"eventId":"c1","type":"ProcessingCompleted","occurredAt":"2026-09-18T09:45:00+07:00","dossierId":"d1","unitCode":"26737"}""";

    public const string Paid =
        """{"eventId":"pay1","type":"PaymentCompleted","occurredAt":"2026-09-18T09:40:00+07:00","dossierId":"d1","unitCode":"26737","online":true,"amount":20000}""";

    public const string Rated =
        """{"eventId":"r1","type":"DossierRated","occurredAt":"2026-09-18T09:50:00+07:00","dossierId":"d1","unitCode":"26737","rating":"satisfied","complaint":false}""";

    public const string PetitionReceived =
        """{"eventId":"p1","type":"PetitionReceived","occurredAt":"2026-09-18T02:30:00Z","unitCode":"26737","petitionId":"pk-1","dueAt":"2026-10-09T17:00:00+07:00"}""";

    public const string PetitionResolved =
        """{"eventId":"p2","type":"PetitionResolved","occurredAt":"2026-09-18T09:35:00+07:00","unitCode":"26737","petitionId":"pk-1"}""";

    /// <summary>The line with <paramref name="field"/> set to <paramref name="value"/> (added when absent).</summary>
    public static string With(this string line, string field, object? value)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        o[field] = JsonSerializer.SerializeToNode(value);
        return o.ToJsonString();
    }

    public static string Without(this string line, string field)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        o.Remove(field);
        return o.ToJsonString();
    }
}
