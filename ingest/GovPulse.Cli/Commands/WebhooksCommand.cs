using System.CommandLine;
using System.Text.Json;
using GovPulse.Cli.Node;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary><c>govpulse webhooks add|list|remove</c>: the node's signed webhooks, through its admin API (admin key needed).</summary>
public static class WebhooksCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("webhooks", "Add, list and remove the webhooks GovPulse POSTs its notices to (needs the admin key)");
        command.Add(AddWebhook(consoles));
        command.Add(ListWebhooks(consoles));
        command.Add(RemoveWebhook(consoles));
        return command;
    }

    private static Command AddWebhook(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var url = new Argument<string>("URL") { Description = "The receiver's https:// address, e.g. https://bridge.example.gov.vn/govpulse" };
        var kinds = new Option<string[]>("--kinds")
        {
            Description = "Notice kinds it takes (hourly, digest, daily, alertStarted, alertCleared, morningList, test); default every kind",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "KIND",
        };
        var description = new Option<string?>("--description") { Description = "What it is for, e.g. \"Zalo OA of the city office\"" };
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer (it holds the secret)" };
        var command = new Command("add", "Register a webhook; its signing secret is shown once") { url, kinds, description, json };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var chosen = (parse.GetValue(kinds) ?? []).SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var created = await client.AddWebhookAsync(new WebhookRequest(parse.GetValue(url)!.Trim(), chosen, parse.GetValue(description)?.Trim()), cancellationToken);
            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(JsonSerializer.Serialize(created, Json));
            }
            else
            {
                var table = WebhookTable(withState: false);
                table.AddRow(Markup.Escape(created.Id), Markup.Escape(created.Url), Markup.Escape(KindList(created.Kinds)), Markup.Escape(created.Description ?? string.Empty), When(created.CreatedAt));
                consoles.Out.Write(table);
                consoles.Out.MarkupLine("[bold]Signing secret[/] (shown once — it cannot be read back):");
                consoles.RawOut.WriteLine(created.Secret);
            }

            consoles.Warn("give this secret to the receiver now (it checks X-GovPulse-Signature with it, docs/api.md): it is not shown again. Lost? Remove the webhook and add it again.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ListWebhooks(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var json = new Option<bool>("--json") { Description = "Print the node's JSON answer" };
        var command = new Command("list", "List the webhooks (never their secrets)") { json };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var webhooks = await client.ListWebhooksAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(JsonSerializer.Serialize(webhooks, Json));
                return ExitCodes.Ok;
            }

            var table = WebhookTable(withState: true);
            foreach (var w in webhooks)
            {
                table.AddRow(
                    Markup.Escape(w.Id), Markup.Escape(w.Url), Markup.Escape(KindList(w.Kinds)), Markup.Escape(w.Description ?? string.Empty), When(w.CreatedAt),
                    w.DisabledReason is { } reason ? $"[red]disabled: {Markup.Escape(reason)}[/]" : "active");
            }

            consoles.Out.Write(table);
            consoles.Note($"{webhooks.Count} webhook{(webhooks.Count == 1 ? string.Empty : "s")}, {webhooks.Count(w => w.DisabledReason is null)} active");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command RemoveWebhook(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var id = new Argument<string>("ID") { Description = "The webhook's id, as `govpulse webhooks list` shows it" };
        var command = new Command("remove", "Remove a webhook: nothing more is sent to it") { id };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var webhookId = parse.GetValue(id)!;
            await client.RemoveWebhookAsync(webhookId, cancellationToken);
            consoles.Out.MarkupLineInterpolated($"Webhook [bold]{webhookId}[/] removed: nothing more is sent to it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table WebhookTable(bool withState)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("URL").AddColumn("Kinds").AddColumn("Description").AddColumn("Created");
        return withState ? table.AddColumn("State") : table;
    }

    private static string KindList(IReadOnlyList<string>? kinds) => kinds is { Count: > 0 } ? string.Join(", ", kinds) : "every kind";

    private static string When(DateTimeOffset? t) => t is { } v ? Markup.Escape(TimeArguments.Iso(v)) : "-";
}
