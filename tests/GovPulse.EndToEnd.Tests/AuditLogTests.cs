using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The audit log on a real node: sign-ins, admin actions and refusals are recorded with who, role, address, status and the answer's size and hash; admins read it.</summary>
[Collection(SecuredNode.Name)]
public sealed class AuditLogTests(SecuredNodeFixture fixture)
{
    private static readonly Uri Audit = new("/api/v1/admin/audit", UriKind.Relative);
    private static readonly string[] OwnUnitOnly = [SecuredNodeFixture.OwnUnit];

    [Fact]
    public async Task A_sign_in_and_a_failed_one_are_recorded_with_user_role_and_address()
    {
        var password = await fixture.CreateUserAsync("e2e.audit.signin", "auditor");
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var browser = PersonSession.Anonymous(fixture.Node);

        using var wrong = await browser.SignInAsync("e2e.audit.signin", "not the password at all");
        using var unknown = await browser.SignInAsync("e2e.nobody.audit", "password typed as username");
        using var right = await browser.SignInAsync("E2E.Audit.Signin", password);
        using var logout = await browser.SendAsync(HttpMethod.Post, PersonSession.Logout);
        var entries = await ReadAsync($"?from={Q(from)}&user=e2e.audit.signin");
        var unknownEntries = await ReadAsync($"?from={Q(from)}&user=(unknown username)");

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
        entries.Select(e => (e.Action, e.Role, e.Status)).Should().Equal(
            ("SignOut", "auditor", 204),
            ("SignIn", "auditor", 200),
            ("SignIn", "anonymous", 401));
        entries.Should().OnlyContain(e => e.Address == "127.0.0.1" && e.User == "e2e.audit.signin" && e.Request.StartsWith("POST /api/v1/account/", StringComparison.Ordinal));
        entries.Should().OnlyContain(e => e.At.Offset == TimeSpan.FromHours(7) && e.At >= from);
        unknownEntries.Should().Contain(e => e.Status == 401 && e.Role == "anonymous");
        (await ReadAsync($"?from={Q(from)}")).Should().NotContain(e => e.User.Contains("nobody", StringComparison.Ordinal), "an unknown username may be a password");
    }

