using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovPulse.Exports.Files;

/// <summary>
/// What an export file is: the request in its normal form, the instant its figures are as known at,
/// the code and rules that computed them, its row counts, the figures' hash, and the file's hash and
/// size. Written as canonical JSON (UTF-8, no spaces, properties in this order), whose SHA-256 is the
/// <c>X-GovPulse-Manifest</c> header: the same request and asOf on the same code give the same bytes.
/// </summary>
/// <param name="Rows">Counts of what the file lists, in the order they are written (<c>units</c>, <c>ranked</c>, <c>noDossiers</c>, or <c>indicators</c>, <c>trendMonths</c>).</param>
public sealed record ExportManifest(
    string Request,
    string AsOf,
    string CodeVersion,
    string RuleSet,
    string Format,
    IReadOnlyList<KeyValuePair<string, long>> Rows,
    string FiguresSha256,
    string Sha256,
    long Bytes)
{
    private static readonly JsonWriterOptions Canonical = new()
    {
        Indented = false,
        // Stored and served as JSON only: '&' and '+' in the request stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The Exports assembly's informational version: a manifest names the code that wrote the file.</summary>
    public static string CurrentCodeVersion { get; } =
        typeof(ExportManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ExportManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public byte[] ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Canonical))
        {
            json.WriteStartObject();
            json.WriteString("request", Request);
            json.WriteString("asOf", AsOf);
            json.WriteString("codeVersion", CodeVersion);
            json.WriteString("ruleSet", RuleSet);
            json.WriteString("format", Format);
            json.WriteStartObject("rows");
            foreach (var (name, count) in Rows)
            {
                json.WriteNumber(name, count);
            }

            json.WriteEndObject();
            json.WriteString("figuresSha256", FiguresSha256);
            json.WriteString("sha256", Sha256);
            json.WriteNumber("bytes", Bytes);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>SHA-256 of the canonical JSON, lower-case hex.</summary>
    public string ManifestSha256() => Hex(ToCanonicalJson());

    /// <summary>SHA-256 of <paramref name="bytes"/>, lower-case hex (files, manifests, figures).</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
