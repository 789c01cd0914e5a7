using System.Xml.Linq;

namespace GovPulse.Dashboard.Tests.Charts;

/// <summary>A chart's SVG read as XML, with what a reader (or a screen reader) gets from it.</summary>
internal sealed class ChartSvg
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private ChartSvg(string text, XDocument document)
    {
        Text = text;
        Document = document;
    }

    public string Text { get; }

    public XDocument Document { get; }

    public XElement Root => Document.Root!;

    public string Title => Root.Element(Svg + "title")!.Value;

    public string Description => Root.Element(Svg + "desc")!.Value;

    public IEnumerable<string> Texts => Root.Descendants(Svg + "text").Select(t => t.Value.Trim());

    /// <summary>Parses the SVG; throws when it is not well-formed XML.</summary>
    public static ChartSvg Parse(string text) => new(text, XDocument.Parse(text));
}
