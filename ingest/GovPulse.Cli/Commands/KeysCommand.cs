using System.CommandLine;
using System.Text.Json;
using GovPulse.Cli.Node;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary><c>govpulse keys create|list|revoke</c>: the node's API keys, through its admin API (admin key needed).</summary>
public static class KeysCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("keys", "Create, list and revoke the node's API keys (needs the admin key)");
        command.Add(CreateKey(consoles));
        command.Add(ListKeys(consoles));
        command.Add(RevokeKey(consoles));
        return command;
    }

    private static Command CreateKey(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var name = new Option<string>("--name") { Description = "Who the key is for, e.g. \"Phường Tân Định one-stop\"", Required = true };
        var units = new Option<string[]>("--unit")
        {
            Description = "Unit code the key may send events for (repeat for more)",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "CODE",
        };
        var allUnits = new Option<bool>("--all-units") { Description = "A key for every unit instead (say so explicitly: such a key can send for the whole city)" };
        var rate = new Option<int?>("--rate-per-minute") { Description = "Ingest requests a minute the key may make (default: the node's, 6000)", HelpName = "N" };
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 1_000_000)
            {
                r.AddError("--rate-per-minute must be a whole number from 1 to 1000000");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer (it holds the key)" };
        var command = new Command("create", "Create a key for some units; the key is shown once") { name, units, allUnits, rate, json };
        command.Validators.Add(r =>
        {
            var some = r.GetValue(units) is { Length: > 0 };
            if (some == r.GetValue(allUnits))
            {
                r.AddError(some ? "give --unit or --all-units, not both" : "say which units the key is for: --unit CODE (repeat for more), or --all-units");
            }
        });
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var created = await client.CreateKeyAsync(new KeyRequest(parse.GetValue(name)!.Trim(), parse.GetValue(units) ?? [], parse.GetValue(rate)), cancellationToken);
            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(JsonSerializer.Serialize(created, Json));
            }
            else
            {
                var table = KeyTable(withRevoked: false);
                table.AddRow(Markup.Escape(created.Id), Markup.Escape(created.Name), Markup.Escape(UnitList(created.Units)), Rate(created.RatePerMinute), When(created.CreatedAt));
                consoles.Out.Write(table);
                consoles.Out.MarkupLine("[bold]Key[/] (shown once — it cannot be read back):");
                consoles.RawOut.WriteLine(created.Key);
            }

            consoles.Warn("store this key now in a secret store or the sending system's configuration: it is not shown again. Lost? Revoke it and create another.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListKeys(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer" };
        var command = new Command("list", "List the keys (never the keys themselves)") { json };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var keys = await client.ListKeysAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(JsonSerializer.Serialize(keys, Json));
                return ExitCodes.Ok;
            }

            var table = KeyTable(withRevoked: true);
            foreach (var k in keys)
            {
                table.AddRow(
                    Markup.Escape(k.Id), Markup.Escape(k.Name), Markup.Escape(UnitList(k.Units)), Rate(k.RatePerMinute), When(k.CreatedAt),
                    k.RevokedAt is { } revoked ? $"[red]{When(revoked)}[/]" : "-");
            }

            consoles.Out.Write(table);
            consoles.Note($"{keys.Count} key{(keys.Count == 1 ? string.Empty : "s")}, {keys.Count(k => k.RevokedAt is null)} in use");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RevokeKey(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var id = new Argument<string>("ID") { Description = "The key's id, as `govpulse keys list` shows it" };
        var command = new Command("revoke", "Revoke a key: it stops working at once") { id };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var keyId = parse.GetValue(id)!;
            await client.RevokeKeyAsync(keyId, cancellationToken);
            consoles.Out.MarkupLineInterpolated($"Key [bold]{keyId}[/] revoked: requests with it are refused from now on.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table KeyTable(bool withRevoked)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Name").AddColumn("Units")
            .AddColumn(new TableColumn("Rate/min").RightAligned()).AddColumn("Created");
        return withRevoked ? table.AddColumn("Revoked") : table;
    }

    private static string UnitList(IReadOnlyList<string>? units) => units is { Count: > 0 } ? string.Join(", ", units) : "every unit";

    private static string Rate(int? perMinute) => perMinute is { } n ? $"{n:N0}" : "default";

    private static string When(DateTimeOffset? t) => t is { } v ? Markup.Escape(Commands.TimeArguments.Iso(v)) : "-";
}
