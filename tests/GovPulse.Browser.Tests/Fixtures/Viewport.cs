namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>The two screens the dashboard is built for: a phone held upright and a laptop.</summary>
public sealed record Viewport(int Width, int Height)
{
    public static readonly Viewport Phone = new(360, 740);

    public static readonly Viewport Desktop = new(1280, 800);

    public override string ToString() => $"{Width}x{Height}";
}
