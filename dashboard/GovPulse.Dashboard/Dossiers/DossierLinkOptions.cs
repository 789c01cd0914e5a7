namespace GovPulse.Dashboard.Dossiers;

/// <summary>Section <c>GovPulse:Dossiers</c>: how a dossier to chase links to the city's own handling system.</summary>
public sealed class DossierLinkOptions
{
    public const string Section = "GovPulse:Dossiers";

    /// <summary>The placeholder a template must hold; the dossier id replaces it, URL-escaped.</summary>
    public const string Placeholder = "{dossierId}";

    /// <summary>What an operator reads when the template is refused at start.</summary>
    public const string InvalidTemplateMessage =
        $"{Section}:SourceUrlTemplate must be an absolute http:// or https:// URL containing {Placeholder} "
        + $"(e.g. https://motcua.example.gov.vn/hoso/{Placeholder}); correct it, or remove the setting to show no links";

    /// <summary>
    /// The address of a dossier in the city's one-stop-shop system, with <see cref="Placeholder"/> where
    /// its id goes (e.g. <c>https://motcua.example.gov.vn/hoso/{dossierId}</c>); unset, rows carry no link.
    /// </summary>
    public string? SourceUrlTemplate { get; set; }

    /// <summary>Unset, or an absolute http(s) URL holding the placeholder.</summary>
    public static bool IsValidTemplate(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return true;
        }

        return template.Contains(Placeholder, StringComparison.Ordinal)
            && Uri.TryCreate(template.Replace(Placeholder, "HS-1", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
