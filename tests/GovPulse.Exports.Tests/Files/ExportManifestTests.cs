using System.Security.Cryptography;
using System.Text;
using GovPulse.Exports.Files;

namespace GovPulse.Exports.Tests.Files;

public sealed class ExportManifestTests
{
    private static readonly ExportManifest Manifest = new(
        "/api/v1/exports/rankings?asOf=2026-12-01T08:00:00%2B07:00&format=xlsx&lang=vi&level=commune&period=2026-11",
        "2026-12-01T08:00:00+07:00",
        "1.0.0+abc",
        "766/QĐ-TTg r1",
        "xlsx",
        [new("units", 168), new("ranked", 160), new("noDossiers", 8)],
        new string('c', 64),
        new string('f', 64),
        12345);

    [Fact]
    public void The_canonical_json_has_the_contracts_properties_in_order_without_spaces()
    {
        Encoding.UTF8.GetString(Manifest.ToCanonicalJson()).Should().Be(
            "{\"request\":\"/api/v1/exports/rankings?asOf=2026-12-01T08:00:00%2B07:00&format=xlsx&lang=vi&level=commune&period=2026-11\","
            + "\"asOf\":\"2026-12-01T08:00:00+07:00\",\"codeVersion\":\"1.0.0+abc\",\"ruleSet\":\"766/QĐ-TTg r1\",\"format\":\"xlsx\","
            + "\"rows\":{\"units\":168,\"ranked\":160,\"noDossiers\":8},"
            + $"\"figuresSha256\":\"{new string('c', 64)}\",\"sha256\":\"{new string('f', 64)}\",\"bytes\":12345}}");
    }

    [Fact]
    public void The_manifest_hash_is_the_lower_case_sha256_of_those_bytes_and_changes_with_any_field()
    {
        var expected = Convert.ToHexString(SHA256.HashData(Manifest.ToCanonicalJson())).ToLowerInvariant();

        Manifest.ManifestSha256().Should().Be(expected).And.MatchRegex("^[0-9a-f]{64}$");
        (Manifest with { }).ManifestSha256().Should().Be(expected, "the same manifest always hashes the same");
        (Manifest with { Bytes = 12346 }).ManifestSha256().Should().NotBe(expected);
        (Manifest with { AsOf = "2026-12-01T08:00:01+07:00" }).ManifestSha256().Should().NotBe(expected);
    }

    [Fact]
    public void The_code_version_is_the_exports_assemblys_informational_version()
    {
        ExportManifest.CurrentCodeVersion.Should().NotBeNullOrWhiteSpace().And.NotBe("unknown");
    }

    [Fact]
    public void A_request_in_normal_form_sorts_its_parameters_and_escapes_what_a_query_cannot_hold()
    {
        ExportRequest.Normal(
                "/api/v1/exports/units/79/scorecard",
                [new("period", "2026-11-01..2026-11-15"), new("lang", "en"), new("asOf", "2026-12-01T08:00:00.250+07:00"), new("format", "csv")])
            .Should().Be("/api/v1/exports/units/79/scorecard?asOf=2026-12-01T08:00:00.250%2B07:00&format=csv&lang=en&period=2026-11-01..2026-11-15");
    }
}
