using GovPulse.Security.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace GovPulse.Security.Tests.Audit;

public sealed class AuditedRequestTests
{
    [Fact]
    public void The_request_line_keeps_method_path_and_query_as_sent()
    {
        var request = Request("GET", "/api/v1/exports/rankings", "?level=commune&period=2026-11&format=xlsx&lang=vi");

        AuditedRequest.Line(request).Should().Be("GET /api/v1/exports/rankings?level=commune&period=2026-11&format=xlsx&lang=vi");
    }

    [Fact]
    public void A_secret_looking_query_parameter_is_recorded_without_its_value()
    {
        var request = Request("GET", "/api/v1/admin/audit", "?user=an&access_token=eyJhbGci&Password=hunter2&api%5Fkey=gp_123&cursor=abc");

        var line = AuditedRequest.Line(request);

        line.Should().Be("GET /api/v1/admin/audit?user=an&access_token=(hidden)&Password=(hidden)&api%5Fkey=(hidden)&cursor=abc");
        line.Should().NotContain("eyJhbGci").And.NotContain("hunter2").And.NotContain("gp_123");
    }

    [Fact]
    public void A_decoded_path_with_a_line_break_is_escaped_and_a_huge_request_is_cut()
    {
        var forged = Request("POST", "/api/v1/admin/users/x\n2026-11-23 admin signed in", string.Empty);
        var huge = Request("GET", "/api/v1/admin/keys", "?q=" + new string('a', 5_000));

        AuditedRequest.Line(forged).Should().Be("POST /api/v1/admin/users/x\\u000A2026-11-23 admin signed in");
        AuditedRequest.Line(huge).Should().HaveLength(AuditedRequest.MaxRequestLength).And.EndWith("…");
    }

    [Theory]
    [InlineData("/api/v1/admin/keys/{id}", true)]
    [InlineData("api/v1/admin/replay", true)]
    [InlineData("/api/v1/admin", true)]
    [InlineData("/api/v1/administrators", false)]
    [InlineData("/api/v1/units/{code}/indicators", false)]
    public void Every_endpoint_under_the_admin_path_is_audited_marked_or_not(string pattern, bool audited)
    {
        AuditedRequest.IsAudited(Endpoint(pattern)).Should().Be(audited);
    }

    [Fact]
    public void A_marked_endpoint_is_audited_and_named_by_its_endpoint_name()
    {
        var named = Endpoint("/api/v1/exports/rankings", AuditedMetadata.Instance, new EndpointNameMetadata("ExportRanking"));
        var unnamed = Endpoint("/api/v1/admin/keys/{id}");

        AuditedRequest.IsAudited(named).Should().BeTrue();
        AuditedRequest.Action(named, "GET").Should().Be("ExportRanking");
        AuditedRequest.Action(unnamed, "DELETE").Should().Be("DELETE /api/v1/admin/keys/{id}");
    }

    private static HttpRequest Request(string method, string path, string query)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        return http.Request;
    }

    private static RouteEndpoint Endpoint(string pattern, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(metadata), pattern);
}
