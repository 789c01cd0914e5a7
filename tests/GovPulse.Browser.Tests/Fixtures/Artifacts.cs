namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>Where the browser tests leave what CI keeps: <c>artifacts/screenshots/</c> at the repo root (beside GovPulse.sln).</summary>
public static class Artifacts
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GovPulse.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException($"GovPulse.sln not found above {AppContext.BaseDirectory}");
        return Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots")).FullName;
    });

    public static string Screenshots => Folder.Value;

    /// <summary>A whole-page screenshot named after the screen and the viewport, e.g. <c>overview-360x740.png</c>.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string screen, Viewport viewport)
    {
        var path = Path.Combine(Screenshots, $"{screen}-{viewport}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
