using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// A browser as the web page uses the node: cookies kept, and every state-changing request sent with a
/// fresh anti-forgery token from <c>GET /api/v1/account/antiforgery</c> in the header it names.
/// Optionally with an API key, to call as an integration.
/// </summary>
public sealed class PersonSession : IDisposable
{
    public static readonly Uri Login = new("/api/v1/account/login", UriKind.Relative);
    public static readonly Uri Logout = new("/api/v1/account/logout", UriKind.Relative);
    public static readonly Uri Me = new("/api/v1/account/me", UriKind.Relative);
    public static readonly Uri Antiforgery = new("/api/v1/account/antiforgery", UriKind.Relative);

    private PersonSession(NodeProcess node, string? apiKey)
    {
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null)
        {
            Client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>A browser that has signed in nobody yet.</summary>
    public static PersonSession Anonymous(NodeProcess node) => new(node, null);

    /// <summary>An integration calling with an API key (and cookies, which it does not need).</summary>
    public static PersonSession WithKey(NodeProcess node, string apiKey) => new(node, apiKey);

    /// <summary>Signs in; throws with the node's answer unless it is 200.</summary>
    public static async Task<PersonSession> SignInAsync(NodeProcess node, string username, string password)
    {
        var session = Anonymous(node);
        using var response = await session.SignInAsync(username, password);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            session.Dispose();
            throw new InvalidOperationException($"Sign-in of {username} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    /// <summary>POST /api/v1/account/login with a fresh anti-forgery token.</summary>
    public Task<HttpResponseMessage> SignInAsync(string username, string password) =>
        SendAsync(HttpMethod.Post, Login, JsonContent.Create(new { username, password }));

    /// <summary>A request as the page sends it: unsafe methods carry a fresh anti-forgery token.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri path, HttpContent? content = null, bool antiforgery = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (antiforgery && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            var (header, token) = await TokenAsync();
            request.Headers.Add(header, token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>The anti-forgery header and token for this session, as it is now.</summary>
    public async Task<(string Header, string Token)> TokenAsync()
    {
        using var response = await Client.GetAsync(Antiforgery);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("headerName").GetString()!, body.GetProperty("token").GetString()!);
    }

    public void Dispose() => Client.Dispose();
}
