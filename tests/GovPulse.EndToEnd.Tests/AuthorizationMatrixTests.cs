using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Every endpoint of <c>/api/v1</c> × every kind of caller, against the node: who gets the endpoint's
/// own answer, who 401, who 403. The node's OpenAPI document lists its endpoints, so an endpoint
/// without a row here fails <see cref="Every_api_v1_endpoint_of_the_node_has_a_row_in_the_matrix"/>:
/// a new endpoint is not done until someone has said who may call it.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class AuthorizationMatrixTests(SecuredNodeFixture fixture)
{
    private const string Own = SecuredNodeFixture.OwnUnit;

    /// <summary>Who may call an endpoint.</summary>
    public enum Rule
    {
        /// <summary>Figures, of one unit or of every unit (scorecards, history, charts, rankings, movers): every signed-in person and every valid key.</summary>
        Figures,

        /// <summary>A unit's dossiers (<c>{code}</c> in the route): readers of that unit's dossiers (leaders, auditors, admins, its department head, keys scoped to it or to every unit).</summary>
        Unit,

        /// <summary>Every unit's dossiers at once: leaders, auditors, admins, keys for every unit.</summary>
        CityWide,

        /// <summary>No unit's figures: any signed-in person or valid key.</summary>
        EveryReader,

        /// <summary>The admin role: an admin signed in, or the bootstrap key.</summary>
        Admin,

        /// <summary>Sending events: API keys only (people do not ingest).</summary>
        Ingest,

        /// <summary>About the signed-in person: a session cookie only.</summary>
        Person,

        /// <summary>Anyone; the endpoint's own answer decides (sign-in, sign-out, the anti-forgery token).</summary>
        Open,
    }

    private enum Reads
    {
        Nothing,
        OwnUnit,
        OtherUnit,
        Everything,
    }

    private sealed record Caller(string Name, Reads Reads, bool IsAdmin = false, bool IsPerson = false, bool IsKey = false, string? Username = null);

    /// <summary>One endpoint: its route as the OpenAPI document names it, its rule, a request to send and the status of a caller it admits.</summary>
    private sealed record Row(string Method, string Route, Rule Rule, string Path, int Allowed = 200, Func<string, HttpContent>? Body = null, bool EndsSession = false);

    private static readonly Caller[] Callers =
    [
        new("anonymous", Reads.Nothing),
        new("leader", Reads.Everything, IsPerson: true, Username: "e2e.leader"),
        new("departmentHead (own unit)", Reads.OwnUnit, IsPerson: true, Username: "e2e.head.own"),
        new("departmentHead (other unit)", Reads.OtherUnit, IsPerson: true, Username: "e2e.head.other"),
        new("auditor", Reads.Everything, IsPerson: true, Username: "e2e.auditor"),
        new("admin", Reads.Everything, IsAdmin: true, IsPerson: true, Username: "e2e.admin"),
        new("scoped API key", Reads.OwnUnit, IsKey: true),
        new("bootstrap key", Reads.Everything, IsAdmin: true, IsKey: true),
    ];

    private static readonly Row[] Rows =
    [
        new("GET", "/api/v1/units", Rule.EveryReader, "/api/v1/units"),
        new("POST", "/api/v1/score", Rule.EveryReader, "/api/v1/score", Body: _ => Json(new { indicators = new[] { new { code = "ON_TIME_PROCESSING", numerator = 1, denominator = 2 } } })),
        new("GET", "/api/v1/units/{code}/indicators", Rule.Figures, $"/api/v1/units/{Own}/indicators"),
        new("GET", "/api/v1/units/{code}/history", Rule.Figures, $"/api/v1/units/{Own}/history"),
        new("GET", "/api/v1/units/{code}/dossiers", Rule.Unit, $"/api/v1/units/{Own}/dossiers"),
        new("GET", "/api/v1/units/{code}/chase", Rule.Unit, $"/api/v1/units/{Own}/chase"),
        new("GET", "/api/v1/units/{code}/indicators/{indicatorCode}/dossiers", Rule.Unit, $"/api/v1/units/{Own}/indicators/ON_TIME_PROCESSING/dossiers?limit=1"),
        new("GET", "/api/v1/chase", Rule.CityWide, "/api/v1/chase?level=department&perUnit=1"),
        new("GET", "/api/v1/units/{code}/comparison", Rule.Figures, $"/api/v1/units/{Own}/comparison"),
        new("GET", "/api/v1/units/{code}/trend", Rule.Figures, $"/api/v1/units/{Own}/trend?months=3"),
        new("GET", "/api/v1/units/{code}/charts/trend.svg", Rule.Figures, $"/api/v1/units/{Own}/charts/trend.svg?months=3"),
        new("GET", "/api/v1/units/{code}/charts/today.svg", Rule.Figures, $"/api/v1/units/{Own}/charts/today.svg"),
        new("GET", "/api/v1/rankings", Rule.Figures, "/api/v1/rankings?level=department"),
        new("GET", "/api/v1/rankings/movers", Rule.Figures, "/api/v1/rankings/movers?level=department"),
        new("GET", "/api/v1/exports/rankings", Rule.Figures, "/api/v1/exports/rankings?level=department"),
        new("GET", "/api/v1/exports/units/{code}/scorecard", Rule.Figures, $"/api/v1/exports/units/{Own}/scorecard"),
        new("GET", "/api/v1/exports/manifests/{sha256}", Rule.EveryReader, $"/api/v1/exports/manifests/{new string('0', 64)}", 404),
        new("POST", "/api/v1/events", Rule.Ingest, "/api/v1/events", Body: caller => Ndjson.Body(Ndjson.Received(Own, $"matrix-{Slug(caller)}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-1)))),
        new("POST", "/api/v1/admin/replay", Rule.Admin, "/api/v1/admin/replay", Body: _ => Json(new { unitCode = Own, from = "2026-01-01T00:00:00+07:00", to = "2026-01-02T00:00:00+07:00" })),
        new("GET", "/api/v1/admin/quarantine", Rule.Admin, $"/api/v1/admin/quarantine?unit={Own}"),
        new("POST", "/api/v1/admin/keys", Rule.Admin, "/api/v1/admin/keys", 201, _ => Json(new { name = "matrix key" })),
        new("GET", "/api/v1/admin/keys", Rule.Admin, "/api/v1/admin/keys"),
        new("GET", "/api/v1/admin/keys/{id}", Rule.Admin, "/api/v1/admin/keys/k_00000000", 404),
        new("DELETE", "/api/v1/admin/keys/{id}", Rule.Admin, "/api/v1/admin/keys/k_00000000", 404),
        new("POST", "/api/v1/admin/users", Rule.Admin, "/api/v1/admin/users", 201,
            caller => Json(new { username = $"matrix.{Slug(caller)}.{Guid.NewGuid():N}"[..40], displayName = "Matrix", role = "leader", password = "row password " + Guid.NewGuid().ToString("N")[..8] })),
        new("GET", "/api/v1/admin/users", Rule.Admin, "/api/v1/admin/users"),
        new("GET", "/api/v1/admin/users/{username}", Rule.Admin, $"/api/v1/admin/users/{SecuredNodeFixture.TargetUser}"),
        new("POST", "/api/v1/admin/users/{username}/disable", Rule.Admin, $"/api/v1/admin/users/{SecuredNodeFixture.TargetUser}/disable", 204),
        new("POST", "/api/v1/admin/users/{username}/enable", Rule.Admin, $"/api/v1/admin/users/{SecuredNodeFixture.TargetUser}/enable", 204),
        new("POST", "/api/v1/admin/users/{username}/password", Rule.Admin, $"/api/v1/admin/users/{SecuredNodeFixture.TargetUser}/password", 204,
            _ => Json(new { password = "matrix password " + Guid.NewGuid().ToString("N")[..8] })),
        new("GET", "/api/v1/push/public-key", Rule.Person, "/api/v1/push/public-key"),
        new("GET", "/api/v1/push/subscriptions", Rule.Person, "/api/v1/push/subscriptions"),
        // A plain-http endpoint: the caller is let in and the request refused, so no subscription is made and nothing is pushed anywhere.
        new("POST", "/api/v1/push/subscriptions", Rule.Person, "/api/v1/push/subscriptions", 400,
            _ => Json(new { endpoint = "http://push.example.com/matrix", keys = new { p256dh = "BAAA", auth = "AAAA" } })),
        new("DELETE", "/api/v1/push/subscriptions/{id}", Rule.Person, "/api/v1/push/subscriptions/ps_0000000000000000000000", 404),
        new("POST", "/api/v1/push/test", Rule.Person, "/api/v1/push/test"),
        new("GET", "/api/v1/admin/push/keys", Rule.Admin, "/api/v1/admin/push/keys"),
        new("POST", "/api/v1/admin/push/keys/rotate", Rule.Admin, "/api/v1/admin/push/keys/rotate"),
        new("POST", "/api/v1/admin/webhooks", Rule.Admin, "/api/v1/admin/webhooks", 201, caller => Json(new { url = $"https://127.0.0.1:1/matrix/{Slug(caller)}" })),
        new("GET", "/api/v1/admin/webhooks", Rule.Admin, "/api/v1/admin/webhooks"),
        new("DELETE", "/api/v1/admin/webhooks/{id}", Rule.Admin, "/api/v1/admin/webhooks/wh_0000000000000000", 404),
        new("GET", "/api/v1/admin/webhooks/dead-letters", Rule.Admin, "/api/v1/admin/webhooks/dead-letters?webhook=wh_0000000000000000"),
        new("POST", "/api/v1/admin/webhooks/dead-letters/{id}/replay", Rule.Admin, "/api/v1/admin/webhooks/dead-letters/d_000000000000000000000000/replay", 404),
        new("GET", "/api/v1/admin/audit", Rule.Admin, "/api/v1/admin/audit?limit=5"),
        new("GET", "/api/v1/account/me", Rule.Person, "/api/v1/account/me"),
        new("GET", "/api/v1/alerts", Rule.Person, "/api/v1/alerts"),
        new("POST", "/api/v1/alerts", Rule.Person, "/api/v1/alerts", 201, _ => Json(new { kind = "bandDrop" })),
        new("DELETE", "/api/v1/alerts/{id}", Rule.Person, "/api/v1/alerts/al_0000000000000000", 404),
        new("GET", "/api/v1/account/antiforgery", Rule.Open, "/api/v1/account/antiforgery"),
        new("POST", "/api/v1/account/login", Rule.Open, "/api/v1/account/login", 401,
            caller => Json(new { username = $"matrix.nobody.{Slug(caller)}", password = "not anybody's password" })),
        new("POST", "/api/v1/account/logout", Rule.Open, "/api/v1/account/logout", 204, EndsSession: true),
    ];

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, string>();
            foreach (var row in Rows)
            {
                foreach (var caller in Callers)
                {
                    cases.Add(row.Method, row.Route, caller.Name);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_endpoint_answers_each_caller_as_its_rule_says(string method, string route, string callerName)
    {
        var row = Rows.Single(r => r.Method == method && r.Route == route);
        var caller = Callers.Single(c => c.Name == callerName);
        var expected = Expected(row, caller);

        var (session, owned) = await SessionFor(caller, row.EndsSession);
        try
        {
            using var response = await session.SendAsync(new HttpMethod(method), new Uri(row.Path, UriKind.Relative), row.Body?.Invoke(caller.Name));
            var body = await response.Content.ReadAsStringAsync();

            ((int)response.StatusCode).Should().Be(expected, $"{method} {route} for {callerName} ({row.Rule}); the node said: {Cut(body)}");
        }
        finally
        {
            if (owned)
            {
                session.Dispose();
            }
        }
    }

    [Fact]
    public async Task Every_api_v1_endpoint_of_the_node_has_a_row_in_the_matrix()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var endpoints = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var rows = Rows.Select(r => $"{r.Method} {r.Route}").ToHashSet();
        endpoints.Should().NotBeEmpty();
        endpoints.Except(rows).Should().BeEmpty("every endpoint needs a row in AuthorizationMatrixTests.Rows saying who may call it (Unit, CityWide, EveryReader, Admin, …)");
        rows.Except(endpoints).Should().BeEmpty("a row of the matrix names an endpoint the node no longer has");
    }

    /// <summary>The status <paramref name="caller"/> gets from <paramref name="row"/>.</summary>
    private static int Expected(Row row, Caller caller)
    {
        const int unauthorized = 401, forbidden = 403;
        if (row.Rule == Rule.Open)
        {
            return row.Allowed;
        }

        if (caller.Reads == Reads.Nothing)
        {
            return unauthorized;
        }

        return row.Rule switch
        {
            Rule.Person => caller.IsPerson ? row.Allowed : unauthorized,
            Rule.Ingest => caller.IsKey ? row.Allowed : unauthorized,
            Rule.Admin => caller.IsAdmin ? row.Allowed : forbidden,
            Rule.EveryReader or Rule.Figures => row.Allowed,
            Rule.CityWide => caller.Reads == Reads.Everything ? row.Allowed : forbidden,
            Rule.Unit => caller.Reads is Reads.Everything or Reads.OwnUnit ? row.Allowed : forbidden,
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Rule, null),
        };
    }

    /// <summary>The caller's session: shared for people (fresh when the request ends it), new for keys and the anonymous.</summary>
    private async Task<(PersonSession Session, bool Owned)> SessionFor(Caller caller, bool endsSession)
    {
        if (caller.Username is { } username)
        {
            return endsSession
                ? (await PersonSession.SignInAsync(fixture.Node, username, fixture.People[username]), true)
                : (await fixture.SessionOf(username), false);
        }

        if (caller.IsKey)
        {
            return (PersonSession.WithKey(fixture.Node, caller.IsAdmin ? NodeFixture.ApiKey : fixture.ScopedKey), true);
        }

        return (PersonSession.Anonymous(fixture.Node), true);
    }

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static string Slug(string caller) => new(caller.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string Cut(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
