using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests.Notifications;

/// <summary>
/// The VAPID key pair a node makes in its data directory: a 0600 file whose private key is sealed,
/// the same pair after a restart, and a rotation an admin makes that every browser then sees.
/// </summary>
public sealed class PushKeysTests : IAsyncLifetime
{
    private static readonly Uri AdminKeys = new("/api/v1/admin/push/keys", UriKind.Relative);
    private static readonly Uri Rotate = new("/api/v1/admin/push/keys/rotate", UriKind.Relative);

    private readonly string _dataDirectory = TempDirectory.NewPath("push-keys");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_dataDirectory);
        return Task.CompletedTask;
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // Unix modes; the node runs on Linux (chDB)
    public async Task The_pair_is_made_once_into_a_private_file_kept_across_starts_and_an_admin_rotation_replaces_it()
    {
        string first;
        string rotated;
        var file = Path.Combine(_dataDirectory, "vapid-keys.json");
        await using (var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            using var admin = node.CreateClient(NodeFixture.ApiKey);
            var keys = await admin.GetFromJsonAsync<JsonElement>(AdminKeys);
            first = keys.GetProperty("publicKey").GetString()!;
            keys.GetProperty("source").GetString().Should().Be("file");
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var stored = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            stored.GetProperty("publicKey").GetString().Should().Be(first);
            stored.GetProperty("sealedPrivateKey").GetString().Should().StartWith("CfDJ8", "the private key is sealed with Data Protection, not in the clear");
            await node.StopAsync();
        }

        await using (var again = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey))
        {
            using var admin = again.CreateClient(NodeFixture.ApiKey);
            (await admin.GetFromJsonAsync<JsonElement>(AdminKeys)).GetProperty("publicKey").GetString().Should().Be(first, "a restart reuses the pair");
            using var rotation = await admin.PostAsync(Rotate, null);
            rotation.StatusCode.Should().Be(HttpStatusCode.OK);
            rotated = (await rotation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publicKey").GetString()!;
            rotated.Should().NotBe(first);
            (await admin.GetFromJsonAsync<JsonElement>(AdminKeys)).GetProperty("publicKey").GetString().Should().Be(rotated);
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await again.StopAsync();
        }

        await using var third = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey);
        using var client = third.CreateClient(NodeFixture.ApiKey);
        (await client.GetFromJsonAsync<JsonElement>(AdminKeys)).GetProperty("publicKey").GetString().Should().Be(rotated);
        third.Output.Should().NotContain(JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("sealedPrivateKey").GetString());
    }
}
