using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Issue 15, item 6: every operation of the node's OpenAPI document (what <c>/api/reference</c>
/// shows) has an operationId, a summary and a tag, so an endpoint mapped without <c>WithName</c>,
/// <c>WithSummary</c> and <c>WithTags</c> fails here.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class OpenApiShapeTests(SecuredNodeFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task Every_operation_has_a_unique_name_a_summary_and_a_tag()
    {
        var admin = await fixture.SessionOf("e2e.admin");

        using var response = await admin.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => Methods.Contains(o.Name))
                .Select(o => (Name: $"{o.Name.ToUpperInvariant()} {path.Name}", Operation: o.Value)))
            .ToList();
        operations.Should().HaveCountGreaterThan(40, "the document describes every /api/v1 endpoint");
        operations.Select(o => o.Name).Should().Contain(
            ["GET /api/v1/units/{code}/indicators/{indicatorCode}/dossiers", "GET /api/v1/rankings", "POST /api/v1/events", "POST /api/v1/account/login"]);

        var lacking = operations
            .Where(o => Text(o.Operation, "operationId") is null || Text(o.Operation, "summary") is null || !HasTag(o.Operation))
            .Select(o => o.Name)
            .ToList();
        lacking.Should().BeEmpty("every endpoint carries WithName, WithSummary and WithTags");
        var ids = operations.Select(o => Text(o.Operation, "operationId")!).ToList();
        ids.Should().OnlyHaveUniqueItems();
        ids.Should().OnlyContain(id => char.IsUpper(id[0]) && id.All(char.IsLetterOrDigit), "names are PascalCase verb + noun");
        operations.Single(o => o.Name == "GET /api/v1/units/{code}/indicators/{indicatorCode}/dossiers").Operation
            .GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("Explanations");
    }

    private static string? Text(JsonElement operation, string name) =>
        operation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static bool HasTag(JsonElement operation) =>
        operation.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
        && tags.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String ? !string.IsNullOrWhiteSpace(t.GetString()) : t.TryGetProperty("name", out _));
}
