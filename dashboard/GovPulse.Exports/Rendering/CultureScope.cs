using System.Globalization;

namespace GovPulse.Exports.Rendering;

/// <summary>
/// Runs a writer under the invariant culture: libraries format numbers and dates with the thread's
/// culture here and there (PDFsharp writes its dates so), and a file must not change with the
/// culture of the request thread. The words a file shows for people pick their culture explicitly.
/// </summary>
internal readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CultureScope(CultureInfo culture, CultureInfo uiCulture)
    {
        _culture = culture;
        _uiCulture = uiCulture;
    }

    public static CultureScope Invariant()
    {
        var scope = new CultureScope(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        return scope;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
