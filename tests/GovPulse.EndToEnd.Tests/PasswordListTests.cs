using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The users API refuses common passwords, with or without digits around them, saying why.</summary>
[Collection(HardenedNode.Name)]
public sealed class PasswordListTests(HardenedNodeFixture fixture)
{
    [Fact]
    public async Task Password1234_is_refused_for_a_new_user_and_Matkhau_2026_as_a_new_password()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await fixture.CreateUserAsync("hygiene.pw");

        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "hygiene.common", displayName = "Lê Văn Tám", role = "leader", password = "password1234" });
        var changed = await admin.PostAsJsonAsync("/api/v1/admin/users/hygiene.pw/password", new { password = "Matkhau@2026" });
        var named = await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "hygiene.named", displayName = "Lê Văn Tám", role = "leader", password = "Le Van Tam, 2026 rồi!" });
        var good = await admin.PostAsJsonAsync("/api/v1/admin/users/hygiene.pw/password", new { password = "mây trắng bay qua đồi chè" });

        created.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Detail(created).Should().StartWith("password is too common: it is one of the 10,000 most used passwords");
        changed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Detail(changed).Should().StartWith("password is too common");
        named.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Detail(named).Should().Be("password contains the person's display name; choose one that does not");
        good.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private static string Detail(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(response.Content.ReadAsStream()).GetProperty("detail").GetString()!;
}