    [Fact]
    public async Task An_admin_action_is_recorded_with_the_size_and_SHA_256_of_the_body_the_client_received()
    {
        var admin = await fixture.SessionOf("e2e.admin");
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var created = await admin.SendAsync(HttpMethod.Post, new Uri("/api/v1/admin/keys", UriKind.Relative), JsonContent.Create(new { name = "Khóa kiểm toán e2e", units = OwnUnitOnly }));
        var body = await created.Content.ReadAsByteArrayAsync();
        var entry = (await ReadAsync($"?from={Q(from)}&user=e2e.admin")).Single(e => e.Request == "POST /api/v1/admin/keys");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        entry.Role.Should().Be("admin");
        entry.Status.Should().Be(201);
        entry.Bytes.Should().Be(body.Length);
        entry.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(body)));
        entry.Request.Should().NotContain("gp_", "a new key is in the answer's body, never in the record");
    }

    [Fact]
    public async Task A_key_is_recorded_by_its_id_and_name_and_found_by_its_id()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var key = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var listed = await key.GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative));
        var body = await listed.Content.ReadAsByteArrayAsync();
        var entry = (await ReadAsync($"?from={Q(from)}&user=key:bootstrap")).Single(e => e.Request == "GET /api/v1/admin/users");

        entry.User.Should().Be("key:bootstrap (bootstrap key)");
        entry.Role.Should().Be("admin");
        entry.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    [Fact]
    public async Task A_non_admin_gets_403_from_the_audit_API_and_the_refusal_is_recorded()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var auditor = await fixture.SessionOf("e2e.auditor");
        using var scoped = fixture.Node.CreateClient(fixture.ScopedKey);
        using var anonymous = fixture.Node.CreateClient();

        using var byAuditor = await auditor.Client.GetAsync(Audit);
        using var byKey = await scoped.GetAsync(Audit);
        using var byNobody = await anonymous.GetAsync(Audit);
        var entries = await ReadAsync($"?from={Q(from)}&user=e2e.auditor");

        byAuditor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byKey.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byNobody.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        entries.Should().ContainSingle(e => e.Action == "ListAuditEntries" && e.Status == 403 && e.Role == "auditor");
    }

    [Fact]
    public async Task From_to_and_user_select_entries_newest_first()
    {
        var admin = await fixture.SessionOf("e2e.admin");
        var leader = await fixture.SessionOf("e2e.leader");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        (await leader.Client.GetAsync(Audit)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.Client.GetAsync(new Uri("/api/v1/admin/keys", UriKind.Relative))).EnsureSuccessStatusCode();
        var between = await Newest("e2e.admin", before);
        (await admin.Client.GetAsync(new Uri("/api/v1/admin/quarantine", UriKind.Relative))).EnsureSuccessStatusCode();
        var last = await Newest("e2e.admin", before);

        var all = await ReadAsync($"?from={Q(before)}&user=e2e.admin");
        var untilBetween = await ReadAsync($"?from={Q(before)}&to={Q(between.At.AddMilliseconds(1))}&user=e2e.admin");
        var afterBetween = await ReadAsync($"?from={Q(between.At.AddMilliseconds(1))}&user=e2e.admin");
        var other = await ReadAsync($"?from={Q(before)}&user=e2e.leader");

        between.Request.Should().Be("GET /api/v1/admin/keys");
        last.Request.Should().Be("GET /api/v1/admin/quarantine");
        all.Select(e => e.At).Should().BeInDescendingOrder();
        all.Select(e => e.Request).Should().ContainInOrder("GET /api/v1/admin/quarantine", "GET /api/v1/admin/keys");
        untilBetween.Select(e => e.Request).Should().Contain("GET /api/v1/admin/keys").And.NotContain("GET /api/v1/admin/quarantine");
        afterBetween.Select(e => e.Request).Should().Contain("GET /api/v1/admin/quarantine").And.NotContain("GET /api/v1/admin/keys");
        other.Should().OnlyContain(e => e.User == "e2e.leader").And.ContainSingle(e => e.Action == "ListAuditEntries" && e.Status == 403);
        all.Should().OnlyContain(e => e.User == "e2e.admin");
    }

    [Fact]
    public async Task The_log_exports_as_CSV_with_a_BOM_and_bad_parameters_get_400_with_the_reason()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        (await admin.GetAsync(new Uri("/api/v1/admin/keys", UriKind.Relative))).EnsureSuccessStatusCode();

        using var csv = await admin.GetAsync(new Uri($"{Audit}?from={Q(from)}&user=key:bootstrap&format=csv", UriKind.Relative));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        using var badFrom = await admin.GetAsync(new Uri($"{Audit}?from=yesterday", UriKind.Relative));
        using var backwards = await admin.GetAsync(new Uri($"{Audit}?from=2026-11-30&to=2026-11-01", UriKind.Relative));
        using var badLimit = await admin.GetAsync(new Uri($"{Audit}?limit=0", UriKind.Relative));

        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csv.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("at,user,role,action,request,address,status,bytes,sha256");
        lines.Skip(1).Should().Contain(l => l.Contains(",GET /api/v1/admin/keys,127.0.0.1,200,", StringComparison.Ordinal));
        badFrom.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badFrom.Content.ReadAsStringAsync()).Should().Contain("from 'yesterday' is not a date");
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadAsStringAsync()).Should().Contain("to must be after from");
        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<AuditRow> Newest(string user, DateTimeOffset from) => (await ReadAsync($"?from={Q(from)}&user={user}&limit=1")).Single();

    private async Task<IReadOnlyList<AuditRow>> ReadAsync(string query)
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var response = await admin.GetAsync(new Uri(Audit + query, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<AuditRow>>())!;
    }

    private static string Q(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>An audit entry as GET /api/v1/admin/audit answers it.</summary>
public sealed record AuditRow(DateTimeOffset At, string User, string Role, string Action, string Request, string Address, int Status, long Bytes, string Sha256);
