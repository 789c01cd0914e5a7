using System.Text;

namespace GovPulse.Exports.Files;

/// <summary>
/// A request in its normal form, as the manifest records it: the path, then every parameter with its
/// effective value (defaults spelled out), sorted by name, so two requests that mean the same export
/// read the same. Values are percent-encoded except the characters a query may hold as they are
/// (<c>:</c>), so the text is a URL that asks for the same file again.
/// </summary>
public static class ExportRequest
{
    public static string Normal(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(separator).Append(Encode(name)).Append('=').Append(Encode(value));
            separator = '&';
        }

        return text.ToString();
    }

    private static string Encode(string value) => Uri.EscapeDataString(value).Replace("%3A", ":", StringComparison.Ordinal);
}
