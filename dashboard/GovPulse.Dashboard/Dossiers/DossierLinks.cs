using Microsoft.Extensions.Options;

namespace GovPulse.Dashboard.Dossiers;

/// <summary>Links a dossier to chase to its page in the city's handling system, when the operator set <see cref="DossierLinkOptions.SourceUrlTemplate"/>.</summary>
public sealed class DossierLinks(IOptions<DossierLinkOptions> options)
{
    private readonly string? _template = string.IsNullOrEmpty(options.Value.SourceUrlTemplate) ? null : options.Value.SourceUrlTemplate;

    /// <summary>The dossier's address, its id escaped so no id can change the path or add a query; null without a template.</summary>
    public string? SourceUrl(string dossierId) =>
        _template?.Replace(DossierLinkOptions.Placeholder, Uri.EscapeDataString(dossierId), StringComparison.Ordinal);
}
