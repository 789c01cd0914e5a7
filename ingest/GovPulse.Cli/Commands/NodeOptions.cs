using System.CommandLine;
using GovPulse.Cli.Node;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>--url</c> and <c>--key</c>, shared by the commands that talk to a node. The key can come from
/// the environment (<c>GOVPULSE_KEY</c>) so it stays out of shell history; it is never printed.
/// </summary>
public sealed class NodeOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string KeyVariable = "GOVPULSE_KEY";
    public const string UrlVariable = "GOVPULSE_URL";

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The node's address (default {UrlVariable} or {DefaultUrl})",
        HelpName = "URL",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = $"API key sent as X-Api-Key (default: the {KeyVariable} environment variable; never printed)",
        HelpName = "KEY",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Url);
        command.Add(Key);
    }

    /// <summary>A client for the node the options name; <paramref name="retried"/> is told about each wait.</summary>
    public NodeClient Client(ParseResult parse, CliConsoles consoles, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(consoles);
        var url = parse.GetValue(Url) ?? consoles.Environment(UrlVariable) ?? DefaultUrl;
        var key = parse.GetValue(Key) ?? consoles.Environment(KeyVariable);
        return new NodeClient(NodeClient.ParseUrl(url), string.IsNullOrWhiteSpace(key) ? null : key.Trim(), retry, consoles.Warn);
    }
}
