namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// Debian's chromium, driven by Playwright: no browser is downloaded (.ci/run installs the package).
/// Headless always; the flags keep the browser from phoning home or waiting for a first-run screen.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's chromium at {ExecutablePath}, which is not installed. " +
                "Install it with `sudo apt-get install -y chromium` (.ci/run does this when it runs as root); Playwright downloads no browser here.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
