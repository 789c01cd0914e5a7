using System.Net;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>Every kind of response — page, static file, API JSON, chart, 401, 404 — carries the security headers.</summary>
[Collection(HardenedNode.Name)]
public sealed class SecurityHeadersTests(HardenedNodeFixture fixture)
{
    public static TheoryData<string, string, bool, HttpStatusCode> Responses => new()
    {
        { "the page", "/", false, HttpStatusCode.OK },
        { "a static file", "/app.js", false, HttpStatusCode.OK },
        { "API JSON", "/api/v1/units", true, HttpStatusCode.OK },
        { "a chart", "/api/v1/units/79/charts/trend.svg", true, HttpStatusCode.OK },
        { "a 401", "/api/v1/units", false, HttpStatusCode.Unauthorized },
        { "a 404", "/no/such/page", false, HttpStatusCode.NotFound },
        { "an API 404", "/api/v1/units/99999/indicators", true, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_kind_of_response_carries_the_security_headers(string what, string path, bool withKey, HttpStatusCode expected)
    {
        using var client = fixture.Node.CreateClient(withKey ? NodeFixture.ApiKey : null);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.10"); // the anonymous ones read as an address of their own

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(expected, what);
        Header(response, "X-Content-Type-Options").Should().Be("nosniff", what);
        Header(response, "X-Frame-Options").Should().Be("DENY", what);
        Header(response, "Referrer-Policy").Should().Be("no-referrer", what);
        Header(response, "Cross-Origin-Opener-Policy").Should().Be("same-origin", what);
        Header(response, "Permissions-Policy").Should().Contain("camera=()").And.Contain("geolocation=()", what);
        response.Headers.Server.Should().BeEmpty("the server does not name itself ({0})", what);
        var policy = Header(response, "Content-Security-Policy");
        policy.Should().Contain("frame-ancestors 'none'", what).And.NotContain("unsafe-eval", what);
        if (response.Content.Headers.ContentType?.MediaType == "image/svg+xml")
        {
            policy.Should().StartWith("default-src 'none'", "a drawing opened on its own may style itself and do nothing else");
        }
        else
        {
            policy.Should().Contain("default-src 'self'").And.Contain("script-src 'self';").And.Contain("style-src 'self';")
                .And.Contain("object-src 'none'").And.Contain("base-uri 'none'").And.NotContain("unsafe-inline", what);
        }
    }

    [Fact]
    public async Task The_API_reference_has_its_own_policy_that_lets_its_inline_start_run()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var response = await client.GetAsync(new Uri("/api/reference", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "Content-Security-Policy").Should().Contain("script-src 'self' 'unsafe-inline'").And.Contain("frame-ancestors 'none'");
        Header(response, "X-Frame-Options").Should().Be("DENY");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new InvalidOperationException($"{name} is missing from {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
