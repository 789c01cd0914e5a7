using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Xml.Linq;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Security.KeyRing;
using GovPulse.Security.SignIn;
using GovPulse.Storage.ChDb;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// What a node leaves at rest gives nobody a way in: the key ring in the database is encrypted with
/// the key ring key, the data directory is the node's user's only, and the secrets a start makes are
/// never in its output when that is not a terminal.
/// </summary>
public sealed class SecretsAtRestTests : IAsyncLifetime
{
    private const string AdminUser = "rest.admin";
    private static readonly Uri AdminUsers = new("/api/v1/admin/users", UriKind.Relative);

    private readonly string _dataDirectory = TempDirectory.NewPath("secrets");

    /// <summary>Makes the admin person on <paramref name="node"/> and signs in: the session cookie's value.</summary>
    private static async Task<string> AdminCookieAsync(NodeProcess node)
    {
        var password = "sao khue tren troi " + Guid.NewGuid().ToString("N")[..12];
        using var admin = node.CreateClient(NodeFixture.ApiKey);
        (await admin.PostAsJsonAsync(AdminUsers, new { username = AdminUser, displayName = "Rest admin", role = "admin", unitCode = (string?)null, password }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        using var session = await PersonSession.SignInAsync(node, AdminUser, password);
        return session.Cookies.GetCookies(node.BaseAddress)[SessionCookie.CookieName]!.Value;
    }

    [Fact]
    public async Task The_stored_key_ring_alone_forges_no_session_the_node_accepts_while_the_key_file_keeps_real_sessions_across_a_restart()
    {
        string realCookie;
        await using (var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            realCookie = await AdminCookieAsync(node);
            (await SendWithCookieAsync(node, realCookie)).Should().Be(HttpStatusCode.OK, "the real session is an admin's");
            (await node.StopAsync()).Should().Be(0);
        }

        var stored = ReadStoredKeyRing(Path.Combine(_dataDirectory, "clickhouse"));
        var keys = stored.Where(e => e.Name.LocalName == "key").ToList();
        var keyFile = Path.Combine(_dataDirectory, KeyRingKeys.DefaultFileName);

        // The attacker's best: the stored XML, and the real ticket's contents (who, role, version, expiry).
        var withKey = CookieFormat(stored, KeyRingKeys.Load(new SecretsOptions { KeyRingKeyFile = keyFile }, _dataDirectory, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var xmlOnly = CookieFormat(stored, keys: null);
        var ticket = withKey.Unprotect(realCookie);
        var forgedFromXml = xmlOnly.Protect(Renewed(ticket!));
        var forgedWithKey = withKey.Protect(Renewed(ticket!));

        await using var restarted = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);
        var real = await SendWithCookieAsync(restarted, realCookie);
        var fromXml = await SendWithCookieAsync(restarted, forgedFromXml);
        var controlWithKey = await SendWithCookieAsync(restarted, forgedWithKey);

        keys.Should().NotBeEmpty();
        foreach (var key in keys)
        {
            key.Descendants().Should().NotContain(e => e.Name.LocalName == "masterKey", "the key's secret is stored only encrypted");
            key.Descendants().Should().Contain(e => e.Name.LocalName == "encryptedSecret");
            key.Descendants().Single(e => e.Name == KeyRingXmlEncryptor.SealedName).Attribute("keyId")!.Value
                .Should().MatchRegex("^[0-9a-f]{8}$");
        }

        ticket.Should().NotBeNull("with the key file the stored key ring opens the real cookie");
        xmlOnly.Unprotect(realCookie).Should().BeNull("without the key file the stored key ring opens nothing");
        real.Should().Be(HttpStatusCode.OK, "the key file in the data directory keeps sessions across restarts");
        fromXml.Should().Be(HttpStatusCode.Unauthorized, "a cookie made from the database's key ring alone is refused");
        controlWithKey.Should().Be(HttpStatusCode.OK, "the same forgery with the key ring key works: the key is what protects the sessions");
        restarted.Output.Should().NotContain("No XML encryptor configured");
    }

    [Fact]
    public async Task A_key_an_earlier_version_stored_in_the_clear_is_revoked_at_start_so_a_cookie_made_with_it_is_refused()
    {
        string realCookie;
        await using (var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            realCookie = await AdminCookieAsync(node);
            (await node.StopAsync()).Should().Be(0);
        }

        // A key as versions before the encrypted key ring stored it (no encryptor: the secret in the clear), and a cookie made with it.
        var keyFile = Path.Combine(_dataDirectory, KeyRingKeys.DefaultFileName);
        var withKey = CookieFormat(ReadStoredKeyRing(Path.Combine(_dataDirectory, "clickhouse")),
            KeyRingKeys.Load(new SecretsOptions { KeyRingKeyFile = keyFile }, _dataDirectory, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        var clearRing = new CopiedKeyRing([]);
        var clearFormat = CookieFormat(clearRing, keys: null);
        var madeWithClearKey = clearFormat.Protect(Renewed(withKey.Unprotect(realCookie)!));
        var clearKey = clearRing.GetAllElements().Single();
        StoreInKeyRing(Path.Combine(_dataDirectory, "clickhouse"), clearKey);

        await using var restarted = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);
        var answer = await SendWithCookieAsync(restarted, madeWithClearKey);
        var real = await SendWithCookieAsync(restarted, realCookie);

        clearKey.Descendants().Should().Contain(e => e.Name.LocalName == "masterKey", "the planted key is in the clear, as earlier versions stored keys");
        answer.Should().Be(HttpStatusCode.Unauthorized, "a key stored in the clear may have been read: it is revoked");
        real.Should().Be(HttpStatusCode.OK, "keys stored encrypted stay");
        restarted.Output.Should().Contain($"Key ring key {clearKey.Attribute("id")!.Value} was stored unencrypted by an earlier version: revoked");
    }

    [Fact]
    public async Task A_node_sharing_the_database_with_another_key_ring_key_says_so_and_refuses_the_other_node_s_sessions()
    {
        var otherDirectory = TempDirectory.NewPath("secrets-other");
        try
        {
            await using var first = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey,
                $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}");
            var cookie = await AdminCookieAsync(first);
            await using var second = await NodeProcess.StartAsync(otherDirectory, NodeFixture.ApiKey,
                $"--GovPulse:ClickHouse:ConnectionString={EventPoster.EmbeddedClickHouseConnectionString(first, NodeFixture.SharedEnginePassword)}");
            var firstKeyId = KeyRingKey.Parse(File.ReadAllText(Path.Combine(_dataDirectory, KeyRingKeys.DefaultFileName)), "the first node's key file").Id;

            var onSecond = await SendWithCookieAsync(second, cookie);
            var onFirst = await SendWithCookieAsync(first, cookie);

            onFirst.Should().Be(HttpStatusCode.OK);
            onSecond.Should().Be(HttpStatusCode.Unauthorized, "the second node cannot read the first node's keys");
            second.Output.Should().Contain($"A key ring entry is encrypted with key ring key {firstKeyId}, which this node does not have");
        }
        finally
        {
            TempDirectory.DeleteQuietly(otherDirectory);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // Unix modes; the node runs on Linux (chDB)
    public async Task A_start_that_makes_secrets_writes_them_to_a_0600_file_in_a_0700_directory_and_never_to_its_output()
    {
        // A data directory as earlier versions left it: open to everyone.
        Directory.CreateDirectory(_dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await using var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey,
            "--GovPulse:Ingest:BootstrapKey=", "--GovPulse:Auth:DemoUsers=true");
        var secretsFile = Path.Combine(_dataDirectory, SecretsFile.FileName);
        var keyFile = Path.Combine(_dataDirectory, KeyRingKeys.DefaultFileName);
        var secrets = SecretsFile.Entries(secretsFile);
        var passwords = SecretsFile.DemoPasswords(secretsFile);
        var ingestKey = secrets["ingest-key"];

        using var withKey = node.CreateClient(ingestKey);
        var keyAnswer = (await withKey.GetAsync(AdminUsers)).StatusCode;
        using var demo = await PersonSession.SignInAsync(node, "quantri", passwords["quantri"]);
        var demoAnswer = (await demo.Client.GetAsync(AdminUsers)).StatusCode;

        File.GetUnixFileMode(_dataDirectory).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(secretsFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(keyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        node.Output.Should().Contain("was open to other users (mode 755); it is now 0700");
        passwords.Keys.Should().BeEquivalentTo(["lanhdao", "truongphong", "kiemtoan", "quantri"]);
        keyAnswer.Should().Be(HttpStatusCode.OK, "the file's ingest key is this run's admin key");
        demoAnswer.Should().Be(HttpStatusCode.OK, "the file's passwords are the demo users'");
        node.Output.Should().Contain($"Ingest key for this run (X-Api-Key): in {secretsFile}");
        node.Output.Should().NotContain(ingestKey).And.NotContain(ingestKey[3..]);
        node.Output.Should().NotContain(File.ReadAllText(keyFile).Trim(), "the key ring key is never logged");
        foreach (var password in passwords.Values)
        {
            node.Output.Should().NotContain(password);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_dataDirectory);
        return Task.CompletedTask;
    }

    /// <summary>Every row of <c>data_protection_keys</c>, read with the engine itself from the stopped node's directory.</summary>
    private static List<XElement> ReadStoredKeyRing(string clickHouseDirectory)
    {
        using var engine = ChDbEngine.Open(clickHouseDirectory);
        var rows = engine.Query("SELECT xml FROM govpulse.data_protection_keys ORDER BY stored_at", "JSONEachRow").Text;
        return [.. rows.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(row => XElement.Parse(JsonDocument.Parse(row).RootElement.GetProperty("xml").GetString()!))];
    }

    /// <summary>Adds <paramref name="element"/> to the stopped node's <c>data_protection_keys</c>, as an earlier version would have.</summary>
    private static void StoreInKeyRing(string clickHouseDirectory, XElement element)
    {
        using var engine = ChDbEngine.Open(clickHouseDirectory);
        engine.Query("INSERT INTO govpulse.data_protection_keys (friendly_name, xml, stored_at) SELECT {name:String}, {xml:String}, now64(3)",
            parameters: [new("name", "key-" + (string?)element.Attribute("id")), new("xml", element.ToString(SaveOptions.DisableFormatting))]);
    }

    /// <summary>How the node's cookie handler protects a session ticket, over a key ring built from <paramref name="stored"/>.</summary>
    private static TicketDataFormat CookieFormat(IEnumerable<XElement> stored, KeyRingKeys? keys) => CookieFormat(new CopiedKeyRing(stored), keys);

    private static TicketDataFormat CookieFormat(CopiedKeyRing ring, KeyRingKeys? keys)
    {
        var services = new ServiceCollection().AddLogging();
        if (keys is not null)
        {
            services.AddSingleton(keys);
        }

        services.AddDataProtection().SetApplicationName("GovPulse");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = ring);
        var provider = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        return new TicketDataFormat(provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", SessionCookie.Scheme, "v2"));
    }

    private static AuthenticationTicket Renewed(AuthenticationTicket ticket)
    {
        var properties = ticket.Properties.Clone();
        properties.IssuedUtc = DateTimeOffset.UtcNow;
        properties.ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1);
        return new AuthenticationTicket(ticket.Principal, properties, ticket.AuthenticationScheme);
    }

    private static async Task<HttpStatusCode> SendWithCookieAsync(NodeProcess node, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = node.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminUsers);
        request.Headers.Add("Cookie", $"{SessionCookie.CookieName}={cookie}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
