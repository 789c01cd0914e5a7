using System.Text.Json;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// axe-core (npm, pinned in package.json) run on the page against WCAG 2.0/2.1 A and AA. The script is
/// added as an init script from the test's side: Playwright evaluates it in every new document outside
/// the page's Content-Security-Policy, which (rightly) refuses any script the page did not serve itself.
/// </summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package.json")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "node_modules", "axe-core", "axe.min.js");
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"axe-core is not installed at {path ?? "node_modules/axe-core"}: run `npm ci` at the repo root (package.json pins it).");
        }

        return File.ReadAllText(path);
    });

    /// <summary>Makes axe available in every document the context opens from now on.</summary>
    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    /// <summary>Every WCAG 2.1 A/AA violation on the page as it is now, one line each with the elements concerned.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
                v.nodes.map(n => `${n.target.join(' ')} [${(n.failureSummary || '').replace(/\s+/g, ' ')}]`).join('; '));
            }
            """, Tags);
        return [.. found.EnumerateArray().Select(v => v.GetString() ?? "")];
    }
}
