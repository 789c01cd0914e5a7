namespace GovPulse.Cli.Node;

/// <summary>An export file as the node answered it: its bytes, the instant its figures are as known at, its manifest's SHA-256 and the file name the node offers.</summary>
public sealed record ExportDownload(byte[] Content, string? AsOf, string? ManifestSha256, string? FileName)
{
    public const string AsOfHeader = "X-GovPulse-As-Of";
    public const string ManifestHeader = "X-GovPulse-Manifest";
}
