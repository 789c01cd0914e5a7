namespace GovPulse.Exports.Documents;

/// <summary>An export's bytes, with the content type and file extension they are served as.</summary>
public sealed record RenderedFile(byte[] Content, string ContentType, string Extension);
